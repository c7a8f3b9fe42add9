import AnswerModel
import Foundation
import Testing

/// A missing or damaged model folder is an error that says what is wrong, never a crash.
@Suite struct LoadingErrorTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rehearse-model-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let real = try ModelFixtures.folder()
        for name in ["config.json", "tokenizer.json"] {
            try FileManager.default.copyItem(atPath: real + "/" + name, toPath: folder + "/" + name)
        }
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// A safetensors file with `header` as its JSON header and `dataBytes` zero bytes of data.
    func safetensors(_ header: String, dataBytes: Int = 0) -> [UInt8] {
        let json = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(json.count).littleEndian, Array.init) + json + [UInt8](repeating: 0, count: dataBytes)
    }

    @Test func missingFolder() {
        #expect {
            try EmbeddingModel(folder: "/nonexistent/model")
        } throws: { error in
            "\(error)".contains("/nonexistent/model/config.json")
        }
    }

    @Test func missingWeights() {
        #expect(throws: AnswerModelError.self) { try EmbeddingModel(folder: folder) }
    }

    @Test func damagedHeaders() throws {
        let damaged: [[UInt8]] = [
            [1, 2, 3],
            safetensors("{not json"),
            withUnsafeBytes(of: UInt64(1 << 40).littleEndian, Array.init) + Array("{}".utf8),
            safetensors(#"{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 800]}}"#, dataBytes: 8),
        ]
        for bytes in damaged {
            try write("model.safetensors", bytes)
            #expect(throws: AnswerModelError.self) { try EmbeddingModel(folder: folder) }
        }
    }

    @Test func missingTensorIsNamed() throws {
        try write("model.safetensors", safetensors(#"{"__metadata__": {"format": "pt"}}"#))
        #expect(throws: AnswerModelError.badTensor(name: "embeddings.word_embeddings.weight", reason: "missing")) {
            try EmbeddingModel(folder: folder)
        }
    }

    @Test func wrongShapeIsNamed() throws {
        let header = #"{"embeddings.word_embeddings.weight": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}}"#
        try write("model.safetensors", safetensors(header, dataBytes: 16))
        #expect {
            try EmbeddingModel(folder: folder)
        } throws: { error in
            "\(error)".contains("shape [2, 2], expected [30522, 384]")
        }
    }

    @Test func layerCountOutOfRange() throws {
        let real = try ModelFixtures.folder()
        #expect(throws: AnswerModelError.self) { try EmbeddingModel(folder: real, layers: 0) }
        #expect(throws: AnswerModelError.self) { try EmbeddingModel(folder: real, layers: 7) }
    }
}
