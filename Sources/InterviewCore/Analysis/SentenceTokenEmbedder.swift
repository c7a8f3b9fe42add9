import Synchronization

/// An embedder that reads an answer sentence by sentence (`AnswerSentences`), each with the
/// sentences just before it as context, and remembers every sentence it embedded. While an
/// answer is typed, `prepare` embeds its finished sentences ahead of time, so that judging it
/// when it is submitted embeds only what changed since: the last sentence or two.
///
/// A sentence's vectors come from a pass over the context and the sentence together, of which
/// only the sentence's pieces are kept; the answer's vectors are its sentences' in order, with
/// their ranges in the whole text. They differ a little from one pass over the whole answer
/// (BENCHMARKS.md, "Judging while the answer is typed").
public final class SentenceTokenEmbedder: TokenEmbedder {
    private let base: any TokenEmbedder
    /// How many sentences before each one are read with it.
    public let context: Int
    private let memory = Mutex<[Key: TokenVectors]>([:])

    private struct Key: Hashable {
        var context: String
        var sentence: String
    }

    public init(_ base: any TokenEmbedder, context: Int = 1) {
        self.base = base
        self.context = max(0, context)
    }

    public func tokenVectors(for text: String) throws -> TokenVectors {
        let sentences = AnswerSentences(text)
        var pieces: [String] = []
        var ranges: [Range<Int>] = []
        var values: [Float] = []
        var dimension = 0
        for index in 0..<sentences.count {
            let vectors = try sentenceVectors(sentences, index)
            let start = sentences.ranges[index].lowerBound
            dimension = vectors.dimension
            pieces += vectors.pieces
            ranges += vectors.ranges.map { ($0.lowerBound + start)..<($0.upperBound + start) }
            values += vectors.values
        }
        guard dimension > 0 else { return try base.tokenVectors(for: text) }
        return TokenVectors(dimension: dimension, pieces: pieces, ranges: ranges, values: values)
    }

    /// Embeds the finished sentences of `text` (all but the last, which may still be being
    /// typed) that are not remembered yet, and forgets the sentences `text` no longer holds.
    /// Returns how many sentences it embedded.
    @discardableResult
    public func prepare(_ text: String) throws -> Int {
        let sentences = AnswerSentences(text)
        let keys = (0..<sentences.count).map { key(sentences, $0) }
        let wanted = Set(keys)
        memory.withLock { remembered in remembered = remembered.filter { wanted.contains($0.key) } }
        var embedded = 0
        for index in 0..<max(0, sentences.count - 1) where memory.withLock({ $0[keys[index]] }) == nil {
            _ = try sentenceVectors(sentences, index)
            embedded += 1
        }
        return embedded
    }

    /// How many sentences are remembered.
    public var rememberedCount: Int { memory.withLock { $0.count } }

    private func key(_ sentences: AnswerSentences, _ index: Int) -> Key {
        let first = max(0, index - context)
        let before = (first..<index).map { sentences[$0] }.joined(separator: " ")
        return Key(context: before, sentence: sentences[index])
    }

    /// The vectors of sentence `index`, with ranges from its own start.
    private func sentenceVectors(_ sentences: AnswerSentences, _ index: Int) throws -> TokenVectors {
        let key = key(sentences, index)
        if let known = memory.withLock({ $0[key] }) { return known }
        let vectors: TokenVectors
        if key.context.isEmpty {
            vectors = try base.tokenVectors(for: key.sentence)
        } else {
            // The context, a space, the sentence: only the sentence's pieces are kept.
            let offset = key.context.utf8.count + 1
            let read = try base.tokenVectors(for: key.context + " " + key.sentence)
            let kept = read.ranges.indices.filter { read.ranges[$0].lowerBound >= offset }
            var values: [Float] = []
            values.reserveCapacity(kept.count * read.dimension)
            for piece in kept { values += read.vector(piece) }
            vectors = TokenVectors(dimension: read.dimension, pieces: kept.map { read.pieces[$0] },
                                   ranges: kept.map { (read.ranges[$0].lowerBound - offset)..<(read.ranges[$0].upperBound - offset) },
                                   values: values)
        }
        memory.withLock { $0[key] = vectors }
        return vectors
    }
}
