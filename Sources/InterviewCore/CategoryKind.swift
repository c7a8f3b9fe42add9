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
        self = FoldedText.withFolded(name, Self.kind)
    }

    private static func kind(of words: FoldedText) -> CategoryKind {
        if words.contains(anyOf: "behavio") {
            return .behavioral
        } else if words.contains(anyOf: "situation", "scenario", "hypothetical") {
            return .situational
        } else if words.contains(anyOf: "problem", "troubleshoot", "debugging") {
            return .problemSolving
        } else if words.contains(anyOf: "technical", "technology", "coding", "system design", "architecture") {
            return .technical
        } else {
            return .general
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
