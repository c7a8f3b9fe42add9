#ifndef REHEARSE_CZLIB_SHIM_H
#define REHEARSE_CZLIB_SHIM_H
#include <zlib.h>
#endif
