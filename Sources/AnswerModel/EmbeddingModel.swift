import InterviewCore

/// A sentence-embedding model (all-MiniLM-L6-v2, or another BERT of its shape) loaded from a
/// folder holding model.safetensors, tokenizer.json and config.json, run on the CPU.
///
/// It gives contextual vectors for every word-piece of a text (the last layer computed, each
/// row of unit length, [CLS] and [SEP] left out) and the text's sentence vector (the mean of
/// every position's vector, specials included, scaled to unit length: sentence-transformers'
/// pooling). A text longer than one window is encoded in windows of at most `windowPieces`
/// pieces, cut at sentence ends where possible; its sentence vector is the mean over all windows.
public final class EmbeddingModel: TokenEmbedder, @unchecked Sendable {
    // Safe to share: nothing changes after `init`, and each call works in its own buffers.

    /// The pieces of one window: sentence-transformers' 256 positions for this model, less [CLS] and [SEP].
    public static let windowPieces = 254

    public let folder: String
    public let configuration: BertConfiguration
    public let tokenizer: WordPieceTokenizer
    /// How many layers run: all of them unless fewer were asked for.
    public let layerCount: Int
    private let encoder: BertEncoder

    /// Loads the model in `folder`; `layers` stops the encoder early (1 to the model's count).
    public init(folder: String, layers: Int? = nil) throws {
        self.folder = folder
        configuration = try BertConfiguration(contentsOf: folder + "/config.json")
        tokenizer = try WordPieceTokenizer(contentsOf: folder + "/tokenizer.json")
        guard tokenizer.vocabulary.count == configuration.vocabularySize else {
            throw AnswerModelError.unsupportedModel(
                reason: "tokenizer.json has \(tokenizer.vocabulary.count) pieces, config.json \(configuration.vocabularySize)")
        }
        guard Self.windowPieces + 2 <= configuration.maxPositions else {
            throw AnswerModelError.unsupportedModel(reason: "the model has only \(configuration.maxPositions) positions")
        }
        let requested = layers ?? configuration.layerCount
        guard (1...configuration.layerCount).contains(requested) else {
            throw AnswerModelError.unsupportedModel(reason: "asked for \(requested) layers of \(configuration.layerCount)")
        }
        layerCount = requested
        let weights = try SafetensorsFile(path: folder + "/model.safetensors")
        encoder = try BertEncoder(weights: weights, configuration: configuration)
    }

    /// A text's word-piece vectors and its sentence vector, from one pass.
    public struct Embedding: Sendable, Equatable {
        public var tokens: TokenVectors
        /// The mean-pooled sentence vector, of unit length.
        public var sentence: [Float]
    }

    public func tokenVectors(for text: String) throws -> TokenVectors { embed(text).tokens }

    public func sentenceVector(for text: String) throws -> [Float] { embed(text).sentence }

    public func embed(_ text: String) -> Embedding {
        let pieces = tokenizer.tokenize(text)
        let windows = windows(of: pieces, in: text)
        let ids = windows.map { window in
            [tokenizer.classID] + pieces[window].map(\.id) + [tokenizer.separatorID]
        }
        let hidden = configuration.hiddenSize
        var sentence = [Float](repeating: 0, count: hidden)
        var values = [Float](repeating: 0, count: pieces.count * hidden)
        var piece = 0
        for batch in Self.batches(of: ids) {
            var states = encoder.hiddenStates(windows: Array(ids[batch]), layerCount: layerCount)
            states.withUnsafeMutableBufferPointer { states in
                sentence.withUnsafeMutableBufferPointer { sentence in
                    values.withUnsafeMutableBufferPointer { values in
                        var row = 0
                        for window in ids[batch] {
                            for position in window.indices {
                                let state = states.baseAddress! + (row + position) * hidden
                                for index in 0..<hidden { sentence[index] += state[index] }
                                guard position > 0, position < window.count - 1 else { continue }
                                let target = values.baseAddress! + piece * hidden
                                target.update(from: state, count: hidden)
                                VectorKernels.normalize(target, count: hidden)
                                piece += 1
                            }
                            row += window.count
                        }
                    }
                }
            }
        }
        sentence.withUnsafeMutableBufferPointer { VectorKernels.normalize($0.baseAddress!, count: hidden) }
        let tokens = TokenVectors(
            dimension: hidden, pieces: pieces.map { tokenizer.vocabulary[Int($0.id)] },
            ranges: pieces.map(\.range), values: values)
        return Embedding(tokens: tokens, sentence: sentence)
    }

    /// The most positions encoded in one pass: windows are batched up to this many, so that a
    /// very long text costs at most ~25 MB of working memory beyond its result.
    static let positionsPerPass = 2048

    /// Consecutive runs of windows, each within `positionsPerPass` positions (one window at least).
    static func batches(of windows: [[Int32]]) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, positions = 0
        for (index, window) in windows.enumerated() {
            if index > start, positions + window.count > positionsPerPass {
                batches.append(start..<index)
                start = index
                positions = 0
            }
            positions += window.count
        }
        batches.append(start..<windows.count)
        return batches
    }

    /// The windows a text's pieces are encoded in; a sentence ends at ".", "!", "?" or a line break.
    private func windows(of pieces: [WordPiece], in text: String) -> [Range<Int>] {
        guard pieces.count > Self.windowPieces else { return [0..<pieces.count] }
        let bytes = Array(text.utf8)
        let stops: Set<String> = [".", "!", "?"]
        return TextWindows.plan(
            pieceCount: pieces.count, limit: Self.windowPieces,
            endsSentence: { index in
                if stops.contains(self.tokenizer.vocabulary[Int(pieces[index].id)]) { return true }
                let end = pieces[index].range.upperBound
                let gap = end..<max(end, pieces[index + 1].range.lowerBound)
                return bytes[gap].contains(UInt8(ascii: "\n"))
            },
            startsWord: { index in
                !self.tokenizer.vocabulary[Int(pieces[index].id)].hasPrefix("##")
            }
        )
    }
}
