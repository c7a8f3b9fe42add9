/// Words and their stems, for counting and for spotting rubric points in an answer.
public enum Words {
    /// The words of a text, lower-cased: runs of letters, digits and inner apostrophes or hyphens.
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "’" || character == "-"), !current.isEmpty {
                current.append(character == "’" ? "'" : character)
            } else if !current.isEmpty {
                words.append(trimmed(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(trimmed(current)) }
        return words.filter { !$0.isEmpty }
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
        Set(split(text).filter { $0.count > 1 && !stopWords.contains($0) }.map(stem))
    }
}
