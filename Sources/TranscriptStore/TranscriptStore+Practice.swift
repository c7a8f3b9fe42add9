import Foundation
import GRDB
import InterviewCore

/// Reading practice: schedules, trends and earlier answers. Each query reads the `schedule`
/// table (a row per question, however many sessions there are) or walks an index of the
/// `attempt` table from the newest end, stopping as soon as it has what it needs.
extension TranscriptStore {
    /// Each attempted question's practice, by question id; only those of `banks` when given.
    public func practice(banks: [String]? = nil) throws -> [String: QuestionPractice] {
        guard let reader else { return [:] }
        return try reader.read { db in
            var practice: [String: QuestionPractice] = [:]
            let rows = if let banks {
                try Row.fetchCursor(db, sql: "SELECT * FROM schedule WHERE bank IN (\(banks.map { _ in "?" }.joined(separator: ", ")))",
                                    arguments: StatementArguments(banks))
            } else {
                try Row.fetchCursor(db, sql: "SELECT * FROM schedule")
            }
            while let row = try rows.next() {
                let entry = PracticeRows.practice(row)
                practice[entry.questionId] = entry
            }
            return practice
        }
    }

    /// The mean question score of each of the latest `limit` sessions in `scope`, oldest first
    /// (sessions with no scored question are left out); only attempts in `banks` when given,
    /// as `progress --bank` asks.
    public func trend(_ scope: ProgressReport.Scope, banks: [String]? = nil,
                      sessions limit: Int = ProgressReport.trendLength) throws -> [ProgressReport.TrendPoint] {
        guard let reader, limit > 0 else { return [] }
        let inBanks = banks.map { " AND bank IN (\($0.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
        let bankArguments = StatementArguments(banks ?? [])
        return try reader.read { db in
            let rows = switch scope {
            case .all:
                try Row.fetchCursor(db, sql: "SELECT sessionId, reviewedAt, score FROM attempt INDEXED BY attempt_by_time WHERE 1\(inBanks) ORDER BY reviewedAt DESC",
                                    arguments: bankArguments)
            case .bank(let bank):
                try Row.fetchCursor(db, sql: "SELECT sessionId, reviewedAt, score FROM attempt INDEXED BY attempt_by_bank WHERE bank = ? ORDER BY reviewedAt DESC",
                                    arguments: [bank])
            case .kind(let kind):
                try Row.fetchCursor(db, sql: "SELECT sessionId, reviewedAt, score FROM attempt INDEXED BY attempt_by_kind WHERE kind = ?\(inBanks) ORDER BY reviewedAt DESC",
                                    arguments: [kind.rawValue] + bankArguments)
            }
            var order: [String] = []
            var sums: [String: (total: Double, count: Int, latest: Double)] = [:]
            while let row = try rows.next() {
                let session: String = row["sessionId"]
                if sums[session] == nil {
                    // One session more than needed: the ones before it are complete.
                    if order.count == limit { break }
                    order.append(session)
                    sums[session] = (0, 0, row["reviewedAt"])
                }
                if let score: Double = row["score"] {
                    sums[session]!.total += score
                    sums[session]!.count += 1
                }
            }
            return order.reversed().compactMap { session in
                guard let sum = sums[session], sum.count > 0 else { return nil }
                return ProgressReport.TrendPoint(sessionId: session, date: Timestamp(secondsSince1970: sum.latest),
                                                 score: sum.total / Double(sum.count))
            }
        }
    }

    /// The latest attempt at the question made before `before` (when given) in another
    /// session than `excludingSession`, with the answer given then.
    public func previousAnswer(to questionId: String, before: Timestamp? = nil, excludingSession: String? = nil) throws -> PastAnswer? {
        guard let reader else { return nil }
        return try reader.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(PracticeRows.attemptColumns) FROM attempt INDEXED BY attempt_by_question
                WHERE questionId = ? AND reviewedAt < ? AND sessionId != ? ORDER BY reviewedAt DESC, rowid DESC LIMIT 1
                """, arguments: [questionId, before?.secondsSince1970 ?? Double.greatestFiniteMagnitude, excludingSession ?? ""]) else {
                return nil
            }
            let attempt = PracticeRows.attempt(row)
            guard let records = try? SessionRows.answers(SessionRows.storedAnswers(db, session: attempt.sessionId)),
                  records.indices.contains(attempt.position),
                  let record = records[attempt.position] else { return nil }
            return PastAnswer(attempt: attempt, record: record)
        }
    }
}
