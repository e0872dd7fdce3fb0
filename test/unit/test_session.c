/* Session tokens, CSRF, the access rules and the dispatcher. None of this
 * needs a database: requests here carry no session cookie, except where a
 * test checks what happens when the database is unreachable. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../lib/config.h"
#include "app.h"
#include "db.h"
#include "response.h"
#include "session.h"
#include "tests.h"
#include "view.h"

static sc_arena *A;

static void set_secret(unsigned char seed)
{
    for (size_t i = 0; i < sizeof sc_cfg.secret; i++)
        sc_cfg.secret[i] = (unsigned char)(seed + i * 7);
}

static void setup(void)
{
    sc_config_defaults();
    set_secret(0x11);
    /* Any database call fails at once instead of finding a real server. */
    free(sc_cfg.db_socket);
    sc_cfg.db_socket = strdup("/nonexistent/selfcare-unit-test.sock");
    A = sc_arena_new();
}

static void teardown(void)
{
    sc_arena_free(A);
    A = NULL;
    free(sc_cfg.db_socket);
    sc_cfg.db_socket = NULL;
    sc_config_defaults();
}

static bool is_base64url(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
              (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return false;
    return true;
}

static int parse_request(struct sc_req *req, const char *method, const char *uri,
                         const char *cookie, const char *form)
{
    char *env[8];
    int n = 0;
    env[n++] = sc_printf(A, "REQUEST_METHOD=%s", method);
    env[n++] = sc_printf(A, "REQUEST_URI=%s", uri);
    const char *q = strchr(uri, '?');
    env[n++] = sc_printf(A, "QUERY_STRING=%s", q ? q + 1 : "");
    if (cookie)
        env[n++] = sc_printf(A, "HTTP_COOKIE=%s", cookie);
    if (form) {
        env[n++] = "CONTENT_TYPE=application/x-www-form-urlencoded";
        env[n++] = sc_printf(A, "CONTENT_LENGTH=%zu", strlen(form));
    }
    env[n] = NULL;
    sc_req_init(req, A);
    req->program = "test";
    return sc_request_parse(req, env, form, form ? strlen(form) : 0);
}

/* ---- tokens ---- */

START_TEST(token_new_is_43_char_base64url)
{
    char t[44];
    sc_token_new(t);
    ck_assert_msg(is_base64url(t, 43), "token: %s", t);
}
END_TEST

START_TEST(token_new_gives_distinct_tokens)
{
    enum { N = 64 };
    char t[N][44];
    for (int i = 0; i < N; i++)
        sc_token_new(t[i]);
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++)
            ck_assert_str_ne(t[i], t[j]);
}
END_TEST

START_TEST(token_hash_is_deterministic)
{
    char t[44], u[44];
    sc_token_new(t);
    sc_token_new(u);
    unsigned char h1[32], h2[32], h3[32];
    ck_assert_int_eq(sc_token_hash(t, h1), 0);
    ck_assert_int_eq(sc_token_hash(t, h2), 0);
    ck_assert_int_eq(memcmp(h1, h2, 32), 0);
    ck_assert_int_eq(sc_token_hash(u, h3), 0);
    ck_assert_int_ne(memcmp(h1, h3, 32), 0);
}
END_TEST

START_TEST(token_hash_rejects_wrong_length_and_garbage)
{
    unsigned char h[32];
    char t[44];
    sc_token_new(t);
    ck_assert_int_eq(sc_token_hash(NULL, h), -1);
    ck_assert_int_eq(sc_token_hash("", h), -1);
    ck_assert_int_eq(sc_token_hash("abc", h), -1);
    char shorter[44];
    memcpy(shorter, t, 42);
    shorter[42] = '\0';
    ck_assert_int_eq(sc_token_hash(shorter, h), -1);
    char longer[46];
    snprintf(longer, sizeof longer, "%sA", t);
    ck_assert_int_eq(sc_token_hash(longer, h), -1);
    snprintf(longer, sizeof longer, "%s=", t);
    ck_assert_int_eq(sc_token_hash(longer, h), -1);
    char bad[44];
    memcpy(bad, t, 44);
    bad[10] = '!';
    ck_assert_int_eq(sc_token_hash(bad, h), -1);
    bad[10] = '+'; /* standard base64, not base64url */
    ck_assert_int_eq(sc_token_hash(bad, h), -1);
    bad[10] = '/';
    ck_assert_int_eq(sc_token_hash(bad, h), -1);
    bad[10] = ' ';
    ck_assert_int_eq(sc_token_hash(bad, h), -1);
}
END_TEST

