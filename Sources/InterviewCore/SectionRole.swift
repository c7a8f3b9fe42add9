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
        let words = label.lowercased()
            .replacing(character: "-", with: " ")
            .replacing(character: "’", with: "'")
        func has(_ phrases: String...) -> Bool { phrases.contains { words.contains($0) } }
        if has("follow up", "followup", "follow ups", "probing question", "further question") {
            self = .followUps
        } else if has("rubric", "checklist", "scoring") {
            self = .rubric
        } else if has("pitfall", "mistake", "what not to", "avoid", "red flag", "don't", "anti pattern") {
            self = .pitfalls
        } else if has("reasoning", "best practice", "key point", "what interviewers look for", "why it matters", "key takeaway") {
            self = .reasoning
        } else if has("alternative") {
            self = .alternatives
        } else if has("definition", "define") {
            self = .definition
        } else if has("example") {
            self = words.contains("answer") ? .answer : .examples
        } else if has("answer", "response") {
            self = .answer
        } else if has("context", "situation", "background") {
            self = .context
        } else if has("approach", "action", "steps", "strategy", "solution") {
            self = .approach
        } else if has("outcome", "result", "impact") {
            self = .outcome
        } else {
            self = .other
        }
    }

    /// Whether a bold label with these words names an answer section rather than a point.
    public var isKnown: Bool { self != .other }
}
