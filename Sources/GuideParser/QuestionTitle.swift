import InterviewCore

/// Recognises question headings and cleans their text.
enum QuestionTitle {
    /// `#### Question 4` with the real question in the bold paragraph below it.
    static func isBareNumber(_ text: String) -> Bool {
        guard mayStartWithNumbering(text) else { return false }
        var scanner = TitleScanner(text)
        guard scanner.skipQuestionWord(), scanner.skipDigits() else { return false }
        scanner.skipSpaces()
        _ = scanner.skip(oneOf: ":.)")
        scanner.skipSpaces()
        return scanner.atEnd
    }

    /// Numbering such as `1.`, `Question 3:` or `Q2)` at the start of a heading.
    static func hasNumbering(_ text: String) -> Bool {
        mayStartWithNumbering(text) && numberingEnd(in: Array(text.unicodeScalars)) != nil
    }

    /// Numbering starts with a digit, `(` or `q`: a cheap test before the real one.
    private static func mayStartWithNumbering(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return (0x30...0x39).contains(first) || first == UInt8(ascii: "(") || first | 0x20 == UInt8(ascii: "q")
    }

    /// The question without numbering; markup is already gone (plain text from the AST).
    static func cleaned(_ text: String) -> String {
        guard mayStartWithNumbering(text) else { return text.trimmingWhitespace() }
        let scalars = Array(text.trimmingWhitespace().unicodeScalars)
        let start = numberingEnd(in: scalars) ?? 0
        return String(String.UnicodeScalarView(scalars[start...])).trimmingWhitespace()
    }

    /// Where a leading number ends: `Question 3:`, `Q3 `, `1. `, `(2) `, `3) `. Digits need a
    /// separator after them, so that "5G networks ..." keeps its number.
    private static func numberingEnd(in scalars: [Unicode.Scalar]) -> Int? {
        var scanner = TitleScanner(scalars)
        if scanner.skipQuestionWord(), scanner.skipDigits() {
            let spaced = scanner.skipSpaces()
            if scanner.skip(oneOf: ":.)-–—") || spaced {
                scanner.skipSpaces()
                return scanner.position
            }
            return nil
        }
        scanner = TitleScanner(scalars)
        let parenthesised = scanner.skip(oneOf: "(")
        guard scanner.skipDigits() else { return nil }
        if scanner.skip(oneOf: ")") {
            scanner.skipSpaces()
            return scanner.position
        }
        guard !parenthesised else { return nil }
        scanner.skipSpaces()
        guard scanner.skip(oneOf: ".:-–—"), scanner.skipSpaces() else { return nil }
        return scanner.position
    }

    /// Words an interviewer opens a question or prompt with.
    static func startsLikeAQuestion(_ text: String) -> Bool {
        let words = leadingWords(of: text)
        guard let first = words.first else { return false }
        return openingWords.contains(first) || isPrompt(words)
    }

    /// An interviewer's imperative prompt, with no `?` to show it: "Tell me about a time ...",
    /// "Describe ...", "Walk me through ...", "Give an example of ...". These openers alone make
    /// a list of questions; the other question openers ("What", "Do", "You") need a `?`
    /// somewhere in the list, so that a list of notes is not read as questions.
    static func startsLikeAPrompt(_ text: String) -> Bool {
        isPrompt(leadingWords(of: text))
    }

    private static func isPrompt(_ leading: [String]) -> Bool {
        let words = leading.first == "please" ? leading.dropFirst() : leading[...]
        guard let first = words.first else { return false }
        if promptWords.contains(first) { return true }
        guard words.count > 1 else { return false }
        let second = words[words.startIndex + 1]
        switch first {
        case "take", "run": return second == "me" || second == "us"
        case "think": return second == "of" || second == "about" || second == "back"
        default: return false
        }
    }

