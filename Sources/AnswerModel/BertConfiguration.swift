/// The sizes of a BERT encoder, read from the model's config.json.
public struct BertConfiguration: Sendable, Equatable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public init(
        vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
        maxPositions: Int, typeVocabularySize: Int, layerNormEpsilon: Float
    ) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// Reads config.json, refusing anything this encoder does not compute: another architecture,
    /// another activation, relative positions.
    public init(contentsOf path: String) throws {
        let json = try JSONValue.read(path)
        guard json.members != nil else {
            throw AnswerModelError.unsupportedModel(reason: "\(path) is not a JSON object")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = json[key]?.integer, value > 0 else {
                throw AnswerModelError.unsupportedModel(reason: "config.json has no positive \(key)")
            }
            return value
        }
        func expect(_ key: String, _ expected: String, default fallback: String? = nil) throws {
            let value = json[key]?.string ?? fallback
            guard value == expected else {
                throw AnswerModelError.unsupportedModel(reason: "config.json \(key) is \(value ?? "missing"), expected \(expected)")
            }
        }
        try expect("model_type", "bert")
        try expect("hidden_act", "gelu")
        try expect("position_embedding_type", "absolute", default: "absolute")
        self.init(
            vocabularySize: try integer("vocab_size"),
            hiddenSize: try integer("hidden_size"),
            layerCount: try integer("num_hidden_layers"),
            headCount: try integer("num_attention_heads"),
            intermediateSize: try integer("intermediate_size"),
            maxPositions: try integer("max_position_embeddings"),
            typeVocabularySize: try integer("type_vocab_size"),
            layerNormEpsilon: Float(json["layer_norm_eps"]?.number ?? 1e-12)
        )
        guard hiddenSize % headCount == 0 else {
            throw AnswerModelError.unsupportedModel(reason: "hidden_size \(hiddenSize) is not a multiple of \(headCount) heads")
        }
    }
}
