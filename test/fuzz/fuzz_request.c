/* libFuzzer target for every request parser in lib/request.c: the first
 * byte picks the parser, the rest is its input. Run by test/fuzz/run.sh. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "request.h"

static sc_arena *arena;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (!arena) {
        arena = sc_arena_new();
        sc_config_defaults();
        sc_cfg.max_body = 4096;
    }
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    char *text = sc_strndup(arena, in, n); /* NUL-terminated copy */
    struct sc_kv *kv = NULL;
    struct sc_upload *up = NULL;
    switch (data[0] % 4) {
    case 0:
        sc_parse_urlencoded(arena, in, n, &kv);
        break;
    case 1:
        sc_parse_cookies(arena, text, &kv);
        break;
    case 2:
        sc_parse_multipart(arena, "multipart/form-data; boundary=XyZ", in, n,
                           &kv, &up);
        break;
    default: {
        /* Split "uri\ncookie\nbody" into a request. */
        const char *nl1 = memchr(text, '\n', n);
        const char *nl2 = nl1 ? memchr(nl1 + 1, '\n', n - (size_t)(nl1 + 1 - text)) : NULL;
        char *env[6] = {0};
        env[0] = "REQUEST_METHOD=POST";
        env[1] = sc_printf(arena, "REQUEST_URI=%.*s",
                           (int)(nl1 ? nl1 - text : (long)n), text);
        env[2] = sc_printf(arena, "HTTP_COOKIE=%.*s",
                           (int)(nl1 && nl2 ? nl2 - nl1 - 1 : 0), nl1 ? nl1 + 1 : "");
        env[3] = "CONTENT_TYPE=application/x-www-form-urlencoded";
        struct sc_req req;
        sc_req_init(&req, arena);
        const char *body = nl2 ? nl2 + 1 : "";
        sc_request_parse(&req, env, body, strlen(body));
        break;
    }
    }
    for (; kv; kv = kv->next) /* every value must be a readable string */
        if (strlen(kv->value) != kv->len && data[0] % 4 != 1)
            __builtin_trap();
    sc_arena_reset(arena);
    return 0;
}
