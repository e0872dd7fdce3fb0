/* One request: what came in (CGI params, query, form, cookies), who sent it
 * (session), and the response being built. */
#ifndef SC_REQUEST_H
#define SC_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct sc_route;

struct sc_kv {
    const char *name;
    const char *value;
    size_t len;
    struct sc_kv *next;
};

struct sc_upload {
    const char *field, *filename, *content_type;
    const char *data;
    size_t len;
    struct sc_upload *next;
};

struct sc_customer {
    const char *msisdn;
    long long created, reauth; /* unix times; reauth 0 = never */
    const char *brand_code; /* from the subscriber, loaded with the session */
    int province_id;
};

struct sc_staff {
    long long id;
    const char *username, *display_name, *role;
    int province_id; /* 0 = head office */
    int city_id;     /* city branch within the province; 0 = none */
    const char *province_name;
};

struct sc_req {
    sc_arena *arena;
    void *fcgx; /* FCGX_Request*, NULL when parsed from a test */
    const char *program;

    const char *method, *uri, *path, *query, *remote_addr, *content_type;
    bool https;
    struct sc_kv *params; /* query string */
    struct sc_kv *form;   /* urlencoded or multipart body fields */
    struct sc_kv *cookies;
    struct sc_upload *uploads;
    const char *raw_body; /* the body as received (XML for SC_API routes) */
    size_t raw_len;
    struct sc_kv *fields; /* declared and validated fields only */
    const struct sc_route *route;
    const char *path_tail; /* the rest of the path after a prefix route */

    struct sc_customer *customer;
    struct sc_staff *staff;
    const char *csrf; /* token for forms on this page */

    int status;
    bool head_only;
    bool streamed; /* headers already sent by sc_stream_begin (response.h) */
    sc_buf headers, body;
    void *view; /* layout dictionary while a page is being built */
    const char *error_message; /* shown on an error page */
    const char *error_title;   /* replaces the status's own title */
    double started_ms;
};

/* The most entries one list (query, form, cookies) may hold: no form here
 * has a hundred fields; beyond this a request is refused (413). */
#define SC_MAX_PARAMS 1000

/* Parsing, usable without FastCGI so the unit tests can feed it. Each returns
 * 0, or an HTTP status (400 malformed, 413 too large, 415 unsupported). */
int sc_parse_urlencoded(sc_arena *a, const char *s, size_t len,
                        struct sc_kv **out);
int sc_parse_cookies(sc_arena *a, const char *header, struct sc_kv **out);
int sc_parse_multipart(sc_arena *a, const char *content_type, const char *body,
                       size_t len, struct sc_kv **fields,
                       struct sc_upload **uploads);
/* Reads CGI variables from envp and the body of content_length bytes. */
int sc_request_parse(struct sc_req *req, char **envp, const char *body,
                     size_t body_len);

const char *sc_kv_get(const struct sc_kv *list, const char *name);
const char *sc_env(char **envp, const char *name);
const char *sc_cookie(const struct sc_req *req, const char *name);
/* A declared field's validated value, or NULL when absent. */
const char *sc_field(const struct sc_req *req, const char *name);
void sc_req_init(struct sc_req *req, sc_arena *a);

#endif
