@testable import AnswerModel
import InterviewCore
import Testing

/// The forward pass against vectors computed by an independent numpy BERT from the same weights.
@Suite struct EncoderTests {
    /// float32 products against a float64 reference rounded to six digits: they agree to ~6·10⁻⁷.
    static let tolerance: Float = 2e-5

    @Test func tokenVectorsMatchTheReference() throws {
        let model = try ModelFixtures.model()
        for reference in ModelFixtures.reference.cases where reference.layers == model.configuration.layerCount {
            let tokens = try model.tokenVectors(for: reference.text)
            #expect(tokens.count == reference.pieces.count)
            #expect(tokens.pieces == reference.pieces)
            for (row, expected) in zip(reference.sampleRows, reference.sampleVectors) {
                let difference = largestDifference(tokens.vector(row), expected)
                #expect(difference < Self.tolerance, "\(reference.text) row \(row): \(difference)")
            }
        }
    }

    @Test func sentenceVectorsMatchTheReference() throws {
        let model = try ModelFixtures.model()
        for reference in ModelFixtures.reference.cases where reference.layers == model.configuration.layerCount {
            let vector = try model.sentenceVector(for: reference.text)
            #expect(largestDifference(vector, reference.sentenceVector) < Self.tolerance, "\(reference.text)")
            #expect(cosine(vector, reference.sentenceVector) > 0.99999, "\(reference.text)")
        }
    }

    @Test func stoppingEarlyMatchesTheReference() throws {
        let folder = try ModelFixtures.folder()
        let cases = ModelFixtures.reference.cases.filter { $0.layers < 6 }
        #expect(!cases.isEmpty)
        for reference in cases {
            let model = try EmbeddingModel(folder: folder, layers: reference.layers)
            #expect(model.layerCount == reference.layers)
            let embedding = model.embed(reference.text)
            for (row, expected) in zip(reference.sampleRows, reference.sampleVectors) {
                #expect(largestDifference(embedding.tokens.vector(row), expected) < Self.tolerance)
            }
            #expect(largestDifference(embedding.sentence, reference.sentenceVector) < Self.tolerance)
        }
    }

    @Test func knownPairIsAsSimilarAsSentenceTransformersSays() throws {
        let model = try ModelFixtures.model()
        let similarity = cosine(
            try model.sentenceVector(for: "A man is eating food."),
            try model.sentenceVector(for: "A man is eating a piece of bread."))
        #expect(abs(similarity - 0.755) < 0.002, "cosine \(similarity)")
        #expect(abs(similarity - ModelFixtures.reference.knownPairCosine) < 1e-4)
        let unrelated = cosine(
            try model.sentenceVector(for: "A man is eating food."),
            try model.sentenceVector(for: "The board boots from flash in two seconds."))
        #expect(unrelated < 0.3)
    }

