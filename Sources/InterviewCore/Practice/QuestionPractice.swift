/// A question's practice so far: its attempts summed up, and its FSRS schedule.
public struct QuestionPractice: Sendable, Equatable {
    public var questionId: String
    /// The guide and kind of its latest attempt.
    public var bank: String
    public var kind: CategoryKind
    public var attempts: Int
    public var lastScore: Double?
    public var bestScore: Double?
    public var lastGrade: Grade
    /// The hash of the question's text at its latest attempt.
    public var lastHash: String
    public var memory: MemoryState

    public init(questionId: String, bank: String, kind: CategoryKind, attempts: Int, lastScore: Double?, bestScore: Double?,
                lastGrade: Grade, lastHash: String, memory: MemoryState) {
        self.questionId = questionId
        self.bank = bank
        self.kind = kind
        self.attempts = attempts
        self.lastScore = lastScore
        self.bestScore = bestScore
        self.lastGrade = lastGrade
        self.lastHash = lastHash
        self.memory = memory
    }

    public var lastPracticed: Timestamp { memory.lastReview }
    public var due: Timestamp { memory.due }

    /// One question's attempts replayed in order (oldest first): the schedule they give, and
    /// for each attempt whether the question's text had changed since the one before.
    /// Nil when there are none.
    public static func replaying(_ attempts: [Attempt], with scheduler: FSRS) -> (practice: QuestionPractice, changed: [Bool])? {
        guard let first = attempts.first else { return nil }
        var memory: MemoryState?
        var changed: [Bool] = []
        var previousHash: String?
        var best: Double?
        for attempt in attempts {
            memory = scheduler.review(memory, grade: attempt.grade, at: attempt.reviewedAt)
            changed.append(previousHash.map { $0 != attempt.hash } ?? false)
            previousHash = attempt.hash
            if let score = attempt.score { best = max(best ?? score, score) }
        }
        let last = attempts.last ?? first
        return (QuestionPractice(questionId: first.questionId, bank: last.bank, kind: last.kind, attempts: attempts.count,
                                 lastScore: last.score, bestScore: best, lastGrade: last.grade, lastHash: last.hash, memory: memory!),
                changed)
    }
}
