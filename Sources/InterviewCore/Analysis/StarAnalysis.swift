/// Figures for a STAR answer: balance of the parts against the target split,
/// ownership, a quantified result, spoken length, hedges and fillers.
public struct StarAnalysis: Sendable, Equatable, Codable {
    /// The target share of each part: Situation 20 %, Task 10 %, Action 60 %, Result 10 %.
    public static let targetShare: [StarPart: Double] = [.situation: 0.2, .task: 0.1, .action: 0.6, .result: 0.1]
    /// Two minutes spoken at 130–160 words a minute.
    public static let targetWords = 260...320

    public var words: [StarPart: Int]
    /// Each of situation, task, action and result as a share of their total (the lesson aside).
    public var shares: [StarPart: Double]
    public var totalWords: Int
    /// Action below half of the answer: the most common weakness of STAR answers.
    public var actionUnderHalf: Bool
    public var firstPersonSingular: Int
    public var firstPersonPlural: Int
    /// Whether the Result holds a number, a percentage, money or a time figure.
    public var resultQuantified: Bool
    public var hedgesPer100Words: Double

    public init(parts: [StarPart: String]) {
        var words: [StarPart: Int] = [:]
        var allWords: [String] = []
        for part in StarPart.allCases {
            let partWords = Words.split(parts[part] ?? "")
            words[part] = partWords.count
            allWords += partWords
        }
        self.words = words
        let core = [StarPart.situation, .task, .action, .result]
        let coreTotal = core.reduce(0) { $0 + (words[$1] ?? 0) }
        shares = Dictionary(uniqueKeysWithValues: core.map { ($0, coreTotal == 0 ? 0 : Double(words[$0] ?? 0) / Double(coreTotal)) })
        totalWords = allWords.count
        actionUnderHalf = coreTotal > 0 && (shares[.action] ?? 0) < 0.5
        firstPersonSingular = allWords.filter(Self.firstPersonSingularWords.contains).count
        firstPersonPlural = allWords.filter(Self.firstPersonPluralWords.contains).count
        resultQuantified = Self.hasFigure(parts[.result] ?? "")
        hedgesPer100Words = Hedges.per100Words(parts.values.joined(separator: " "))
    }

    public var lengthVerdict: String {
        if totalWords < Self.targetWords.lowerBound { return "short of the \(Self.targetWords.lowerBound)–\(Self.targetWords.upperBound) word target" }
        if totalWords > Self.targetWords.upperBound { return "over the \(Self.targetWords.lowerBound)–\(Self.targetWords.upperBound) word target" }
        return "within the \(Self.targetWords.lowerBound)–\(Self.targetWords.upperBound) word target"
    }

    static let firstPersonSingularWords: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"]
    static let firstPersonPluralWords: Set<String> = ["we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"]
    /// Words that state a figure.
    static let figureWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred",
        "thousand", "million", "billion", "half", "double", "doubled", "tripled", "percent", "dozen",
    ]

    /// A digit, a number word, a percentage, money or a time figure.
    static func hasFigure(_ text: String) -> Bool {
        if text.contains(where: \.isNumber) { return true }
        return Words.split(text).contains { figureWords.contains($0) }
    }
}

/// Hedges and fillers that weaken a spoken answer.
public enum Hedges {
    static let single: Set<String> = ["maybe", "perhaps", "basically", "um", "uh", "er", "actually", "probably", "somewhat", "honestly"]
    static let pairs: Set<String> = ["kind of", "sort of", "i think", "i guess", "i feel", "you know", "a bit"]

    /// The second words of `pairs`, by their first word: no string is built per word.
    private static let pairsByFirstWord: [String: Set<String>] = Dictionary(
        pairs.map { pair in
            let words = pair.split(separator: " ").map(String.init)
            return (words[0], [words[1]])
        }, uniquingKeysWith: { $0.union($1) })

    public static func count(_ text: String) -> Int {
        count(words: Words.split(text))
    }

    /// Hedges among words already split (see `Words.split`).
    public static func count(words: [String]) -> Int {
        var count = 0
        for index in words.indices {
            if single.contains(words[index]) { count += 1 }
            if index + 1 < words.count, let seconds = pairsByFirstWord[words[index]], seconds.contains(words[index + 1]) { count += 1 }
        }
        return count
    }

    public static func per100Words(_ text: String) -> Double {
        let total = Words.split(text).count
        return total == 0 ? 0 : Double(count(text)) * 100 / Double(total)
    }
}