    @Test func everyRowHasUnitLengthAndItsPieceRange() throws {
        let model = try ModelFixtures.model()
        let text = "Café prices rose 12 % — we re-quantized the décor."
        let tokens = try model.tokenVectors(for: text)
        #expect(tokens.dimension == 384)
        let bytes = Array(text.utf8)
        for index in 0..<tokens.count {
            let length = tokens.vector(index).reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(length - 1) < 1e-5)
            #expect(!tokens.ranges[index].isEmpty && tokens.ranges[index].upperBound <= bytes.count)
        }
        #expect(String(decoding: bytes[tokens.ranges[0]], as: UTF8.self) == "Café")
        #expect(String(decoding: bytes[tokens.ranges.last!], as: UTF8.self) == ".")
        let sentence = try model.sentenceVector(for: text)
        #expect(abs(sentence.reduce(0) { $0 + Double($1) * Double($1) } - 1) < 1e-5)
    }

    @Test func emptyTextHasNoPiecesButASentenceVector() throws {
        let model = try ModelFixtures.model()
        let embedding = model.embed(" \n\t")
        #expect(embedding.tokens.count == 0 && embedding.tokens.values.isEmpty)
        #expect(embedding.sentence.count == 384)
        #expect(abs(embedding.sentence.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    }

    @Test func longTextIsEncodedInWindowsCoveringEveryPiece() throws {
        let model = try ModelFixtures.model()
        let sentences = (1...40).map { "Step \($0) moved the buffer copy into the DMA engine and freed the core." }
        let text = sentences.joined(separator: " ")
        let pieces = model.tokenizer.tokenize(text)
        #expect(pieces.count > 2 * EmbeddingModel.windowPieces)
        let tokens = try model.tokenVectors(for: text)
        #expect(tokens.count == pieces.count)
        #expect(tokens.ranges == pieces.map(\.range))

        // The first window ends at a sentence end and is encoded as that text alone would be.
        let firstEnd = (0..<EmbeddingModel.windowPieces).last { tokens.pieces[$0] == "." }!
        let prefix = String(decoding: Array(text.utf8)[..<tokens.ranges[firstEnd].upperBound], as: UTF8.self)
        let alone = try model.tokenVectors(for: prefix)
        #expect(alone.count == firstEnd + 1)
        #expect(largestDifference(alone.values, tokens.values.prefix(alone.values.count)) < 1e-5)
        // The second window starts after it, as the rest of the text alone would.
        let next = try model.tokenVectors(for: String(decoding: Array(text.utf8)[tokens.ranges[firstEnd + 1].lowerBound...], as: UTF8.self))
        #expect(largestDifference(next.vector(0), tokens.vector(firstEnd + 1)) < 1e-5)
    }

    @Test func veryLongTextIsEncodedInSeveralPasses() throws {
        let model = try ModelFixtures.model()
        let sentence = "The watchdog restarts the inference service when a frame takes longer than its budget."
        let text = Array(repeating: sentence, count: 200).joined(separator: "\n")
        let tokens = try model.tokenVectors(for: text)
        #expect(tokens.count == model.tokenizer.tokenize(text).count)
        #expect(tokens.count + 2 * (tokens.count / EmbeddingModel.windowPieces + 1) > EmbeddingModel.positionsPerPass)
        // Every window holds as many whole sentences as fit, so the last window is encoded as
        // its sentences alone would be.
        let perWindow = EmbeddingModel.windowPieces / model.tokenizer.tokenize(sentence).count
        let last = 200 % perWindow == 0 ? perWindow : 200 % perWindow
        let alone = try model.tokenVectors(for: Array(repeating: sentence, count: last).joined(separator: "\n"))
        #expect(largestDifference(alone.values, tokens.values.suffix(alone.values.count)) < 1e-5)
        // (The first window has more sentences around the same ones: other vectors.)
        #expect(last < perWindow)
        #expect(largestDifference(alone.values, tokens.values.prefix(alone.values.count)) > 1e-3)
    }

    @Test func concurrentCallsGiveTheSameVectorsAsOneAtATime() async throws {
        let model = try ModelFixtures.model()
        let texts = ModelFixtures.reference.cases.map(\.text)
        let alone = texts.map { model.embed($0) }
        let together = await withTaskGroup(of: (Int, EmbeddingModel.Embedding).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, model.embed(text)) }
            }
            var results = [EmbeddingModel.Embedding?](repeating: nil, count: texts.count)
            for await (index, embedding) in group { results[index] = embedding }
            return results
        }
        for (one, other) in zip(alone, together) {
            #expect(one.tokens.pieces == other?.tokens.pieces)
            #expect(largestDifference(one.tokens.values, other?.tokens.values ?? []) < 1e-6)
        }
    }

    @Test func conformsToTheCoreProtocol() throws {
        let embedder: any TokenEmbedder = try ModelFixtures.model()
        let tokens = try embedder.tokenVectors(for: "Pin the BLAS library to one thread.")
        #expect(tokens.pieces.first == "pin")
        #expect(tokens.values.count == tokens.count * tokens.dimension)
    }
}