static int b64url_value(char c)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return (int)(strchr(alphabet, c) - alphabet);
}

/* 43 characters carry 258 bits for 256: the two spare bits must be zero, or
 * several cookie strings would name the same session. */
START_TEST(token_hash_rejects_non_canonical_encoding)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char t[44];
    sc_token_new(t);
    int v = b64url_value(t[42]);
    ck_assert_int_eq(v % 4, 0);
    unsigned char h[32];
    for (int extra = 1; extra < 4; extra++) {
        char u[44];
        memcpy(u, t, 44);
        u[42] = alphabet[v + extra];
        ck_assert_msg(sc_token_hash(u, h) == -1, "accepted %s", u);
    }
}
END_TEST

/* ---- CSRF ---- */

START_TEST(csrf_token_depends_on_secret_and_cookie)
{
    char cookie[44], other[44];
    sc_token_new(cookie);
    sc_token_new(other);
    char a[44], b[44], c[44], d[44];
    sc_csrf_token_for(cookie, a);
    sc_csrf_token_for(cookie, b);
    ck_assert_msg(is_base64url(a, 43), "token: %s", a);
    ck_assert_str_eq(a, b);
    ck_assert_str_ne(a, cookie); /* not the cookie itself */
    sc_csrf_token_for(other, c);
    ck_assert_str_ne(a, c);
    set_secret(0x99);
    sc_csrf_token_for(cookie, d);
    ck_assert_str_ne(a, d);
    set_secret(0x11);
    sc_csrf_token_for(cookie, d);
    ck_assert_str_eq(a, d);
}
END_TEST

START_TEST(csrf_prepare_without_cookie_sets_one)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "/login", NULL, NULL), 0);
    const char *token = sc_csrf_prepare(&req);
    ck_assert_ptr_nonnull(token);
    ck_assert_ptr_eq(token, req.csrf);
    ck_assert(is_base64url(token, 43));

    const char *h = req.headers.data;
    ck_assert_ptr_nonnull(h);
    const char *sc = strstr(h, "Set-Cookie: sc_csrf=");
    ck_assert_ptr_nonnull(sc);
    char value[44];
    memcpy(value, sc + strlen("Set-Cookie: sc_csrf="), 43);
    value[43] = '\0';
    ck_assert(is_base64url(value, 43));
    ck_assert_ptr_nonnull(strstr(sc, "; Path=/; HttpOnly; SameSite=Lax"));

    /* The same request already sees the new cookie, and the token fits. */
    ck_assert_str_eq(sc_cookie(&req, SC_COOKIE_CSRF), value);
    ck_assert(sc_csrf_valid(&req, token));

    /* The next request, carrying the cookie, gets the same token. */
    struct sc_req next;
    ck_assert_int_eq(parse_request(&next, "POST", "/login",
                                   sc_printf(A, "sc_csrf=%s", value), "a=1"),
                     0);
    ck_assert(sc_csrf_valid(&next, token));
    ck_assert_str_eq(sc_csrf_prepare(&next), token);
    ck_assert_ptr_null(next.headers.data); /* no new cookie */
}
END_TEST

START_TEST(csrf_prepare_replaces_malformed_cookie)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "/", "sc_csrf=short", NULL), 0);
    const char *token = sc_csrf_prepare(&req);
    ck_assert_ptr_nonnull(strstr(req.headers.data, "Set-Cookie: sc_csrf="));
    ck_assert_str_ne(sc_cookie(&req, SC_COOKIE_CSRF), "short");
    ck_assert(sc_csrf_valid(&req, token));
}
END_TEST

