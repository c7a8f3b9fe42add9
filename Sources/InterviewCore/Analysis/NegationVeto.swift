/// An answer can use a point's words to say the opposite ("warm-up runs are not needed"). A
/// sentence that names the point's lead words together with a negation earns nothing for it.
enum NegationVeto {
    static let negations: Set<String> = ["not", "never", "no", "none", "nothing", "nor", "without", "cannot"]
    /// Stems of words that dismiss what they name: "unnecessary", "skip it", "overkill", "a waste".
    static let dismissals: Set<String> = Set(["unnecessary", "needless", "pointless", "overkill", "skip", "avoid",
                                              "waste", "bother", "useless", "irrelevant"].map(Words.stem))

    /// Whether a sentence with these words (`Words.split`) negates or dismisses something.
    static func negates(_ words: [String]) -> Bool {
        words.contains { negations.contains($0) || $0.hasSuffix("n't") || dismissals.contains(Words.stem($0)) }
    }

    /// Whether a sentence with these stems names the point: at least half its lead's stems.
    static func names(_ leadStems: Set<String>, in sentenceStems: Set<String>) -> Bool {
        !leadStems.isEmpty && leadStems.intersection(sentenceStems).count * 2 >= leadStems.count
    }
}
