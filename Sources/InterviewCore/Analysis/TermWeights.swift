/// How telling each word is, as inverse document frequency over a guide's rubric points: a
/// word that many points share ("model", "device") says little about which point an answer
/// makes, a rare one ("percentile", "eviction") says a lot. Stop words weigh nothing.
public struct TermWeights: Sendable, Equatable {
    private var frequency: [String: Int]
    public private(set) var documents: Int

    /// Weights over `documents` (each a point's words), counted by stem.
    public init(documents: [String]) {
        var frequency: [String: Int] = [:]
        for document in documents {
            for stem in Words.keyStems(document) { frequency[stem, default: 0] += 1 }
        }
        self.frequency = frequency
        self.documents = documents.count
    }

    /// Weights over every rubric point of the guide (STAR points aside: they are not words),
    /// without the words of the rubric's voice ("a strong answer shows").
    public init(guide: Guide) {
        self.init(rubrics: guide.questions.map(\.rubric))
    }

    public init(rubrics: [[RubricPoint]]) {
        self.init(documents: rubrics.flatMap { $0.filter { StarCheck($0) == nil }.map { RubricVoice.masked($0.matchText) } })
    }

    /// `log((N + 1) / (df + 1)) + 1`: positive for every content word, highest for the rarest.
    public func weight(ofStem stem: String) -> Double {
        let count = Double(frequency[stem] ?? 0)
        return (Double(documents + 1) / (count + 1)).logarithm + 1
    }

    /// A word's weight (as `Words.split` gives it); 0 for stop words and single letters.
    public func weight(ofWord word: String) -> Double {
        Words.isKey(word) ? weight(ofStem: Words.stem(word)) : 0
    }
}

extension Double {
    /// The natural logarithm, without Foundation (the core imports none): ln x = 2 atanh((x−1)/(x+1)).
    var logarithm: Double {
        guard self > 0 else { return -.infinity }
        var mantissa = self
        var exponent = 0.0
        while mantissa > 2 { mantissa /= 2; exponent += 1 }
        while mantissa < 1 { mantissa *= 2; exponent -= 1 }
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while abs(term / k) > 1e-17 {
            sum += term / k
            term *= y2
            k += 2
        }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }
}
