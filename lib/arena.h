/* Per-request memory: everything a request allocates comes from its arena and
 * is released at once when the request ends, so a handler cannot leak. */
#ifndef SC_ARENA_H
#define SC_ARENA_H

#include <stddef.h>

typedef struct sc_arena sc_arena;

sc_arena *sc_arena_new(void);
void sc_arena_reset(sc_arena *a);
void sc_arena_free(sc_arena *a);
size_t sc_arena_used(const sc_arena *a);

/* Zeroed memory; aborts the process on exhaustion (nothing sensible to do). */
void *sc_alloc(sc_arena *a, size_t n);
char *sc_strdup(sc_arena *a, const char *s);
char *sc_strndup(sc_arena *a, const char *s, size_t n);
char *sc_printf(sc_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable byte buffer living in an arena; data is always NUL-terminated. */
typedef struct sc_buf {
    sc_arena *arena;
    char *data;
    size_t len, cap;
} sc_buf;

void sc_buf_init(sc_buf *b, sc_arena *a);
void sc_buf_add(sc_buf *b, const void *data, size_t n);
void sc_buf_puts(sc_buf *b, const char *s);
void sc_buf_printf(sc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