START_TEST(csrf_wrong_missing_or_truncated_token_rejected)
{
    char cookie[44], token[44];
    sc_token_new(cookie);
    sc_csrf_token_for(cookie, token);
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/x", sc_printf(A, "sc_csrf=%s", cookie),
                                   "a=1"),
                     0);
    ck_assert(sc_csrf_valid(&req, token));
    ck_assert(!sc_csrf_valid(&req, NULL));
    ck_assert(!sc_csrf_valid(&req, ""));
    ck_assert(!sc_csrf_valid(&req, cookie)); /* the cookie is not the token */
    char t[46];
    memcpy(t, token, 44);
    t[42] = '\0';
    ck_assert(!sc_csrf_valid(&req, t)); /* truncated */
    snprintf(t, sizeof t, "%sA", token);
    ck_assert(!sc_csrf_valid(&req, t)); /* extended */
    memcpy(t, token, 44);
    t[0] = t[0] == 'A' ? 'B' : 'A';
    ck_assert(!sc_csrf_valid(&req, t)); /* first character changed */
    memcpy(t, token, 44);
    t[42] = t[42] == 'A' ? 'Q' : 'A';
    ck_assert(!sc_csrf_valid(&req, t)); /* last character changed */
}
END_TEST

START_TEST(csrf_token_without_cookie_rejected)
{
    char cookie[44], token[44];
    sc_token_new(cookie);
    sc_csrf_token_for(cookie, token);
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL, "a=1"), 0);
    ck_assert(!sc_csrf_valid(&req, token));
}
END_TEST

START_TEST(csrf_token_for_another_cookie_rejected)
{
    char mine[44], theirs[44], their_token[44];
    sc_token_new(mine);
    sc_token_new(theirs);
    sc_csrf_token_for(theirs, their_token);
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/x", sc_printf(A, "sc_csrf=%s", mine),
                                   "a=1"),
                     0);
    ck_assert(!sc_csrf_valid(&req, their_token));
}
END_TEST

START_TEST(csrf_token_under_another_secret_rejected)
{
    char cookie[44], token[44];
    sc_token_new(cookie);
    set_secret(0x42);
    sc_csrf_token_for(cookie, token);
    set_secret(0x11);
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/x", sc_printf(A, "sc_csrf=%s", cookie),
                                   "a=1"),
                     0);
    ck_assert(!sc_csrf_valid(&req, token));
}
END_TEST

/* ---- access rules ---- */

static int handler_calls;
static const char *seen_msisdn, *seen_q, *seen_extra, *seen_tail;

static int echo_handler(struct sc_req *req)
{
    handler_calls++;
    seen_msisdn = sc_field(req, "msisdn");
    seen_q = sc_field(req, "q");
    seen_extra = sc_field(req, "extra");
    seen_tail = req->path_tail;
    sc_header(req, "Content-Type", "text/plain; charset=utf-8");
    sc_buf_printf(&req->body, "handled %s", req->path);
    return 200;
}

static const struct sc_field search_fields[] = {
    {"msisdn", "手机号码", SC_MSISDN, 0, SC_REQUIRED, NULL},
    {"q", "查询内容", SC_TEXT, 10, 0, NULL},
    {0},
};

static const struct sc_route routes[] = {
    {"GET", "/search", SC_ANON, 0, echo_handler, search_fields, NULL},
    {"POST", "/search", SC_ANON, 0, echo_handler, search_fields, NULL},
    {"GET", "/only-get", SC_ANON, 0, echo_handler, NULL, NULL},
    {"POST", "/only-post", SC_ANON, 0, echo_handler, NULL, NULL},
    {"GET", "/brands/*", SC_ANON, 0, echo_handler, NULL, NULL},
    {"GET", "/account", SC_CUSTOMER, 0, echo_handler, NULL, NULL},
    {"POST", "/account", SC_CUSTOMER, 0, echo_handler, NULL, NULL},
    {"GET", "/account/password", SC_CUSTOMER_RECENT, 0, echo_handler, NULL, NULL},
    {"GET", "/admin/staff", SC_STAFF, SC_ROLE_ADMIN, echo_handler, NULL, NULL},
    {"GET", "/admin/reports", SC_STAFF, SC_ROLE_ANALYST | SC_ROLE_ADMIN, echo_handler, NULL, NULL},
    {0},
};

