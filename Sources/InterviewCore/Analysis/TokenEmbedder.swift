/// Contextual vectors for the word-pieces of a text, as a sentence-embedding model gives them.
/// Answer judging matches these piece by piece, so the core needs only this shape, not the model.
public struct TokenVectors: Sendable, Equatable {
    /// The length of each vector.
    public var dimension: Int
    /// The word-pieces, as the model's vocabulary spells them ("quant", "##ization"); the
    /// model's special tokens ([CLS], [SEP]) are not included.
    public var pieces: [String]
    /// Where each piece came from: a range of UTF-8 byte offsets into the text that was embedded.
    public var ranges: [Range<Int>]
    /// `pieces.count` rows of `dimension` floats, row after row, each row of unit length.
    public var values: [Float]

    public init(dimension: Int, pieces: [String], ranges: [Range<Int>], values: [Float]) {
        precondition(pieces.count == ranges.count && values.count == pieces.count * dimension)
        self.dimension = dimension
        self.pieces = pieces
        self.ranges = ranges
        self.values = values
    }

    public var count: Int { pieces.count }

    /// The vector of piece `index`.
    public func vector(_ index: Int) -> ArraySlice<Float> {
        values[(index * dimension)..<((index + 1) * dimension)]
    }
}

/// A model that gives contextual word-piece vectors for any text. Texts longer than the model's
/// window are encoded in windows; the result still covers every piece of the text, in order.
public protocol TokenEmbedder: Sendable {
    func tokenVectors(for text: String) throws -> TokenVectors
}
