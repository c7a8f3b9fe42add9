import Foundation
import GRDB
import InterviewCore
@testable import TranscriptStore

/// Puts a store back in the layout of schema v4, as an older Rehearse left it: a `question` row
/// for each question asked and nothing beside the plan, so that the v5 migration runs again.
enum SchemaV4Layout {
    static func restore(_ store: TranscriptStore) throws {
        let ids = try store.sessions().map(\.id)
        let interviews = try ids.map { ($0, try store.session($0).interview) }
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: """
                CREATE TABLE question (
                    sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                    questionId TEXT NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, scaffold TEXT NOT NULL,
                    answer TEXT NOT NULL, starParts TEXT NOT NULL, followUps TEXT NOT NULL, secondsUsed DOUBLE NOT NULL,
                    overtimeSeconds DOUBLE NOT NULL, pauses INTEGER NOT NULL, skipped BOOLEAN NOT NULL,
                    submittedAtTimeUp BOOLEAN NOT NULL, ticks TEXT NOT NULL, detected TEXT NOT NULL, analysis TEXT, score DOUBLE,
                    record TEXT, PRIMARY KEY (sessionId, position))
                """)
            for (id, interview) in interviews {
                for position in 0..<interview.askedCount {
                    try LegacyQuestionRows.write(db, session: id, position: position, interview.plan.questions[position],
                                                 interview.records[position])
                }
            }
            try db.execute(sql: "ALTER TABLE sessionPlan DROP COLUMN answers")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v5 %'")
        }
    }
}
