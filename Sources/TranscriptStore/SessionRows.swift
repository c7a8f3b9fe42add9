import Foundation
import GRDB
import InterviewCore

/// How a session is laid out in the tables: its plan once (the questions themselves in
/// `questionContent`, shared between sessions, or by reference to a shipped guide), its progress
/// in `sessionState`, and the records of the questions asked in its plan's row. These functions
/// write and read that layout.
enum SessionRows {
    /// A plan as stored: the questions by digest, with what this session chose for each.
    struct Plan: Codable {
        struct Entry: Codable {
            var bank: String
            var guideTitle: String
            var categoryName: String
            var kind: CategoryKind
            var digest: String
            var answerTime: Duration
            var followUpTime: Duration
            var followUps: [String]
            /// Set for a question kept by reference, which has no `questionContent` row of its own.
            var reference: QuestionReference?
        }

        var questions: [Entry]
        var settings: SessionSettings
        var thinkTime: Duration
        var seed: UInt64
        var requestedCount: Int
    }

    // MARK: Writing

    /// Stores the plan: each question by reference when `source` holds it as asked, else its
    /// content once (by digest); and the session's plan row.
    static func insertPlan(_ db: Database, session: String, _ plan: SessionPlan, source: (any QuestionSource)? = nil) throws {
        var entries: [Plan.Entry] = []
        for planned in plan.questions {
            let reference = try QuestionReference.make(for: planned.question, bank: planned.bank, in: source)
            let digest = try reference == nil ? storeContent(db, of: planned.question) : ContentDigest.hex(StoreJSON.encode(planned.question))
            entries.append(Plan.Entry(bank: planned.bank, guideTitle: planned.guideTitle, categoryName: planned.categoryName,
                                      kind: planned.kind, digest: digest, answerTime: planned.answerTime,
                                      followUpTime: planned.followUpTime, followUps: planned.followUps, reference: reference))
        }
        let stored = Plan(questions: entries, settings: plan.settings, thinkTime: plan.thinkTime, seed: plan.seed,
                          requestedCount: plan.requestedCount)
        try db.execute(sql: "INSERT OR REPLACE INTO sessionPlan (sessionId, plan) VALUES (?, ?)",
                       arguments: [session, try Deflate.compress(StoreJSON.encode(stored))])
    }

    /// The question's digest, storing its content unless an identical one is there already.
    private static func storeContent(_ db: Database, of question: Question) throws -> String {
        let body = try StoreJSON.encode(question)
        let base = ContentDigest.hex(body)
        // A digest taken by other content (never seen, but cheap to rule out) gets a suffix.
        for attempt in 0..<8 {
            let digest = attempt == 0 ? base : "\(base)-\(attempt)"
            if let existing = try Data.fetchOne(db, sql: "SELECT body FROM questionContent WHERE digest = ?", arguments: [digest]) {
                if Deflate.decompress(existing) == body { return digest }
                continue
            }
            try db.execute(sql: "INSERT INTO questionContent (digest, body) VALUES (?, ?)", arguments: [digest, try Deflate.compress(body)])
            return digest
        }
        throw StoreJSON.Failure(description: "no free digest for a question")
    }

    /// Deletes the questions no stored plan refers to. Plans are compressed, so they are read
    /// here rather than in SQL; this runs only when a session is deleted.
    static func deleteUnusedContent(_ db: Database) throws {
        var used: Set<String> = []
        let plans = try Data.fetchCursor(db, sql: "SELECT plan FROM sessionPlan")
        while let data = try plans.next() {
            // An empty plan stands in for one lost before v5 (its session's answers kept); it
            // uses no question.
            if data.isEmpty { continue }
            // A plan that cannot be read keeps every question: nothing is lost by guessing.
            guard let text = Deflate.decompress(data), let plan = try? StoreJSON.decode(Plan.self, text) else { return }
            used.formUnion(plan.questions.map(\.digest))
        }
        for digest in try String.fetchAll(db, sql: "SELECT digest FROM questionContent") where !used.contains(digest) {
            try db.execute(sql: "DELETE FROM questionContent WHERE digest = ?", arguments: [digest])
        }
    }