static const struct sc_app portal = {
    .name = "test",
    .routes = routes,
    .layout = "layout/page.tpl",
    .login_path = "/login",
    .reauth_path = "/login/confirm",
};

static const struct sc_app admin = {
    .name = "test-admin",
    .routes = routes,
    .layout = "layout/page.tpl",
    .login_path = "/admin/login",
    .reauth_path = "/admin/login",
    .staff = 1,
};

static const struct sc_route *route(const char *method, const char *path)
{
    for (const struct sc_route *r = routes; r->path; r++)
        if (strcmp(r->method, method) == 0 && strcmp(r->path, path) == 0)
            return r;
    ck_abort_msg("no route %s %s", method, path);
    return NULL;
}

static struct sc_req *get_request(const char *uri)
{
    struct sc_req *req = sc_alloc(A, sizeof *req);
    ck_assert_int_eq(parse_request(req, "GET", uri, NULL, NULL), 0);
    return req;
}

static struct sc_customer *customer(long long reauth)
{
    struct sc_customer *c = sc_alloc(A, sizeof *c);
    c->msisdn = "13800138000";
    c->created = reauth;
    c->reauth = reauth;
    return c;
}

static struct sc_staff *staff(const char *role)
{
    struct sc_staff *s = sc_alloc(A, sizeof *s);
    s->id = 7;
    s->username = "wang.li";
    s->display_name = "王丽";
    s->role = role;
    s->province_name = "集团公司";
    return s;
}

static const long long NOW = 1767225600;

START_TEST(access_anonymous_route_always_passes)
{
    struct sc_req *req = get_request("/search");
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/search"), req, NOW), 0);
    ck_assert_ptr_null(req->headers.data);
}
END_TEST

START_TEST(access_customer_without_session_redirects_to_login_with_next)
{
    struct sc_req *req = get_request("/account?tab=bills&m=202601");
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account"), req, NOW), 303);
    ck_assert_int_eq(req->status, 303);
    ck_assert_msg(strstr(req->headers.data,
                         "Location: /login?next=/account%3Ftab%3Dbills%26m%3D202601\r\n"),
                  "headers: %s", req->headers.data);
}
END_TEST

START_TEST(access_customer_post_redirects_without_next)
{
    struct sc_req *req = sc_alloc(A, sizeof *req);
    ck_assert_int_eq(parse_request(req, "POST", "/account", NULL, "a=1"), 0);
    ck_assert_int_eq(sc_access_check(&portal, route("POST", "/account"), req, NOW), 303);
    ck_assert_msg(strstr(req->headers.data, "Location: /login\r\n"), "headers: %s",
                  req->headers.data);
}
END_TEST

START_TEST(access_customer_with_session_passes)
{
    struct sc_req *req = get_request("/account");
    req->customer = customer(NOW - 3600);
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account"), req, NOW), 0);
    ck_assert_ptr_null(req->headers.data);
}
END_TEST

START_TEST(access_recent_with_old_reauth_redirects_to_reauth)
{
    struct sc_req *req = get_request("/account/password");
    req->customer = customer(NOW - SC_REAUTH_SECONDS - 1);
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account/password"), req, NOW),
                     303);
    ck_assert_msg(strstr(req->headers.data, "Location: /login/confirm?next=/account/password\r\n"),
                  "headers: %s", req->headers.data);

    req = get_request("/account/password");
    req->customer = customer(0); /* never re-entered */
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account/password"), req, NOW),
                     303);
    ck_assert_ptr_nonnull(strstr(req->headers.data, "Location: /login/confirm?"));
}
END_TEST

