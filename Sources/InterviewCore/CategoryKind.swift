/// What sort of question a category holds; it drives timing defaults and the answer scaffold.
public enum CategoryKind: String, Codable, Sendable, CaseIterable, Comparable {
    case technical
    case behavioral
    case situational
    case problemSolving = "problem-solving"
    case general

    /// The kind a category name implies by its words ("Expanded Behavioral Questions" is
    /// behavioral; "Additional Questions" matches nothing and is general).
    public init(categoryName name: String) {
        let words = name.lowercased()
        if words.contains("behavio") {
            self = .behavioral
        } else if words.contains("situation") || words.contains("scenario") || words.contains("hypothetical") {
            self = .situational
        } else if words.contains("problem") || words.contains("troubleshoot") || words.contains("debugging") {
            self = .problemSolving
        } else if words.contains("technical") || words.contains("technology") || words.contains("coding")
            || words.contains("system design") || words.contains("architecture") {
            self = .technical
        } else {
            self = .general
        }
    }

    public init?(argument: String) {
        let normalized = argument.lowercased().replacing(character: "_", with: "-")
        switch normalized {
        case "problem-solving", "problemsolving", "problem": self = .problemSolving
        case "behavioural": self = .behavioral
        default:
            guard let kind = CategoryKind(rawValue: normalized) else { return nil }
            self = kind
        }
    }

    public var displayName: String {
        switch self {
        case .technical: "Technical"
        case .behavioral: "Behavioral"
        case .situational: "Situational"
        case .problemSolving: "Problem-solving"
        case .general: "General"
        }
    }

    /// STAR for behavioral questions; situational ones offer it at practice time.
    public var defaultScaffold: Scaffold { self == .behavioral ? .star : .free }

    public static func < (lhs: CategoryKind, rhs: CategoryKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
