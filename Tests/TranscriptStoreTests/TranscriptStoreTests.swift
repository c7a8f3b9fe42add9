import Foundation
import GRDB
import InterviewCore
import Testing
@testable import TranscriptStore

/// The store against real SQLite files in temporary folders.
@Suite struct TranscriptStoreTests {
    let folder = NSTemporaryDirectory() + "rehearse-store-" + UUID().uuidString

    static func question(_ title: String, kind: CategoryKind) -> Question {
        let sections = [
            AnswerSection(label: "Reasoning and Best Practices", items: [SectionItem(text: "Measure on the device: Always.", lead: "Measure on the device")]),
            AnswerSection(label: "Pitfalls to Avoid", items: [SectionItem(text: "Guessing: Changing code before measuring anything.", lead: "Guessing")]),
            AnswerSection(label: "Follow-up Points", items: [SectionItem(text: "How would you measure it?")]),
        ]
        return Question(id: "test/" + QuestionIdentity.slug(title), title: title, line: 3, hash: QuestionIdentity.hash(title),
                        scaffold: kind.defaultScaffold, sections: sections, followUps: ["How would you measure it?"],
                        rubric: RubricBuilder.rubric(for: sections, kind: kind))
    }

    static func plan() -> SessionPlan {
        let guide = Guide(title: "Store Guide", categories: [
            Category(name: "Technical Questions", kind: .technical, questions: [question("What is \u{1B}[31mred\u{1B}[0m latency?", kind: .technical)]),
            Category(name: "Behavioral Questions", kind: .behavioral, questions: [question("Tell me about a launch.", kind: .behavioral)]),
        ])
        return try! SessionPlanner.plan(from: [.init(bank: "store", guide: guide)], count: 2, seed: 77)
    }

    /// A session with every field filled: free text, STAR parts, a follow-up, a pause, the
    /// judgement recorded at submission, a review (the second confirming its pitfall).
    static func playedInterview() -> Interview {
        var interview = Interview(plan: plan())
        var now = Instant.seconds(10)
        func at(_ seconds: Double) -> Instant { now = now + .milliseconds(Int64(seconds * 1000)); return now }
        _ = interview.handle(.begin(at: now))
        for position in 0..<2 {
            if interview.currentRecord?.scaffold == .star {
                _ = interview.handle(.type(.star(.situation), "At a robotics startup in 2023.", at: at(5)))
                _ = interview.handle(.type(.star(.action), "I measured on the device and I fixed the leak.", at: at(20)))
                _ = interview.handle(.type(.star(.result), "Crashes fell by 90%.", at: at(5)))
            } else {
                _ = interview.handle(.type(.free, "I would measure on the device; naïve “quotes” and \u{1B}[2J escapes.", at: at(5)))
                _ = interview.handle(.pause(at: at(3)))
                _ = interview.handle(.resume(at: at(30)))
            }
            _ = interview.handle(.submit(at: at(10)))
            let judge = AnswerJudge(weights: TermWeights(rubrics: interview.plan.questions.map(\.question.rubric)))
            if let planned = interview.current, let record = interview.currentRecord, let judgement = try? judge.judge(planned.question, record) {
                _ = interview.handle(.judged(judgement, at: at(0)))
            }
            _ = interview.handle(.type(.followUp(0), "With a power meter, position \(position).", at: at(4)))
            _ = interview.handle(.submit(at: at(4)))
            _ = interview.handle(.review(ticks: position == 0 ? [0] : [0, 1], at: at(2)))
        }
        return interview
    }

    @Test func everyFieldSurvivesASaveAndLoad() throws {
        let store = try TranscriptStore(folder: folder)
        let interview = Self.playedInterview()
        let id = try store.createSession(Interview(plan: interview.plan), at: Date(timeIntervalSince1970: 1_700_000_000))
        try store.save(id, interview, event: .review(ticks: [0], at: Instant.seconds(200)), at: Date(timeIntervalSince1970: 1_700_000_600))
        let loaded = try store.session(id)
        #expect(loaded.interview == interview)
        #expect(loaded.summary.state == .finished)
        #expect(loaded.summary.questionCount == 2)
        #expect(loaded.summary.answered == 2)
        #expect(loaded.summary.seed == 77)
        #expect(loaded.summary.guides == ["Store Guide"])
        #expect(loaded.summary.banks == ["store"])
        #expect(loaded.summary.startedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(loaded.summary.score == Scoring.sessionScore(interview))
        #expect(loaded.events.map(\.kind) == ["review"])
        // The records sit deflated beside the plan, escapes and all, exactly as typed.
        let records = try DatabaseQueue(path: store.path).read { try SessionRows.answers(SessionRows.storedAnswers($0, session: id)) }
        #expect(records == interview.records.map { $0 })
        let free = try #require(records.compactMap { $0 }.first { $0.scaffold == .free })
        #expect(free.freeText == "I would measure on the device; naïve “quotes” and \u{1B}[2J escapes.")
        #expect(free.pauses == 1)
        #expect(records.compactMap { $0?.followUpAnswers.first }.allSatisfy { $0.hasPrefix("With a power meter") })
    }

