/// One point of a question's checklist: what a strong answer covers or avoids.
public struct RubricPoint: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A point a strong answer makes ("Reasoning and Best Practices", or an explicit rubric).
        case cover
        /// Defines the terms ("Definition and Context").
        case define
        /// Gives a concrete example ("Examples and Context").
        case example
        /// Goes beyond the expected ("Alternative Considerations").
        case bonus
        /// Avoids a known mistake ("Pitfalls to Avoid").
        case pitfall
        /// A part of a well-formed STAR answer (behavioral questions).
        case star

        /// Cover and STAR points weigh 2 in the score, the others 1.
        public var weight: Int {
            switch self {
            case .cover, .star: 2
            case .define, .example, .bonus, .pitfall: 1
            }
        }
    }

    /// The short label shown in the checklist.
    public var text: String
    public var kind: Kind
    public var weight: Int
    /// The model answer's words behind the point, used to spot it in an answer.
    public var detail: String

    public init(text: String, kind: Kind, detail: String = "") {
        self.text = text
        self.kind = kind
        self.weight = kind.weight
        self.detail = detail
    }
}
