/* Building the response: status, headers, cookies, redirects. lib adds the
 * security headers to every response; handlers never write raw HTTP. */
#ifndef SC_RESPONSE_H
#define SC_RESPONSE_H

#include "request.h"

const char *sc_status_text(int status);
void sc_header(struct sc_req *req, const char *name, const char *value);
/* max_age < 0: session cookie; 0: delete. HttpOnly and SameSite=Lax always,
 * Secure when configured or the request came over HTTPS. */
void sc_set_cookie(struct sc_req *req, const char *name, const char *value,
                   const char *path, long max_age);
/* 303 See Other to a same-site path or absolute URL; returns the status. */
int sc_redirect(struct sc_req *req, const char *location);
void sc_write(struct sc_req *req, const char *data, size_t len);
/* Status line, headers and body as FastCGI expects them. */
void sc_response_serialize(const struct sc_req *req, sc_buf *out);

/* Streaming, for a body too large to build in the arena (billing's CSV of a
 * whole date range). sc_stream_begin sends status 200, the security headers
 * and req->headers at once, without Content-Length; sc_stream_write then
 * sends body bytes straight to the web server (nothing for HEAD). After
 * sc_stream_begin the handler's return value is only logged: lib sends
 * nothing more, so an error part-way can only end the body early. Without
 * FastCGI (req->fcgx NULL, unit tests) both fall back to the buffered
 * response. Each returns 0, or -1 when the client has gone. */
int sc_stream_begin(struct sc_req *req);
int sc_stream_write(struct sc_req *req, const char *data, size_t len);
/* Percent-encodes s for a query string value. */
const char *sc_url_encode(sc_arena *a, const char *s);

#endif
