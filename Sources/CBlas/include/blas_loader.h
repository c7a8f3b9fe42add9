#ifndef REHEARSE_BLAS_LOADER_H
#define REHEARSE_BLAS_LOADER_H

#include <stddef.h>

/// OpenBLAS, opened only when the answer model is first used. Linked at build time, its
/// library constructor would start a worker thread in every process, spinning on another core
/// for about a tenth of a second even in commands that never multiply a matrix, and its
/// libraries would add to every start-up. The model uses one thread (more cost 10–20 times the
/// time whenever another core is busy).

/// CBLAS's values for the layout and transposition arguments.
enum {
    REHEARSE_BLAS_ROW_MAJOR = 101,
    REHEARSE_BLAS_NO_TRANS = 111,
    REHEARSE_BLAS_TRANS = 112,
};

/// Asks OpenBLAS, through its environment variable, to start no worker threads when it opens.
/// setenv is not safe while other threads read the environment: call this first thing in
/// `main`, while the process has one thread.
void rehearse_blas_prefer_one_thread(void);

/// Opens the library once per process. Returns 0 when it is ready; otherwise non-zero, with
/// the reason in `error` (at most `size` bytes, NUL-terminated).
int rehearse_blas_load(char *error, size_t size);

/// C = alpha·op(A)·op(B) + beta·C in row-major order, as `cblas_sgemm`. Only after a
/// successful `rehearse_blas_load`.
void rehearse_blas_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                         const float *b, int ldb, float beta, float *c, int ldc);

/// The name of the kernels OpenBLAS chose for this processor ("Haswell", ...), after a
/// successful load.
const char *rehearse_blas_corename(void);

#endif
