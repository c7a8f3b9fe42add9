/// Words and their stems, for counting and for spotting rubric points in an answer.
public enum Words {
    /// The words of a text, lower-cased: runs of letters, digits and inner apostrophes or hyphens.
    /// Chinese and Japanese are written without spaces, so each ideograph and each kana is a
    /// word of its own, as word processors count them (marks that repeat or lengthen the one
    /// before, 々 and ー, add none); Korean, written with spaces, counts by its spaced words.
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
        for scalar in text.unicodeScalars {
            switch step(&current, with: scalar) {
            case .kept: break
            case .ended: finish()
            case .alone:
                finish()
                words.append(String(scalar))
            }
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
            switch step(&current, with: scalar) {
            case .kept:
                if wasEmpty { start = offset }
                if !current.isEmpty, !["'", "-", "\u{2019}"].contains(scalar) { contentEnd = offset + scalar.utf8.count }
            case .ended:
                finish()
            case .alone:
                finish()
                spans.append((String(scalar), offset..<offset + scalar.utf8.count))
            }
            offset += scalar.utf8.count
        }
        finish()
        return spans
    }

    /// What a scalar does to the word being read.
    private enum Step {
        /// Added to it (lower-cased), or ignored without ending it.
        case kept
        /// Ends it.
        case ended
        /// Ends it and is a word of its own (an ideograph or a kana).
        case alone
    }

    /// Adds `scalar` to the word being read, or says how it ends it. ASCII is handled without
    /// Unicode's property tables: this runs on every keystroke.
    @inline(__always)
    private static func step(_ current: inout String.UnicodeScalarView, with scalar: Unicode.Scalar) -> Step {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39:
            current.append(scalar)
        case 0x41...0x5A:
            current.append(Unicode.Scalar(value + 0x20)!)
        case 0x27, 0x2D, 0x2019:
            if !current.isEmpty { current.append(value == 0x2019 ? "'" : scalar) }
        case 0..<0x80:
            return .ended
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, // ideographs
             0x3041...0x3096, 0x30A1...0x30FA, 0x31F0...0x31FF, 0xFF66...0xFF6F, 0xFF71...0xFF9D: // kana
            return .alone
        case 0x3005, 0x3099...0x309A, 0x309D...0x309E, 0x30FC...0x30FE, 0xFF70, 0xFF9E...0xFF9F:
            break // marks that repeat or lengthen the one before
        default:
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !current.isEmpty { current.append(scalar) }
            default:
                guard properties.isAlphabetic || properties.numericType != nil else { return .ended }
                current.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        }
        return .kept
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
        // "loss", "class" and "process" are not plurals.
        for (suffix, replacement) in suffixes where word.count - suffix.count >= 3 && word.hasSuffix(suffix)
            && !(suffix == "s" && word.hasSuffix("ss")) {
            word.removeLast(suffix.count)
            word += replacement
            // "stopped", "shipping" and "planner" double the last letter of "stop", "ship" and "plan".
            if doublingSuffixes.contains(suffix), let last = word.last, doubled.contains(last),
               word.dropLast().last == last, word.count > 3 {
                word.removeLast()
            }
            break
        }
        return word
    }

    private static let doublingSuffixes: Set<String> = ["ings", "ing", "edly", "ers", "er", "ed"]
    /// Letters whose doubling before those suffixes is only spelling ("ll", "ss", "ff" and "dd"
    /// belong to words such as "roll", "pass", "stuff" and "add").
    private static let doubled: Set<Character> = ["b", "g", "m", "n", "p", "r", "t"]

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
