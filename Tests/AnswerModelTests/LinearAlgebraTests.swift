import AnswerModel
import Testing

/// OpenBLAS is opened at first use, not linked: its products must still be the encoder's.
@Suite struct LinearAlgebraTests {
    @Test func productsMatchTheDefinition() throws {
        try LinearAlgebra.load()
        // A is 2×3; B is given as 2×3 and used transposed (3×2), then as 3×2 untransposed.
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var product = [Float](repeating: 1, count: 4)
        LinearAlgebra.multiply(rows: 2, columns: 2, inner: 3, a, lda: 3, b, ldb: 3, transposingB: true, beta: 1, into: &product, ldc: 2)
        // A·Bᵀ = [[50, 68], [122, 167]], plus the 1s already there (beta 1).
        #expect(product == [51, 69, 123, 168])
        LinearAlgebra.multiply(rows: 2, columns: 2, inner: 3, alpha: 2, a, lda: 3, b, ldb: 2, transposingB: false, beta: 0, into: &product, ldc: 2)
        // A·B with B read as [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]], doubled.
        #expect(product == [116, 128, 278, 308])
        #expect(LinearAlgebra.kernelName != "unknown")
    }
}
