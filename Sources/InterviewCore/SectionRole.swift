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
        // Labels are short and label-shaped: a question ("What is your approach ...?") or a
        // sentence that happens to hold a label's word is not a label.
        guard words.isLabelShaped else { return .other }
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
            return words.contains("answer") ? (words.onlyAnswerWords ? .answer : .other) : .examples
        } else if words.contains(anyOf: "answer", "response") {
            // "Finite Impulse Response (FIR) Filters" names a topic, not the answer.
            return words.onlyAnswerWords ? .answer : .other
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

extension FoldedText {
    /// At most six words, no `?`, and not opening like a question unless it is one of the
    /// labels guides word that way ("What Not to Do", "What Interviewers Look For").
    var isLabelShaped: Bool {
        var words = 1
        for byte in bytes {
            if byte == UInt8(ascii: "?") { return false }
            if byte == UInt8(ascii: " ") { words += 1 }
        }
        if words > 6 { return false }
        guard Self.questionOpenings.contains(where: hasPrefix) else { return true }
        return Self.labelsWordedAsQuestions.contains(where: contains)
    }

    private static let questionOpenings: [StaticString] = [
        "what ", "how ", "why ", "which ", "who ", "describe ", "explain ", "tell ", "can ", "could ", "would ",
        "do ", "did ", "is ", "are ",
    ]
    private static let labelsWordedAsQuestions: [StaticString] = [
        "what not to", "what to avoid", "look for", "what interviewers", "how to answer", "how to approach",
        "why it matters", "what to say", "what good looks like",
    ]

    /// Whether every word is one an answer's label is made of ("Example Answer", "Sample
    /// Response", "Answer:").
    var onlyAnswerWords: Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            // The word's letters, without punctuation such as a trailing colon.
            var first = start
            var last = end
            while first < last, !Self.isLetterOrAmpersand(bytes[first]) { first += 1 }
            while last > first, !Self.isLetterOrAmpersand(bytes[last - 1]) { last -= 1 }
            if last > first {
                let word = FoldedText(bytes: UnsafeBufferPointer(rebasing: bytes[first..<last]))
                guard Self.answerWords.contains(where: word.equals) else { return false }
            }
            start = end + 1
        }
        return true
    }

    private static func isLetterOrAmpersand(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "&") || byte >= 0x80
    }

    private static let answerWords: [StaticString] = [
        "answer", "answers", "response", "responses", "example", "sample", "model", "suggested", "possible",
        "strong", "good", "short", "full", "detailed", "your", "my", "the", "a", "an", "key", "ideal", "expected",
        "best", "and", "explanation", "&",
    ]
}
