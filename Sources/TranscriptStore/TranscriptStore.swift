import Foundation
import GRDB
import InterviewCore
import Synchronization

/// Sessions saved as they happen, in one SQLite file (WAL) in the user's data folder.
///
/// Opened for writing (`practice`), it refuses a damaged, foreign or newer file before anything
/// is asked of the user and never writes to one. Opened for reading (`history`, `review`,
/// `export`), it changes nothing in the data folder: no probe file, no journal, no migration
/// of a current store.
public final class TranscriptStore: Sendable {
    public enum Access: Sendable {
        case readWrite
        case readOnly
    }

    public static let fileName = "rehearse.sqlite"

    public let folder: String
    public let path: String
    public let access: Access
    /// Schedules each question from its attempts (the desired retention is the user's).
    public let scheduler: FSRS
    /// Where questions kept by reference are found again; with none, every question is stored whole.
    public let questionSource: (any QuestionSource)?
    private let connection: Mutex<Connection>

    /// The open database, the file it was opened on, and what each session's last save wrote.
    private struct Connection: Sendable {
        /// nil when opened for reading and there is no store yet.
        var database: (any DatabaseWriter)?
        var file: FileIdentity?
        var marks: [String: SaveMark] = [:]
    }

    /// What the store knows of a session it saved in this process, so that a save writes only
    /// what changed since the last one.
    private struct SaveMark: Sendable {
        var startedAt: Date
        var phase: Interview.Phase
        var index: Int
        var pid: Int32
        /// Question rows before this position hold their final record.
        var firstUnsettled: Int
        var nextSequence: Int
        /// The field of the last "type" entry on the timeline: typing goes on in the same field
        /// without a new entry.
        var typing: (position: Int, field: String)?
    }

    /// Opens the store in `folder`: for writing (creating it if needed), or for reading only.
    /// A question that `questionSource` holds as asked is kept by reference to it.
    public init(folder: String, access: Access = .readWrite, scheduler: FSRS = FSRS(),
                questionSource: (any QuestionSource)? = nil) throws(StoreError) {
        self.folder = folder
        path = folder + "/" + Self.fileName
        self.access = access
        self.scheduler = scheduler
        self.questionSource = questionSource
        var opened = Connection()
        switch access {
        case .readWrite:
            opened = try Self.openForWriting(folder: folder, path: path)
        case .readOnly:
            opened.database = try Self.openForReading(folder: folder, path: path)
        }
        connection = Mutex(opened)
    }

