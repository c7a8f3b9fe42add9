import CBlas

/// The matrix products the encoder runs, through OpenBLAS opened at first use (see
/// blas_loader.h for why it is not linked).
public enum LinearAlgebra {
    /// Call first thing in `main`, while the process has one thread: OpenBLAS then starts no
    /// worker threads when the answer model opens it.
    public static func preferOneThread() {
        rehearse_blas_prefer_one_thread()
    }

    /// Opens OpenBLAS if it is not open yet; throws when it cannot be found.
    public static func load() throws {
        var reason = [CChar](repeating: 0, count: 256)
        guard rehearse_blas_load(&reason, reason.count) == 0 else {
            throw AnswerModelError.missingLibrary(reason: String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// The kernels OpenBLAS chose for this processor, once loaded.
    public static var kernelName: String { String(cString: rehearse_blas_corename()) }

    /// C = alpha·A·op(B) + beta·C, row-major, as `cblas_sgemm` with A never transposed.
    public static func multiply(rows m: Int, columns n: Int, inner k: Int, alpha: Float = 1,
                                _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, transposingB: Bool,
                                beta: Float, into c: UnsafeMutablePointer<Float>, ldc: Int) {
        rehearse_blas_sgemm(Int32(REHEARSE_BLAS_NO_TRANS), Int32(transposingB ? REHEARSE_BLAS_TRANS : REHEARSE_BLAS_NO_TRANS),
                            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
