import AnswerModel
import Foundation
import Testing

/// The model `make` unpacks into .build/answer-model (or `$REHEARSE_MODEL`), loaded once for
/// the whole suite, and the reference computed from it independently by
/// Tests/Fixtures/answer-model/make_reference.py.
enum ModelFixtures {
    struct MissingModel: Error, CustomStringConvertible {
        var description: String
    }

    static let location = ModelLocation.find(
        environment: ProcessInfo.processInfo.environment, executablePath: #filePath)

    private static let loaded: Result<EmbeddingModel, Error> = Result {
        guard let folder = location.folder else {
            throw MissingModel(description: "the answer model is missing: run `make` (or `make test`) first. \(location.reason)")
        }
        return try EmbeddingModel(folder: folder)
    }

    /// The full model; a test that needs it fails, with what to do, when it is missing.
    static func model() throws -> EmbeddingModel { try loaded.get() }

    static func folder() throws -> String { try model().folder }

    struct Reference: Decodable {
        struct Case: Decodable {
            var text: String
            var layers: Int
            var ids: [Int32]
            var pieces: [String]
            var ranges: [[Int]]
            var sampleRows: [Int]
            var sampleVectors: [[Float]]
            var sentenceVector: [Float]
        }

        struct TokenizerCase: Decodable {
            var text: String
            var ids: [Int32]
            var ranges: [[Int]]
        }

        var knownPairCosine: Double
        var tokenizerCases: [TokenizerCase]
        var cases: [Case]
    }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/answer-model")

    static let reference: Reference = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("reference.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()
}

func cosine(_ a: some Collection<Float>, _ b: some Collection<Float>) -> Double {
    var dot = 0.0, aa = 0.0, bb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        aa += Double(x) * Double(x)
        bb += Double(y) * Double(y)
    }
    return dot / (aa.squareRoot() * bb.squareRoot())
}

func largestDifference(_ a: some Collection<Float>, _ b: some Collection<Float>) -> Float {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
