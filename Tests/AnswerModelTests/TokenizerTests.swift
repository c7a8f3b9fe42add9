import AnswerModel
import Testing

/// The tokenizer against ids and byte ranges from the `tokenizers` library on the same tokenizer.json.
@Suite struct TokenizerTests {
    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try WordPieceTokenizer(contentsOf: try ModelFixtures.folder() + "/tokenizer.json")
    }

    @Test func sentencesMatchTheReference() {
        for reference in ModelFixtures.reference.cases {
            let pieces = tokenizer.tokenize(reference.text)
            #expect([tokenizer.classID] + pieces.map(\.id) + [tokenizer.separatorID] == reference.ids, "\(reference.text)")
            #expect(pieces.map { tokenizer.vocabulary[Int($0.id)] } == reference.pieces, "\(reference.text)")
            #expect(pieces.map { [$0.range.lowerBound, $0.range.upperBound] } == reference.ranges, "\(reference.text)")
        }
    }

    @Test func unusualTextMatchesTheReference() {
        var mismatches: [String] = []
        for reference in ModelFixtures.reference.tokenizerCases {
            let pieces = tokenizer.tokenize(reference.text)
            let ranges = pieces.map { [$0.range.lowerBound, $0.range.upperBound] }
            if pieces.map(\.id) != reference.ids || ranges != reference.ranges {
                mismatches.append("\(reference.text.debugDescription): \(pieces.map(\.id)) \(ranges), expected \(reference.ids) \(reference.ranges)")
            }
        }
        #expect(ModelFixtures.reference.tokenizerCases.count >= 70)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func knownPieces() {
        let pieces = tokenizer.tokenize("Quantization-aware training")
        #expect(pieces.map { tokenizer.vocabulary[Int($0.id)] } == ["quan", "##ti", "##zation", "-", "aware", "training"])
        #expect(pieces.map(\.range) == [0..<4, 4..<6, 6..<12, 12..<13, 13..<18, 19..<27])
    }

    @Test func specialTokenSpellingsAreOrdinaryText() {
        let pieces = tokenizer.tokenize("[CLS] [SEP]")
        #expect(!pieces.contains { $0.id == tokenizer.classID || $0.id == tokenizer.separatorID })
        #expect(pieces.first.map { tokenizer.vocabulary[Int($0.id)] } == "[")
    }

    @Test func overlongWordIsOneUnknownPiece() {
        let word = String(repeating: "ab", count: 51)
        let pieces = tokenizer.tokenize("x \(word) y")
        #expect(pieces.map(\.id) == [pieces[0].id, tokenizer.unknownID, pieces[2].id])
        #expect(pieces[1].range == 2..<104)
    }
}