START_TEST(access_recent_with_recent_reauth_passes)
{
    struct sc_req *req = get_request("/account/password");
    req->customer = customer(NOW - 10);
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account/password"), req, NOW), 0);
    req->customer = customer(NOW - SC_REAUTH_SECONDS); /* exactly five minutes */
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account/password"), req, NOW), 0);
    ck_assert_ptr_null(req->headers.data);
}
END_TEST

START_TEST(access_recent_without_session_goes_to_login)
{
    struct sc_req *req = get_request("/account/password");
    ck_assert_int_eq(sc_access_check(&portal, route("GET", "/account/password"), req, NOW),
                     303);
    ck_assert_ptr_nonnull(strstr(req->headers.data, "Location: /login?next=/account/password\r\n"));
}
END_TEST

START_TEST(access_staff_with_wrong_role_is_403)
{
    struct sc_req *req = get_request("/admin/staff");
    req->staff = staff("analyst");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/staff"), req, NOW), 403);
    ck_assert_ptr_null(req->headers.data);
    req->staff = staff("no_such_role");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/staff"), req, NOW), 403);
}
END_TEST

START_TEST(access_staff_with_right_role_passes)
{
    struct sc_req *req = get_request("/admin/staff");
    req->staff = staff("admin");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/staff"), req, NOW), 0);
    /* Any one of the route's roles will do. */
    req = get_request("/admin/reports");
    req->staff = staff("analyst");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/reports"), req, NOW), 0);
    req->staff = staff("admin");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/reports"), req, NOW), 0);
    req->staff = staff("content_editor");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/reports"), req, NOW), 403);
}
END_TEST

START_TEST(access_staff_without_session_redirects_to_staff_login)
{
    struct sc_req *req = get_request("/admin/staff");
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/staff"), req, NOW), 303);
    ck_assert_ptr_nonnull(strstr(req->headers.data, "Location: /admin/login?next=/admin/staff\r\n"));
    /* A customer session is no staff session. */
    req = get_request("/admin/staff");
    req->customer = customer(NOW);
    ck_assert_int_eq(sc_access_check(&admin, route("GET", "/admin/staff"), req, NOW), 303);
}
END_TEST

START_TEST(role_names_map_to_bits_and_labels)
{
    ck_assert_uint_eq(sc_role_bit("admin"), SC_ROLE_ADMIN);
    ck_assert_uint_eq(sc_role_bit("analyst"), SC_ROLE_ANALYST);
    ck_assert_uint_eq(sc_role_bit("complaint_supervisor"), SC_ROLE_COMPLAINT_SUPERVISOR);
    ck_assert_uint_eq(sc_role_bit("Admin"), 0);
    ck_assert_uint_eq(sc_role_bit(""), 0);
    ck_assert_uint_eq(sc_role_bit(NULL), 0);
    ck_assert_str_eq(sc_role_label("admin"), "系统管理员");
    ck_assert_str_eq(sc_role_label("nobody"), "未知角色");
    ck_assert_str_eq(sc_role_label(NULL), "未知角色");
}
END_TEST

/* ---- the dispatcher, end to end without a database ---- */

static void dispatch_setup(void)
{
    setup();
    handler_calls = 0;
    seen_msisdn = seen_q = seen_extra = seen_tail = NULL;
    ck_assert_int_eq(sc_view_init(SC_SOURCE_DIR "/views", "layout/page.tpl", NULL), 0);
}

struct result {
    int status;
    const char *head, *body, *raw;
};

static struct result dispatch(const struct sc_app *app, const char *method, const char *uri,
                              const char *cookie, const char *form)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, method, uri, cookie, form), 0);
    sc_dispatch(app, &req);
    ck_assert_ptr_null(req.view);
    sc_buf out;
    sc_buf_init(&out, A);
    sc_response_serialize(&req, &out);
    struct result r = {.status = req.status, .raw = out.data};
    const char *blank = strstr(out.data, "\r\n\r\n");
    ck_assert_ptr_nonnull(blank);
    r.head = sc_strndup(A, out.data, (size_t)(blank - out.data) + 2);
    r.body = blank + 4;
    return r;
}

