/// The element-wise parts of the forward pass over raw float buffers, sixteen lanes at a time,
/// with no calls into libm in the inner loops: glibc's erff costs ~30 ns and expf ~5 ns a value,
/// which over a 450-piece answer would outweigh the matrix products. (The standard library's
/// `pointwiseMax` goes lane by lane; `replace(with:where:)` compiles to vector compares.)
enum VectorKernels {
    typealias Lanes = SIMD16<Float>
    static let width = Lanes.scalarCount

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
    }

    /// The first `count` (< 16) values at `pointer`, the other lanes set to `fill`.
    @inline(__always)
    static func loadPartial(_ pointer: UnsafePointer<Float>, _ count: Int, fill: Float) -> Lanes {
        var lanes = Lanes(repeating: fill)
        for lane in 0..<count { lanes[lane] = pointer[lane] }
        return lanes
    }

    @inline(__always)
    static func storePartial(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>, _ count: Int) {
        for lane in 0..<count { pointer[lane] = value[lane] }
    }

    /// e^x to about one unit in the last place for x in [-87, 88] (clamped outside): x = n·ln 2 + r
    /// with |r| ≤ ln 2 / 2, e^r by its Taylor series to r⁶, and 2^n put straight into the exponent bits.
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let x = x.replacing(with: -87.3, where: x .< -87.3).replacing(with: 88.3, where: x .> 88.3)
        // Adding 1.5·2²³ rounds x·log₂e to an integer held in the low mantissa bits.
        let roundingShift: Float = 12_582_912
        let shifted = x * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4  // ln 2 in two parts, for exactness
        var p: Lanes = Lanes(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000 &+ 127
        return p * unsafeBitCast(exponent &<< 23, to: Lanes.self)
    }

    /// GELU with the exact Gaussian CDF, x·Φ(x), where 1 − Φ(|x|) = ½·erfc(|x|/√2) comes from
    /// Abramowitz and Stegun's 7.1.26 (absolute error below 1.5·10⁻⁷).
    @inline(__always)
    static func gelu(_ x: Lanes) -> Lanes {
        let signMask = SIMD16<UInt32>(repeating: 0x8000_0000)
        let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
        let z = unsafeBitCast(bits & ~signMask, to: Lanes.self) * 0.707_106_77
        let t = 1 / (1 + 0.327_591_1 * z)
        var poly = Lanes(repeating: 1.061_405_429)
        poly = poly * t - 1.453_152_027
        poly = poly * t + 1.421_413_741
        poly = poly * t - 0.284_496_736
        poly = poly * t + 0.254_829_592
        let tail = poly * t * exp(-z * z) * 0.5  // 1 − Φ(|x|)
        // Φ(x) = ½ + sign(x)·(½ − tail)
        let signed = unsafeBitCast(unsafeBitCast(0.5 - tail, to: SIMD16<UInt32>.self) | (bits & signMask), to: Lanes.self)
        return x * (0.5 + signed)
    }

    /// GELU of `count` values in place.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + width <= count {
            store(gelu(load(values + index)), values + index)
            index += width
        }
        if index < count {
            storePartial(gelu(loadPartial(values + index, count - index, fill: 0)), values + index, count - index)
        }
    }

    /// Adds `vector` (`width` values) to each of `rows` rows of `matrix`.
    static func addToRows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int, _ vector: UnsafePointer<Float>) {
        for row in 0..<rows {
            let line = matrix + row * width
            var index = 0
            while index + Self.width <= width {
                store(load(line + index) + load(vector + index), line + index)
                index += Self.width
            }
            while index < width {
                line[index] += vector[index]
                index += 1
            }
        }
    }

    /// Each row in place: softmax.
    static func softmaxRows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        let full = width - width % Self.width
        let rest = width - full
        for row in 0..<rows {
            let line = matrix + row * width
            var maxima = Lanes(repeating: -.infinity)
            var index = 0
            while index < full {
                let values = load(line + index)
                maxima.replace(with: values, where: values .> maxima)
                index += Self.width
            }
            if rest > 0 {
                let values = loadPartial(line + full, rest, fill: -.infinity)
                maxima.replace(with: values, where: values .> maxima)
            }
            let largest = maxima.max()
            var sums = Lanes(repeating: 0)
            index = 0
            while index < full {
                let e = exp(load(line + index) - largest)
                sums += e
                store(e, line + index)
                index += Self.width
            }
            if rest > 0 {
                // The padding lanes hold e^(−87.3): small enough to leave out of the sum.
                var e = exp(loadPartial(line + full, rest, fill: -.infinity) - largest)
                for lane in rest..<Self.width { e[lane] = 0 }
                sums += e
                storePartial(e, line + full, rest)
            }
            let scale = 1 / sums.sum()
            index = 0
            while index < full {
                store(load(line + index) * scale, line + index)
                index += Self.width
            }
            for tail in full..<width { line[tail] *= scale }
        }
    }

    /// Each row in place: (x − mean) / √(variance + ε) · weight + bias.
    static func layerNormRows(
        _ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
    ) {
        precondition(width % Self.width == 0, "layer width must be a multiple of \(Self.width)")
        for row in 0..<rows {
            let line = matrix + row * width
            var sums = Lanes(repeating: 0)
            var index = 0
            while index < width {
                sums += load(line + index)
                index += Self.width
            }
            let mean = sums.sum() / Float(width)
            var squares = Lanes(repeating: 0)
            index = 0
            while index < width {
                let centred = load(line + index) - mean
                squares += centred * centred
                index += Self.width
            }
            let inverse = 1 / (squares.sum() / Float(width) + epsilon).squareRoot()
            index = 0
            while index < width {
                let scaled = (load(line + index) - mean) * inverse
                store(scaled * load(weight + index) + load(bias + index), line + index)
                index += Self.width
            }
        }
    }

    /// Scales `count` values to unit length (a zero vector stays zero).
    static func normalize(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var squares: Float = 0
        for index in 0..<count { squares += values[index] * values[index] }
        guard squares > 0 else { return }
        let inverse = 1 / squares.squareRoot()
        for index in 0..<count { values[index] *= inverse }
    }
}
