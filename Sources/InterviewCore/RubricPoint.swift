/// One point of a question's checklist: something a strong answer makes, a bonus beyond it, or
/// a pitfall the answer may fall into. Every point keeps its source in the model answer.
public struct RubricPoint: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A point a strong answer makes ("Reasoning and Best Practices", "Approach" steps, or
        /// an explicit rubric).
        case cover
        /// Defines one term ("Definition and Context").
        case define
        /// Gives one of the model answer's concrete examples ("Examples and Context").
        case example
        /// Goes beyond the expected ("Alternative Considerations", a STAR lesson): only adds.
        case bonus
        /// A known mistake ("Pitfalls to Avoid"): only subtracts, and only when confirmed.
        case pitfall
        /// A part of a well-formed STAR story, judged from the STAR figures.
        case star

        /// Whether the point's weight is part of the question's total (the score's denominator).
        /// Bonus points only add and pitfalls only subtract, so neither is.
        public var countsTowardTotal: Bool {
            switch self {
            case .cover, .define, .example, .star: true
            case .bonus, .pitfall: false
            }
        }
    }

    /// The short label shown in the checklist.
    public var text: String
    public var kind: Kind
    public var weight: Int
    /// The model-answer label the point came from ("Approach", "Pitfalls to Avoid"); "STAR" for
    /// the STAR structure points, "Rubric" for an explicit rubric.
    public var section: String
    /// The item's bold lead words, or its first words when it has none.
    public var lead: String
    /// The model answer's explanation behind the point (the item's text after its lead, with
    /// its nested items): what an answer must say to make the point.
    public var detail: String

    public init(text: String, kind: Kind, weight: Int, section: String, lead: String, detail: String) {
        self.text = text
        self.kind = kind
        self.weight = weight
        self.section = section
        self.lead = lead
        self.detail = detail
    }

    private enum CodingKeys: String, CodingKey {
        case text, kind, weight, section, lead, detail
    }

    /// Sessions saved before points carried their source still open: the source reads as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        kind = try container.decode(Kind.self, forKey: .kind)
        weight = try container.decode(Int.self, forKey: .weight)
        section = try container.decodeIfPresent(String.self, forKey: .section) ?? ""
        lead = try container.decodeIfPresent(String.self, forKey: .lead) ?? text
        detail = try container.decodeIfPresent(String.self, forKey: .detail) ?? ""
    }

    /// The words an answer is matched against: the lead and the explanation.
    public var matchText: String {
        if detail.isEmpty { return lead }
        if lead.isEmpty || detail.hasPrefix(lead) { return detail }
        return lead + ": " + detail
    }
}
