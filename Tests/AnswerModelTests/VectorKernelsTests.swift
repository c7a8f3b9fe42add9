@testable import AnswerModel
import Foundation
import Testing

/// The hand-written exp and GELU against libm's.
@Suite struct VectorKernelsTests {
    static let inputs: [Float] = stride(from: -90, through: 90, by: 0.0137).map { Float($0) }

    @Test func expIsWithinAFewUnitsInTheLastPlace() {
        var worst: Float = 0
        for start in stride(from: 0, to: Self.inputs.count - 16, by: 16) {
            let lanes = VectorKernels.Lanes(Self.inputs[start..<(start + 16)])
            let result = VectorKernels.exp(lanes)
            for lane in 0..<16 {
                let x = min(max(lanes[lane], -87.3), 88.3)
                let exact = Foundation.exp(Double(x))
                worst = max(worst, Float(abs(Double(result[lane]) - exact) / exact))
            }
        }
        #expect(worst < 5e-7, "relative error \(worst)")
    }

    @Test func geluMatchesTheErfDefinition() {
        var values = Self.inputs.filter { abs($0) < 20 }
        let count = values.count  // not a multiple of 16: the tail is handled too
        values.withUnsafeMutableBufferPointer { VectorKernels.gelu($0.baseAddress!, count: count) }
        var worst = 0.0
        for (x, result) in zip(Self.inputs.filter { abs($0) < 20 }, values) {
            let exact = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
            worst = max(worst, abs(Double(result) - exact))
        }
        #expect(worst < 1e-6, "absolute error \(worst)")
    }

    @Test func softmaxRowsSumToOneAndKeepOrder() {
        let width = 37
        var matrix = (0..<(3 * width)).map { Float(($0 * 7919) % 23) - 11 }
        matrix[5] = 80  // large values must not overflow
        let original = matrix
        matrix.withUnsafeMutableBufferPointer { VectorKernels.softmaxRows($0.baseAddress!, rows: 3, width: width) }
        for row in 0..<3 {
            let slice = matrix[(row * width)..<((row + 1) * width)]
            #expect(abs(slice.reduce(0, +) - 1) < 1e-5)
            let inputs = original[(row * width)..<((row + 1) * width)]
            let maximum = inputs.max()!
            let expected = inputs.map { Foundation.exp(Double($0 - maximum)) }
            let total = expected.reduce(0, +)
            for (value, e) in zip(slice, expected) { #expect(abs(Double(value) - e / total) < 1e-6) }
        }
    }

    @Test func layerNormCentresAndScales() {
        var matrix = (0..<(2 * 32)).map { Float($0 % 9) * 0.5 + 3 }
        let weight = [Float](repeating: 2, count: 32), bias = [Float](repeating: 1, count: 32)
        matrix.withUnsafeMutableBufferPointer { m in
            VectorKernels.layerNormRows(m.baseAddress!, rows: 2, width: 32, weight: weight, bias: bias, epsilon: 1e-12)
        }
        for row in 0..<2 {
            let slice = matrix[(row * 32)..<((row + 1) * 32)].map { ($0 - 1) / 2 }
            let mean = slice.reduce(0, +) / 32
            let variance = slice.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 32
            #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-4)
        }
    }
}