/* A cookie and the form field that passes CSRF with it. */
static const char *csrf_cookie(void)
{
    static char cookie[44];
    if (!cookie[0])
        sc_token_new(cookie);
    return sc_printf(A, "sc_csrf=%s", cookie);
}

static const char *csrf_field(void)
{
    char token[44];
    sc_csrf_token_for(csrf_cookie() + strlen("sc_csrf="), token);
    return sc_printf(A, "csrf=%s", token);
}

START_TEST(dispatch_runs_handler_for_valid_get)
{
    struct result r = dispatch(&portal, "GET", "/search?msisdn=13800138000&q=%E5%A5%97%E9%A4%90",
                               NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
    ck_assert_str_eq(seen_msisdn, "13800138000");
    ck_assert_str_eq(seen_q, "套餐");
    ck_assert_str_eq(r.body, "handled /search");
    ck_assert_int_eq(sc_db_errno(), 0); /* no session cookie: no database */
}
END_TEST

START_TEST(dispatch_unknown_path_is_404_page)
{
    struct result r = dispatch(&portal, "GET", "/nowhere", NULL, NULL);
    ck_assert_int_eq(r.status, 404);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert(strncmp(r.raw, "Status: 404 Not Found\r\n", 23) == 0);
    ck_assert_ptr_nonnull(strstr(r.head, "\r\nContent-Type: text/html; charset=utf-8\r\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "404"));
    ck_assert_ptr_nonnull(strstr(r.body, "<!DOCTYPE html>")); /* in the layout */
    /* A prefix route needs its slash. */
    ck_assert_int_eq(dispatch(&portal, "GET", "/brands", NULL, NULL).status, 404);
    ck_assert_int_eq(sc_db_errno(), 0);
}
END_TEST

START_TEST(dispatch_wrong_method_is_405_with_allow)
{
    struct result r = dispatch(&portal, "POST", "/only-get", csrf_cookie(), csrf_field());
    ck_assert_int_eq(r.status, 405);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_msg(strstr(r.head, "\r\nAllow: GET, HEAD\r\n"), "head: %s", r.head);
    ck_assert_ptr_nonnull(strstr(r.body, "405"));

    r = dispatch(&portal, "GET", "/only-post", NULL, NULL);
    ck_assert_int_eq(r.status, 405);
    ck_assert_msg(strstr(r.head, "\r\nAllow: POST\r\n"), "head: %s", r.head);
    ck_assert_int_eq(handler_calls, 0);
}
END_TEST

START_TEST(dispatch_post_without_csrf_is_403)
{
    struct result r = dispatch(&portal, "POST", "/search", NULL, "msisdn=13800138000");
    ck_assert_int_eq(r.status, 403);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_ptr_nonnull(strstr(r.body, "403"));

    /* A cookie alone is not enough, and neither is a token for it in the query. */
    r = dispatch(&portal, "POST",
                 sc_printf(A, "/search?%s", csrf_field()), csrf_cookie(),
                 "msisdn=13800138000");
    ck_assert_int_eq(r.status, 403);
    /* A token without its cookie. */
    r = dispatch(&portal, "POST", "/search", NULL,
                 sc_printf(A, "msisdn=13800138000&%s", csrf_field()));
    ck_assert_int_eq(r.status, 403);
    /* A wrong token. */
    r = dispatch(&portal, "POST", "/search", csrf_cookie(),
                 "msisdn=13800138000&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    ck_assert_int_eq(r.status, 403);
    ck_assert_int_eq(handler_calls, 0);
}
END_TEST

START_TEST(dispatch_post_with_csrf_runs_handler)
{
    struct result r = dispatch(&portal, "POST", "/search?msisdn=13900139000", csrf_cookie(),
                               sc_printf(A, "%s&msisdn=13800138000", csrf_field()));
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
    /* On a POST the form's value wins over the query's. */
    ck_assert_str_eq(seen_msisdn, "13800138000");
    /* A client that already has the cookie gets no new one. */
    ck_assert_ptr_null(strstr(r.head, "Set-Cookie: sc_csrf="));
}
END_TEST

START_TEST(dispatch_new_client_gets_csrf_cookie)
{
    struct result r = dispatch(&portal, "GET", "/only-get", NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.head, "\r\nSet-Cookie: sc_csrf="));
}
END_TEST

START_TEST(dispatch_invalid_field_is_400_naming_label)
{
    struct result r = dispatch(&portal, "GET", "/search?msisdn=12345", NULL, NULL);
    ck_assert_int_eq(r.status, 400);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_msg(strstr(r.body, "「手机号码」"), "body: %s", r.body);

    r = dispatch(&portal, "GET", "/search?msisdn=13800138000&q=%E4%B8%80%E4%BA%8C%E4%B8%89%E5%9B%9B%E4%BA%94%E5%85%AD%E4%B8%83%E5%85%AB%E4%B9%9D%E5%8D%81%E5%A4%9A",
                 NULL, NULL);
    ck_assert_int_eq(r.status, 400);
    ck_assert_msg(strstr(r.body, "「查询内容」"), "body: %s", r.body);
    ck_assert_int_eq(handler_calls, 0);

    /* Ten characters is within the limit even in 30 bytes. */
    r = dispatch(&portal, "GET", "/search?msisdn=13800138000&q=%E4%B8%80%E4%BA%8C%E4%B8%89%E5%9B%9B%E4%BA%94%E5%85%AD%E4%B8%83%E5%85%AB%E4%B9%9D%E5%8D%81",
                 NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
}
END_TEST

START_TEST(dispatch_missing_required_field_is_400)
{
    struct result r = dispatch(&portal, "GET", "/search", NULL, NULL);
    ck_assert_int_eq(r.status, 400);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_msg(strstr(r.body, "请填写「手机号码」"), "body: %s", r.body);
    r = dispatch(&portal, "GET", "/search?msisdn=", NULL, NULL);
    ck_assert_int_eq(r.status, 400);
}
END_TEST

START_TEST(dispatch_hides_undeclared_fields_from_handler)
{
    struct result r = dispatch(&portal, "GET", "/search?msisdn=13800138000&extra=1", NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
    ck_assert_str_eq(seen_msisdn, "13800138000");
    ck_assert_ptr_null(seen_extra);
    ck_assert_ptr_null(seen_q); /* declared but absent */
}
END_TEST

START_TEST(dispatch_head_serves_get_route_without_body)
{
    struct result r = dispatch(&portal, "HEAD", "/only-get", NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
    ck_assert_str_eq(r.body, "");
    ck_assert_ptr_nonnull(strstr(r.head, sc_printf(A, "\r\nContent-Length: %zu\r\n",
                                                   strlen("handled /only-get"))));
}
END_TEST

START_TEST(dispatch_prefix_route_passes_tail)
{
    struct result r = dispatch(&portal, "GET", "/brands/gotone?x=1", NULL, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_str_eq(seen_tail, "gotone");
}
END_TEST

START_TEST(dispatch_customer_route_without_session_redirects)
{
    struct result r = dispatch(&portal, "GET", "/account?tab=1", NULL, NULL);
    ck_assert_int_eq(r.status, 303);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_msg(strstr(r.head, "\r\nLocation: /login?next=/account%3Ftab%3D1\r\n"), "head: %s",
                  r.head);
    ck_assert_str_eq(r.body, "");
    ck_assert_int_eq(sc_db_errno(), 0);
}
END_TEST

START_TEST(dispatch_staff_app_ignores_customer_cookie)
{
    char token[44];
    sc_token_new(token);
    struct result r = dispatch(&admin, "GET", "/admin/staff", sc_printf(A, "sc_sid=%s", token),
                               NULL);
    ck_assert_int_eq(r.status, 303);
    ck_assert_ptr_nonnull(strstr(r.head, "\r\nLocation: /admin/login?next=/admin/staff\r\n"));
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_int_eq(sc_db_errno(), 0); /* the customer cookie was never looked up */
}
END_TEST

START_TEST(dispatch_session_lookup_without_database_is_503)
{
    char token[44];
    sc_token_new(token);
    const char *cookie = sc_printf(A, "sc_sid=%s", token);
    struct result r = dispatch(&portal, "GET", "/account", cookie, NULL);
    ck_assert_int_eq(r.status, 503);
    ck_assert_int_ne(sc_db_errno(), 0);
    ck_assert_int_eq(handler_calls, 0);
    ck_assert_ptr_nonnull(strstr(r.head, "\r\nRetry-After: 30\r\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "503"));
    /* An anonymous page still works while the database is away. */
    r = dispatch(&portal, "GET", "/only-get", cookie, NULL);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(handler_calls, 1);
}
END_TEST

Suite *session_suite(void)
{
    Suite *s = suite_create("session");

    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, token_new_is_43_char_base64url);
    tcase_add_test(tc, token_new_gives_distinct_tokens);
    tcase_add_test(tc, token_hash_is_deterministic);
    tcase_add_test(tc, token_hash_rejects_wrong_length_and_garbage);
    tcase_add_test(tc, token_hash_rejects_non_canonical_encoding);
    suite_add_tcase(s, tc);

    tc = tcase_create("csrf");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, csrf_token_depends_on_secret_and_cookie);
    tcase_add_test(tc, csrf_prepare_without_cookie_sets_one);
    tcase_add_test(tc, csrf_prepare_replaces_malformed_cookie);
    tcase_add_test(tc, csrf_wrong_missing_or_truncated_token_rejected);
    tcase_add_test(tc, csrf_token_without_cookie_rejected);
    tcase_add_test(tc, csrf_token_for_another_cookie_rejected);
    tcase_add_test(tc, csrf_token_under_another_secret_rejected);
    suite_add_tcase(s, tc);

    tc = tcase_create("access");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, access_anonymous_route_always_passes);
    tcase_add_test(tc, access_customer_without_session_redirects_to_login_with_next);
    tcase_add_test(tc, access_customer_post_redirects_without_next);
    tcase_add_test(tc, access_customer_with_session_passes);
    tcase_add_test(tc, access_recent_with_old_reauth_redirects_to_reauth);
    tcase_add_test(tc, access_recent_with_recent_reauth_passes);
    tcase_add_test(tc, access_recent_without_session_goes_to_login);
    tcase_add_test(tc, access_staff_with_wrong_role_is_403);
    tcase_add_test(tc, access_staff_with_right_role_passes);
    tcase_add_test(tc, access_staff_without_session_redirects_to_staff_login);
    tcase_add_test(tc, role_names_map_to_bits_and_labels);
    suite_add_tcase(s, tc);

    tc = tcase_create("dispatch");
    tcase_add_checked_fixture(tc, dispatch_setup, teardown);
    tcase_add_test(tc, dispatch_runs_handler_for_valid_get);
    tcase_add_test(tc, dispatch_unknown_path_is_404_page);
    tcase_add_test(tc, dispatch_wrong_method_is_405_with_allow);
    tcase_add_test(tc, dispatch_post_without_csrf_is_403);
    tcase_add_test(tc, dispatch_post_with_csrf_runs_handler);
    tcase_add_test(tc, dispatch_new_client_gets_csrf_cookie);
    tcase_add_test(tc, dispatch_invalid_field_is_400_naming_label);
    tcase_add_test(tc, dispatch_missing_required_field_is_400);
    tcase_add_test(tc, dispatch_hides_undeclared_fields_from_handler);
    tcase_add_test(tc, dispatch_head_serves_get_route_without_body);
    tcase_add_test(tc, dispatch_prefix_route_passes_tail);
    tcase_add_test(tc, dispatch_customer_route_without_session_redirects);
    tcase_add_test(tc, dispatch_staff_app_ignores_customer_cookie);
    tcase_add_test(tc, dispatch_session_lookup_without_database_is_503);
    suite_add_tcase(s, tc);

    return s;
}