    private static func openForWriting(folder: String, path: String) throws(StoreError) -> Connection {
        try DataFolder.prepare(folder)
        if !FileManager.default.fileExists(atPath: path) {
            // Created private before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        // Two Rehearse starting at once would both create the tables: take turns to open.
        let lock = open(folder + "/.rehearse.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }
        do {
            // Look before writing: opening for writing switches the file to WAL, which would
            // already change a file that is not ours, or a damaged one. Every page is read
            // unless the file is as Rehearse last left it.
            try StoreInspection.check(path, integrity: !IntegrityStamp.matches(folder: folder, path: path))
            // From here the file changes: its note is out of date until it is closed again.
            IntegrityStamp.forget(folder: folder)
            // The file holds the user's answers: theirs alone, whatever mode it was given.
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let pool = try DatabasePool(path: path, configuration: Self.writingConfiguration)
            let older = try pool.read { db in try db.tableExists("grdb_migrations") && !Schema.migrator.hasCompletedMigrations(db) }
            try Schema.migrator.migrate(pool)
            if older { try Self.giveBackFreedPages(pool) }
            return Connection(database: pool, file: FileIdentity(path: path))
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// A migration that moves rows leaves their old pages free inside the file. Once, when an
    /// older store is brought up to date, the file is rewritten without them, rather than
    /// keeping them for saves to come.
    private static func giveBackFreedPages(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let total = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            // VACUUM needs room for a copy; on a full disk the store stays as it is, whole.
            if free > total / 4 { try? db.execute(sql: "VACUUM") }
        }
    }

    private static var writingConfiguration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5) // two interviews in two terminals share the file
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Small pages for a new store: rows are small, and typing rewrites one of them a
            // second, so a small page means fewer bytes written per save. (No effect once the
            // file has tables.)
            try db.execute(sql: "PRAGMA page_size = 1024")
            // A new store can give back the pages a session's rewrites left free, once the
            // session ends (see `save`). Set on an empty file only: SQLite fixes it when the first
            // table is made, and on an older store it would write at every open and convert the
            // store at its next VACUUM.
            if !db.configuration.readonly, try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
            // Small checkpoints keep the journal small, and a journal that is not truncated
            // keeps its space: saves go on reusing it when the disk fills up.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 64")
            try db.execute(sql: "PRAGMA journal_size_limit = 1048576")
            // 512 KB of pages per connection rather than SQLite's 2 MB: the app's reads touch few
            // pages, and listing a large history reads each page once, so a larger cache only
            // kept the pages of the last listing in memory (1.5 MB at 10,000 sessions).
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        return configuration
    }

    private static func openForReading(folder: String, path: String) throws(StoreError) -> (any DatabaseWriter)? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .notAFile(path: path)
        }
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            switch try StoreInspection.check(path, integrity: false) {
            case .current:
                return try StoreInspection.readOnlyQueue(path)
            case .empty:
                return nil
            case .older:
                // A store from an older Rehearse is brought up to date once, then read.
                _ = try openForWriting(folder: folder, path: path)
                return try StoreInspection.readOnlyQueue(path)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    deinit {
        guard access == .readWrite else { return }
        // Closed, then noted as whole: the next open need not read every page again.
        let closed = connection.withLock { connection -> Bool in
            guard let pool = connection.database as? DatabasePool else { return false }
            // Readers first: the last connection to close checkpoints the journal and deletes it,
            // which a read-only one cannot do.
            pool.releaseMemory()
            return (try? pool.close()) != nil
        }
        if closed { IntegrityStamp.record(folder: folder, path: path) }
    }

    /// The open database, for reading; nil when there is no store yet.
    var reader: (any DatabaseReader)? { connection.withLock { $0.database } }

    // MARK: Writing

    /// Starts a session for `interview`; returns its id (8 hex digits).
    public func createSession(_ interview: Interview, at date: Date = Date(), pid: Int32 = getpid()) throws -> String {
        let database = try writableDatabase()
        // A guide the source reads for the first time is read here, not while holding the write lock.
        for planned in interview.plan.questions { _ = questionSource?.question(bank: planned.bank, id: planned.question.id) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let id = String(UInt32.random(in: 0x1000_0000...UInt32.max, using: &generator), radix: 16)
            let inserted = try database.write { db -> Bool in
                guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)", arguments: [id])! else { return false }
                try Self.insertSession(db, id: id, interview, startedAt: date, pid: pid, source: questionSource)
                return true
            }
            if inserted {
                connection.withLock {
                    $0.marks[id] = SaveMark(startedAt: date, phase: interview.phase, index: interview.index, pid: pid,
                                            firstUnsettled: interview.settledPositions.upperBound, nextSequence: 0)
                }
                return id
            }
        }
        throw StoreError.unreadable(path: path, reason: "could not choose a free session id")
    }