    /// The first three words, in lower case; numbering and punctuation are not words.
    private static func leadingWords(of text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            if character.isLetter {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word.lowercased())
                word = ""
                if words.count == 3 { return words }
            }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        return words
    }

    private static let openingWords: Set<String> = [
        "what", "how", "why", "when", "where", "which", "who", "describe", "explain", "tell", "walk",
        "imagine", "suppose", "give", "can", "could", "would", "have", "do", "did", "is", "are",
        "design", "compare", "discuss", "share", "talk", "define", "outline", "name", "assume",
        "if", "you", "your", "should",
    ]

    /// Imperative openers of an interview prompt ("take me through" and "think of a time" are
    /// matched as pairs: "take" and "think" alone open too much else).
    private static let promptWords: Set<String> = [
        "tell", "describe", "walk", "explain", "give", "share", "talk", "imagine", "suppose",
        "compare", "discuss", "outline", "design", "define", "recall",
    ]

    /// Headings that close a guide or sit beside its questions; never questions themselves.
    static func isClosingHeading(_ text: String) -> Bool {
        FoldedText.withFolded(text) { words in
            closingPhrases.contains { words.hasPrefix($0) || words.hasSuffix($0) }
        }
    }

    private static let closingPhrases: [StaticString] = [
        "conclusion", "summary", "final thoughts", "closing", "resources", "next steps", "further reading", "references",
    ]

    /// Whether a heading's words name a group of questions ("Technical Questions", "Problem-solving").
    /// Questions win over the keyword test: a `?`, a sentence's length, or a question's opening
    /// words ("Describe a situation where ...") make it a question, whatever words it holds.
    static func looksLikeCategory(_ text: String) -> Bool {
        if text.contains("?") { return false }
        let words = wordCount(text)
        if FoldedText.withFolded(text, { $0.contains("questions") }) { return words <= 12 }
        if words > 5 || (words > 2 && startsLikeAQuestion(text)) { return false }
        return FoldedText.withFolded(text) { $0.contains("question") } || CategoryKind(categoryName: text) != .general
    }

    /// Text a person would ask: it has a `?`, or opens with a question's or a prompt's words.
    static func isQuestionShaped(_ text: String) -> Bool {
        text.contains("?") || (startsLikeAQuestion(text) && wordCount(text) >= 3)
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }

    /// A heading or summary as a title: `:emoji:` codes, a trailing count (`(37)`) and
    /// difficulty stars (`***`) removed.
    static func strippingDecorations(_ text: String) -> String {
        guard ByteSearch.contains(UInt8(ascii: ":"), in: text) || text.utf8.last == UInt8(ascii: ")") || text.utf8.last == UInt8(ascii: "*") else {
            return text
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: true).filter { word in
            !(word.count > 2 && word.first == ":" && word.last == ":"
              && word.dropFirst().dropLast().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "+" || $0 == "-" })
        }
        while let last = words.last, last.allSatisfy({ $0 == "*" }) { words.removeLast() }
        if let last = words.last, last.count > 2, last.first == "(", last.last == ")",
           last.dropFirst().dropLast().allSatisfy(\.isNumber) {
            words.removeLast()
        }
        let joined = words.joined(separator: " ")
        var trimmed = Substring(joined)
        while trimmed.hasSuffix("*") { trimmed = trimmed.dropLast() }
        return trimmed.trimmingWhitespace()
    }

    /// A stand-in for an answer not written yet ("To be completed.", "TBD").
    static func isPlaceholder(_ text: String) -> Bool {
        // Placeholders are short ASCII phrases: fold only those, byte by byte.
        guard text.utf8.count <= 40 else { return false }
        var folded: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: folded.append(byte + 0x20)
            case 0x61...0x7A: folded.append(byte)
            case 0x20 where !(folded.last.map { $0 == 0x20 } ?? true): folded.append(byte)
            case 0x80...: return false
            default: continue
            }
        }
        if folded.last == 0x20 { folded.removeLast() }
        return placeholders.contains(String(decoding: folded, as: UTF8.self))
    }

    private static let placeholders: Set<String> = [
        "to be completed", "tbd", "todo", "to do", "coming soon", "work in progress", "wip",
        "answer here", "your answer here", "add answer here", "no answer yet", "to be added", "tba",
    ]
}

/// Reads the start of a heading one scalar at a time.
private struct TitleScanner {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { position == scalars.count }

    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = position
        while position < scalars.count, scalars[position].isSpaceOrLineBreak { position += 1 }
        return position > start
    }

    mutating func skipDigits() -> Bool {
        let start = position
        while position < scalars.count, ("0"..."9").contains(scalars[position]) { position += 1 }
        return position > start
    }

    mutating func skip(oneOf characters: String) -> Bool {
        guard position < scalars.count, characters.unicodeScalars.contains(scalars[position]) else { return false }
        position += 1
        return true
    }

    /// `Question` or `Q` (any case), then spaces and an optional `#`.
    mutating func skipQuestionWord() -> Bool {
        let word: StaticString = "question"
        var matched = 0
        while matched < word.utf8CodeUnitCount, position + matched < scalars.count,
              scalars[position + matched].value | 0x20 == UInt32(word.utf8Start[matched]) {
            matched += 1
        }
        guard matched == word.utf8CodeUnitCount || matched == 1 else { return false }
        position += matched
        skipSpaces()
        if skip(oneOf: "#") { skipSpaces() }
        return true
    }
}
