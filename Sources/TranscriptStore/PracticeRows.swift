import Foundation
import GRDB
import InterviewCore

/// How practice is laid out in the tables: an `attempt` row per reviewed answer (its answer
/// stays in the `question` row with the same session and position), and a `schedule` row per
/// question attempted, replayed from its attempts whenever one is added or removed.
enum PracticeRows {
    static let attemptColumns = """
        sessionId, position, questionId, hash, bank, kind, reviewedAt, score, grade, gradeChosen, secondsUsed, \
        overtimeSeconds, changedQuestion
        """

    // MARK: Writing

    /// Records the attempt a reviewed question makes, once: a question row written again (a
    /// resumed session, a store opened again) keeps its first attempt. Returns whether one was added.
    @discardableResult
    static func recordAttempt(_ db: Database, session: String, position: Int, _ planned: PlannedQuestion, _ record: QuestionRecord,
                              at date: Date, scheduler: FSRS) throws -> Bool {
        guard var attempt = Attempt(sessionId: session, position: position, planned, record,
                                    at: Timestamp(secondsSince1970: date.timeIntervalSince1970)) else { return false }
        let current = try Row.fetchOne(db, sql: "SELECT * FROM schedule WHERE questionId = ?", arguments: [attempt.questionId]).map(practice)
        guard let current, current.lastPracticed <= attempt.reviewedAt else {
            // The first attempt, or one older than the latest: replayed with the others.
            guard try insert(db, attempt) else { return false }
            try replaySchedule(db, questionId: attempt.questionId, scheduler: scheduler)
            return true
        }
        // The newest attempt moves the schedule on from where it stands: however long the
        // question's history, a review costs the same.
        attempt.changedQuestion = attempt.hash != current.lastHash
        guard try insert(db, attempt) else { return false }
        let memory = scheduler.review(current.memory, grade: attempt.grade, at: attempt.reviewedAt)
        let best = [current.bestScore, attempt.score].compactMap { $0 }.max()
        try writeSchedule(db, QuestionPractice(questionId: current.questionId, bank: attempt.bank, kind: attempt.kind,
                                               attempts: current.attempts + 1, lastScore: attempt.score, bestScore: best,
                                               lastGrade: attempt.grade, lastHash: attempt.hash, memory: memory))
        return true
    }

