import Foundation
import GRDB
import InterviewCore
import Testing
@testable import TranscriptStore

/// How sessions are laid out on disk: the plan once, small saves, and readers that change nothing.
@Suite struct StoreLayoutTests {
    let folder = NSTemporaryDirectory() + "rehearse-layout-" + UUID().uuidString

    /// Plays `interview` to its end through the store the way the app does: a save for every
    /// event the autosave policy asks for, typing included.
    static func play(_ store: TranscriptStore, id: String, words: Int = 40) throws -> Interview {
        var interview = Interview(plan: TranscriptStoreTests.plan())
        var now = Instant.seconds(1)
        var autosave = AutosavePolicy()
        func apply(_ event: Interview.Event) throws {
            let before = (interview.phase, interview.index)
            let effects = interview.handle(event)
            let changed = before != (interview.phase, interview.index)
            if autosave.shouldSave(after: event, effects: effects, phaseChanged: changed) {
                try store.save(id, interview, event: event, effects: effects, position: before.1)
            }
            if autosave.flushIfDue(at: event.instant) { try store.save(id, interview, position: interview.index) }
        }
        try apply(.begin(at: now))
        while !interview.phase.isFinished {
            guard let field = interview.editableFields.first else {
                try apply(.review(ticks: [0], at: now))
                continue
            }
            var text = ""
            for word in 0..<words {
                text += (word == 0 ? "" : " ") + "word\(word)"
                now = now + .milliseconds(300)
                try apply(.type(field, text, at: now))
            }
            try apply(.submit(at: now))
        }
        return interview
    }

    static func files(in folder: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return contents
    }

    @Test func aSessionReadsBackExactlyAsItWasPlayed() throws {
        let store = try TranscriptStore(folder: folder)
        let id = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
        let played = try Self.play(store, id: id)
        #expect(try store.session(id).interview == played)
        // A new process reads the same.
        #expect(try TranscriptStore(folder: folder, access: .readOnly).session(id).interview == played)
    }

