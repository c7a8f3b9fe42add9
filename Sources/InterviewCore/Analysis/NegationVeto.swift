/// An answer can use a point's words to say the opposite ("warm-up runs are not needed"). A
/// clause that names most of the point's lead words together with a negation or a dismissal
/// denies the point: the answer then earns nothing for it, whatever its other sentences say.
///
/// Only a negation of the point's own claim denies it: one in another clause (", which QAT
/// does not need") says something else, and one the point itself makes ("converts a trained
/// model without retraining", "Do not decide alone") agrees with it.
enum NegationVeto {
    static let negations: Set<String> = ["not", "never", "no", "none", "nothing", "nor", "without", "cannot"]
    /// Words that dismiss what they name: "unnecessary", "skip it", "overkill", "a waste". Matched
    /// as written, not by stem: "both" has the stem of "bother".
    static let dismissals: Set<String> = ["unnecessary", "needless", "pointless", "overkill", "useless", "irrelevant",
                                          "skip", "skips", "skipped", "skipping", "avoid", "avoids", "avoided", "avoiding",
                                          "waste", "wastes", "wasted", "wasting", "bother", "bothering"]

    /// Whether a word (as `Words.split` gives it) negates or dismisses what is near it.
    static func isCue(_ word: String) -> Bool {
        negations.contains(word) || word.hasSuffix("n't") || dismissals.contains(word)
    }

    /// Words that turn a sentence to its other half: "not the mean but the tail".
    static let turns: Set<String> = ["but", "instead", "rather", "whereas", "although", "though"]
    /// Words that open a clause of their own after a comma, colon or dash: ", so it is quick",
    /// ", which QAT does not need", ", since ...".
    static let openers: Set<String> = turns.union(["so", "which", "because", "since", "while", "then", "yet"])

    /// A sentence cut into clauses, each as its words (`Words.split`): at its turns, and at a
    /// comma, colon, semicolon or dash followed by a word that opens a clause. Commas in a list
    /// ("owning it, limiting the damage and fixing the cause were not needed") do not cut.
    static func clauses(of sentence: String) -> [[String]] {
        var clauses: [[String]] = []
        for piece in sentence.split(whereSeparator: { ",:;—–()".contains($0) }) {
            let words = Words.split(String(piece))
            guard let first = words.first else { continue }
            if openers.contains(first) || clauses.isEmpty {
                clauses.append(words)
            } else {
                clauses[clauses.count - 1] += words
            }
        }
        // "rather than X" and "instead of X" say not X.
        return clauses.flatMap { clause in
            let words = clause.indices.map { index in
                index > 0 && (clause[index] == "than" && clause[index - 1] == "rather" || clause[index] == "of" && clause[index - 1] == "instead")
                    ? "not" : clause[index]
            }
            return words.split(whereSeparator: turns.contains).map(Array.init)
        }
    }

    /// Words after a negation that make it deny what came before ("is not needed"): the
    /// negation then speaks of the clause's subject, not of the next words.
    static let predicates: Set<String> = Set(["need", "needed", "necessary", "required", "require", "matter", "worth",
                                              "help", "add", "enough", "really", "anything", "everything", "tell", "much",
                                              "mean", "change"].map(Words.stem))
    /// Dismissals that deny what came before them ("percentiles are overkill").
    static let afterwards: Set<String> = ["unnecessary", "needless", "pointless", "overkill", "useless", "irrelevant",
                                          "waste", "wastes"]

    /// What each cue of a clause negates when it negates the words right after it ("no
    /// retraining", "without blocking capture"): the stems of the next two content words. Empty
    /// when it denies what came before ("is not needed", "is overkill").
    static func negatedStems(_ clause: [String]) -> [Set<String>] {
        clause.indices.filter { isCue(clause[$0]) }.map { cue in
            if afterwards.contains(clause[cue]) { return [] }
            let next = clause[(cue + 1)...].filter(Words.isKey).prefix(2).map(Words.stem)
            guard let first = next.first, !predicates.contains(first) else { return [] }
            return Set(next)
        }
    }

    /// Everything a text's own negations negate: "without retraining" gives "retrain".
    static func ownNegations(of text: String) -> Set<String> {
        AnswerSentences(text).all.reduce(into: Set<String>()) { stems, sentence in
            for clause in clauses(of: sentence) { stems.formUnion(negatedStems(clause).joined()) }
        }
    }

    /// Whether a clause with these stems names the point: more than half its lead's stems.
    static func names(_ leadStems: Set<String>, in sentenceStems: Set<String>) -> Bool {
        !leadStems.isEmpty && leadStems.intersection(sentenceStems).count * 2 > leadStems.count
    }

    /// A clause of an answer that negates or dismisses something.
    struct NegatedClause {
        /// The stems of its content words.
        var stems: Set<String>
        /// What each of its cues negates.
        var negated: [Set<String>]

        /// The stems it says nothing for: what its cues negate, and all of it when a cue
        /// dismisses the clause itself ("dropping stale frames is unnecessary").
        var deniedStems: Set<String> {
            negated.contains { $0.isEmpty } ? stems : negated.reduce(into: Set<String>()) { $0.formUnion($1) }
        }

        init?(_ words: [String]) {
            let negated = NegationVeto.negatedStems(words)
            guard !negated.isEmpty else { return nil }
            self.negated = negated
            stems = Set(words.filter(Words.isKey).map(Words.stem))
        }

        /// Whether it denies a point with these lead stems and these stems in all, whose own
        /// text negates `agreed`. A cue that negates nothing the point negates denies it when it
        /// negates the point's lead ("so skip the soft loss"), or stands in a clause that names
        /// the point and either dismisses that clause ("X is not needed", "X is overkill") or
        /// negates words of the point ("X, with no calibration set"). "Structured pruning, with
        /// no special kernels" denies nothing of a point that says nothing of kernels.
        func denies(lead: Set<String>, claim: Set<String>, agreed: Set<String>) -> Bool {
            guard !lead.isEmpty else { return false }
            let named = NegationVeto.names(lead, in: stems)
            return negated.contains { negated in
                guard negated.isDisjoint(with: agreed) else { return false }
                if negated.intersection(lead).count * 2 >= lead.count { return true }
                return named && (negated.isEmpty || !negated.isDisjoint(with: claim))
            }
        }
    }
}

extension AnswerSentences {
    /// Every sentence, in order.
    var all: [String] { (0..<count).map { self[$0] } }
}
