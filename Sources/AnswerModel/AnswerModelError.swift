/// Why a model folder could not be loaded or a text could not be encoded.
public enum AnswerModelError: Error, Equatable, CustomStringConvertible {
    /// A file the model needs is missing or unreadable.
    case unreadableFile(path: String, reason: String)
    /// model.safetensors is not a safetensors file this encoder can use.
    case malformedWeights(path: String, reason: String)
    /// A tensor the encoder needs is absent, or has another type or shape.
    case badTensor(name: String, reason: String)
    /// tokenizer.json or config.json describes something other than a BERT WordPiece model.
    case unsupportedModel(reason: String)
    /// The linear algebra library the encoder runs on cannot be opened.
    case missingLibrary(reason: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason): return "cannot read \(path): \(reason)"
        case let .malformedWeights(path, reason): return "\(path) is not usable weights: \(reason)"
        case let .badTensor(name, reason): return "tensor \(name): \(reason)"
        case let .unsupportedModel(reason): return "unsupported model: \(reason)"
        case let .missingLibrary(reason): return reason
        }
    }
}
