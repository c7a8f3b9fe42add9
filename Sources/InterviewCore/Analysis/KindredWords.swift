/// Words that interview answers use for the same thing: a point that says "stopped the spread"
/// is made by "paused the rollout", one that says "users" by "customers". The word measure
/// counts a point's word as found when the answer has it or one of its kin. The families are
/// few and narrow on purpose: each is a way of saying one thing, never a topic.
enum KindredWords {
    /// Each family, as words or two-word phrases ("roll back" is found when both words are in
    /// the sentence, as in "rolled the devices back").
    static let families: [[String]] = [
        ["stop", "halt", "pause", "freeze", "suspend"],
        ["contain", "rollback", "roll back", "revert", "isolate", "quarantine"],
        ["user", "customer", "client"],
        ["protect", "shield", "safeguard"],
        ["early", "immediate", "immediately", "promptly", "soon", "straight away", "right away"],
        ["mistake", "error", "bug", "fault"],
        ["fix", "repair", "resolve"],
        ["tell", "told", "inform", "notify", "warn"],
        ["check", "verify", "confirm"],
        ["choose", "pick", "select"],
        ["reduce", "shrink", "decrease"],
        ["fast", "quick", "speedy"],
        ["slow", "sluggish"],
        ["small", "tiny", "compact"],
    ]

    /// What a word found through its kin counts for when meaning is matched: about the cosine
    /// of the same word in another sentence, so kin never beats the word itself by much.
    static let similarity: Float = 0.8

    /// The family of each stem, by its index.
    static let familyOfStem: [String: Int] = {
        var family: [String: Int] = [:]
        for (index, words) in families.enumerated() {
            for word in words where !word.contains(" ") { family[Words.stem(word)] = index }
        }
        return family
    }()

    /// The phrases of each family, as pairs of stems.
    static let phrases: [(first: String, second: String, family: Int)] = families.enumerated().flatMap { index, words in
        words.compactMap { word -> (String, String, Int)? in
            let parts = word.split(separator: " ").map { Words.stem(String($0)) }
            return parts.count == 2 ? (parts[0], parts[1], index) : nil
        }
    }

    /// The families a sentence with these stems speaks of.
    static func families(of stems: Set<String>) -> Set<Int> {
        var found = Set(stems.compactMap { familyOfStem[$0] })
        for phrase in phrases where stems.contains(phrase.first) && stems.contains(phrase.second) {
            found.insert(phrase.family)
        }
        return found
    }
}
