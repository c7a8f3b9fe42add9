/// The structure a behavioral answer is judged on, read from its STAR figures rather than its
/// words: each check is a rubric point in section "STAR", named by its lead.
public enum StarCheck: String, CaseIterable, Sendable, Codable {
    case action = "Action"
    case result = "Result"
    case ownership = "Ownership"
    case setting = "Situation and task"
    case lesson = "Lesson"

    /// The structure points, most telling first: a question gets as many as its weight allows.
    public static let structure: [StarCheck] = [.action, .result, .ownership, .setting]

    /// The check a rubric point stands for, when it is a STAR point.
    public init?(_ point: RubricPoint) {
        guard point.section == RubricBuilder.starSection, let check = StarCheck(rawValue: point.lead) else { return nil }
        self = check
    }

    public var point: RubricPoint {
        RubricPoint(text: text, kind: self == .lesson ? .bonus : .star, weight: 1,
                    section: RubricBuilder.starSection, lead: rawValue, detail: detail)
    }

    private var text: String {
        switch self {
        case .action: "STAR: the action is at least half of the story"
        case .result: "STAR: a measured result"
        case .ownership: "STAR: told as what I did, not what we did"
        case .setting: "STAR: situation and task set briefly"
        case .lesson: "STAR: a lesson learned"
        }
    }

    private var detail: String {
        switch self {
        case .action: "What you did, step by step, takes at least half of the story (the target is 60 %)."
        case .result: "The result holds a number, a percentage, money or a time: what changed, measurably."
        case .ownership: "\"I\" comes at least as often as \"we\": the interviewer needs to know what you did yourself."
        case .setting: "Both the situation and your task are there, and together take under half of the story."
        case .lesson: "What you learned, or would do differently next time."
        }
    }

    public func isMet(by star: StarAnalysis) -> Bool {
        let words = { (part: StarPart) in star.words[part] ?? 0 }
        switch self {
        case .action:
            return words(.action) >= 20 && !star.actionUnderHalf
        case .result:
            return star.resultQuantified
        case .ownership:
            return star.firstPersonSingular > 0 && star.firstPersonSingular >= star.firstPersonPlural
        case .setting:
            let share = (star.shares[.situation] ?? 0) + (star.shares[.task] ?? 0)
            return words(.situation) >= 8 && words(.task) >= 4 && share < 0.5
        case .lesson:
            return words(.lesson) >= 5
        }
    }
}
