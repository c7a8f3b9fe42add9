import Foundation
import GRDB
import InterviewCore

/// Moves stores of schema v1–v2, where every save rewrote a snapshot holding the whole plan,
/// to the v3 layout (see `SessionRows`): the plan once, the progress apart, records in the
/// question rows.
enum SnapshotMigration {
    static func splitSnapshots(_ db: Database) throws {
        // One session at a time: a large store must not be held in memory whole.
        for id in try String.fetchAll(db, sql: "SELECT id FROM session") {
            guard let row = try Row.fetchOne(db, sql: "SELECT updatedAt, snapshot FROM session WHERE id = ?", arguments: [id]) else {
                continue
            }
            let snapshot: String = row["snapshot"]
            guard let interview = try? StoreJSON.decode(Interview.self, snapshot) else {
                // Kept as it was, in a table made only when some snapshot cannot be read.
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS unreadableSnapshot (
                        sessionId TEXT PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE, snapshot TEXT NOT NULL) WITHOUT ROWID
                    """)
                try db.execute(sql: "INSERT INTO unreadableSnapshot (sessionId, snapshot) VALUES (?, ?)", arguments: [id, snapshot])
                continue
            }
            try SessionRows.insertPlan(db, session: id, interview.plan)
            _ = try SessionRows.writeState(db, session: id, interview, at: Date(timeIntervalSince1970: row["updatedAt"]))
            for position in 0..<interview.askedCount {
                try LegacyQuestionRows.write(db, session: id, position: position, interview.plan.questions[position],
                                            interview.records[position])
            }
        }
    }
}
