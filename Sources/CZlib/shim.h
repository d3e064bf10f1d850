#ifndef SALVO_CZLIB_SHIM_H
#define SALVO_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call it directly. */
static inline int salvo_inflate_init_gzip(z_stream *s) {
    /* 15 + 32: zlib or gzip header, detected automatically. */
    return inflateInit2(s, 15 + 32);
}
/* deflateInit2 is a macro too: gzip wrapper (15 + 16), default level. */
static inline int salvo_deflate_init_gzip(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
