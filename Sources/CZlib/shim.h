#ifndef SALVO_CZLIB_SHIM_H
#define SALVO_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call it directly. */
static inline int salvo_inflate_init_gzip(z_stream *s) {
    /* 15 + 32: zlib or gzip header, detected automatically. */
    return inflateInit2(s, 15 + 32);
}
#endif