    private static func insert(_ db: Database, _ attempt: Attempt) throws -> Bool {
        try db.execute(sql: "INSERT OR IGNORE INTO attempt (\(attemptColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
            attempt.sessionId, attempt.position, attempt.questionId, attempt.hash, attempt.bank, attempt.kind.rawValue,
            attempt.reviewedAt.secondsSince1970, attempt.score, attempt.grade.rawValue, attempt.gradeChosen, attempt.seconds,
            attempt.overtimeSeconds, attempt.changedQuestion,
        ])
        return db.changesCount > 0
    }

    /// The question's schedule, replayed from all its attempts in the order they were made;
    /// each attempt's "changed question" mark follows from the one before it.
    static func replaySchedule(_ db: Database, questionId: String, scheduler: FSRS) throws {
        let attempts = try Row.fetchAll(db, sql: "SELECT \(attemptColumns) FROM attempt WHERE questionId = ? ORDER BY reviewedAt, rowid",
                                        arguments: [questionId]).map(attempt)
        guard let (practice, changed) = QuestionPractice.replaying(attempts, with: scheduler) else {
            try db.execute(sql: "DELETE FROM schedule WHERE questionId = ?", arguments: [questionId])
            return
        }
        for (attempt, isChanged) in zip(attempts, changed) where attempt.changedQuestion != isChanged {
            try db.execute(sql: "UPDATE attempt SET changedQuestion = ? WHERE sessionId = ? AND position = ?",
                           arguments: [isChanged, attempt.sessionId, attempt.position])
        }
        try writeSchedule(db, practice)
    }

    private static func writeSchedule(_ db: Database, _ practice: QuestionPractice) throws {
        let memory = practice.memory
        try db.execute(sql: """
            INSERT OR REPLACE INTO schedule (questionId, bank, kind, stability, difficulty, due, lastReview, intervalDays, reps, lapses,
                lastHash, lastGrade, lastScore, bestScore, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                practice.questionId, practice.bank, practice.kind.rawValue, memory.stability, memory.difficulty, memory.due.secondsSince1970,
                memory.lastReview.secondsSince1970, memory.intervalDays, memory.reps, memory.lapses, practice.lastHash,
                practice.lastGrade.rawValue, practice.lastScore, practice.bestScore, practice.attempts,
            ])
    }

    /// The attempts of the sessions stored before attempts were kept: every reviewed question,
    /// reviewed when its timeline says (else when its session was last saved). Each session's
    /// question rows and plan are read, not its questions' model answers; a session whose
    /// plan cannot be read is passed over.
    static func backfill(_ db: Database, scheduler: FSRS) throws {
        let sessions = try Row.fetchAll(db, sql: "SELECT id, startedAt, updatedAt FROM session ORDER BY startedAt")
        for session in sessions {
            let id: String = session["id"]
            guard let data = try Data.fetchOne(db, sql: "SELECT plan FROM sessionPlan WHERE sessionId = ?", arguments: [id]),
                  let text = Deflate.decompress(data), let plan = try? StoreJSON.decode(SessionRows.Plan.self, text) else { continue }
            let startedAt: Double = session["startedAt"]
            let updatedAt: Double = max(startedAt, session["updatedAt"])
            // The timeline's clock starts before the session does (on the home screen):
            // measure from its first event, and stay within the session's own times.
            var begin: Double?
            var reviews: [Int: Double] = [:]
            for event in try Row.fetchAll(db, sql: "SELECT position, atSeconds, kind FROM event WHERE sessionId = ? AND kind IN ('begin', 'review') ORDER BY sequence",
                                          arguments: [id]) {
                if event["kind"] == "begin" { begin = begin ?? event["atSeconds"] } else { reviews[event["position"]] = event["atSeconds"] }
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM question WHERE sessionId = ?", arguments: [id]) {
                let position: Int = row["position"]
                let score: Double? = row["score"]
                let record = (row["record"] as String?).flatMap { try? StoreJSON.decode(QuestionRecord.self, $0) }
                guard plan.questions.indices.contains(position), record?.reviewed ?? (score != nil) else { continue }
                let reviewedAt = reviews[position + 1].map { min(updatedAt, startedAt + max(0, $0 - (begin ?? 0))) } ?? updatedAt
                let chosen = record?.chosenGrade
                _ = try insert(db, Attempt(
                    sessionId: id, position: position, questionId: row["questionId"], hash: row["hash"], bank: plan.questions[position].bank,
                    kind: plan.questions[position].kind, reviewedAt: Timestamp(secondsSince1970: reviewedAt), score: score,
                    grade: PracticeGrading.grade(score: score, chosen: chosen), gradeChosen: chosen != nil,
                    seconds: row["secondsUsed"], overtimeSeconds: row["overtimeSeconds"]))
            }
        }
        for questionId in try String.fetchAll(db, sql: "SELECT DISTINCT questionId FROM attempt") {
            try replaySchedule(db, questionId: questionId, scheduler: scheduler)
        }
    }

    // MARK: Reading

    static func attempt(_ row: Row) -> Attempt {
        Attempt(sessionId: row["sessionId"], position: row["position"], questionId: row["questionId"], hash: row["hash"],
                bank: row["bank"], kind: CategoryKind(rawValue: row["kind"] ?? "") ?? .general,
                reviewedAt: Timestamp(secondsSince1970: row["reviewedAt"]), score: row["score"],
                grade: Grade(rawValue: row["grade"] ?? 3) ?? .good, gradeChosen: row["gradeChosen"], seconds: row["secondsUsed"],
                overtimeSeconds: row["overtimeSeconds"], changedQuestion: row["changedQuestion"])
    }

    static func practice(_ row: Row) -> QuestionPractice {
        let lastReview = Timestamp(secondsSince1970: row["lastReview"])
        return QuestionPractice(
            questionId: row["questionId"], bank: row["bank"], kind: CategoryKind(rawValue: row["kind"] ?? "") ?? .general,
            attempts: row["attempts"], lastScore: row["lastScore"], bestScore: row["bestScore"],
            lastGrade: Grade(rawValue: row["lastGrade"] ?? 3) ?? .good, lastHash: row["lastHash"],
            memory: MemoryState(stability: row["stability"], difficulty: row["difficulty"], lastReview: lastReview,
                                due: Timestamp(secondsSince1970: row["due"]), intervalDays: row["intervalDays"], reps: row["reps"],
                                lapses: row["lapses"]))
    }
}
