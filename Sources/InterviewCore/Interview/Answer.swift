/// The parts of a STAR answer, in the order they are asked.
public enum StarPart: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case situation, task, action, result, lesson

    /// What each part asks for.
    public var prompt: String {
        switch self {
        case .situation: "Where and when: set the scene briefly."
        case .task: "Your goal and your role in it."
        case .action: "What you did, step by step, in the first person."
        case .result: "What changed, with numbers."
        case .lesson: "Optional: what you learned or would do differently."
        }
    }
}

/// A field the user types into.
public enum AnswerField: Hashable, Sendable, Codable {
    case free
    case star(StarPart)
    case followUp(Int)
}

/// Everything recorded about one question of a session.
public struct QuestionRecord: Sendable, Equatable, Codable {
    public var scaffold: Scaffold
    public var freeText = ""
    public var starParts: [StarPart: String] = [:]
    public var followUpAnswers: [String]
    /// Time on the main answer and on each follow-up, paused time excluded.
    public var answerTime: Duration = .zero
    public var followUpTimes: [Duration]
    public var overtime: Duration = .zero
    public var pauses = 0
    public var skipped = false
    /// The clock ran out in hard time and submitted the answer as it stood.
    public var submittedAtTimeUp = false
    /// Indices into the question's rubric that the user ticked in self-review; a ticked
    /// pitfall is one the user confirmed the answer fell into.
    public var ticks: Set<Int> = []
    public var reviewed = false
    /// The grade the user chose in self-review, if they overrode the one the score gives.
    public var chosenGrade: Grade?
    /// What the answer's text was judged to cover, recorded when it was submitted (absent in
    /// sessions saved before judging was recorded).
    public var judgement: AnswerJudgement?
    /// The user's own rating, 1–5, of an answer to a question with no rubric to tick.
    public var rating: Int?

    public init(scaffold: Scaffold, followUps: Int) {
        self.scaffold = scaffold
        followUpAnswers = Array(repeating: "", count: followUps)
        followUpTimes = Array(repeating: .zero, count: followUps)
    }

    public func text(of field: AnswerField) -> String {
        switch field {
        case .free: freeText
        case .star(let part): starParts[part] ?? ""
        case .followUp(let index): followUpAnswers.indices.contains(index) ? followUpAnswers[index] : ""
        }
    }

    mutating func set(_ text: String, for field: AnswerField) {
        switch field {
        case .free: freeText = text
        case .star(let part): starParts[part] = text
        case .followUp(let index) where followUpAnswers.indices.contains(index): followUpAnswers[index] = text
        case .followUp: break
        }
    }

    /// The main answer as one text: the free text, or the STAR parts in order.
    public var mainAnswer: String {
        switch scaffold {
        case .free: freeText
        case .star: StarPart.allCases.compactMap { starParts[$0] }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    public var totalTime: Duration { followUpTimes.reduce(answerTime, +) }

    /// The rubric points the recorded judgement found in the answer (pitfalls aside).
    public func detectedPoints(_ rubric: [RubricPoint]) -> Set<Int> {
        judgement?.covered(rubric) ?? []
    }
}
