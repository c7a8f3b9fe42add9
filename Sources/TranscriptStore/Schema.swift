import GRDB

/// The store's schema, one migration per version. Never edit a released migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sessions and questions") { db in
            try db.create(table: "session") { table in
                table.primaryKey("id", .text)
                table.column("startedAt", .double).notNull()   // seconds since 1970
                table.column("updatedAt", .double).notNull()
                table.column("state", .text).notNull()         // active, finished, abandoned, interrupted
                table.column("pid", .integer).notNull()        // the process writing it while active
                table.column("guides", .text).notNull()        // JSON list of guide titles
                table.column("banks", .text).notNull()         // JSON list of bank names
                table.column("seed", .integer).notNull()
                table.column("questionCount", .integer).notNull()
                table.column("answered", .integer).notNull()
                table.column("secondsUsed", .double).notNull()
                table.column("score", .double)
                table.column("snapshot", .text).notNull()      // JSON of the interview, to resume from
            }
            try db.create(table: "question") { table in
                table.column("sessionId", .text).notNull().references("session", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.primaryKey(["sessionId", "position"])
                table.column("questionId", .text).notNull()
                table.column("hash", .text).notNull()
                table.column("title", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("scaffold", .text).notNull()
                table.column("answer", .text).notNull()
                table.column("starParts", .text).notNull()     // JSON object
                table.column("followUps", .text).notNull()     // JSON list of {question, answer, seconds}
                table.column("secondsUsed", .double).notNull()
                table.column("overtimeSeconds", .double).notNull()
                table.column("pauses", .integer).notNull()
                table.column("skipped", .boolean).notNull()
                table.column("submittedAtTimeUp", .boolean).notNull()
                table.column("ticks", .text).notNull()         // JSON list of rubric indices
                table.column("detected", .text).notNull()      // JSON list of rubric indices
                table.column("analysis", .text)                // JSON of the STAR figures
                table.column("score", .double)
            }
        }
        migrator.registerMigration("v2 timeline") { db in
            try db.create(table: "event") { table in
                table.column("sessionId", .text).notNull().references("session", onDelete: .cascade)
                table.column("sequence", .integer).notNull()
                table.primaryKey(["sessionId", "sequence"])
                table.column("position", .integer).notNull()   // the question it happened at
                table.column("atSeconds", .double).notNull()   // on the session's clock
                table.column("kind", .text).notNull()
                table.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("v3 plan once, small snapshots") { db in
            // The guide's questions, each stored once however many sessions ask it.
            try db.create(table: "questionContent", options: .withoutRowID) { table in
                table.primaryKey("digest", .text)
                table.column("body", .blob).notNull()          // JSON of the question and its model answer, deflated
            }
            try db.create(table: "sessionPlan") { table in
                table.primaryKey("sessionId", .text).references("session", onDelete: .cascade)
                table.column("plan", .blob).notNull()          // JSON, deflated: settings, each question's digest and timing
            }
            // Written on every save: kept small (the interview's state and the current question's record).
            try db.create(table: "sessionState", options: .withoutRowID) { table in
                table.primaryKey("sessionId", .text).references("session", onDelete: .cascade)
                table.column("updatedAt", .double).notNull()
                table.column("secondsUsed", .double).notNull()
                table.column("progress", .text).notNull()      // JSON of Interview.Progress
            }
            try db.alter(table: "question") { table in
                table.add(column: "record", .text)             // JSON of the record, less the texts in other columns
            }
            try db.create(index: "session_by_start", on: "session", columns: ["startedAt"])
            try db.execute(sql: "CREATE INDEX session_unfinished ON session(startedAt) WHERE state IN ('active', 'interrupted')")
            try SnapshotMigration.splitSnapshots(db)
            try db.alter(table: "session") { table in
                table.drop(column: "snapshot")
            }
        }
        return migrator
    }
}
