#include "response.h"

#include <fcgiapp.h>
#include <stdio.h>
#include <string.h>

#include "config.h"

const char *sc_status_text(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 409:
        return "Conflict";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

/* Header values come from our own code, but a stray CR/LF would split the
 * response, so they are dropped rather than trusted. */
static void add_header_value(sc_buf *b, const char *v)
{
    for (; *v; v++)
        if (*v != '\r' && *v != '\n')
            sc_buf_add(b, v, 1);
}

void sc_header(struct sc_req *req, const char *name, const char *value)
{
    sc_buf_puts(&req->headers, name);
    sc_buf_puts(&req->headers, ": ");
    add_header_value(&req->headers, value);
    sc_buf_puts(&req->headers, "\r\n");
}

void sc_set_cookie(struct sc_req *req, const char *name, const char *value,
                   const char *path, long max_age)
{
    sc_buf *h = &req->headers;
    sc_buf_printf(h, "Set-Cookie: %s=", name);
    add_header_value(h, value);
    sc_buf_printf(h, "; Path=%s; HttpOnly; SameSite=Lax", path);
    if (sc_cfg.cookie_secure || req->https)
        sc_buf_puts(h, "; Secure");
    if (max_age >= 0)
        sc_buf_printf(h, "; Max-Age=%ld", max_age);
    sc_buf_puts(h, "\r\n");
}

int sc_redirect(struct sc_req *req, const char *location)
{
    sc_header(req, "Location", location);
    req->status = 303;
    return 303;
}

void sc_write(struct sc_req *req, const char *data, size_t len)
{
    sc_buf_add(&req->body, data, len);
}

static const char SECURITY_HEADERS[] =
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cache-Control: private, no-store\r\n";

static void serialize_head(const struct sc_req *req, sc_buf *out)
{
    sc_buf_printf(out, "Status: %d %s\r\n", req->status,
                  sc_status_text(req->status));
    sc_buf_add(out, SECURITY_HEADERS, sizeof SECURITY_HEADERS - 1);
    if (req->headers.len)
        sc_buf_add(out, req->headers.data, req->headers.len);
}

void sc_response_serialize(const struct sc_req *req, sc_buf *out)
{
    serialize_head(req, out);
    if (req->body.len || req->status != 303)
        sc_buf_printf(out, "Content-Length: %zu\r\n", req->body.len);
    sc_buf_puts(out, "\r\n");
    if (!req->head_only && req->body.len)
        sc_buf_add(out, req->body.data, req->body.len);
}

int sc_stream_begin(struct sc_req *req)
{
    req->status = 200;
    if (!req->fcgx)
        return 0;
    FCGX_Request *fr = req->fcgx;
    sc_buf head;
    sc_buf_init(&head, req->arena);
    serialize_head(req, &head);
    sc_buf_puts(&head, "\r\n");
    req->streamed = true;
    return FCGX_PutStr(head.data, (int)head.len, fr->out) < 0 ? -1 : 0;
}

int sc_stream_write(struct sc_req *req, const char *data, size_t len)
{
    if (!req->streamed) {
        sc_write(req, data, len);
        return 0;
    }
    if (req->head_only || len == 0)
        return 0;
    FCGX_Request *fr = req->fcgx;
    if (FCGX_PutStr(data, (int)len, fr->out) < 0 || FCGX_FFlush(fr->out) < 0)
        return -1;
    return 0;
}

const char *sc_url_encode(sc_arena *a, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    sc_buf b;
    sc_buf_init(&b, a);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || strchr("-_.~/", c)) {
            sc_buf_add(&b, s, 1);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            sc_buf_add(&b, e, 3);
        }
    }
    return b.data ? b.data : "";
}