    /// Writes the state row: the interview's progress with the current question's record.
    static func writeState(_ db: Database, session: String, _ interview: Interview, at date: Date) throws -> Bool {
        // A finished session's records are all in its question rows.
        let kept = interview.phase.isFinished ? [] : [interview.index]
        let progress = try storedProgress(interview.progress(keepingRecords: kept))
        try db.execute(sql: """
            INSERT INTO sessionState (sessionId, updatedAt, secondsUsed, progress) VALUES (?, ?, ?, ?)
            ON CONFLICT (sessionId) DO UPDATE SET updatedAt = excluded.updatedAt, secondsUsed = excluded.secondsUsed,
                progress = excluded.progress
            """, arguments: [session, date.timeIntervalSince1970, secondsUsed(interview), progress])
        return db.changesCount > 0
    }

    /// The state row's progress as stored: JSON, deflated once it is longer than fits beside
    /// its key in a page (an answer being typed), so that each save while typing rewrites fewer
    /// pages. Short progress stays text.
    static func storedProgress(_ progress: Interview.Progress) throws -> DatabaseValue {
        let text = try StoreJSON.encode(progress)
        return text.utf8.count > progressKeptAsText ? try Deflate.compress(text, fast: true).databaseValue : text.databaseValue
    }

    /// About what a row of the state table keeps in its own page (1 KB pages, keyed rows); a
    /// longer one spills into pages of its own, which every save rewrites.
    static let progressKeptAsText = 200

    /// The progress of a state row, text or deflated; nil for one that cannot be read.
    static func progress(_ value: DatabaseValue) -> Interview.Progress? {
        let text: String? = switch value.storage {
        case .string(let text): text
        case .blob(let data): Deflate.decompress(data)
        default: nil
        }
        return text.flatMap { try? StoreJSON.decode(Interview.Progress.self, $0) }
    }

    /// Time on the answers so far, the clock still running on the current one included (a
    /// session stopped mid-answer has used that time too).
    static func secondsUsed(_ interview: Interview) -> Double {
        var used = interview.records.reduce(Duration.zero) { $0 + $1.totalTime }
        switch interview.phase {
        case .answering, .followUp:
            if let latest = interview.latest { used += interview.elapsed(at: latest) }
        default:
            break
        }
        return used.secondsValue
    }

    /// Writes the records of the questions asked so far, deflated together beside the plan.
    /// One row a session rather than one a question: a question's record is most of a page,
    /// so five of them filled five pages, and typed prose shrinks by half.
    ///
    /// Records the store holds beyond those asked here are kept: this process may hold an older
    /// copy of the session (resumed from a recovery file, or in a second terminal), and its
    /// saves must not take back answers given later.
    static func writeAnswers(_ db: Database, session: String, _ interview: Interview) throws {
        var records: [QuestionRecord?] = interview.records.prefix(interview.askedCount).map { $0 }
        // Counted before decoded: nearly always nothing is stored beyond what is written here.
        if let stored = try storedAnswers(db, session: session), let text = Deflate.decompress(stored),
           let slots = try? StoreJSON.decode([Slot?].self, text), slots.count > records.count,
           let later = try? answers(stored) {
            records += later[records.count...]
        }
        try writeAnswers(db, session: session, records)
    }

    /// A stored record's place, read without decoding the record.
    private struct Slot: Decodable {
        init(from decoder: any Decoder) {}
    }

    /// `records` by position, nil for a question with nothing kept.
    static func writeAnswers(_ db: Database, session: String, _ records: [QuestionRecord?]) throws {
        try db.execute(sql: "UPDATE sessionPlan SET answers = ? WHERE sessionId = ?",
                       arguments: [try Deflate.compress(StoreJSON.encode(records)), session])
    }

    // MARK: Reading

    enum ReadFailure: Error {
        /// The session has no plan or progress that can be read.
        case unreadable(String)
    }

