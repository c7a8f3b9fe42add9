import Foundation
import GRDB
import InterviewCore

/// Sessions saved as they happen, in one SQLite file (WAL) in the user's data folder.
public final class TranscriptStore: Sendable {
    public static let fileName = "rehearse.sqlite"

    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the store in `folder`. Refuses a damaged or foreign file and
    /// one from a newer Rehearse, and never writes to either.
    public init(folder: String) throws(StoreError) {
        try DataFolder.prepare(folder)
        path = folder + "/" + Self.fileName
        if !FileManager.default.fileExists(atPath: path) {
            // Created private before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5) // two interviews in two terminals share the file
        configuration.foreignKeysEnabled = true
        // Two Rehearse starting at once would both create the tables: take turns to open.
        let lock = open(folder + "/.rehearse.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }
        do {
            // Look before writing: opening for writing switches the file to WAL, which would
            // already change a file that is not ours.
            try Self.checkIsOurs(path)
            // The file holds the user's answers: theirs alone, whatever mode it was given.
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .notADatabase(path: path)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Throws unless the file is empty, or a Rehearse database of this version or older.
    private static func checkIsOurs(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            guard !tables.isEmpty else { return }
            // The migrations table alone marks the file as ours: another Rehearse starting at
            // the same moment may not have created the rest yet.
            guard tables.contains("grdb_migrations") else { throw StoreError.notADatabase(path: path) }
            let known = Set(Schema.migrator.migrations)
            let unknown = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").filter { !known.contains($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, migrations: unknown) }
        }
    }

    // MARK: Writing

    /// Starts a session for `interview`; returns its id (8 hex digits).
    public func createSession(_ interview: Interview, at date: Date = Date(), pid: Int32 = getpid()) throws -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let id = String(UInt32.random(in: 0x1000_0000...UInt32.max, using: &generator), radix: 16)
            let inserted = try pool.write { db -> Bool in
                guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)", arguments: [id])! else { return false }
                try db.execute(sql: """
                    INSERT INTO session (id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount,
                                         answered, secondsUsed, score, snapshot)
                    VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, 0, 0, NULL, ?)
                    """, arguments: [
                        id, date.timeIntervalSince1970, date.timeIntervalSince1970, pid,
                        try Self.json(Array(Set(interview.plan.questions.map(\.guideTitle))).sorted()),
                        try Self.json(Array(Set(interview.plan.questions.map(\.bank))).sorted()),
                        Int64(bitPattern: interview.plan.seed), interview.plan.questions.count,
                        try Self.json(interview),
                    ])
                return true
            }
            if inserted { return id }
        }
        throw StoreError.unreadable(path: path, reason: "could not choose a free session id")
    }

