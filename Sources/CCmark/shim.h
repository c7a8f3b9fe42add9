#ifndef REHEARSE_CCMARK_SHIM_H
#define REHEARSE_CCMARK_SHIM_H
#include <cmark.h>
#endif
