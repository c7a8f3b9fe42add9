
/// BERT's encoder over memory-mapped float32 weights: embeddings, then self-attention and
/// feed-forward layers. Every window of a text is encoded at once: the dense layers run as one
/// matrix product over all windows' rows, attention runs per window and head.
final class BertEncoder: @unchecked Sendable {
    // Safe to share: every field is immutable, and the weights are a read-only mapping.
    private struct Layer {
        var query, queryBias, key, keyBias, value, valueBias: UnsafePointer<Float>
        var attentionOutput, attentionOutputBias, attentionNormWeight, attentionNormBias: UnsafePointer<Float>
        var intermediate, intermediateBias, output, outputBias, outputNormWeight, outputNormBias: UnsafePointer<Float>
    }

    let configuration: BertConfiguration
    private let file: SafetensorsFile
    private let wordEmbeddings, positionEmbeddings, typeEmbeddings: UnsafePointer<Float>
    private let embeddingNormWeight, embeddingNormBias: UnsafePointer<Float>
    private let layers: [Layer]

    init(weights file: SafetensorsFile, configuration: BertConfiguration) throws {
        let c = configuration
        let hidden = c.hiddenSize
        self.configuration = c
        self.file = file
        // Some exports name every tensor under "bert.".
        let prefix = file.entry("bert.embeddings.word_embeddings.weight") != nil ? "bert." : ""
        func tensor(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
            try file.floats(prefix + name, shape: shape)
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [c.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [c.maxPositions, hidden])
        typeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, hidden])
        embeddingNormWeight = try tensor("embeddings.LayerNorm.weight", [hidden])
        embeddingNormBias = try tensor("embeddings.LayerNorm.bias", [hidden])
        layers = try (0..<c.layerCount).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(
                query: try tensor(p + "attention.self.query.weight", [hidden, hidden]),
                queryBias: try tensor(p + "attention.self.query.bias", [hidden]),
                key: try tensor(p + "attention.self.key.weight", [hidden, hidden]),
                keyBias: try tensor(p + "attention.self.key.bias", [hidden]),
                value: try tensor(p + "attention.self.value.weight", [hidden, hidden]),
                valueBias: try tensor(p + "attention.self.value.bias", [hidden]),
                attentionOutput: try tensor(p + "attention.output.dense.weight", [hidden, hidden]),
                attentionOutputBias: try tensor(p + "attention.output.dense.bias", [hidden]),
                attentionNormWeight: try tensor(p + "attention.output.LayerNorm.weight", [hidden]),
                attentionNormBias: try tensor(p + "attention.output.LayerNorm.bias", [hidden]),
                intermediate: try tensor(p + "intermediate.dense.weight", [c.intermediateSize, hidden]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [c.intermediateSize]),
                output: try tensor(p + "output.dense.weight", [hidden, c.intermediateSize]),
                outputBias: try tensor(p + "output.dense.bias", [hidden]),
                outputNormWeight: try tensor(p + "output.LayerNorm.weight", [hidden]),
                outputNormBias: try tensor(p + "output.LayerNorm.bias", [hidden])
            )
        }
        guard hidden % VectorKernels.width == 0 else {
            throw AnswerModelError.unsupportedModel(reason: "hidden size \(hidden) is not a multiple of \(VectorKernels.width)")
        }
        try LinearAlgebra.load()
    }

    /// The hidden states after `layerCount` layers for every position of every window (each a
    /// list of token ids, special tokens included), row after row, windows in order.
    func hiddenStates(windows: [[Int32]], layerCount: Int) -> [Float] {
        let c = configuration
        let hidden = c.hiddenSize
        let rows = windows.reduce(0) { $0 + $1.count }
        let longest = windows.map(\.count).max() ?? 0
        precondition(longest <= c.maxPositions, "a window is longer than the model's \(c.maxPositions) positions")
        precondition((0...c.layerCount).contains(layerCount), "the model has \(c.layerCount) layers")
        var states = [Float](repeating: 0, count: rows * hidden)
        guard rows > 0 else { return states }

        let scratchSize = 4 * rows * hidden + rows * c.intermediateSize + longest * longest
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchSize)
        defer { scratch.deallocate() }
        let query = scratch, key = query + rows * hidden, value = key + rows * hidden
        let context = value + rows * hidden, inner = context + rows * hidden
        let scores = inner + rows * c.intermediateSize

        states.withUnsafeMutableBufferPointer { buffer in
            let x = buffer.baseAddress!
            embed(windows, into: x)
            for layer in layers.prefix(layerCount) {
                linear(x, rows: rows, inputs: hidden, layer.query, layer.queryBias, outputs: hidden, into: query)
                linear(x, rows: rows, inputs: hidden, layer.key, layer.keyBias, outputs: hidden, into: key)
                linear(x, rows: rows, inputs: hidden, layer.value, layer.valueBias, outputs: hidden, into: value)
                var first = 0
                for window in windows {
                    attend(rows: window.count, offset: first * hidden, query, key, value, scores: scores, into: context)
                    first += window.count
                }
                // x = LayerNorm(x + context·Wᵀ + b)
                linear(context, rows: rows, inputs: hidden, layer.attentionOutput, layer.attentionOutputBias,
                       outputs: hidden, into: x, accumulate: true)
                VectorKernels.layerNormRows(x, rows: rows, width: hidden, weight: layer.attentionNormWeight,
                                            bias: layer.attentionNormBias, epsilon: c.layerNormEpsilon)
                linear(x, rows: rows, inputs: hidden, layer.intermediate, layer.intermediateBias,
                       outputs: c.intermediateSize, into: inner)
                VectorKernels.gelu(inner, count: rows * c.intermediateSize)
                linear(inner, rows: rows, inputs: c.intermediateSize, layer.output, layer.outputBias,
                       outputs: hidden, into: x, accumulate: true)
                VectorKernels.layerNormRows(x, rows: rows, width: hidden, weight: layer.outputNormWeight,
                                            bias: layer.outputNormBias, epsilon: c.layerNormEpsilon)
            }
        }
        return states
    }

    /// Word + position (from 0 in each window) + token type 0, then LayerNorm.
    private func embed(_ windows: [[Int32]], into x: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        var row = 0
        for window in windows {
            for (position, id) in window.enumerated() {
                let target = x + row * hidden
                let word = wordEmbeddings + Int(id) * hidden
                let place = positionEmbeddings + position * hidden
                for index in 0..<hidden { target[index] = word[index] + place[index] + typeEmbeddings[index] }
                row += 1
            }
        }
        VectorKernels.layerNormRows(x, rows: row, width: hidden, weight: embeddingNormWeight,
                                    bias: embeddingNormBias, epsilon: configuration.layerNormEpsilon)
    }

    /// output = input·weightᵀ + bias, or output += input·weightᵀ + bias with `accumulate`
    /// (the residual connection). `weight` is `outputs × inputs`, as PyTorch's Linear keeps it.
    private func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int,
        _ weight: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, outputs: Int,
        into output: UnsafeMutablePointer<Float>, accumulate: Bool = false
    ) {
        if !accumulate {
            for row in 0..<rows { (output + row * outputs).update(from: bias, count: outputs) }
        } else {
            VectorKernels.addToRows(output, rows: rows, width: outputs, bias)
        }
        LinearAlgebra.multiply(rows: rows, columns: outputs, inner: inputs, input, lda: inputs, weight, ldb: inputs,
                               transposingB: true, beta: 1, into: output, ldc: outputs)
    }

    /// Self-attention of one window (`rows` rows from `offset`), head by head, into `context`.
    /// The window holds only real tokens, so no position is masked.
    private func attend(
        rows: Int, offset: Int, _ query: UnsafePointer<Float>, _ key: UnsafePointer<Float>,
        _ value: UnsafePointer<Float>, scores: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>
    ) {
        let hidden = configuration.hiddenSize
        let size = hidden / configuration.headCount
        let scale = 1 / Float(size).squareRoot()
        let n = rows
        for head in 0..<configuration.headCount {
            let start = offset + head * size
            // scores = Q·Kᵀ / √size, one row per query
            LinearAlgebra.multiply(rows: n, columns: n, inner: size, alpha: scale, query + start, lda: hidden, key + start, ldb: hidden,
                                   transposingB: true, beta: 0, into: scores, ldc: n)
            VectorKernels.softmaxRows(scores, rows: rows, width: rows)
            // context = scores·V, into this head's columns
            LinearAlgebra.multiply(rows: n, columns: size, inner: n, scores, lda: n, value + start, ldb: hidden,
                                   transposingB: false, beta: 0, into: context + start, ldc: hidden)
        }
    }
}
