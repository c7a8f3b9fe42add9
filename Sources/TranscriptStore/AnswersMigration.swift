import Foundation
import GRDB
import InterviewCore

/// Moves stores of schema v3–v4, with a `question` row for each question asked, to v5: each
/// session's records deflated together in its plan's row.
enum AnswersMigration {
    static func moveQuestionRows(_ db: Database) throws {
        // One session at a time: a large store must not be held in memory whole.
        for id in try String.fetchAll(db, sql: "SELECT DISTINCT sessionId FROM question") {
            let planData = try Data.fetchOne(db, sql: "SELECT plan FROM sessionPlan WHERE sessionId = ?", arguments: [id])
            let plan = planData.flatMap(Deflate.decompress).flatMap { try? StoreJSON.decode(SessionRows.Plan.self, $0) }
            let records = try LegacyQuestionRows.records(db, session: id) { position in
                plan.map { $0.questions.indices.contains(position) ? $0.questions[position].followUps.count : 0 }
            }
            if planData == nil {
                // A session with answers and no plan cannot be read, but its answers are kept.
                try db.execute(sql: "INSERT INTO sessionPlan (sessionId, plan) VALUES (?, x'')", arguments: [id])
            }
            try SessionRows.writeAnswers(db, session: id, records)
        }
    }
}