    /// Saves the session as it now stands, and `event` on its timeline.
    /// `position` is the question (0-based) the event happened at: a review belongs to the
    /// question reviewed, though the interview has moved on to the next one.
    public func save(_ id: String, _ interview: Interview, event: Interview.Event? = nil, effects: [Interview.Effect] = [],
                     position: Int? = nil, at date: Date = Date(), pid: Int32 = getpid()) throws {
        try pool.write { db in
            let records = zip(interview.plan.questions, interview.records).enumerated()
                .prefix(interview.askedCount)
            let answered = records.filter { $0.element.1.reviewed || $0.element.1.skipped }.count
            let seconds = interview.records.reduce(Duration.zero) { $0 + $1.totalTime }.secondsValue
            try db.execute(sql: """
                UPDATE session SET updatedAt = ?, state = ?, pid = ?, answered = ?, secondsUsed = ?, score = ?, snapshot = ?
                WHERE id = ?
                """, arguments: [date.timeIntervalSince1970, Self.state(of: interview).rawValue, pid, answered, seconds,
                                 Scoring.sessionScore(interview), try Self.json(interview), id])
            // Only the current question and the one just left can have changed: every move to
            // a new question is saved at once, so earlier rows are already final.
            for (number, (planned, record)) in records.suffix(2) {
                try Self.saveQuestion(db, session: id, position: number, planned, record)
            }
            if let event, let entry = Self.timelineEntry(event, effects: effects, interview: interview) {
                let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), -1) + 1 FROM event WHERE sessionId = ?", arguments: [id])!
                try db.execute(sql: "INSERT INTO event (sessionId, sequence, position, atSeconds, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, next, (position ?? interview.index) + 1, entry.at, entry.kind, entry.detail])
            }
        }
    }

    /// Active sessions whose process is gone become interrupted; returns them, newest first.
    @discardableResult
    public func markInterrupted(isAlive: (Int32) -> Bool = TranscriptStore.processIsAlive) throws -> [SessionSummary] {
        let stale = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, pid FROM session WHERE state = 'active'")
                .filter { !isAlive(Int32(truncatingIfNeeded: $0["pid"] as Int64)) }
                .map { $0["id"] as String }
        }
        guard !stale.isEmpty else { return [] }
        try pool.write { db in
            for id in stale {
                try db.execute(sql: "UPDATE session SET state = 'interrupted' WHERE id = ? AND state = 'active'", arguments: [id])
            }
        }
        return try sessions().filter { stale.contains($0.id) }
    }

    /// Marks one session interrupted (Ctrl-C): it stays resumable.
    public func markInterrupted(_ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE session SET state = 'interrupted' WHERE id = ? AND state = 'active'", arguments: [id])
        }
    }

    public func delete(_ id: String) throws {
        try pool.write { db in _ = try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id]) }
    }

    // MARK: Reading

    /// Sessions, newest first.
    public func sessions(limit: Int? = nil) throws -> [SessionSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM session ORDER BY startedAt DESC, rowid DESC LIMIT ?",
                             arguments: [limit ?? -1]).map(Self.summary)
        }
    }

    public func session(_ id: String) throws -> StoredSession {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchSession(id)
            }
            let interview = try JSONDecoder().decode(Interview.self, from: Data((row["snapshot"] as String).utf8))
            let events = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE sessionId = ? ORDER BY sequence", arguments: [id]).map {
                TimelineEvent(sequence: $0["sequence"], position: $0["position"], atSeconds: $0["atSeconds"],
                              kind: $0["kind"], detail: $0["detail"])
            }
            return StoredSession(summary: try Self.summary(row), interview: interview, events: events)
        }
    }

    /// `latest`, a whole id, or a prefix that matches one id.
    public func resolve(_ reference: String) throws -> String {
        try pool.read { db in
            guard !reference.isEmpty else { throw StoreError.noSuchSession(reference) }
            if reference.lowercased() == "latest" {
                guard let id = try String.fetchOne(db, sql: "SELECT id FROM session ORDER BY startedAt DESC, rowid DESC LIMIT 1") else {
                    throw StoreError.noSessions
                }
                return id
            }
            let matches = try String.fetchAll(db, sql: "SELECT id FROM session WHERE substr(id, 1, ?) = ? ORDER BY startedAt DESC",
                                              arguments: [reference.count, reference.lowercased()])
            if let exact = matches.first(where: { $0 == reference.lowercased() }) { return exact }
            if matches.count == 1 { return matches[0] }
            throw matches.isEmpty ? StoreError.noSuchSession(reference) : StoreError.ambiguousSession(reference, matches: matches)
        }
    }

    /// What each session's asked questions hold, for filtering and searching history: their
    /// kinds, and everything written for them (answers, STAR parts, follow-up answers).
    public func sessionContents() throws -> [String: SessionContents] {
        try pool.read { db in
            var contents: [String: SessionContents] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT sessionId, kind, answer, followUps FROM question") {
                let id: String = row["sessionId"]
                var entry = contents[id] ?? SessionContents()
                if let kind = CategoryKind(rawValue: row["kind"]) { entry.kinds.insert(kind) }
                entry.text += (row["answer"] as String) + "\n"
                for followUp in (try? Self.decode([FollowUpRecord].self, row["followUps"])) ?? [] where !followUp.answer.isEmpty {
                    entry.text += followUp.answer + "\n"
                }
                contents[id] = entry
            }
            return contents
        }
    }

    /// The stored row of each question asked so far, for tools and tests.
    public func questionRows(_ id: String) throws -> [[String: DatabaseValue]] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM question WHERE sessionId = ? ORDER BY position", arguments: [id]).map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
            }
        }
    }

    // MARK: Helpers

    public static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    static func state(of interview: Interview) -> SessionState {
        switch interview.phase {
        case .summary: .finished
        case .abandoned: .abandoned
        default: .active
        }
    }

    private static func saveQuestion(_ db: Database, session: String, position: Int, _ planned: PlannedQuestion, _ record: QuestionRecord) throws {
        let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
        let detected = PointDetection.detected(rubric: planned.question.rubric, answer: record.mainAnswer, star: star)
        let followUps = planned.followUps.enumerated().map { index, question in
            FollowUpRecord(question: question, answer: record.followUpAnswers[index], seconds: record.followUpTimes[index].secondsValue)
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO question (sessionId, position, questionId, hash, title, kind, scaffold, answer, starParts,
                followUps, secondsUsed, overtimeSeconds, pauses, skipped, submittedAtTimeUp, ticks, detected, analysis, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                session, position, planned.question.id, planned.question.hash, planned.question.title, planned.kind.rawValue,
                record.scaffold.rawValue, record.mainAnswer, try json(record.starParts), try json(followUps),
                record.totalTime.secondsValue, record.overtime.secondsValue, record.pauses, record.skipped,
                record.submittedAtTimeUp, try json(record.ticks.sorted()), try json(detected.sorted()),
                try star.map { try json($0) },
                record.reviewed ? Scoring.score(rubric: planned.question.rubric, ticks: record.ticks) : nil,
            ])
    }

    /// Ticks are frequent and say nothing unless something happened at them.
    private static func timelineEntry(_ event: Interview.Event, effects: [Interview.Effect], interview: Interview) -> (at: Double, kind: String, detail: String)? {
        let at = event.instant.sinceOrigin.secondsValue
        switch event {
        case .begin: return (at, "begin", "")
        case .type(let field, let text, _): return (at, "type", "\(field.name) \(text.count) characters")
        case .submit: return (at, "submit", "")
        case .tick:
            let notable = effects.compactMap { effect -> String? in
                switch effect {
                case .warning(let percent): "warning \(percent)%"
                case .timeUp: "time up"
                default: nil
                }
            }
            return notable.isEmpty ? nil : (at, "clock", notable.joined(separator: ", "))
        case .pause: return (at, "pause", "")
        case .resume: return (at, "resume", "")
        case .skip: return (at, "skip", "")
        case .abandon: return (at, "abandon", "")
        case .useScaffold(let scaffold, _): return (at, "scaffold", scaffold.rawValue)
        case .review(let ticks, _): return (at, "review", ticks.sorted().map { String($0 + 1) }.joined(separator: " "))
        }
    }

    private static func summary(_ row: Row) throws -> SessionSummary {
        SessionSummary(
            id: row["id"], startedAt: Date(timeIntervalSince1970: row["startedAt"]),
            updatedAt: Date(timeIntervalSince1970: row["updatedAt"]),
            state: SessionState(rawValue: row["state"]) ?? .interrupted,
            // A damaged list must not hide the rest of the history.
            guides: (try? decode([String].self, row["guides"])) ?? [], banks: (try? decode([String].self, row["banks"])) ?? [],
            seed: UInt64(bitPattern: row["seed"]), questionCount: row["questionCount"], answered: row["answered"],
            secondsUsed: row["secondsUsed"], score: row["score"])
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

struct FollowUpRecord: Codable {
    var question: String
    var answer: String
    var seconds: Double
}

extension AnswerField {
    var name: String {
        switch self {
        case .free: "answer"
        case .star(let part): part.rawValue
        case .followUp(let number): "follow-up \(number + 1)"
        }
    }
}
