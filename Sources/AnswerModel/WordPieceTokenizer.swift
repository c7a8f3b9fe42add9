/// One word-piece of a text: its id in the vocabulary and the UTF-8 byte range it came from.
public struct WordPiece: Sendable, Equatable {
    public var id: Int32
    public var range: Range<Int>

    public init(id: Int32, range: Range<Int>) {
        self.id = id
        self.range = range
    }
}

/// BERT's WordPiece tokenizer, as tokenizer.json describes it: normalization, splitting into
/// words, then each word cut greedily into the longest pieces the vocabulary holds ("quant",
/// "##ization"). A word longer than the limit, or one that cannot be cut, is one unknown piece.
///
/// The special tokens' spellings in the text ("[CLS]", "[SEP]") are read as ordinary text, so
/// that nothing typed in an answer can steer the model.
public struct WordPieceTokenizer: Sendable {
    /// Each id's spelling.
    public let vocabulary: [String]
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32
    private let ids: [String: Int32]
    private let continuationPrefix: String
    private let maxCharactersPerWord: Int
    /// The longest vocabulary entry, in characters: no longer candidate is looked up.
    private let longestPiece: Int
    private let splitter: BertTextSplitter

    public init(contentsOf path: String) throws {
        let json = try JSONValue.read(path)
        guard let model = json["model"], model["type"]?.string == "WordPiece", let vocab = model["vocab"]?.members else {
            throw AnswerModelError.unsupportedModel(reason: "tokenizer.json's model is not WordPiece")
        }
        var options = BertTextSplitter.Options()
        if let normalizer = json["normalizer"], normalizer.members != nil {
            guard normalizer["type"]?.string == "BertNormalizer" else {
                throw AnswerModelError.unsupportedModel(reason: "tokenizer.json's normalizer is not BertNormalizer")
            }
            options.cleanText = normalizer["clean_text"]?.bool ?? true
            options.splitCJK = normalizer["handle_chinese_chars"]?.bool ?? true
            options.lowercase = normalizer["lowercase"]?.bool ?? true
            // Unset, accents are stripped exactly when the text is lower-cased.
            options.stripAccents = normalizer["strip_accents"]?.bool ?? options.lowercase
        }
        if let preTokenizer = json["pre_tokenizer"], preTokenizer.members != nil,
           preTokenizer["type"]?.string != "BertPreTokenizer" {
            throw AnswerModelError.unsupportedModel(reason: "tokenizer.json's pre-tokenizer is not BertPreTokenizer")
        }
        var vocabulary = [String](repeating: "", count: vocab.count)
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocab.count)
        for member in vocab {
            let (piece, value) = (member.key, member.value)
            guard let id = value.integer, id >= 0, id < vocab.count, ids.updateValue(Int32(id), forKey: piece) == nil else {
                throw AnswerModelError.unsupportedModel(reason: "vocabulary entry \(piece) has a bad or repeated id")
            }
            vocabulary[id] = piece
        }
        try self.init(
            vocabulary: vocabulary, ids: ids, options: options,
            unknown: model["unk_token"]?.string ?? "[UNK]",
            continuationPrefix: model["continuing_subword_prefix"]?.string ?? "##",
            maxCharactersPerWord: model["max_input_chars_per_word"]?.integer ?? 100
        )
    }

    private init(
        vocabulary: [String], ids: [String: Int32], options: BertTextSplitter.Options,
        unknown: String, continuationPrefix: String, maxCharactersPerWord: Int
    ) throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = ids[token] else { throw AnswerModelError.unsupportedModel(reason: "vocabulary has no \(token)") }
            return id
        }
        self.vocabulary = vocabulary
        self.ids = ids
        self.unknownID = try id(unknown)
        self.classID = try id("[CLS]")
        self.separatorID = try id("[SEP]")
        self.continuationPrefix = continuationPrefix
        self.maxCharactersPerWord = maxCharactersPerWord
        self.longestPiece = vocabulary.lazy.map { $0.unicodeScalars.count }.max() ?? 0
        self.splitter = BertTextSplitter(options: options)
    }

    /// The word-pieces of `text`, without [CLS] and [SEP].
    public func tokenize(_ text: String) -> [WordPiece] {
        var pieces: [WordPiece] = []
        pieces.reserveCapacity(text.utf8.count / 4)
        splitter.forEachWord(in: text) { cut($0, into: &pieces) }
        return pieces
    }

    /// Greedy longest-match-first, as BERT was trained; all or nothing for each word.
    private func cut(_ word: BertTextSplitter.Word, into pieces: inout [WordPiece]) {
        let whole = word.origins.first!.lowerBound..<word.origins.last!.upperBound
        let count = word.scalars.count
        guard count <= maxCharactersPerWord else {
            pieces.append(WordPiece(id: unknownID, range: whole))
            return
        }
        let firstPiece = pieces.count
        var start = 0
        while start < count {
            var end = min(count, start + longestPiece)
            var found: Int32?
            while end > start {
                var candidate = start > 0 ? continuationPrefix : ""
                candidate.unicodeScalars.append(contentsOf: word.scalars[start..<end])
                if let id = ids[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                pieces.removeSubrange(firstPiece...)
                pieces.append(WordPiece(id: unknownID, range: whole))
                return
            }
            pieces.append(WordPiece(id: id, range: word.origins[start].lowerBound..<word.origins[end - 1].upperBound))
            start = end
        }
    }
}
