import GRDB
import InterviewCore

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
        migrator.registerMigration("v4 attempts and schedules") { db in
            // One row per reviewed answer; the answer itself stays in its question row.
            try db.create(table: "attempt") { table in
                table.column("sessionId", .text).notNull().references("session", onDelete: .cascade)
                table.column("position", .integer).notNull()   // 0-based, as in the question row
                table.primaryKey(["sessionId", "position"])
                table.column("questionId", .text).notNull()
                table.column("hash", .text).notNull()          // of the question's text when attempted
                table.column("bank", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("reviewedAt", .double).notNull()  // seconds since 1970
                table.column("score", .double)                 // 0...1
                table.column("grade", .integer).notNull()      // 1 again, 2 hard, 3 good, 4 easy
                table.column("gradeChosen", .boolean).notNull()
                table.column("secondsUsed", .double).notNull()
                table.column("overtimeSeconds", .double).notNull()
                table.column("changedQuestion", .boolean).notNull()
            }
            try db.create(index: "attempt_by_question", on: "attempt", columns: ["questionId", "reviewedAt"])
            try db.create(index: "attempt_by_time", on: "attempt", columns: ["reviewedAt"])
            try db.create(index: "attempt_by_bank", on: "attempt", columns: ["bank", "reviewedAt"])
            try db.create(index: "attempt_by_kind", on: "attempt", columns: ["kind", "reviewedAt"])
            // One row per question attempted: its FSRS state, replayed from its attempts.
            try db.create(table: "schedule", options: .withoutRowID) { table in
                table.primaryKey("questionId", .text)
                table.column("bank", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("stability", .double).notNull()
                table.column("difficulty", .double).notNull()
                table.column("due", .double).notNull()
                table.column("lastReview", .double).notNull()
                table.column("intervalDays", .integer).notNull()
                table.column("reps", .integer).notNull()
                table.column("lapses", .integer).notNull()
                table.column("lastHash", .text).notNull()
                table.column("lastGrade", .integer).notNull()
                table.column("lastScore", .double)
                table.column("bestScore", .double)
                table.column("attempts", .integer).notNull()
            }
            try db.create(index: "schedule_by_bank", on: "schedule", columns: ["bank", "kind"])
            try PracticeRows.backfill(db, scheduler: FSRS())
        }
        migrator.registerMigration("v5 answers beside the plan, a keyed timeline, no schedule index") { db in
            // A session's records, deflated together: a question row of about a kilobyte took
            // a page of its own.
            try db.alter(table: "sessionPlan") { table in
                table.add(column: "answers", .blob)            // JSON list of records by position, deflated
            }
            try AnswersMigration.moveQuestionRows(db)
            try db.drop(table: "question")
            // The timeline keyed by its own columns, with no rowid and no index repeating them.
            try db.create(table: "keyedEvent", options: .withoutRowID) { table in
                table.column("sessionId", .text).notNull().references("session", onDelete: .cascade)
                table.column("sequence", .integer).notNull()
                table.primaryKey(["sessionId", "sequence"])
                table.column("position", .integer).notNull()
                table.column("atSeconds", .double).notNull()
                table.column("kind", .text).notNull()
                table.column("detail", .text).notNull()
            }
            try db.execute(sql: """
                INSERT INTO keyedEvent (sessionId, sequence, position, atSeconds, kind, detail)
                SELECT sessionId, sequence, position, atSeconds, kind, detail FROM event
                """)
            try db.drop(table: "event")
            try db.rename(table: "keyedEvent", to: "event")
            // A row per question attempted is read whole faster than through an index that,
            // repeating each question's id, took as many pages as the table.
            try db.drop(index: "schedule_by_bank")
        }
        migrator.registerMigration("v6 shipped questions by reference") { _ in
            // No table changes, but two things Rehearse before this cannot read: a plan may keep a
            // shipped guide's question by reference, with no `questionContent` row, and a state
            // row's `progress` may be deflated JSON in a BLOB. The migration's name is what tells
            // older Rehearse that the store is newer.
        }
        return migrator
    }
}
