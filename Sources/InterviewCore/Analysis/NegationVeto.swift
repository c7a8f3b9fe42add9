/// An answer can use a point's words to say the opposite ("warm-up runs are not needed"). A
/// clause that names most of the point's lead words together with a negation or a dismissal
/// denies the point: the answer then earns nothing for it, whatever its other sentences say.
enum NegationVeto {
    static let negations: Set<String> = ["not", "never", "no", "none", "nothing", "nor", "without", "cannot"]
    /// Stems of words that dismiss what they name: "unnecessary", "skip it", "overkill", "a waste".
    static let dismissals: Set<String> = Set(["unnecessary", "needless", "pointless", "overkill", "skip", "avoid",
                                              "waste", "bother", "useless", "irrelevant"].map(Words.stem))

    /// Whether a sentence with these words (`Words.split`) negates or dismisses something.
    static func negates(_ words: [String]) -> Bool {
        words.contains { negations.contains($0) || $0.hasSuffix("n't") || dismissals.contains(Words.stem($0)) }
    }

    /// Words that turn a sentence to its other half: "not the mean but the tail".
    static let turns: Set<String> = ["but", "instead", "rather", "whereas", "although", "though"]

    /// A sentence's words (`Words.split`) cut into clauses at its turns.
    static func clauses(_ words: [String]) -> [[String]] {
        words.split(whereSeparator: turns.contains).map(Array.init)
    }

    /// Whether the point's own lead is worded as a negation ("Do not decide alone"): then a
    /// negation beside its words says nothing against it.
    static func isNegative(lead: String) -> Bool {
        negates(Words.split(lead))
    }

    /// Whether a clause with these stems names the point: more than half its lead's stems.
    static func names(_ leadStems: Set<String>, in sentenceStems: Set<String>) -> Bool {
        !leadStems.isEmpty && leadStems.intersection(sentenceStems).count * 2 > leadStems.count
    }
}
