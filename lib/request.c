#include "request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX and '+' into dst (at least n+1 bytes); -1 on a bad escape or an
 * embedded NUL, which no field may carry. */
static long url_decode(char *dst, const char *src, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            if (i + 2 >= n)
                return -1;
            int h = hexval(src[i + 1]), l = hexval(src[i + 2]);
            if (h < 0 || l < 0)
                return -1;
            c = (char)(h * 16 + l);
            if (c == '\0')
                return -1;
            i += 2;
        } else if (c == '\0') {
            return -1;
        }
        dst[o++] = c;
    }
    dst[o] = '\0';
    return (long)o;
}

/* Appending keeps a pointer to the list's end and a count: a body of half
 * a million pairs once walked the whole list for every new pair, minutes
 * of one worker for one anonymous post. The count caps every list. */
struct kv_tail {
    struct sc_kv **end;
    unsigned n;
};

static struct kv_tail kv_tail_of(struct sc_kv **list)
{
    struct kv_tail t = {list, 0};
    while (*t.end) {
        t.end = &(*t.end)->next;
        t.n++;
    }
    return t;
}

/* 0, or 413 when the list already holds SC_MAX_PARAMS entries. */
static int kv_append(struct kv_tail *t, struct sc_kv *kv)
{
    if (t->n >= SC_MAX_PARAMS)
        return 413;
    kv->next = NULL;
    *t->end = kv;
    t->end = &kv->next;
    t->n++;
    return 0;
}

/* Pairs are separated by '&' only, as HTML forms send them: a ';' is data.
 * Every non-empty pair counts towards the cap, also one whose name is
 * empty and is dropped, so that no body is parsed past the cap. */
int sc_parse_urlencoded(sc_arena *a, const char *s, size_t len,
                        struct sc_kv **out)
{
    struct kv_tail t = kv_tail_of(out);
    unsigned pairs = t.n;
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != '&')
            end++;
        if (end > i) {
            if (++pairs > SC_MAX_PARAMS)
                return 413;
            const char *eq = memchr(s + i, '=', end - i);
            size_t nlen = eq ? (size_t)(eq - (s + i)) : end - i;
            const char *vsrc = eq ? eq + 1 : s + end;
            size_t vlen = eq ? (size_t)(s + end - vsrc) : 0;
            char *name = sc_alloc(a, nlen + 1);
            char *value = sc_alloc(a, vlen + 1);
            long dn = url_decode(name, s + i, nlen);
            long dv = url_decode(value, vsrc, vlen);
            if (dn < 0 || dv < 0)
                return 400;
            if (dn > 0) {
                struct sc_kv *kv = sc_alloc(a, sizeof *kv);
                kv->name = name;
                kv->value = value;
                kv->len = (size_t)dv;
                if (kv_append(&t, kv))
                    return 413;
            }
        }
        i = end + 1;
    }
    return 0;
}

int sc_parse_cookies(sc_arena *a, const char *h, struct sc_kv **out)
{
    struct kv_tail t = kv_tail_of(out);
    while (h && *h) {
        while (*h == ' ' || *h == ';')
            h++;
        const char *end = strchr(h, ';');
        size_t n = end ? (size_t)(end - h) : strlen(h);
        const char *eq = memchr(h, '=', n);
        if (eq && eq > h) {
            struct sc_kv *kv = sc_alloc(a, sizeof *kv);
            size_t nlen = (size_t)(eq - h);
            while (nlen && h[nlen - 1] == ' ')
                nlen--;
            kv->name = sc_strndup(a, h, nlen);
            const char *v = eq + 1;
            size_t vlen = n - (size_t)(v - h);
            while (vlen && v[vlen - 1] == ' ')
                vlen--;
            if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
                v++;
                vlen -= 2;
            }
            kv->value = sc_strndup(a, v, vlen);
            kv->len = vlen;
            if (kv_append(&t, kv))
                return 0; /* a header no browser sends: the rest is ignored */
        }
        h = end ? end + 1 : NULL;
    }
    return 0;
}

static const char *memmem_str(const char *hay, size_t haylen,
                              const char *needle, size_t nlen)
{
    return memmem(hay, haylen, needle, nlen);
}

/* Value of a parameter (name="x" or name=x) of a header line such as
 * Content-Disposition: the line is walked parameter by parameter, so a
 * quoted value that contains "name=" is never mistaken for one. */
