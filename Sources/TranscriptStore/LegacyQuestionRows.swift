import GRDB
import InterviewCore

/// The `question` table of schema v3–v4: a row for each question asked, its texts in columns
/// and the rest of its record as JSON. Migrations up to v4 write and read it, and v5 moves its
/// rows into the plan's row (`SessionRows.writeAnswers`); nothing else uses it.
enum LegacyQuestionRows {
    /// One question row: the answer's texts in columns of their own, the rest of the record as JSON.
    static func write(_ db: Database, session: String, position: Int, _ planned: PlannedQuestion,
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

    /// A question row back as a record: the JSON rest, with the texts put back from their columns.
    /// `planned` is the plan's count of follow-ups; without a plan, the row's own count.
    static func record(from row: Row, followUps planned: Int?) -> QuestionRecord {
        let scaffold = Scaffold(rawValue: row["scaffold"] ?? "") ?? .free
        var record = (row["record"] as String?).flatMap { try? StoreJSON.decode(QuestionRecord.self, $0) }
            ?? QuestionRecord(scaffold: scaffold, followUps: planned ?? 0)
        let answer: String = row["answer"] ?? ""
        if record.scaffold == .free { record.freeText = answer }
        if let parts = (row["starParts"] as String?).flatMap({ try? StoreJSON.decode([StarPart: String].self, $0) }) {
            record.starParts = parts
        }
        let followUps = (row["followUps"] as String?).flatMap { try? StoreJSON.decode([FollowUpRecord].self, $0) } ?? []
        let count = planned ?? followUps.count
        record.followUpAnswers = (0..<count).map { followUps.indices.contains($0) ? followUps[$0].answer : "" }
        if record.followUpTimes.count != count {
            record.followUpTimes = (0..<count).map { followUps.indices.contains($0) ? .seconds(followUps[$0].seconds) : .zero }
        }
        return record
    }

    /// A session's records by position, as v5 moves them; nil where no row was written.
    static func records(_ db: Database, session: String, followUps count: (Int) -> Int?) throws -> [QuestionRecord?] {
        var records: [QuestionRecord?] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM question WHERE sessionId = ? ORDER BY position", arguments: [session]) {
            let position: Int = row["position"]
            guard (0..<10_000).contains(position) else { continue }
            records += Array(repeating: nil, count: max(0, position + 1 - records.count))
            records[position] = record(from: row, followUps: count(position))
        }
        return records
    }
}

struct FollowUpRecord: Codable {
    var question: String
    var answer: String
    var seconds: Double
}

