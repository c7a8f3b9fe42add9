/// One reviewed answer, as practice counts it: the question (by its stable id, with the hash
/// of its text then), when it was reviewed, its score and the grade it was scheduled with. The
/// answer itself stays in the session's question row, at `sessionId` and `position`.
public struct Attempt: Sendable, Equatable, Codable {
    public var sessionId: String
    /// The question's place in its session, 0-based.
    public var position: Int
    public var questionId: String
    public var hash: String
    /// The guide's name (its file name without `.md`) and the kind of its category.
    public var bank: String
    public var kind: CategoryKind
    public var reviewedAt: Timestamp
    /// 0...1, nil when the question has nothing to score it by.
    public var score: Double?
    public var grade: Grade
    /// Whether the user chose the grade rather than taking the score's.
    public var gradeChosen: Bool
    public var seconds: Double
    public var overtimeSeconds: Double
    /// The question's text had changed since the attempt before this one.
    public var changedQuestion: Bool

    public init(sessionId: String, position: Int, questionId: String, hash: String, bank: String, kind: CategoryKind,
                reviewedAt: Timestamp, score: Double?, grade: Grade, gradeChosen: Bool, seconds: Double, overtimeSeconds: Double,
                changedQuestion: Bool = false) {
        self.sessionId = sessionId
        self.position = position
        self.questionId = questionId
        self.hash = hash
        self.bank = bank
        self.kind = kind
        self.reviewedAt = reviewedAt
        self.score = score
        self.grade = grade
        self.gradeChosen = gradeChosen
        self.seconds = seconds
        self.overtimeSeconds = overtimeSeconds
        self.changedQuestion = changedQuestion
    }

    /// The attempt a reviewed question makes, or nil when it was not reviewed.
    public init?(sessionId: String, position: Int, _ planned: PlannedQuestion, _ record: QuestionRecord, at reviewedAt: Timestamp,
                 scale: GradeScale = .standard) {
        guard record.reviewed else { return nil }
        let score = PracticeGrading.score(planned, record)
        self.init(sessionId: sessionId, position: position, questionId: planned.question.id, hash: planned.question.hash,
                  bank: planned.bank, kind: planned.kind, reviewedAt: reviewedAt, score: score,
                  grade: PracticeGrading.grade(score: score, chosen: record.chosenGrade, scale: scale),
                  gradeChosen: record.chosenGrade != nil, seconds: record.totalTime.secondsValue,
                  overtimeSeconds: record.overtime.secondsValue)
    }
}

/// How a reviewed answer counts for practice. Scheduling takes the question's score from here
/// and its grade from here alone, so that it follows whatever the score comes to mean.
public enum PracticeGrading {
    /// The question's score (0...1), as the session scores it (a rating for a question with
    /// no rubric); nil when nothing scores it.
    public static func score(_ planned: PlannedQuestion, _ record: QuestionRecord) -> Double? {
        Scoring.score(planned.question, record)
    }

    /// The grade the user chose, else the score's on `scale`, else Good: an answer with
    /// nothing to score it by was still given and reviewed.
    public static func grade(score: Double?, chosen: Grade?, scale: GradeScale = .standard) -> Grade {
        chosen ?? score.map(scale.grade(forScore:)) ?? .good
    }
}

/// An earlier attempt at a question, with the answer given then: shown beside this one.
public struct PastAnswer: Sendable, Equatable {
    public var attempt: Attempt
    /// The answer as it was recorded (free text or STAR parts).
    public var record: QuestionRecord

    public init(attempt: Attempt, record: QuestionRecord) {
        self.attempt = attempt
        self.record = record
    }
}