    /// Saves the session as it now stands, and `event` on its timeline. `position` is the
    /// question (0-based) the event happened at: a review belongs to the question reviewed,
    /// though the interview has moved on to the next one.
    ///
    /// Typing writes only the small state row; a move to another phase or question writes the
    /// session's summary and question rows too. If the file was deleted or replaced since it
    /// was opened, it is opened again and the session written whole.
    /// `startedAt` is the session's start, for when the store has lost the session (or never
    /// had it: a session brought back from a recovery file) and writes it whole.
    public func save(_ id: String, _ interview: Interview, event: Interview.Event? = nil, effects: [Interview.Effect] = [],
                     position: Int? = nil, at date: Date = Date(), pid: Int32 = getpid(), startedAt: Date? = nil) throws {
        let database = try writableDatabase()
        let known = connection.withLock { $0.marks[id] }
        let entry = event.flatMap { Self.timelineEntry($0, effects: effects, interview: interview) }
        let wasFinished = known?.phase.isFinished ?? false
        let mark = try database.write { db -> SaveMark in
            var mark = try known ?? Self.mark(db, id: id, interview, startedAt: startedAt ?? date, pid: pid,
                                                source: questionSource)
            let full = known == nil || mark.phase != interview.phase || mark.index != interview.index || mark.pid != pid
                || !Self.isTyping(event, effects: effects)
            _ = try SessionRows.writeState(db, session: id, interview, at: date)
            if full {
                try Self.writeSummary(db, id: id, interview, at: date, pid: pid)
                let unsettled = min(mark.firstUnsettled, interview.askedCount)..<interview.askedCount
                if !unsettled.isEmpty { try SessionRows.writeAnswers(db, session: id, interview) }
                for position in unsettled {
                    // A reviewed answer is an attempt at its question, and moves its schedule.
                    try PracticeRows.recordAttempt(db, session: id, position: position, interview.plan.questions[position],
                                                   interview.records[position], at: date, scheduler: scheduler)
                }
                mark.firstUnsettled = interview.settledPositions.upperBound
                mark.phase = interview.phase
                mark.index = interview.index
                mark.pid = pid
            }
            if let entry {
                let at = (position ?? interview.index)
                if case .type(let field, _, _) = event {
                    if let typing = mark.typing, typing == (at, field.name) { return mark }
                    mark.typing = (at, field.name)
                } else {
                    mark.typing = nil
                }
                try db.execute(sql: "INSERT INTO event (sessionId, sequence, position, atSeconds, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, mark.nextSequence, at + 1, entry.at, entry.kind, entry.detail])
                mark.nextSequence += 1
            }
            return mark
        }
        connection.withLock { $0.marks[id] = mark }
        if interview.phase.isFinished, !wasFinished { giveBackFreePages(database) }
    }

    /// Each save at a phase change rewrote the session's records, freeing the pages of the copy
    /// before. A store made with incremental vacuum gives them back once the session ends (a few
    /// pages; nothing happens in a store made without it). After the save's commit, on its own,
    /// and at most 256 pages at a time: failing, on a full disk say, it costs only the pages.
    private func giveBackFreePages(_ database: any DatabaseWriter) {
        try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA incremental_vacuum(256)") }
    }

    /// A typing or clock event with nothing else to record: only the state row changes.
    private static func isTyping(_ event: Interview.Event?, effects: [Interview.Effect]) -> Bool {
        switch event {
        case nil, .type: return true
        case .tick: return !effects.contains { if case .warning = $0 { true } else { $0 == .timeUp } }
        default: return false
        }
    }

    /// What the store holds of a session it has not saved in this process, writing the session
    /// whole when the store has lost it (a file deleted or replaced under a running session).
    private static func mark(_ db: Database, id: String, _ interview: Interview, startedAt: Date, pid: Int32,
                             source: (any QuestionSource)?) throws -> SaveMark {
        if let row = try Row.fetchOne(db, sql: "SELECT startedAt FROM session WHERE id = ?", arguments: [id]) {
            let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), -1) + 1 FROM event WHERE sessionId = ?", arguments: [id])!
            return SaveMark(startedAt: Date(timeIntervalSince1970: row["startedAt"]), phase: interview.phase, index: interview.index,
                            pid: pid, firstUnsettled: 0, nextSequence: next)
        }
        try insertSession(db, id: id, interview, startedAt: startedAt, pid: pid, source: source)
        return SaveMark(startedAt: startedAt, phase: interview.phase, index: interview.index, pid: pid, firstUnsettled: 0, nextSequence: 0)
    }

    private static func insertSession(_ db: Database, id: String, _ interview: Interview, startedAt: Date, pid: Int32,
                                      source: (any QuestionSource)?) throws {
        try db.execute(sql: """
            INSERT INTO session (id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount, answered, secondsUsed, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                id, startedAt.timeIntervalSince1970, startedAt.timeIntervalSince1970, state(of: interview).rawValue, pid,
                try StoreJSON.encode(Array(Set(interview.plan.questions.map(\.guideTitle))).sorted()),
                try StoreJSON.encode(Array(Set(interview.plan.questions.map(\.bank))).sorted()),
                Int64(bitPattern: interview.plan.seed), interview.plan.questions.count, answeredCount(interview),
                SessionRows.secondsUsed(interview), Scoring.sessionScore(interview),
            ])
        try SessionRows.insertPlan(db, session: id, interview.plan, source: source)
        _ = try SessionRows.writeState(db, session: id, interview, at: startedAt)
    }

    private static func writeSummary(_ db: Database, id: String, _ interview: Interview, at date: Date, pid: Int32) throws {
        try db.execute(sql: """
            UPDATE session SET updatedAt = ?, state = ?, pid = ?, answered = ?, secondsUsed = ?, score = ? WHERE id = ?
            """, arguments: [date.timeIntervalSince1970, state(of: interview).rawValue, pid, answeredCount(interview),
                             SessionRows.secondsUsed(interview), Scoring.sessionScore(interview), id])
    }

    static func answeredCount(_ interview: Interview) -> Int {
        interview.tally.answered
    }

    /// Active sessions whose process is gone become interrupted, keeping the time their last
    /// save recorded; returns them, newest first.
    @discardableResult
    public func markInterrupted(isAlive: (Int32) -> Bool = TranscriptStore.processIsAlive) throws -> [SessionSummary] {
        let database = try writableDatabase()
        let stale = try database.read { db in
            // The first term lets SQLite use the partial index of unfinished sessions: without
            // it, every session's row is read (1.6 MB of pages at 10,000 sessions).
            try Row.fetchAll(db, sql: "SELECT id, pid FROM session WHERE state IN ('active', 'interrupted') AND state = 'active'")
                .filter { !isAlive(Int32(truncatingIfNeeded: $0["pid"] as Int64)) }
                .map { $0["id"] as String }
        }
        guard !stale.isEmpty else { return [] }
        try database.write { db in
            for id in stale { try Self.interrupt(db, id: id) }
        }
        return try sessions().filter { stale.contains($0.id) }
    }

    /// Marks one session interrupted (Ctrl-C, a signal): it stays resumable.
    public func markInterrupted(_ id: String) throws {
        try writableDatabase().write { db in try Self.interrupt(db, id: id) }
    }

    private static func interrupt(_ db: Database, id: String) throws {
        try db.execute(sql: """
            UPDATE session SET state = 'interrupted',
                secondsUsed = COALESCE((SELECT secondsUsed FROM sessionState WHERE sessionId = session.id), secondsUsed),
                updatedAt = COALESCE((SELECT updatedAt FROM sessionState WHERE sessionId = session.id), updatedAt)
            WHERE id = ? AND state = 'active'
            """, arguments: [id])
    }

    public func delete(_ id: String) throws {
        try writableDatabase().write { db in
            let attempted = try String.fetchAll(db, sql: "SELECT DISTINCT questionId FROM attempt WHERE sessionId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
            // Its attempts go with it, and the schedules they moved are replayed without them.
            for questionId in attempted { try PracticeRows.replaySchedule(db, questionId: questionId, scheduler: scheduler) }
            // Questions no session asks any more go too.
            try SessionRows.deleteUnusedContent(db)
        }
        connection.withLock { _ = $0.marks.removeValue(forKey: id) }
    }

    /// The database to write to, opened again (and the sessions saved in this process written
    /// whole) if the file was deleted or replaced since it was opened.
    private func writableDatabase() throws -> any DatabaseWriter {
        guard access == .readWrite else { throw StoreError.readOnly(path: path) }
        return try connection.withLock { (connection: inout Connection) throws -> any DatabaseWriter in
            if let database = connection.database, let file = connection.file, FileIdentity(path: path) == file {
                return database
            }
            var reopened = try Self.openForWriting(folder: folder, path: path)
            // Forget what was saved: the next save of each session writes it whole.
            reopened.marks = [:]
            connection = reopened
            return reopened.database!
        }
    }

    // MARK: Reading

    /// Sessions, newest first.
    public func sessions(limit: Int? = nil) throws -> [SessionSummary] {
        var sessions: [SessionSummary] = []
        try forEachSession(limit: limit) { sessions.append($0) }
        return sessions
    }

    /// Each session, newest first, as it is read: a long history is never held whole.
    public func forEachSession(limit: Int? = nil, _ body: (SessionSummary) throws -> Void) throws {
        guard let reader else { return }
        try reader.read { db in
            let listing = SessionListingReader(db)
            let rows = try Row.fetchCursor(db, sql: "SELECT \(SessionListingReader.columns) FROM session ORDER BY startedAt DESC, rowid DESC LIMIT ?",
                                           arguments: [limit ?? -1])
            while let row = try rows.next() {
                try body(try listing.summary(row))
            }
        }
    }

    /// The newest session there is to go on with (interrupted, or active in a process that is
    /// gone), from the index of unfinished sessions.
    public func newestInterrupted(isAlive: @escaping (Int32) -> Bool = TranscriptStore.processIsAlive) throws -> SessionSummary? {
        guard let reader else { return nil }
        return try reader.read { db in
            let listing = SessionListingReader(db, isAlive: isAlive)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(SessionListingReader.columns) FROM session INDEXED BY session_unfinished
                WHERE state IN ('active', 'interrupted') ORDER BY startedAt DESC, rowid DESC
                """)
            while let row = try rows.next() {
                let summary = try listing.summary(row)
                if summary.state == .interrupted { return summary }
            }
            return nil
        }
    }

    /// One session's summary, without reading its plan or answers.
    public func summary(_ id: String) throws -> SessionSummary {
        guard let reader else { throw StoreError.noSuchSession(id) }
        return try reader.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(SessionListingReader.columns) FROM session WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchSession(id)
            }
            return try SessionListingReader(db).summary(row)
        }
    }

    public func session(_ id: String) throws -> StoredSession {
        guard let reader else { throw StoreError.noSuchSession(id) }
        return try reader.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(SessionListingReader.columns) FROM session WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchSession(id)
            }
            let interview: Interview
            do {
                interview = try SessionRows.interview(db, session: id, source: questionSource)
            } catch SessionRows.ReadFailure.unreadable(let reason) {
                throw StoreError.damagedSession(id, path: path, reason: reason)
            }
            let events = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE sessionId = ? ORDER BY sequence", arguments: [id]).map {
                TimelineEvent(sequence: $0["sequence"], position: $0["position"], atSeconds: $0["atSeconds"],
                              kind: $0["kind"], detail: $0["detail"])
            }
            let attempts = try Row.fetchAll(db, sql: "SELECT \(PracticeRows.attemptColumns) FROM attempt WHERE sessionId = ?",
                                            arguments: [id]).map(PracticeRows.attempt)
            return StoredSession(summary: try SessionListingReader(db).summary(row), interview: interview, events: events,
                                 attempts: Dictionary(attempts.map { ($0.position, $0) }) { first, _ in first })
        }
    }

    /// `latest`, a whole id, or a prefix that matches one id.
    public func resolve(_ reference: String) throws -> String {
        guard let reader else { throw reference.lowercased() == "latest" ? StoreError.noSessions : StoreError.noSuchSession(reference) }
        return try reader.read { db in
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

    /// The kinds of each session's planned questions, for filtering history by kind.
    public func sessionKinds() throws -> [String: Set<CategoryKind>] {
        guard let reader else { return [:] }
        return try reader.read { db in
            var kinds: [String: Set<CategoryKind>] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT sessionId, plan FROM sessionPlan")
            while let row = try rows.next() {
                guard let data = row[1] as Data?, let text = Deflate.decompress(data),
                      let plan = try? StoreJSON.decode(SessionRows.Plan.self, text) else { continue }
                kinds[row[0] as String] = Set(plan.questions.map(\.kind))
            }
            return kinds
        }
    }

    /// The sessions with `text` in an answer, a STAR part or a follow-up answer (the question in
    /// progress included), in any case and with or without accents. The answers are read one
    /// row at a time, never held whole.
    public func sessions(withAnswersHolding text: String) throws -> Set<String> {
        guard let reader, !text.isEmpty else { return [] }
        let search = AnswerSearch(text)
        func holds(_ written: String) -> Bool { search.isFound(in: written) }
        return try reader.read { db in
            var found: Set<String> = []
            let rows = try Row.fetchCursor(db, sql: "SELECT sessionId, answers FROM sessionPlan WHERE answers IS NOT NULL")
            while let row = try rows.next() {
                // A session whose answers cannot be read holds nothing that can be found.
                guard let data = row[1] as Data?, let json = Deflate.decompress(data),
                      let records = try? StoreJSON.decode([TypedTexts?].self, json) else { continue }
                if records.contains(where: { $0?.shown.contains(where: holds) ?? false }) { found.insert(row[0] as String) }
            }
            // The question in progress is kept with the session's state, not yet with its answers.
            let states = try Row.fetchCursor(db, sql: "SELECT sessionId, progress FROM sessionState")
            while let row = try states.next() {
                let id: String = row[0]
                guard !found.contains(id), let progress = SessionRows.progress(row[1]) else {
                    continue
                }
                let written = progress.records.values.flatMap { TypedTexts($0).shown }
                if written.contains(where: holds) { found.insert(id) }
            }
            return found
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

    /// Ticks are frequent and say nothing unless something happened at them.
    private static func timelineEntry(_ event: Interview.Event, effects: [Interview.Effect], interview: Interview) -> (at: Double, kind: String, detail: String)? {
        let at = event.instant.sinceOrigin.secondsValue
        switch event {
        case .begin: return (at, "begin", "")
        case .type(let field, _, _): return (at, "type", field.name)
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
        case .chooseGrade(let grade, _): return (at, "grade", grade?.name ?? "")
        case .rate(let rating, _): return (at, "rate", String(rating))
        case .judged(let judgement, _): return (at, "judged", judgement.detector.rawValue)
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        try StoreJSON.encode(value)
    }
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
