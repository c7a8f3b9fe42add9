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

/// Any text, however odd, tokenizes without a crash into pieces whose ranges are whole
/// characters of the text, in order.
@Suite struct TokenizerRobustnessTests {
    @Test func randomTextKeepsRangesInOrderAndOnCharacterBoundaries() throws {
        let tokenizer = try WordPieceTokenizer(contentsOf: try ModelFixtures.folder() + "/tokenizer.json")
        var generator = SystemRandomNumberGenerator()
        let planes: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x2000...0x206F, 0x3000...0x9FFF,
                                             0xAC00...0xD7A3, 0xE000...0xFFFF, 0x1F300...0x1FAFF, 0x20000...0x2FFFF, 0xE0000...0x10FFFF]
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                let plane = planes.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: plane, using: &generator)) { scalars.append(scalar) }
            }
            let text = String(scalars)
            let bytes = Array(text.utf8)
            let pieces = tokenizer.tokenize(text)
            var previous = 0
            for piece in pieces {
                #expect(piece.range.lowerBound >= previous && piece.range.upperBound <= bytes.count && !piece.range.isEmpty)
                // A range starts and ends on a character boundary: never on a UTF-8 continuation byte.
                #expect(bytes[piece.range.lowerBound] & 0xC0 != 0x80)
                #expect(piece.range.upperBound == bytes.count || bytes[piece.range.upperBound] & 0xC0 != 0x80)
                #expect(piece.id >= 0 && Int(piece.id) < tokenizer.vocabulary.count)
                previous = piece.range.lowerBound
            }
        }
    }
}
