#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks are kept across requests after a reset so a busy worker stops
 * calling malloc once it has seen its largest page. */
struct chunk {
    struct chunk *next;
    size_t size, used;
    max_align_t data[];
};

struct sc_arena {
    struct chunk *head;  /* chunk being filled */
    struct chunk *spare; /* emptied chunks, reused first */
    size_t total;
};

enum { CHUNK_MIN = 16 * 1024 };

static struct chunk *chunk_new(size_t want)
{
    size_t size = want < CHUNK_MIN ? CHUNK_MIN : want;
    struct chunk *c = malloc(sizeof *c + size);
    if (!c) {
        fputs("selfcare: out of memory\n", stderr);
        abort();
    }
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

sc_arena *sc_arena_new(void)
{
    sc_arena *a = calloc(1, sizeof *a);
    if (!a)
        abort();
    return a;
}

void sc_arena_reset(sc_arena *a)
{
    while (a->head) {
        struct chunk *c = a->head;
        a->head = c->next;
        if (c->size > 4 * CHUNK_MIN) { /* do not hoard one huge upload */
            free(c);
            continue;
        }
        c->used = 0;
        c->next = a->spare;
        a->spare = c;
    }
    a->total = 0;
}

void sc_arena_free(sc_arena *a)
{
    if (!a)
        return;
    sc_arena_reset(a);
    while (a->spare) {
        struct chunk *c = a->spare;
        a->spare = c->next;
        free(c);
    }
    free(a);
}

size_t sc_arena_used(const sc_arena *a)
{
    return a->total;
}

void *sc_alloc(sc_arena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    if (n > SIZE_MAX - sizeof(struct chunk) - align) {
        fputs("selfcare: impossible allocation\n", stderr);
        abort();
    }
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        struct chunk **p = &a->spare;
        while (*p && (*p)->size < n)
            p = &(*p)->next;
        if (*p) {
            c = *p;
            *p = c->next;
        } else {
            c = chunk_new(n);
        }
        c->next = a->head;
        a->head = c;
    }
    void *mem = (char *)c->data + c->used;
    c->used += n;
    a->total += n;
    memset(mem, 0, n);
    return mem;
}

char *sc_strndup(sc_arena *a, const char *s, size_t n)
{
    char *d = sc_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *sc_strdup(sc_arena *a, const char *s)
{
    return s ? sc_strndup(a, s, strlen(s)) : NULL;
}

char *sc_printf(sc_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = sc_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

void sc_buf_init(sc_buf *b, sc_arena *a)
{
    b->arena = a;
    b->data = NULL;
    b->len = b->cap = 0;
}

static void buf_reserve(sc_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 1024;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = sc_alloc(b->arena, cap);
    if (b->len)
        memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
}

void sc_buf_add(sc_buf *b, const void *data, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sc_buf_puts(sc_buf *b, const char *s)
{
    sc_buf_add(b, s, strlen(s));
}

void sc_buf_printf(sc_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}