static const char *header_param(sc_arena *a, const char *line, size_t len,
                                const char *param)
{
    size_t plen = strlen(param);
    const char *p = memchr(line, ';', len), *end = line + len;
    while (p && p < end) {
        p++; /* past ';' */
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *name = p;
        while (p < end && *p != '=' && *p != ';')
            p++;
        size_t nlen = (size_t)(p - name);
        while (nlen && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
            nlen--;
        const char *value = NULL;
        size_t vlen = 0;
        if (p < end && *p == '=') {
            p++;
            if (p < end && *p == '"') {
                const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
                if (!q)
                    return NULL; /* unterminated quote: malformed */
                value = p + 1;
                vlen = (size_t)(q - value);
                p = q + 1;
            } else {
                value = p;
                while (p < end && *p != ';' && *p != ' ' && *p != '\r')
                    p++;
                vlen = (size_t)(p - value);
            }
        }
        if (value && nlen == plen && strncasecmp(name, param, plen) == 0)
            return sc_strndup(a, value, vlen);
        while (p < end && *p != ';')
            p++;
    }
    return NULL;
}

int sc_parse_multipart(sc_arena *a, const char *ctype, const char *body,
                       size_t len, struct sc_kv **fields,
                       struct sc_upload **uploads)
{
    const char *b = header_param(a, ctype, strlen(ctype), "boundary");
    if (!b || !*b || strlen(b) > 70)
        return 400;
    char *delim = sc_printf(a, "--%s", b);
    size_t dlen = strlen(delim);
    const char *p = memmem_str(body, len, delim, dlen);
    if (!p)
        return 400;
    const char *end = body + len;
    struct kv_tail t = kv_tail_of(fields);
    unsigned parts = t.n;
    for (;;) {
        p += dlen;
        if (end - p >= 2 && p[0] == '-' && p[1] == '-')
            return 0; /* closing delimiter */
        if (++parts > SC_MAX_PARAMS)
            return 413;
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return 400;
        p += 2;
        const char *hdr_end = memmem_str(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!hdr_end)
            return 400;
        const char *name = NULL, *filename = NULL, *ptype = NULL;
        for (const char *line = p; line < hdr_end;) {
            const char *eol =
                memmem_str(line, (size_t)(hdr_end + 2 - line), "\r\n", 2);
            size_t ll = (size_t)(eol - line);
            if (ll > 20 && strncasecmp(line, "Content-Disposition:", 20) == 0) {
                name = header_param(a, line, ll, "name");
                filename = header_param(a, line, ll, "filename");
            } else if (ll > 13 && strncasecmp(line, "Content-Type:", 13) == 0) {
                const char *v = line + 13;
                while (*v == ' ')
                    v++;
                ptype = sc_strndup(a, v, (size_t)(line + ll - v));
            }
            line = eol + 2;
        }
        const char *data = hdr_end + 4;
        char *next_delim = sc_printf(a, "\r\n%s", delim);
        const char *next =
            memmem_str(data, (size_t)(end - data), next_delim, dlen + 2);
        if (!next || !name)
            return 400;
        size_t dl = (size_t)(next - data);
        if (filename) {
            struct sc_upload *u = sc_alloc(a, sizeof *u);
            u->field = name;
            u->filename = filename;
            u->content_type = ptype ? ptype : "application/octet-stream";
            u->data = data;
            u->len = dl;
            u->next = *uploads;
            *uploads = u;
        } else {
            if (memchr(data, '\0', dl))
                return 400;
            struct sc_kv *kv = sc_alloc(a, sizeof *kv);
            kv->name = name;
            kv->value = sc_strndup(a, data, dl);
            kv->len = dl;
            if (kv_append(&t, kv))
                return 413;
        }
        p = next + 2;
    }
}

const char *sc_env(char **envp, const char *name)
{
    size_t n = strlen(name);
    for (; envp && *envp; envp++)
        if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
            return *envp + n + 1;
    return NULL;
}

const char *sc_kv_get(const struct sc_kv *list, const char *name)
{
    for (; list; list = list->next)
        if (strcmp(list->name, name) == 0)
            return list->value;
    return NULL;
}

const char *sc_cookie(const struct sc_req *req, const char *name)
{
    return sc_kv_get(req->cookies, name);
}

const char *sc_field(const struct sc_req *req, const char *name)
{
    return sc_kv_get(req->fields, name);
}

void sc_req_init(struct sc_req *req, sc_arena *a)
{
    memset(req, 0, sizeof *req);
    req->arena = a;
    req->status = 200;
    sc_buf_init(&req->headers, a);
    sc_buf_init(&req->body, a);
}

int sc_request_parse(struct sc_req *req, char **envp, const char *body,
                     size_t body_len)
{
    sc_arena *a = req->arena;
    const char *m = sc_env(envp, "REQUEST_METHOD");
    req->method = m ? m : "GET";
    req->uri = sc_env(envp, "REQUEST_URI");
    if (!req->uri)
        req->uri = "/";
    const char *q = strchr(req->uri, '?');
    req->path = q ? sc_strndup(a, req->uri, (size_t)(q - req->uri)) : req->uri;
    req->query = sc_env(envp, "QUERY_STRING");
    if (!req->query)
        req->query = q ? q + 1 : "";
    req->remote_addr = sc_env(envp, "REMOTE_ADDR");
    if (!req->remote_addr)
        req->remote_addr = "";
    const char *https = sc_env(envp, "HTTPS");
    req->https = https && strcmp(https, "on") == 0;
    req->content_type = sc_env(envp, "CONTENT_TYPE");
    req->head_only = strcmp(req->method, "HEAD") == 0;

    /* Cookies first: even a request refused below keeps its CSRF cookie. */
    sc_parse_cookies(a, sc_env(envp, "HTTP_COOKIE"), &req->cookies);
    if (req->path[0] != '/' || strstr(req->path, "/../") ||
        strlen(req->path) > 2048)
        return 400;
    int rc =
        sc_parse_urlencoded(a, req->query, strlen(req->query), &req->params);
    if (rc)
        return rc;

    const char *cl = sc_env(envp, "CONTENT_LENGTH");
    unsigned long long declared = cl && *cl ? strtoull(cl, NULL, 10) : 0;
    if (declared > sc_cfg.max_body || body_len > sc_cfg.max_body)
        return 413;
    req->raw_body = body;
    req->raw_len = body_len;
    if (body_len == 0)
        return 0;
    const char *ct = req->content_type ? req->content_type : "";
    /* Machine interfaces (SC_API routes) read XML from raw_body. */
    if (strncasecmp(ct, "application/xml", 15) == 0 ||
        strncasecmp(ct, "text/xml", 8) == 0)
        return 0;
    if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
        return sc_parse_urlencoded(a, body, body_len, &req->form);
    if (strncasecmp(ct, "multipart/form-data", 19) == 0)
        return sc_parse_multipart(a, ct, body, body_len, &req->form,
                                  &req->uploads);
    return strcmp(req->method, "POST") == 0 ? 415 : 0;
}