    @Test func aFinishedSessionLeavesNoFreePagesInANewStore() throws {
        let store = try TranscriptStore(folder: folder)
        let id = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
        _ = try StoreLayoutTests.play(store, id: id, words: 200)
        let (mode, free) = try DatabaseQueue(path: folder + "/" + TranscriptStore.fileName).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA auto_vacuum")!, try Int.fetchOne(db, sql: "PRAGMA freelist_count")!)
        }
        #expect(mode == 2) // incremental
        #expect(free == 0)
    }

    @Test func eachQuestionIsStoredOnceHoweverManySessionsAskIt() throws {
        let store = try TranscriptStore(folder: folder)
        for _ in 0..<5 {
            let id = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
            _ = try Self.play(store, id: id)
        }
        let counts = try DatabaseQueue(path: store.path).read { db in
            try (Int.fetchOne(db, sql: "SELECT count(*) FROM questionContent")!, Int.fetchOne(db, sql: "SELECT count(*) FROM sessionPlan")!)
        }
        #expect(counts == (2, 5))
    }

    @Test func typingRewritesOnlyTheStateRow() throws {
        let store = try TranscriptStore(folder: folder)
        var interview = Interview(plan: TranscriptStoreTests.plan())
        let id = try store.createSession(interview)
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.type(.free, "first", at: .seconds(2)))
        try store.save(id, interview, event: .type(.free, "first", at: .seconds(2)))
        let queue = try DatabaseQueue(path: store.path)
        func sessionRow() throws -> Row? { try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM session") } }
        func planRows() throws -> [Row] { try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM sessionPlan") } }
        let (session, plans) = (try sessionRow(), try planRows())
        for second in 3..<10 {
            let text = "first" + String(repeating: " more", count: second)
            _ = interview.handle(.type(.free, text, at: .seconds(Double(second))))
            try store.save(id, interview, event: .type(.free, text, at: .seconds(Double(second))))
        }
        #expect(try sessionRow() == session)
        #expect(try planRows() == plans, "the answers beside the plan are written when the phase changes, not per key")
        let events = try store.session(id).events
        #expect(events.filter { $0.kind == "type" }.count == 1, "typing on in one field is one entry on the timeline")
        #expect(try store.session(id).interview.records[0].freeText.hasSuffix("more more"))
    }

    @Test func aLongAnswerBeingTypedIsKeptDeflatedInTheStateRowAndATextRowStillReads() throws {
        let store = try TranscriptStore(folder: folder)
        var interview = Interview(plan: TranscriptStoreTests.plan())
        let id = try store.createSession(interview)
        _ = interview.handle(.begin(at: .seconds(1)))
        let text = (0..<400).map { "word\($0)" }.joined(separator: " ")
        _ = interview.handle(.type(.free, text, at: .seconds(2)))
        try store.save(id, interview, event: .type(.free, text, at: .seconds(2)))
        let queue = try DatabaseQueue(path: store.path)
        let stored = try #require(try queue.read { try DatabaseValue.fetchOne($0, sql: "SELECT progress FROM sessionState") })
        guard case .blob(let data) = stored.storage else {
            Issue.record("a long answer's progress is stored as text")
            return
        }
        #expect(data.count < text.utf8.count / 2)
        #expect(try TranscriptStore(folder: folder, access: .readOnly).session(id).interview == interview)
        #expect(try TranscriptStore(folder: folder, access: .readOnly).sessions(withAnswersHolding: "word399") == [id])
        // A state row written as text, as before, reads the same.
        let json = try StoreJSON.encode(interview.progress(keepingRecords: [interview.index]))
        try queue.write { try $0.execute(sql: "UPDATE sessionState SET progress = ?", arguments: [json]) }
        #expect(try TranscriptStore(folder: folder, access: .readOnly).session(id).interview == interview)
        #expect(try TranscriptStore(folder: folder, access: .readOnly).sessions(withAnswersHolding: "word399") == [id])
    }

    @Test func readingChangesNothingInTheDataFolder() throws {
        let id: String
        do {
            let store = try TranscriptStore(folder: folder)
            id = try store.createSession(Interview(plan: TranscriptStoreTests.plan()), pid: 999_999)
            _ = try Self.play(store, id: id)
            _ = try store.createSession(Interview(plan: TranscriptStoreTests.plan()), pid: 999_999)
        }
        let before = try Self.files(in: folder)
        let reader = try TranscriptStore(folder: folder, access: .readOnly)
        #expect(try reader.sessions().count == 2)
        #expect(try reader.sessions().contains { $0.state == .interrupted }, "a dead writer's session reads as interrupted")
        _ = try reader.session(id)
        _ = try reader.newestInterrupted()
        _ = try reader.resolve("latest")
        #expect(throws: StoreError.readOnly(path: reader.path)) { try reader.delete(id) }
        #expect(try Self.files(in: folder) == before)
    }

    @Test func readingWithNoStoreCreatesNothing() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let reader = try TranscriptStore(folder: folder, access: .readOnly)
        #expect(try reader.sessions().isEmpty)
        #expect(throws: StoreError.noSessions) { try reader.resolve("latest") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func anInterruptedSessionKeepsTheTimeItsLastSaveRecorded() throws {
        let store = try TranscriptStore(folder: folder)
        var interview = Interview(plan: TranscriptStoreTests.plan())
        let id = try store.createSession(interview, pid: 999_999)
        _ = interview.handle(.begin(at: .seconds(0)))
        _ = interview.handle(.type(.free, "thinking aloud", at: .seconds(1)))
        try store.save(id, interview, event: .type(.free, "thinking aloud", at: .seconds(1)), pid: 999_999)
        _ = interview.handle(.tick(at: .seconds(42)))
        try store.save(id, interview, event: .tick(at: .seconds(42)), pid: 999_999)
        let reader = try TranscriptStore(folder: folder, access: .readOnly)
        #expect(try reader.summary(id).secondsUsed == 41)
        try store.markInterrupted()
        #expect(try store.summary(id).state == .interrupted)
        #expect(try store.summary(id).secondsUsed == 41)
    }

    @Test func deletingASessionDropsQuestionsNoOtherSessionAsks() throws {
        let store = try TranscriptStore(folder: folder)
        let first = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
        let second = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
        let contents = { try DatabaseQueue(path: store.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM questionContent")! } }
        try store.delete(first)
        #expect(try contents() == 2)
        try store.delete(second)
        #expect(try contents() == 0)
    }

    @Test func aSessionWhosePlanWasLostDoesNotStopUnusedQuestionsGoing() throws {
        let store = try TranscriptStore(folder: folder)
        let lost = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
        let other = try store.createSession(Interview(plan: PracticeStoreTests.plan("What is a page fault?")))
        let queue = try DatabaseQueue(path: store.path)
        // As v5 leaves a session whose plan was lost before it: an empty plan beside its answers.
        try queue.write { try $0.execute(sql: "UPDATE sessionPlan SET plan = x'' WHERE sessionId = ?", arguments: [lost]) }
        let contents = { try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM questionContent")! } }
        #expect(try contents() == 3)
        try store.delete(other)
        #expect(try contents() == 0, "no readable plan asks any of them: before, an unreadable plan kept them all")
    }

    @Test func anOlderCopyOfASessionKeepsTheAnswersGivenLater() throws {
        let played = TranscriptStoreTests.playedInterview()
        var older = Interview(plan: played.plan)
        _ = older.handle(.begin(at: .seconds(1)))
        _ = older.handle(.type(.free, "an older draft", at: .seconds(2)))
        _ = older.handle(.submit(at: .seconds(3)))
        let id: String
        do {
            let store = try TranscriptStore(folder: folder)
            id = try store.createSession(Interview(plan: played.plan))
            try store.save(id, played)
        }
        // Another process (a second terminal, or a resumed recovery file) saves its older copy.
        let other = try TranscriptStore(folder: folder)
        try other.save(id, older, event: .submit(at: .seconds(3)))
        let records = try DatabaseQueue(path: other.path).read { try SessionRows.answers(SessionRows.storedAnswers($0, session: id)) }
        #expect(records.count == 2)
        #expect(records.last == played.records.last, "the later answer is kept")
        #expect(records.first == older.records.first, "what this copy holds is what it saved")
    }

    @Test func aStoreOfTheFourthSchemaMovesItsQuestionRowsBesideThePlan() throws {
        let played = TranscriptStoreTests.playedInterview()
        var begun = Interview(plan: played.plan)
        _ = begun.handle(.begin(at: .seconds(1)))
        _ = begun.handle(.type(.free, "half an answer", at: .seconds(3)))
        _ = begun.handle(.submit(at: .seconds(4)))
        let (finished, inProgress, planless): (String, String, String)
        let eventsBefore: Int
        do {
            let store = try TranscriptStore(folder: folder)
            finished = try store.createSession(Interview(plan: played.plan))
            try store.save(finished, played, event: .review(ticks: [0], at: .seconds(200)))
            inProgress = try store.createSession(Interview(plan: begun.plan))
            try store.save(inProgress, begun, event: .submit(at: .seconds(4)))
            planless = try store.createSession(Interview(plan: played.plan))
            try store.save(planless, played)
            try SchemaV4Rewrite.rewrite(storeAt: store.path)
            eventsBefore = try DatabaseQueue(path: store.path).write { db in
                try db.execute(sql: "DELETE FROM sessionPlan WHERE sessionId = ?", arguments: [planless])
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM event")!
            }
        }
        let store = try TranscriptStore(folder: folder)
        #expect(try store.session(finished).interview == played)
        #expect(try store.session(inProgress).interview == begun)
        #expect(try store.sessions(withAnswersHolding: "POWER METER") == [finished, planless])
        #expect(throws: StoreError.self) { try store.session(planless) }
        let queue = try DatabaseQueue(path: store.path)
        try queue.read { db in
            #expect(try db.tableExists("question") == false)
            #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0, "the moved rows' pages are given back once")
            #expect(try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 0, "an older store keeps the vacuum mode it was made with")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event") == eventsBefore)
            #expect(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event'")?.contains("WITHOUT ROWID") == true)
            // A session whose plan was lost keeps its answers, though it cannot be resumed.
            let kept = try SessionRows.storedAnswers(db, session: planless)
            #expect(try SessionRows.answers(kept).compactMap { $0 } == played.records)
        }
    }

    @Test func aStoreOfTheSecondSchemaMovesItsSnapshotsApart() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: folder + "/rehearse.sqlite")
        try Schema.migrator.migrate(old, upTo: "v2 timeline")
        let played = TranscriptStoreTests.playedInterview()
        try old.write { db in
            for (id, snapshot) in [("5e551011", try StoreJSON.encode(played)), ("da3a9ed0", "{ not json")] {
                try db.execute(sql: """
                    INSERT INTO session (id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount, answered, secondsUsed, score, snapshot)
                    VALUES (?, 1, 2, 'finished', 1, '["Old"]', '["old"]', 5, 2, 2, 61.5, 0.5, ?)
                    """, arguments: [id, snapshot])
            }
        }
        try old.close()
        let store = try TranscriptStore(folder: folder)
        #expect(try store.session("5e551011").interview == played)
        #expect(throws: StoreError.self) { try store.session("da3a9ed0") }
        let kept = try DatabaseQueue(path: store.path).read { try String.fetchOne($0, sql: "SELECT snapshot FROM unreadableSnapshot") }
        #expect(kept == "{ not json", "a snapshot that cannot be read is kept, not dropped")
    }
}
