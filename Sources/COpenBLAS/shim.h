// OpenBLAS's CBLAS interface. pkg-config's `openblas` (Debian's libopenblas-dev) puts the
// OpenBLAS variant's include folder first, so this is its cblas.h, with openblas_set_num_threads.
#ifndef REHEARSE_COPENBLAS_SHIM_H
#define REHEARSE_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