    @Test func theFolderAndFileArePrivate() throws {
        _ = try TranscriptStore(folder: folder)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder + "/rehearse.sqlite")[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func idsResolveByPrefixAndLatest() throws {
        let store = try TranscriptStore(folder: folder)
        #expect(throws: StoreError.noSessions) { try store.resolve("latest") }
        let first = try store.createSession(Interview(plan: Self.plan()), at: Date(timeIntervalSince1970: 100))
        let second = try store.createSession(Interview(plan: Self.plan()), at: Date(timeIntervalSince1970: 200))
        #expect(first.count == 8 && first.allSatisfy(\.isHexDigit))
        #expect(try store.resolve("latest") == second)
        #expect(try store.resolve(String(first.prefix(5))) == first || first.prefix(5) == second.prefix(5))
        #expect(try store.resolve(first.uppercased()) == first)
        #expect(throws: StoreError.noSuchSession("zzzz")) { try store.resolve("zzzz") }
        #expect(try store.sessions().map(\.id) == [second, first])
        #expect(try store.sessions(limit: 1).map(\.id) == [second])
        try store.delete(first)
        #expect(try store.sessions().map(\.id) == [second])
    }

    @Test func activeSessionsOfDeadProcessesBecomeInterrupted() throws {
        let store = try TranscriptStore(folder: folder)
        let dead = try store.createSession(Interview(plan: Self.plan()), pid: 999_999)
        let alive = try store.createSession(Interview(plan: Self.plan()), pid: getpid())
        let interrupted = try store.markInterrupted()
        #expect(interrupted.map(\.id) == [dead])
        #expect(try store.session(dead).summary.state == .interrupted)
        #expect(try store.session(alive).summary.state == .active)
    }

    @Test func anOlderSchemaMigratesKeepingItsSessions() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A database as the first version of the schema left it, made by hand.
        let old = try DatabaseQueue(path: folder + "/rehearse.sqlite")
        try Schema.migrator.migrate(old, upTo: "v1 sessions and questions")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO session (id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount, answered, secondsUsed, score, snapshot)
                VALUES ('0ld5e551', 1, 2, 'finished', 1, '["Old"]', '["old"]', 5, 2, 2, 61.5, 0.5, ?)
                """, arguments: [try TranscriptStore.json(Self.playedInterview())])
        }
        #expect(try old.read { try $0.tableExists("event") } == false)
        try old.close()
        let store = try TranscriptStore(folder: folder)
        #expect(try store.sessions().map(\.id) == ["0ld5e551"])
        #expect(try store.session("0ld5e551").interview == Self.playedInterview())
        try store.save("0ld5e551", Self.playedInterview(), event: .begin(at: Instant.seconds(1)))
        #expect(try store.session("0ld5e551").events.count == 1)
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        _ = try TranscriptStore(folder: folder)
        let path = folder + "/rehearse.sqlite"
        func contents() throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                    + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
        }
        let newer = try DatabaseQueue(path: path)
        try newer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9 from the future')") }
        try newer.close()
        let before = try contents()
        #expect(throws: StoreError.newerSchema(path: path, migrations: ["v9 from the future"])) {
            _ = try TranscriptStore(folder: folder)
        }
        #expect(try contents() == before)
    }

    @Test func aCorruptFileIsRefusedAndNeverOverwritten() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let junk = Data("this is not a database, it is a shopping list\n".utf8) + Data(repeating: 0x42, count: 5000)
        try junk.write(to: URL(fileURLWithPath: folder + "/rehearse.sqlite"))
        #expect(throws: StoreError.notADatabase(path: folder + "/rehearse.sqlite")) { _ = try TranscriptStore(folder: folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/rehearse.sqlite")) == junk)
    }

    @Test func anotherProgramsSQLiteFileIsRefusedAndLeftAlone() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/rehearse.sqlite"
        let foreign = try DatabaseQueue(path: path)
        try foreign.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')") }
        try foreign.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { _ = try TranscriptStore(folder: folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFolderThatCannotBeWrittenIsRefusedUpFront() throws {
        guard getuid() != 0 else {
            // Root writes anywhere: a file where the folder should be shows the same refusal.
            try Data().write(to: URL(fileURLWithPath: folder))
            #expect(throws: StoreError.folderNotWritable(path: folder, reason: "a file is in the way")) { _ = try TranscriptStore(folder: folder) }
            try FileManager.default.removeItem(atPath: folder)
            return
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        #expect(throws: StoreError.self) { _ = try TranscriptStore(folder: folder) }
    }

    @Test func twoWritersAtOnceBothSave() async throws {
        let first = try TranscriptStore(folder: folder)
        let second = try TranscriptStore(folder: folder)
        let interview = Self.playedInterview()
        let ids = try [first.createSession(interview), second.createSession(interview)]
        await withTaskGroup(of: Void.self) { group in
            for (store, id) in zip([first, second], ids) {
                group.addTask {
                    for step in 0..<100 {
                        try? store.save(id, interview, event: .tick(at: Instant.seconds(Double(step))), effects: [.warning(percent: 50)])
                    }
                }
            }
        }
        for id in ids {
            #expect(try first.session(id).events.count == 100)
        }
    }
}
