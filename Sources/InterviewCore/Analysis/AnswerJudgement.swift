/// What the text of an answer was judged to cover, recorded once when the answer is submitted
/// so that review, the store and the exports read it rather than judge again. It is a second
/// opinion beside the user's ticks, never a replacement for them.
public struct AnswerJudgement: Codable, Sendable, Equatable {
    /// How the answer was read.
    public enum Detector: String, Codable, Sendable, CaseIterable {
        /// Token-level matching of meaning with a local sentence-embedding model.
        case embedding
        /// Overlap with the words of each point's explanation, when no model is at hand.
        case lexical

        /// How the answer was read, in words.
        public var reading: String {
            switch self {
            case .embedding: "read for meaning"
            case .lexical: "read by its words"
            }
        }
    }

    public var detector: Detector
    /// One verdict per rubric point, in the rubric's order.
    public var verdicts: [PointVerdict]

    public init(detector: Detector, verdicts: [PointVerdict]) {
        self.detector = detector
        self.verdicts = verdicts
    }

    /// The points the answer seems to make (pitfalls aside).
    public func covered(_ rubric: [RubricPoint]) -> Set<Int> {
        indices(rubric) { $0 != .pitfall }
    }

    /// The pitfalls the answer seems to fall into: questions for the user, never deducted alone.
    public func likelyPitfalls(_ rubric: [RubricPoint]) -> Set<Int> {
        indices(rubric) { $0 == .pitfall }
    }

    private func indices(_ rubric: [RubricPoint], where include: (RubricPoint.Kind) -> Bool) -> Set<Int> {
        Set(zip(rubric.indices, verdicts).filter { include(rubric[$0.0].kind) && $0.1.detected }.map(\.0))
    }
}

/// The judgement on one rubric point.
public struct PointVerdict: Codable, Sendable, Equatable {
    /// The answer seems to make the point (for a pitfall: seems to fall into it).
    public var detected: Bool
    /// The measure the decision was taken on, 0...1 (recall of the point's explanation, or 1
    /// and 0 for STAR points, which are read from the STAR figures).
    public var strength: Double
    /// The answer's sentence that holds most of what matched the point; nil when not detected.
    public var evidence: String?

    public init(detected: Bool, strength: Double, evidence: String? = nil) {
        self.detected = detected
        self.strength = strength
        self.evidence = evidence
    }

    private enum Keys: String, CodingKey {
        case detected, strength, evidence
    }

    /// Most points of most answers are not detected: such a verdict is its strength alone
    /// (`0.072`), not an object, which kept a third of a saved question row.
    public init(from decoder: Decoder) throws {
        if let strength = try? decoder.singleValueContainer().decode(Double.self) {
            self.init(detected: false, strength: strength)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(detected: try container.decode(Bool.self, forKey: .detected),
                  strength: try container.decode(Double.self, forKey: .strength),
                  evidence: try container.decodeIfPresent(String.self, forKey: .evidence))
    }

    public func encode(to encoder: Encoder) throws {
        if !detected, evidence == nil {
            var container = encoder.singleValueContainer()
            try container.encode(strength)
            return
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(detected, forKey: .detected)
        try container.encode(strength, forKey: .strength)
        try container.encodeIfPresent(evidence, forKey: .evidence)
    }
}
