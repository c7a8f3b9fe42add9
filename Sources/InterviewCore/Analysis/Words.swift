/// Words and their stems, for counting and for spotting rubric points in an answer.
public enum Words {
    /// The words of a text, lower-cased: runs of letters, digits and inner apostrophes or hyphens.
    /// It runs on every keystroke (live word counts), so ASCII is handled without Unicode's
    /// property tables.
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            guard !current.isEmpty else { return }
            words.append(trimmed(String(current)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars where !extend(&current, with: scalar) {
            finish()
        }
        finish()
        return words.filter { !$0.isEmpty }
    }

    /// The words of `split`, each with the range of UTF-8 offsets it came from, so that a
    /// model's word-pieces can be traced back to the word they are part of.
    public static func spans(_ text: String) -> [(word: String, range: Range<Int>)] {
        var spans: [(word: String, range: Range<Int>)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        // Where the last letter, digit or mark ended: a trailing apostrophe or hyphen is not
        // part of the word (see `trimmed`).
        var contentEnd = 0
        var offset = 0
        func finish() {
            guard !current.isEmpty else { return }
            let word = trimmed(String(current))
            if !word.isEmpty { spans.append((word, start..<contentEnd)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let wasEmpty = current.isEmpty
            if extend(&current, with: scalar) {
                if wasEmpty { start = offset }
                if !current.isEmpty, !["'", "-", "\u{2019}"].contains(scalar) { contentEnd = offset + scalar.utf8.count }
            } else {
                finish()
            }
            offset += scalar.utf8.count
        }
        finish()
        return spans
    }

    /// Adds `scalar` to the word being read, lower-cased; false when it ends the word instead.
    /// ASCII is handled without Unicode's property tables: this runs on every keystroke.
    @inline(__always)
    private static func extend(_ current: inout String.UnicodeScalarView, with scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39:
            current.append(scalar)
        case 0x41...0x5A:
            current.append(Unicode.Scalar(value + 0x20)!)
        case 0x27, 0x2D, 0x2019:
            if !current.isEmpty { current.append(value == 0x2019 ? "'" : scalar) }
        case 0..<0x80:
            return false
        default:
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !current.isEmpty { current.append(scalar) }
            default:
                guard properties.isAlphabetic || properties.numericType != nil else { return false }
                current.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        }
        return true
    }

    private static func trimmed(_ word: String) -> String {
        var word = Substring(word)
        while let last = word.last, last == "'" || last == "-" { word = word.dropLast() }
        return String(word)
    }

    /// A light suffix-stripping stem, so that "quantized", "quantizing" and "quantization"
    /// meet at "quantiz", and "calibrate", "calibrated" and "calibration" at "calibrat".
    public static func stem(_ word: String) -> String {
        var word = word.lowercased()
        if word.hasSuffix("'s") { word.removeLast(2) }
        for (suffix, replacement) in suffixes where word.count - suffix.count >= 3 && word.hasSuffix(suffix) {
            word.removeLast(suffix.count)
            word += replacement
            break
        }
        return word
    }

    private static let suffixes: [(String, String)] = [
        ("izations", "iz"), ("ization", "iz"), ("isations", "iz"), ("isation", "iz"),
        ("ations", "at"), ("ation", "at"), ("ements", ""), ("ement", ""), ("ments", ""), ("ment", ""),
        ("nesses", ""), ("ness", ""), ("ities", ""), ("ity", ""), ("ingly", ""), ("ings", ""), ("ing", ""),
        ("edly", ""), ("ized", "iz"), ("ised", "iz"), ("izes", "iz"), ("ises", "iz"), ("ize", "iz"), ("ise", "iz"),
        ("ies", "y"), ("ied", "y"), ("ers", ""), ("er", ""), ("ed", ""), ("es", ""), ("ly", ""), ("s", ""), ("e", ""),
    ]

    /// Words too common to show that an answer covers a point.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "at", "by", "from",
        "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
        "than", "then", "so", "such", "not", "no", "can", "could", "should", "would", "will", "may", "might",
        "must", "do", "does", "did", "done", "has", "have", "had", "you", "your", "we", "our", "they", "their",
        "them", "he", "she", "his", "her", "i", "me", "my", "what", "which", "who", "when", "where", "why",
        "how", "all", "any", "each", "every", "more", "most", "other", "some", "only", "also", "into", "out",
        "up", "about", "over", "under", "between", "both", "very", "just", "one", "two", "use", "used",
        "using", "make", "makes", "made", "like", "avoids", "avoid", "gives", "considers", "defines", "via",
    ]

    /// The stems of a text's content words (stop words dropped), without repeats.
    public static func keyStems(_ text: String) -> Set<String> {
        Set(split(text).filter(isKey).map(stem))
    }

    /// Whether a word (as `split` gives it) can show that an answer makes a point.
    public static func isKey(_ word: String) -> Bool {
        word.count > 1 && !stopWords.contains(word)
    }
}