    /// The interview as saved: plan, progress, and the records of the questions left behind.
    /// `source` gives back the model answers of questions kept by reference.
    static func interview(_ db: Database, session: String, source: (any QuestionSource)? = nil) throws -> Interview {
        let row = try Row.fetchOne(db, sql: "SELECT plan, answers FROM sessionPlan WHERE sessionId = ?", arguments: [session])
        let answersData: Data? = row?["answers"]
        guard let planData: Data = row?["plan"],
              let planText = Deflate.decompress(planData), let stored = try? StoreJSON.decode(Plan.self, planText) else {
            throw ReadFailure.unreadable("its plan is missing or damaged")
        }
        var contents: [String: Question] = [:]
        for entry in stored.questions where contents[entry.digest] == nil {
            // Stored whole, by this session or an earlier one: exactly as it was asked. (A row at
            // a reference's digest that holds another question is passed over.)
            if let data = try Data.fetchOne(db, sql: "SELECT body FROM questionContent WHERE digest = ?", arguments: [entry.digest]),
               let question = try wholeQuestion(data, for: entry.reference) {
                contents[entry.digest] = question
            } else if let reference = entry.reference {
                contents[entry.digest] = try reference.question(bank: entry.bank, in: source)
            } else {
                throw ReadFailure.unreadable("a question of its plan is missing")
            }
        }
        let plan = SessionPlan(
            questions: stored.questions.map { entry in
                PlannedQuestion(bank: entry.bank, guideTitle: entry.guideTitle, categoryName: entry.categoryName, kind: entry.kind,
                                question: contents[entry.digest]!, answerTime: entry.answerTime, followUpTime: entry.followUpTime,
                                followUps: entry.followUps)
            },
            settings: stored.settings, thinkTime: stored.thinkTime, seed: stored.seed, requestedCount: stored.requestedCount)
        guard let progressValue = try DatabaseValue.fetchOne(db, sql: "SELECT progress FROM sessionState WHERE sessionId = ?", arguments: [session]),
              let progress = progress(progressValue) else {
            throw ReadFailure.unreadable("its saved state is missing or damaged")
        }
        var records: [Int: QuestionRecord] = [:]
        for (position, record) in try answers(answersData).enumerated() where plan.questions.indices.contains(position) {
            records[position] = record
        }
        return Interview(plan: plan, progress: progress, records: records)
    }

    /// The session's records as stored, deflated; nil before its first question is asked.
    static func storedAnswers(_ db: Database, session: String) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT answers FROM sessionPlan WHERE sessionId = ?", arguments: [session])
    }

    /// A question stored whole; nil when it is not the one `reference` names.
    private static func wholeQuestion(_ data: Data, for reference: QuestionReference?) throws -> Question? {
        guard let body = Deflate.decompress(data), let question = try? StoreJSON.decode(Question.self, body) else {
            if reference != nil { return nil }
            throw ReadFailure.unreadable("a question of its plan is damaged")
        }
        guard let reference else { return question }
        return question.id == reference.id && question.hash == reference.hash ? question : nil
    }

    /// The records stored beside a plan, by position (nil for one with nothing kept); none for
    /// a session not yet begun.
    static func answers(_ data: Data?) throws -> [QuestionRecord?] {
        guard let data else { return [] }
        guard let text = Deflate.decompress(data), let records = try? StoreJSON.decode([QuestionRecord?].self, text) else {
            throw ReadFailure.unreadable("its answers are damaged")
        }
        return records
    }
}

/// JSON as the store writes it: sorted keys, so equal values give equal text (and digests).
enum StoreJSON {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// A 128-bit digest of stored content, as 32 hex digits: two independent 64-bit hashes
/// (FNV-1a, and a multiply-rotate hash), enough to tell questions apart; equal digests are
/// still checked byte for byte before content is shared.
enum ContentDigest {
    static func hex(_ text: String) -> String {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9e37_79b9_7f4a_7c15
        for byte in text.utf8 {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = ((mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd)
            mix = (mix << 31) | (mix >> 33)
        }
        mix ^= UInt64(text.utf8.count)
        mix = (mix ^ (mix >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        mix ^= mix >> 33
        return [fnv, mix].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
