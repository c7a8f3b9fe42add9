import Foundation
import GRDB
import InterviewCore

/// How a session is laid out in the tables: its plan once (the questions themselves in
/// `questionContent`, shared between sessions), its progress in `sessionState`, and each
/// question asked in a `question` row. These functions write and read that layout.
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
        }

        var questions: [Entry]
        var settings: SessionSettings
        var thinkTime: Duration
        var seed: UInt64
        var requestedCount: Int
    }

    // MARK: Writing

    /// Stores the plan: each question's content once (by digest), and the session's plan row.
    static func insertPlan(_ db: Database, session: String, _ plan: SessionPlan) throws {
        var entries: [Plan.Entry] = []
        for planned in plan.questions {
            let digest = try storeContent(db, of: planned.question)
            entries.append(Plan.Entry(bank: planned.bank, guideTitle: planned.guideTitle, categoryName: planned.categoryName,
                                      kind: planned.kind, digest: digest, answerTime: planned.answerTime,
                                      followUpTime: planned.followUpTime, followUps: planned.followUps))
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
        let progress = try StoreJSON.encode(interview.progress(keepingRecords: kept))
        try db.execute(sql: """
            INSERT INTO sessionState (sessionId, updatedAt, secondsUsed, progress) VALUES (?, ?, ?, ?)
            ON CONFLICT (sessionId) DO UPDATE SET updatedAt = excluded.updatedAt, secondsUsed = excluded.secondsUsed,
                progress = excluded.progress
            """, arguments: [session, date.timeIntervalSince1970, secondsUsed(interview), progress])
        return db.changesCount > 0
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

    /// One question row: the answer's texts in columns of their own (so they can be searched
    /// and read by tools), the rest of the record as JSON.
    static func writeQuestion(_ db: Database, session: String, position: Int, _ planned: PlannedQuestion,
                              _ record: QuestionRecord) throws {
        let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
        // Judged once, when the answer was submitted; never again on a save.
        let detected = record.detectedPoints(planned.question.rubric)
        let followUps = planned.followUps.indices.map { index in
            FollowUpRecord(question: planned.followUps[index],
                           answer: record.followUpAnswers.indices.contains(index) ? record.followUpAnswers[index] : "",
                           seconds: record.followUpTimes.indices.contains(index) ? record.followUpTimes[index].secondsValue : 0)
        }
        var rest = record
        rest.starParts = [:]
        rest.followUpAnswers = rest.followUpAnswers.map { _ in "" }
        if record.scaffold == .free { rest.freeText = "" }
        try db.execute(sql: """
            INSERT OR REPLACE INTO question (sessionId, position, questionId, hash, title, kind, scaffold, answer, starParts,
                followUps, secondsUsed, overtimeSeconds, pauses, skipped, submittedAtTimeUp, ticks, detected, analysis, score, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                session, position, planned.question.id, planned.question.hash, planned.question.title, planned.kind.rawValue,
                record.scaffold.rawValue, record.mainAnswer, try StoreJSON.encode(record.starParts), try StoreJSON.encode(followUps),
                record.totalTime.secondsValue, record.overtime.secondsValue, record.pauses, record.skipped,
                record.submittedAtTimeUp, try StoreJSON.encode(record.ticks.sorted()), try StoreJSON.encode(detected.sorted()),
                try star.map { try StoreJSON.encode($0) },
                Scoring.score(planned.question, record),
                try StoreJSON.encode(rest),
            ])
    }

    // MARK: Reading

    enum ReadFailure: Error {
        /// The session has no plan or progress that can be read.
        case unreadable(String)
    }

    /// The interview as saved: plan, progress, and the records of the questions left behind.
    static func interview(_ db: Database, session: String) throws -> Interview {
        guard let planData = try Data.fetchOne(db, sql: "SELECT plan FROM sessionPlan WHERE sessionId = ?", arguments: [session]),
              let planText = Deflate.decompress(planData), let stored = try? StoreJSON.decode(Plan.self, planText) else {
            throw ReadFailure.unreadable("its plan is missing or damaged")
        }
        var contents: [String: Question] = [:]
        for digest in Set(stored.questions.map(\.digest)) {
            guard let data = try Data.fetchOne(db, sql: "SELECT body FROM questionContent WHERE digest = ?", arguments: [digest]),
                  let body = Deflate.decompress(data), let question = try? StoreJSON.decode(Question.self, body) else {
                throw ReadFailure.unreadable("a question of its plan is missing or damaged")
            }
            contents[digest] = question
        }
        let plan = SessionPlan(
            questions: stored.questions.map { entry in
                PlannedQuestion(bank: entry.bank, guideTitle: entry.guideTitle, categoryName: entry.categoryName, kind: entry.kind,
                                question: contents[entry.digest]!, answerTime: entry.answerTime, followUpTime: entry.followUpTime,
                                followUps: entry.followUps)
            },
            settings: stored.settings, thinkTime: stored.thinkTime, seed: stored.seed, requestedCount: stored.requestedCount)
        guard let progressText = try String.fetchOne(db, sql: "SELECT progress FROM sessionState WHERE sessionId = ?", arguments: [session]),
              let progress = try? StoreJSON.decode(Interview.Progress.self, progressText) else {
            throw ReadFailure.unreadable("its saved state is missing or damaged")
        }
        var records: [Int: QuestionRecord] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM question WHERE sessionId = ?", arguments: [session]) {
            let position: Int = row["position"]
            guard plan.questions.indices.contains(position) else { continue }
            records[position] = record(from: row, followUps: plan.questions[position].followUps.count)
        }
        return Interview(plan: plan, progress: progress, records: records)
    }

    /// A question row back as a record: the JSON rest, with the texts put back from their columns.
    static func record(from row: Row, followUps count: Int) -> QuestionRecord {
        let scaffold = Scaffold(rawValue: row["scaffold"] ?? "") ?? .free
        var record = (row["record"] as String?).flatMap { try? StoreJSON.decode(QuestionRecord.self, $0) }
            ?? QuestionRecord(scaffold: scaffold, followUps: count)
        let answer: String = row["answer"] ?? ""
        if record.scaffold == .free { record.freeText = answer }
        if let parts = (row["starParts"] as String?).flatMap({ try? StoreJSON.decode([StarPart: String].self, $0) }) {
            record.starParts = parts
        }
        let followUps = (row["followUps"] as String?).flatMap { try? StoreJSON.decode([FollowUpRecord].self, $0) } ?? []
        record.followUpAnswers = (0..<count).map { followUps.indices.contains($0) ? followUps[$0].answer : "" }
        if record.followUpTimes.count != count {
            record.followUpTimes = (0..<count).map { followUps.indices.contains($0) ? .seconds(followUps[$0].seconds) : .zero }
        }
        return record
    }
}

struct FollowUpRecord: Codable {
    var question: String
    var answer: String
    var seconds: Double
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
