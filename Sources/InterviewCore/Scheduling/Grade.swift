/// How well a question was answered, as FSRS takes it: the four ratings of the reference
/// implementation, with their numbers.
public enum Grade: Int, Codable, Sendable, CaseIterable, Comparable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    public var displayName: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }

    /// `again`, `hard`, `good`, `easy`, or their numbers 1–4, in any case.
    public init?(argument: String) {
        let word = argument.lowercased().trimmingWhitespace()
        guard let grade = Grade.allCases.first(where: { $0.name == word || String($0.rawValue) == word }) else { return nil }
        self = grade
    }

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a question's score (0...1) turns into a grade: Again below 40 %, Hard below 70 %,
/// Good below 90 %, Easy from 90 %.
public struct GradeScale: Sendable, Equatable, Codable {
    public var hardFrom: Double
    public var goodFrom: Double
    public var easyFrom: Double

    public init(hardFrom: Double = 0.4, goodFrom: Double = 0.7, easyFrom: Double = 0.9) {
        self.hardFrom = hardFrom
        self.goodFrom = goodFrom
        self.easyFrom = easyFrom
    }

    public static let standard = GradeScale()

    public func grade(forScore score: Double) -> Grade {
        if score >= easyFrom { return .easy }
        if score >= goodFrom { return .good }
        if score >= hardFrom { return .hard }
        return .again
    }
}
