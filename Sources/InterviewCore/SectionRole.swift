/// What a model-answer section is for, read from its label's words so that spelling variants
/// ("Follow-Up Points", "Follow-up", "Common Pitfalls", "What Not to Do") land in one place.
public enum SectionRole: Sendable, Equatable {
    case answer
    case definition
    case examples
    case reasoning
    case alternatives
    case pitfalls
    case followUps
    case rubric
    case context
    case approach
    case outcome
    /// A label Rehearse does not know; its items still show in the model answer.
    case other

    public init(label: String) {
        self = FoldedText.withFolded(label, Self.role)
    }

    /// The role of a label given as UTF-8 bytes, with no string made.
    public init(labelBytes: UnsafeBufferPointer<UInt8>) {
        self = FoldedText.withFolded(bytes: labelBytes, Self.role)
    }

    /// The labels guides of this family use nearly always, folded; checked whole before any
    /// phrase search.
    private static let commonLabels: [(StaticString, SectionRole)] = [
        ("reasoning and best practices", .reasoning), ("pitfalls to avoid", .pitfalls),
        ("follow up points", .followUps), ("definition and context", .definition),
        ("examples and context", .examples), ("alternative considerations", .alternatives),
        ("context", .context), ("approach", .approach), ("action and outcome", .approach),
        ("example outcomes", .examples), ("answer", .answer),
    ]

    private static func role(of words: FoldedText) -> SectionRole {
        for (label, role) in commonLabels where words.equals(label) { return role }
        if words.contains(anyOf: "follow up", "followup", "probing question", "further question") {
            return .followUps
        } else if words.contains(anyOf: "rubric", "checklist", "scoring") {
            return .rubric
        } else if words.contains(anyOf: "pitfall", "mistake", "what not to", "avoid", "red flag", "don't", "anti pattern") {
            return .pitfalls
        } else if words.contains(anyOf: "reasoning", "best practice", "key point", "what interviewers look for", "why it matters", "key takeaway") {
            return .reasoning
        } else if words.contains("alternative") {
            return .alternatives
        } else if words.contains(anyOf: "definition", "define") {
            return .definition
        } else if words.contains("example") {
            return words.contains("answer") ? .answer : .examples
        } else if words.contains(anyOf: "answer", "response") {
            return .answer
        } else if words.contains(anyOf: "context", "situation", "background") {
            return .context
        } else if words.contains(anyOf: "approach", "action", "steps", "strategy", "solution") {
            return .approach
        } else if words.contains(anyOf: "outcome", "result", "impact") {
            return .outcome
        } else {
            return .other
        }
    }

    /// Whether a bold label with these words names an answer section rather than a point.
    public var isKnown: Bool { self != .other }
}
