import Foundation
import GRDB
import InterviewCore

/// Rewrites a store in the layout of schema v4, as an older Rehearse left it: a `question` row
/// for each question asked, nothing beside the plan, an index of schedules by guide, every
/// state row in text and no incremental vacuum, with v5 and later unapplied. For the tests and
/// benchmarks of the v5 migration, which cannot otherwise make such a store.
package enum SchemaV4Rewrite {
    package static func rewrite(storeAt path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA auto_vacuum = NONE")
            try db.execute(sql: "VACUUM")
        }
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE question (
                    sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                    questionId TEXT NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, scaffold TEXT NOT NULL,
                    answer TEXT NOT NULL, starParts TEXT NOT NULL, followUps TEXT NOT NULL, secondsUsed DOUBLE NOT NULL,
                    overtimeSeconds DOUBLE NOT NULL, pauses INTEGER NOT NULL, skipped BOOLEAN NOT NULL,
                    submittedAtTimeUp BOOLEAN NOT NULL, ticks TEXT NOT NULL, detected TEXT NOT NULL, analysis TEXT, score DOUBLE,
                    record TEXT, PRIMARY KEY (sessionId, position))
                """)
            for id in try String.fetchAll(db, sql: "SELECT sessionId FROM sessionPlan") {
                guard let interview = try? SessionRows.interview(db, session: id) else { continue }
                for position in 0..<interview.askedCount {
                    try LegacyQuestionRows.write(db, session: id, position: position, interview.plan.questions[position],
                                                 interview.records[position])
                }
            }
            try db.execute(sql: "ALTER TABLE sessionPlan DROP COLUMN answers")
            try db.execute(sql: "CREATE INDEX schedule_by_bank ON schedule(bank, kind)")
            let states = try Row.fetchAll(db, sql: "SELECT sessionId, progress FROM sessionState WHERE typeof(progress) = 'blob'")
            for state in states {
                guard let progress = SessionRows.progress(state["progress"]) else { continue }
                try db.execute(sql: "UPDATE sessionState SET progress = ? WHERE sessionId = ?",
                               arguments: [try StoreJSON.encode(progress), state["sessionId"] as String])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v5 %' OR identifier LIKE 'v6 %'")
        }
        try queue.close()
    }
}
