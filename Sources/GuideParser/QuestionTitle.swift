import InterviewCore

/// Recognises question headings and cleans their text.
enum QuestionTitle {
    /// `#### Question 4` with the real question in the bold paragraph below it.
    static func isBareNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /(?i)(?:question|q)\s*#?\s*\d+\s*[:.)]?/) != nil
    }

    /// Numbering such as `1.`, `Question 3:` or `Q2)` at the start of a heading.
    static func hasNumbering(_ text: String) -> Bool {
        text.prefixMatch(of: numbering) != nil
    }

    /// The question without numbering; markup is already gone (plain text from the AST).
    static func cleaned(_ text: String) -> String {
        var title = Substring(text.trimmingWhitespace())
        if let match = title.prefixMatch(of: numbering) {
            title = title[match.range.upperBound...]
        }
        return String(title).trimmingWhitespace()
    }

    // Digits need a separator after them so that "5G networks ..." keeps its number.
    nonisolated(unsafe) private static let numbering =
        /(?i)(?:(?:question|q)\s*#?\s*\d+\s*(?:[:.)\-–—]\s*|\s+)|\(?\d+\s*[.):\-–—]\s+|\d+\)\s*)/

    /// Words an interviewer opens a question or prompt with.
    static func startsLikeAQuestion(_ text: String) -> Bool {
        guard let first = text.split(whereSeparator: { !$0.isLetter }).first?.lowercased() else { return false }
        return openingWords.contains(first)
    }

    private static let openingWords: Set<String> = [
        "what", "how", "why", "when", "where", "which", "who", "describe", "explain", "tell", "walk",
        "imagine", "suppose", "give", "can", "could", "would", "have", "do", "did", "is", "are",
        "design", "compare", "discuss", "share", "talk", "define", "outline", "name", "assume",
        "if", "you", "your", "should",
    ]

    /// Headings that close a guide or sit beside its questions; never questions themselves.
    static func isClosingHeading(_ text: String) -> Bool {
        let words = text.lowercased()
        return ["conclusion", "summary", "final thoughts", "closing", "resources", "next steps", "further reading", "references"]
            .contains { words.hasPrefix($0) || words.hasSuffix($0) }
    }

    /// Whether a heading's words name a group of questions ("Technical Questions", "Problem-solving").
    static func looksLikeCategory(_ text: String) -> Bool {
        let words = text.lowercased()
        return !words.hasSuffix("?")
            && (words.contains("question") || CategoryKind(categoryName: text) != .general)
    }
}
