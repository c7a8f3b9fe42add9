#include "blas_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*sgemm_function)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                               float, float *, int);
typedef void (*set_threads_function)(int);
typedef char *(*corename_function)(void);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static sgemm_function sgemm;
static corename_function corename;
static char failure[256];

static void load(void) {
    // The soname first (what Debian's libopenblas0 provides), then the development link.
    const char *names[] = {"libopenblas.so.0", "libopenblas.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(failure, sizeof failure, "OpenBLAS is not installed (%s); install libopenblas0",
                 reason ? reason : "libopenblas.so.0 not found");
        return;
    }
    sgemm = (sgemm_function)dlsym(library, "cblas_sgemm");
    set_threads_function set_threads = (set_threads_function)dlsym(library, "openblas_set_num_threads");
    corename = (corename_function)dlsym(library, "openblas_get_corename");
    if (sgemm == NULL) {
        snprintf(failure, sizeof failure, "the OpenBLAS found has no cblas_sgemm");
        return;
    }
    if (set_threads != NULL) set_threads(1);
}

void rehearse_blas_prefer_one_thread(void) {
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
}

int rehearse_blas_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (sgemm != NULL) return 0;
    if (error != NULL && size > 0) {
        strncpy(error, failure, size - 1);
        error[size - 1] = '\0';
    }
    return 1;
}

void rehearse_blas_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                         const float *b, int ldb, float beta, float *c, int ldc) {
    sgemm(REHEARSE_BLAS_ROW_MAJOR, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

const char *rehearse_blas_corename(void) {
    return corename != NULL ? corename() : "unknown";
}
