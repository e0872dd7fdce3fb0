/* Request parsing (query, form, multipart, cookies, CGI variables) and the
 * response as it goes back to nginx. */
#include <stdio.h>
#include <string.h>

#include "../../lib/config.h"
#include "arena.h"
#include "request.h"
#include "response.h"
#include "tests.h"

static sc_arena *A;

static void setup(void)
{
    sc_config_defaults();
    A = sc_arena_new();
}

static void teardown(void)
{
    sc_arena_free(A);
    A = NULL;
    sc_config_defaults();
}

static int count(const struct sc_kv *kv)
{
    int n = 0;
    for (; kv; kv = kv->next)
        n++;
    return n;
}

static int urlencoded(const char *s, struct sc_kv **out)
{
    *out = NULL;
    return sc_parse_urlencoded(A, s, strlen(s), out);
}

/* A request as FastCGI would hand it over: CGI variables (NULL values are
 * left out) and a body. */
static int parse_request(struct sc_req *req, const char *method,
                         const char *uri, const char *query,
                         const char *ctype, const char *clen,
                         const char *cookie, const char *body, size_t body_len)
{
    char *env[8];
    int n = 0;
    if (method)
        env[n++] = sc_printf(A, "REQUEST_METHOD=%s", method);
    if (uri)
        env[n++] = sc_printf(A, "REQUEST_URI=%s", uri);
    if (query)
        env[n++] = sc_printf(A, "QUERY_STRING=%s", query);
    if (ctype)
        env[n++] = sc_printf(A, "CONTENT_TYPE=%s", ctype);
    if (clen)
        env[n++] = sc_printf(A, "CONTENT_LENGTH=%s", clen);
    if (cookie)
        env[n++] = sc_printf(A, "HTTP_COOKIE=%s", cookie);
    env[n] = NULL;
    sc_req_init(req, A);
    return sc_request_parse(req, env, body, body_len);
}

static const char *serialize(const struct sc_req *req)
{
    sc_buf out;
    sc_buf_init(&out, A);
    sc_response_serialize(req, &out);
    return out.data;
}

/* The header block of a serialized response, without the blank line. */
static const char *head_of(const char *response)
{
    const char *end = strstr(response, "\r\n\r\n");
    ck_assert_ptr_nonnull(end);
    return sc_strndup(A, response, (size_t)(end - response) + 2);
}

/* ---- application/x-www-form-urlencoded ---- */

START_TEST(urlencoded_plain_pairs_in_order)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("msisdn=13800138000&month=202601", &kv), 0);
    ck_assert_int_eq(count(kv), 2);
    ck_assert_str_eq(kv->name, "msisdn");
    ck_assert_str_eq(kv->value, "13800138000");
    ck_assert_uint_eq(kv->len, 11);
    ck_assert_str_eq(kv->next->name, "month");
    ck_assert_str_eq(sc_kv_get(kv, "month"), "202601");
    ck_assert_ptr_null(sc_kv_get(kv, "absent"));
}
END_TEST

START_TEST(urlencoded_plus_is_space)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("q=hello+world+&a+b=c", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "q"), "hello world ");
    ck_assert_str_eq(sc_kv_get(kv, "a b"), "c");
}
END_TEST

START_TEST(urlencoded_percent_escapes_decode)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("next=%2Faccount%3Fx%3d1&p=100%25&plus=%2B", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "next"), "/account?x=1");
    ck_assert_str_eq(sc_kv_get(kv, "p"), "100%");
    ck_assert_str_eq(sc_kv_get(kv, "plus"), "+");
}
END_TEST

START_TEST(urlencoded_utf8_chinese_decodes)
{
    struct sc_kv *kv;
    /* 中国移动 */
    ck_assert_int_eq(urlencoded("q=%E4%B8%AD%E5%9B%BD%E7%A7%BB%E5%8A%A8", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "q"), "中国移动");
    ck_assert_uint_eq(kv->len, strlen("中国移动"));
}
END_TEST

START_TEST(urlencoded_empty_value_and_missing_equals)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("a=&b&c=3&&=orphan&d=4", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "a"), "");
    ck_assert_uint_eq(kv->len, 0);
    ck_assert_str_eq(sc_kv_get(kv, "b"), "");
    ck_assert_str_eq(sc_kv_get(kv, "c"), "3");
    ck_assert_str_eq(sc_kv_get(kv, "d"), "4");
    /* "=orphan" has no name and "&&" is empty: neither becomes a pair. */
    ck_assert_int_eq(count(kv), 4);
}
END_TEST

START_TEST(urlencoded_semicolon_is_data_not_a_separator)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("after=20261101-1;DROP&x=2", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "after"), "20261101-1;DROP");
    ck_assert_ptr_null(sc_kv_get(kv, "DROP"));
    ck_assert_str_eq(sc_kv_get(kv, "x"), "2");
}
END_TEST

START_TEST(urlencoded_empty_input_gives_nothing)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("", &kv), 0);
    ck_assert_ptr_null(kv);
    ck_assert_int_eq(urlencoded("&&&", &kv), 0);
    ck_assert_ptr_null(kv);
}
END_TEST

START_TEST(urlencoded_repeated_name_keeps_first)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("msisdn=13800138000&msisdn=13900139000", &kv), 0);
    ck_assert_int_eq(count(kv), 2);
    ck_assert_str_eq(sc_kv_get(kv, "msisdn"), "13800138000");
}
END_TEST

START_TEST(urlencoded_bad_hex_is_400)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("a=%G1", &kv), 400);
    ck_assert_int_eq(urlencoded("a=%1G", &kv), 400);
    ck_assert_int_eq(urlencoded("a%zz=1", &kv), 400);
}
END_TEST

START_TEST(urlencoded_truncated_percent_is_400)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("a=%", &kv), 400);
    ck_assert_int_eq(urlencoded("a=%4", &kv), 400);
    ck_assert_int_eq(urlencoded("a=%4&b=1", &kv), 400);
    ck_assert_int_eq(urlencoded("a=x%", &kv), 400);
    /* A complete escape as the very last bytes is fine. */
    ck_assert_int_eq(urlencoded("a=%41", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "a"), "A");
}
END_TEST

START_TEST(urlencoded_nul_is_400)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded("a=x%00y", &kv), 400);
    ck_assert_int_eq(urlencoded("%00=1", &kv), 400);
    /* A raw NUL byte inside the body, not only an escaped one. */
    kv = NULL;
    ck_assert_int_eq(sc_parse_urlencoded(A, "a=x\0y", 5, &kv), 400);
}
END_TEST

START_TEST(urlencoded_respects_length_not_nul)
{
    struct sc_kv *kv = NULL;
    ck_assert_int_eq(sc_parse_urlencoded(A, "a=12345&b=2", 4, &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "a"), "12");
    ck_assert_ptr_null(sc_kv_get(kv, "b"));
}
END_TEST

/* ---- cookies ---- */

START_TEST(cookies_split_on_semicolons_and_spaces)
{
    struct sc_kv *kv = NULL;
    ck_assert_int_eq(sc_parse_cookies(A, "  sc_sid=abc; sc_csrf=def;x=1 ;  y=2  ", &kv), 0);
    ck_assert_int_eq(count(kv), 4);
    ck_assert_str_eq(sc_kv_get(kv, "sc_sid"), "abc");
    ck_assert_str_eq(sc_kv_get(kv, "sc_csrf"), "def");
    ck_assert_str_eq(sc_kv_get(kv, "x"), "1");
    ck_assert_str_eq(sc_kv_get(kv, "y"), "2");
}
END_TEST

START_TEST(cookies_quotes_are_removed)
{
    struct sc_kv *kv = NULL;
    ck_assert_int_eq(sc_parse_cookies(A, "a=\"quoted value\"; b=\"; c=\"\"", &kv), 0);
    ck_assert_str_eq(sc_kv_get(kv, "a"), "quoted value");
    ck_assert_uint_eq(kv->len, strlen("quoted value"));
    ck_assert_str_eq(sc_kv_get(kv, "b"), "\""); /* one quote is not a pair */
    ck_assert_str_eq(sc_kv_get(kv, "c"), "");
}
END_TEST

START_TEST(cookies_without_name_or_equals_are_skipped)
{
    struct sc_kv *kv = NULL;
    ck_assert_int_eq(sc_parse_cookies(A, "=x; flag; a=1; a=2; b=", &kv), 0);
    ck_assert_int_eq(count(kv), 3);
    ck_assert_str_eq(sc_kv_get(kv, "a"), "1"); /* first one wins */
    ck_assert_str_eq(sc_kv_get(kv, "b"), "");
    ck_assert_ptr_null(sc_kv_get(kv, "flag"));
}
END_TEST

START_TEST(cookies_empty_or_null_header_gives_none)
{
    struct sc_kv *kv = NULL;
    ck_assert_int_eq(sc_parse_cookies(A, "", &kv), 0);
    ck_assert_ptr_null(kv);
    ck_assert_int_eq(sc_parse_cookies(A, NULL, &kv), 0);
    ck_assert_ptr_null(kv);
    ck_assert_int_eq(sc_parse_cookies(A, " ; ;; ", &kv), 0);
    ck_assert_ptr_null(kv);
}
END_TEST

/* ---- multipart/form-data ---- */

#define CT_MULTIPART "multipart/form-data; boundary=----sc7MA4YWxk"
#define DELIM "------sc7MA4YWxk"

static const char MULTIPART_BODY[] =
    "preamble is ignored\r\n"
    DELIM "\r\n"
    "Content-Disposition: form-data; name=\"msisdn\"\r\n"
    "\r\n"
    "13800138000\r\n"
    DELIM "\r\n"
    "content-disposition: form-data; name=\"content\"\r\n"
    "\r\n"
    "第一行\r\n第二行\r\n"
    DELIM "\r\n"
    "Content-Disposition: form-data; name=\"photo\"; filename=\"a b.png\"\r\n"
    "Content-Type: image/png\r\n"
    "\r\n"
    "\x89PNG\0\r\n\x1a" "\r\n"
    DELIM "--\r\n"
    "epilogue";

START_TEST(multipart_two_fields_and_one_file)
{
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, CT_MULTIPART, MULTIPART_BODY,
                                        sizeof MULTIPART_BODY - 1, &fields, &up),
                     0);
    ck_assert_int_eq(count(fields), 2);
    ck_assert_str_eq(sc_kv_get(fields, "msisdn"), "13800138000");
    /* CRLF inside a value is data; only the one before the delimiter goes. */
    ck_assert_str_eq(sc_kv_get(fields, "content"), "第一行\r\n第二行");
    ck_assert_ptr_null(sc_kv_get(fields, "photo"));

    ck_assert_ptr_nonnull(up);
    ck_assert_ptr_null(up->next);
    ck_assert_str_eq(up->field, "photo");
    ck_assert_str_eq(up->filename, "a b.png");
    ck_assert_str_eq(up->content_type, "image/png");
    ck_assert_uint_eq(up->len, 8);
    ck_assert_int_eq(memcmp(up->data, "\x89PNG\0\r\n\x1a", 8), 0);
}
END_TEST

START_TEST(multipart_quoted_boundary_and_default_file_type)
{
    static const char body[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; filename=\"f.txt\"; name=\"doc\"\r\n"
        "\r\n"
        "hello\r\n"
        "--xyz--";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; charset=utf-8; boundary=\"xyz\"",
                                        body, sizeof body - 1, &fields, &up),
                     0);
    ck_assert_ptr_null(fields);
    ck_assert_ptr_nonnull(up);
    ck_assert_str_eq(up->field, "doc");
    ck_assert_str_eq(up->filename, "f.txt");
    ck_assert_str_eq(up->content_type, "application/octet-stream");
    ck_assert_uint_eq(up->len, 5);
}
END_TEST

START_TEST(multipart_missing_boundary_is_400)
{
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data", MULTIPART_BODY,
                                        sizeof MULTIPART_BODY - 1, &fields, &up),
                     400);
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=", MULTIPART_BODY,
                                        sizeof MULTIPART_BODY - 1, &fields, &up),
                     400);
    /* "myboundary=" is not "boundary=". */
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; myboundary=----sc7MA4YWxk",
                                        MULTIPART_BODY, sizeof MULTIPART_BODY - 1,
                                        &fields, &up),
                     400);
    /* A boundary the body never uses. */
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=other", MULTIPART_BODY,
                                        sizeof MULTIPART_BODY - 1, &fields, &up),
                     400);
}
END_TEST

START_TEST(multipart_boundary_over_70_chars_is_400)
{
    char ct[160], body[300];
    char b[72];
    memset(b, 'b', 71);
    b[71] = '\0';
    snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", b);
    snprintf(body, sizeof body,
             "--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--%s--",
             b, b);
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, ct, body, strlen(body), &fields, &up), 400);
}
END_TEST

START_TEST(multipart_missing_closing_delimiter_is_400)
{
    static const char no_close[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; name=\"a\"\r\n"
        "\r\n"
        "1\r\n"
        "--xyz";
    static const char no_delim_after_data[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; name=\"a\"\r\n"
        "\r\n"
        "1";
    static const char headers_never_end[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; name=\"a\"\r\n";
    static const char cut_after_crlf[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; name=\"a\"\r\n"
        "\r\n"
        "1\r\n"
        "--xyz\r\n";
    const char *ct = "multipart/form-data; boundary=xyz";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, ct, no_close, sizeof no_close - 1, &fields, &up), 400);
    ck_assert_int_eq(sc_parse_multipart(A, ct, no_delim_after_data,
                                        sizeof no_delim_after_data - 1, &fields, &up),
                     400);
    ck_assert_int_eq(sc_parse_multipart(A, ct, headers_never_end,
                                        sizeof headers_never_end - 1, &fields, &up),
                     400);
    ck_assert_int_eq(sc_parse_multipart(A, ct, cut_after_crlf, sizeof cut_after_crlf - 1,
                                        &fields, &up),
                     400);
}
END_TEST

START_TEST(multipart_part_without_name_is_400)
{
    static const char body[] =
        "--xyz\r\n"
        "Content-Disposition: form-data\r\n"
        "\r\n"
        "1\r\n"
        "--xyz--\r\n";
    static const char no_disposition[] =
        "--xyz\r\n"
        "Content-Type: text/plain\r\n"
        "\r\n"
        "1\r\n"
        "--xyz--\r\n";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz", body,
                                        sizeof body - 1, &fields, &up),
                     400);
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz",
                                        no_disposition, sizeof no_disposition - 1,
                                        &fields, &up),
                     400);
}
END_TEST

START_TEST(multipart_filename_is_not_taken_as_name)
{
    static const char body[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; filename=\"evil.txt\"\r\n"
        "\r\n"
        "data\r\n"
        "--xyz--\r\n";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz", body,
                                        sizeof body - 1, &fields, &up),
                     400);
    ck_assert_ptr_null(up);
}
END_TEST

/* A quoted parameter value is data: "name=" inside a quoted filename is not
 * the part's name. Fails against lib/request.c header_param(), which
 * searches the raw header line and ignores quoting. */
START_TEST(multipart_name_inside_quoted_filename_is_not_the_name)
{
    static const char name_after[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; filename=\"x; name=evil\"; name=\"real\"\r\n"
        "\r\n"
        "data\r\n"
        "--xyz--\r\n";
    static const char no_name[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; filename=\"a name=evil\"\r\n"
        "\r\n"
        "data\r\n"
        "--xyz--\r\n";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz", name_after,
                                        sizeof name_after - 1, &fields, &up),
                     0);
    ck_assert_ptr_nonnull(up);
    ck_assert_str_eq(up->filename, "x; name=evil");
    ck_assert_str_eq(up->field, "real");
    up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz", no_name,
                                        sizeof no_name - 1, &fields, &up),
                     400);
}
END_TEST

START_TEST(multipart_nul_in_text_field_is_400)
{
    static const char body[] =
        "--xyz\r\n"
        "Content-Disposition: form-data; name=\"a\"\r\n"
        "\r\n"
        "x\0y\r\n"
        "--xyz--\r\n";
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, "multipart/form-data; boundary=xyz", body,
                                        sizeof body - 1, &fields, &up),
                     400);
}
END_TEST

/* ---- the whole request from CGI variables ---- */

/* ---- the cap on the number of entries ---- */

/* "k0=0&k1=1&...": n pairs, or n bare names "a&a&..." when bare. */
static const char *many_pairs(unsigned n, int bare)
{
    sc_buf b;
    sc_buf_init(&b, A);
    for (unsigned i = 0; i < n; i++) {
        if (bare)
            sc_buf_printf(&b, "%sa", i ? "&" : "");
        else
            sc_buf_printf(&b, "%sk%u=%u", i ? "&" : "", i, i);
    }
    return b.data ? b.data : "";
}

START_TEST(urlencoded_at_the_cap_keeps_every_pair_in_order)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded(many_pairs(SC_MAX_PARAMS, 0), &kv), 0);
    unsigned i = 0;
    for (const struct sc_kv *p = kv; p; p = p->next, i++) {
        char want[16];
        snprintf(want, sizeof want, "k%u", i);
        ck_assert_str_eq(p->name, want);
    }
    ck_assert_uint_eq(i, SC_MAX_PARAMS);
}
END_TEST

START_TEST(urlencoded_over_the_cap_is_413)
{
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded(many_pairs(SC_MAX_PARAMS + 1, 0), &kv), 413);
    ck_assert_int_eq(urlencoded(many_pairs(SC_MAX_PARAMS + 1, 1), &kv), 413);
}
END_TEST

/* Pairs with an empty name are dropped, but still counted: a body of
 * nothing else cannot be walked without end. */
START_TEST(urlencoded_dropped_pairs_count_towards_the_cap)
{
    sc_buf b;
    sc_buf_init(&b, A);
    for (unsigned i = 0; i <= SC_MAX_PARAMS; i++)
        sc_buf_printf(&b, "=&");
    struct sc_kv *kv;
    ck_assert_int_eq(urlencoded(b.data, &kv), 413);
}
END_TEST

/* A second parse into a list goes on from its end and counts what is
 * there: the list is never walked again for each new pair. */
START_TEST(urlencoded_appends_after_an_existing_list)
{
    struct sc_kv *kv = NULL;
    const char *first = many_pairs(SC_MAX_PARAMS - 2, 0);
    ck_assert_int_eq(sc_parse_urlencoded(A, first, strlen(first), &kv), 0);
    ck_assert_int_eq(sc_parse_urlencoded(A, "x=1&y=2", 7, &kv), 0);
    ck_assert_int_eq(count(kv), SC_MAX_PARAMS);
    const struct sc_kv *last = kv;
    while (last->next)
        last = last->next;
    ck_assert_str_eq(last->name, "y");
    ck_assert_int_eq(sc_parse_urlencoded(A, "z=3", 3, &kv), 413);
}
END_TEST

START_TEST(multipart_over_the_cap_is_413)
{
    sc_buf b;
    sc_buf_init(&b, A);
    for (unsigned i = 0; i <= SC_MAX_PARAMS; i++)
        sc_buf_printf(&b, DELIM "\r\nContent-Disposition: form-data; "
                          "name=\"f%u\"\r\n\r\nv\r\n", i);
    sc_buf_printf(&b, DELIM "--\r\n");
    struct sc_kv *fields = NULL;
    struct sc_upload *up = NULL;
    ck_assert_int_eq(sc_parse_multipart(A, CT_MULTIPART, b.data, b.len,
                                        &fields, &up),
                     413);
}
END_TEST

/* The body the attack sent: a megabyte of bare names. */
START_TEST(request_megabyte_of_empty_pairs_is_413)
{
    sc_cfg.max_body = 2 * 1024 * 1024;
    size_t n = 1024 * 1024;
    char *body = sc_alloc(A, n + 1);
    for (size_t i = 0; i < n; i++)
        body[i] = i % 2 ? '&' : 'a';
    body[n] = '\0';
    struct sc_req req;
    char clen[24];
    snprintf(clen, sizeof clen, "%zu", n);
    ck_assert_int_eq(parse_request(&req, "POST", "/login", NULL,
                                   "application/x-www-form-urlencoded", clen,
                                   NULL, body, n),
                     413);
}
END_TEST

START_TEST(request_splits_path_from_query)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "/lookup?prefix=1380013&q=%E4%B8%AD",
                                   "prefix=1380013&q=%E4%B8%AD", NULL, NULL,
                                   "sc_csrf=abc; lang=zh", NULL, 0),
                     0);
    ck_assert_str_eq(req.method, "GET");
    ck_assert_str_eq(req.uri, "/lookup?prefix=1380013&q=%E4%B8%AD");
    ck_assert_str_eq(req.path, "/lookup");
    ck_assert_str_eq(req.query, "prefix=1380013&q=%E4%B8%AD");
    ck_assert_str_eq(sc_kv_get(req.params, "prefix"), "1380013");
    ck_assert_str_eq(sc_kv_get(req.params, "q"), "中");
    ck_assert_str_eq(sc_cookie(&req, "sc_csrf"), "abc");
    ck_assert_str_eq(sc_cookie(&req, "lang"), "zh");
    ck_assert_ptr_null(req.form);
    ck_assert(!req.head_only);
    ck_assert(!req.https);
}
END_TEST

START_TEST(request_query_from_uri_when_no_query_string)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "/a/b?x=1&y=%20", NULL, NULL, NULL, NULL,
                                   NULL, 0),
                     0);
    ck_assert_str_eq(req.path, "/a/b");
    ck_assert_str_eq(req.query, "x=1&y=%20");
    ck_assert_str_eq(sc_kv_get(req.params, "y"), " ");
}
END_TEST

START_TEST(request_defaults_without_variables)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0), 0);
    ck_assert_str_eq(req.method, "GET");
    ck_assert_str_eq(req.path, "/");
    ck_assert_str_eq(req.query, "");
    ck_assert_ptr_null(req.params);
    ck_assert_ptr_null(req.cookies);
    ck_assert_int_eq(req.status, 200);
}
END_TEST

START_TEST(request_head_and_https_are_noted)
{
    struct sc_req req;
    char *env[] = {"REQUEST_METHOD=HEAD", "REQUEST_URI=/", "HTTPS=on", NULL};
    sc_req_init(&req, A);
    ck_assert_int_eq(sc_request_parse(&req, env, NULL, 0), 0);
    ck_assert(req.head_only);
    ck_assert(req.https);
}
END_TEST

START_TEST(request_bad_path_is_400)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "lookup", NULL, NULL, NULL, NULL, NULL, 0), 400);
    ck_assert_int_eq(parse_request(&req, "GET", "/a/../etc/passwd", NULL, NULL, NULL, NULL,
                                   NULL, 0),
                     400);
    char *long_path = sc_alloc(A, 2100);
    memset(long_path, 'a', 2099);
    long_path[0] = '/';
    ck_assert_int_eq(parse_request(&req, "GET", long_path, NULL, NULL, NULL, NULL, NULL, 0), 400);
}
END_TEST

START_TEST(request_malformed_query_is_400)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "GET", "/lookup?prefix=%G1", "prefix=%G1", NULL,
                                   NULL, NULL, NULL, 0),
                     400);
    ck_assert_int_eq(parse_request(&req, "GET", "/lookup?a=%00", "a=%00", NULL, NULL, NULL,
                                   NULL, 0),
                     400);
}
END_TEST

START_TEST(request_urlencoded_body_becomes_form)
{
    struct sc_req req;
    const char *body = "msisdn=13800138000&csrf=t%2Bk";
    ck_assert_int_eq(parse_request(&req, "POST", "/login?next=%2Faccount", NULL,
                                   "application/x-www-form-urlencoded; charset=UTF-8",
                                   "29", NULL, body, strlen(body)),
                     0);
    ck_assert_str_eq(sc_kv_get(req.form, "msisdn"), "13800138000");
    ck_assert_str_eq(sc_kv_get(req.form, "csrf"), "t+k");
    ck_assert_str_eq(sc_kv_get(req.params, "next"), "/account");
    ck_assert_ptr_null(sc_kv_get(req.params, "msisdn"));
}
END_TEST

START_TEST(request_multipart_body_becomes_form_and_uploads)
{
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/complaints/new", NULL, CT_MULTIPART,
                                   NULL, NULL, MULTIPART_BODY, sizeof MULTIPART_BODY - 1),
                     0);
    ck_assert_str_eq(sc_kv_get(req.form, "msisdn"), "13800138000");
    ck_assert_ptr_nonnull(req.uploads);
    ck_assert_str_eq(req.uploads->filename, "a b.png");
}
END_TEST

START_TEST(request_body_over_max_body_is_413)
{
    sc_cfg.max_body = 16;
    struct sc_req req;
    const char *body = "a=0123456789abcd"; /* exactly 16 bytes */
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "16", NULL, body,
                                   16),
                     0);
    ck_assert_str_eq(sc_kv_get(req.form, "a"), "0123456789abcd");
    body = "a=0123456789abcde"; /* 17 */
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "17", NULL, body,
                                   17),
                     413);
    /* The body counts even when the declared length understates it. */
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "3", NULL, body, 17),
                     413);
}
END_TEST

START_TEST(request_declared_length_over_limit_is_413)
{
    sc_cfg.max_body = 16;
    struct sc_req req;
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "17", NULL, NULL, 0),
                     413);
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "99999999999999999999",
                                   NULL, NULL, 0),
                     413);
    /* A negative length is not a way around the limit. */
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", "-1", NULL, NULL, 0),
                     413);
}
END_TEST

START_TEST(request_post_with_unknown_type_is_415)
{
    struct sc_req req;
    const char *body = "{\"msisdn\":\"13800138000\"}";
    ck_assert_int_eq(parse_request(&req, "POST", "/login", NULL, "application/json", NULL,
                                   NULL, body, strlen(body)),
                     415);
    ck_assert_int_eq(parse_request(&req, "POST", "/login", NULL, NULL, NULL, NULL, body,
                                   strlen(body)),
                     415);
    ck_assert_int_eq(parse_request(&req, "POST", "/login", NULL, "text/plain", NULL, NULL,
                                   body, strlen(body)),
                     415);
    /* Without a body there is nothing to refuse. */
    ck_assert_int_eq(parse_request(&req, "POST", "/login", NULL, "application/json", "0",
                                   NULL, NULL, 0),
                     0);
}
END_TEST

START_TEST(request_malformed_form_body_is_400)
{
    struct sc_req req;
    const char *body = "a=%ZZ";
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL,
                                   "application/x-www-form-urlencoded", NULL, NULL, body,
                                   strlen(body)),
                     400);
    ck_assert_int_eq(parse_request(&req, "POST", "/x", NULL, "multipart/form-data", NULL,
                                   NULL, MULTIPART_BODY, sizeof MULTIPART_BODY - 1),
                     400);
}
END_TEST

/* The query is not a body: max_body does not limit it (nginx bounds the
 * request line). A long value arrives whole, so the field's own validator,
 * not a silent truncation, decides about it. */
START_TEST(request_oversized_query_parameter_arrives_whole)
{
    sc_cfg.max_body = 64;
    enum { N = 64 * 1024 };
    char *q = sc_alloc(A, N + 8);
    memcpy(q, "q=", 2);
    memset(q + 2, 'x', N);
    struct sc_req req;
    char *uri = sc_printf(A, "/search?%s", q);
    ck_assert_int_eq(parse_request(&req, "GET", uri, q, NULL, NULL, NULL, NULL, 0), 0);
    ck_assert_uint_eq(strlen(sc_kv_get(req.params, "q")), N);
    ck_assert_uint_eq(req.params->len, N);
    ck_assert_str_eq(req.path, "/search");
}
END_TEST

/* ---- responses ---- */

START_TEST(url_encode_escapes_reserved_and_utf8)
{
    ck_assert_str_eq(sc_url_encode(A, "/account?x=1&y=a b"), "/account%3Fx%3D1%26y%3Da%20b");
    ck_assert_str_eq(sc_url_encode(A, "中"), "%E4%B8%AD");
    ck_assert_str_eq(sc_url_encode(A, "AZaz09-_.~/"), "AZaz09-_.~/");
    ck_assert_str_eq(sc_url_encode(A, "%+#\"<>\r\n"), "%25%2B%23%22%3C%3E%0D%0A");
    ck_assert_str_eq(sc_url_encode(A, ""), "");
}
END_TEST

START_TEST(status_text_names_known_codes)
{
    ck_assert_str_eq(sc_status_text(200), "OK");
    ck_assert_str_eq(sc_status_text(303), "See Other");
    ck_assert_str_eq(sc_status_text(404), "Not Found");
    ck_assert_str_eq(sc_status_text(413), "Payload Too Large");
    ck_assert_str_eq(sc_status_text(503), "Service Unavailable");
}
END_TEST

START_TEST(response_starts_with_status_line)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_write(&req, "hello", 5);
    const char *out = serialize(&req);
    ck_assert_msg(strncmp(out, "Status: 200 OK\r\n", 16) == 0, "got: %s", out);
    req.status = 404;
    out = serialize(&req);
    ck_assert_msg(strncmp(out, "Status: 404 Not Found\r\n", 23) == 0, "got: %s", out);
}
END_TEST

START_TEST(response_carries_security_headers)
{
    struct sc_req req;
    sc_req_init(&req, A);
    const char *h = head_of(serialize(&req));
    const char *csp = strstr(h, "\r\nContent-Security-Policy: ");
    ck_assert_ptr_nonnull(csp);
    const char *csp_end = strstr(csp + 2, "\r\n");
    char *csp_line = sc_strndup(A, csp, (size_t)(csp_end - csp));
    ck_assert_ptr_nonnull(strstr(csp_line, "frame-ancestors 'none'"));
    ck_assert_ptr_nonnull(strstr(csp_line, "default-src 'self'"));
    ck_assert_ptr_nonnull(strstr(csp_line, "object-src 'none'"));
    ck_assert_ptr_nonnull(strstr(h, "\r\nX-Content-Type-Options: nosniff\r\n"));
    ck_assert_ptr_nonnull(strstr(h, "\r\nReferrer-Policy: "));
    ck_assert_ptr_nonnull(strstr(h, "\r\nX-Frame-Options: DENY\r\n"));
    ck_assert_ptr_nonnull(strstr(h, "\r\nCache-Control: private, no-store\r\n"));
}
END_TEST

START_TEST(response_body_follows_blank_line_with_length)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_header(&req, "Content-Type", "text/html; charset=utf-8");
    sc_write(&req, "<p>你好</p>", strlen("<p>你好</p>"));
    const char *out = serialize(&req);
    const char *h = head_of(out);
    ck_assert_ptr_nonnull(strstr(h, "\r\nContent-Type: text/html; charset=utf-8\r\n"));
    ck_assert_ptr_nonnull(strstr(h, sc_printf(A, "\r\nContent-Length: %zu\r\n",
                                              strlen("<p>你好</p>"))));
    ck_assert_str_eq(strstr(out, "\r\n\r\n") + 4, "<p>你好</p>");
}
END_TEST

START_TEST(set_cookie_has_httponly_and_samesite_lax)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_cfg.cookie_secure = 0;
    sc_set_cookie(&req, "sc_sid", "tok", "/", -1);
    const char *h = head_of(serialize(&req));
    ck_assert_ptr_nonnull(strstr(h, "\r\nSet-Cookie: sc_sid=tok; Path=/; HttpOnly; SameSite=Lax\r\n"));
    ck_assert_ptr_null(strstr(h, "Secure"));
    ck_assert_ptr_null(strstr(h, "Max-Age"));
}
END_TEST

START_TEST(set_cookie_secure_only_when_configured_or_https)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_cfg.cookie_secure = 1;
    sc_set_cookie(&req, "sc_sid", "tok", "/", -1);
    ck_assert_ptr_nonnull(strstr(req.headers.data, "; HttpOnly; SameSite=Lax; Secure\r\n"));

    sc_cfg.cookie_secure = 0;
    sc_req_init(&req, A);
    req.https = true;
    sc_set_cookie(&req, "sc_sid", "tok", "/", -1);
    ck_assert_ptr_nonnull(strstr(req.headers.data, "; Secure"));

    sc_req_init(&req, A);
    sc_set_cookie(&req, "sc_sid", "tok", "/", -1);
    ck_assert_ptr_null(strstr(req.headers.data, "Secure"));
}
END_TEST

START_TEST(set_cookie_max_age_zero_deletes)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_set_cookie(&req, "sc_staff", "", "/admin/", 0);
    sc_set_cookie(&req, "keep", "v", "/", 3600);
    ck_assert_ptr_nonnull(
        strstr(req.headers.data, "Set-Cookie: sc_staff=; Path=/admin/; HttpOnly; SameSite=Lax; Max-Age=0\r\n"));
    ck_assert_ptr_nonnull(strstr(req.headers.data, "Set-Cookie: keep=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600\r\n"));
}
END_TEST

START_TEST(header_value_crlf_is_stripped)
{
    struct sc_req req;
    sc_req_init(&req, A);
    sc_header(&req, "Location", "/x\r\nSet-Cookie: evil=1\r\n\r\nsmuggled");
    sc_set_cookie(&req, "c", "v\r\nX-Injected: 1", "/", -1);
    sc_redirect(&req, "/y\nRefresh: 0");
    const char *out = serialize(&req);
    ck_assert_ptr_null(strstr(out, "\nSet-Cookie: evil"));
    ck_assert_ptr_null(strstr(out, "\nX-Injected"));
    ck_assert_ptr_null(strstr(out, "\nRefresh"));
    ck_assert_ptr_nonnull(strstr(out, "\r\nLocation: /xSet-Cookie: evil=1smuggled\r\n"));
    ck_assert_ptr_nonnull(strstr(out, "\r\nSet-Cookie: c=vX-Injected: 1; Path=/"));
    ck_assert_ptr_nonnull(strstr(out, "\r\nLocation: /yRefresh: 0\r\n"));
    ck_assert_int_eq(req.status, 303);
    /* The headers end exactly once, at the blank line. */
    ck_assert_str_eq(strstr(out, "\r\n\r\n"), "\r\n\r\n");
}
END_TEST

START_TEST(head_request_gets_no_body)
{
    struct sc_req req;
    sc_req_init(&req, A);
    req.head_only = true;
    sc_write(&req, "<html>page</html>", 17);
    const char *out = serialize(&req);
    ck_assert_ptr_null(strstr(out, "page"));
    ck_assert_ptr_nonnull(strstr(out, "\r\nContent-Length: 17\r\n"));
    size_t n = strlen(out);
    ck_assert_str_eq(out + n - 4, "\r\n\r\n");
}
END_TEST

START_TEST(redirect_without_body_has_location_and_no_body)
{
    struct sc_req req;
    sc_req_init(&req, A);
    ck_assert_int_eq(sc_redirect(&req, "/account"), 303);
    const char *out = serialize(&req);
    ck_assert(strncmp(out, "Status: 303 See Other\r\n", 23) == 0);
    ck_assert_ptr_nonnull(strstr(out, "\r\nLocation: /account\r\n"));
    ck_assert_str_eq(strstr(out, "\r\n\r\n"), "\r\n\r\n");
}
END_TEST

Suite *request_suite(void)
{
    Suite *s = suite_create("request");

    TCase *tc = tcase_create("urlencoded");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, urlencoded_plain_pairs_in_order);
    tcase_add_test(tc, urlencoded_plus_is_space);
    tcase_add_test(tc, urlencoded_percent_escapes_decode);
    tcase_add_test(tc, urlencoded_utf8_chinese_decodes);
    tcase_add_test(tc, urlencoded_empty_value_and_missing_equals);
    tcase_add_test(tc, urlencoded_semicolon_is_data_not_a_separator);
    tcase_add_test(tc, urlencoded_empty_input_gives_nothing);
    tcase_add_test(tc, urlencoded_repeated_name_keeps_first);
    tcase_add_test(tc, urlencoded_bad_hex_is_400);
    tcase_add_test(tc, urlencoded_truncated_percent_is_400);
    tcase_add_test(tc, urlencoded_nul_is_400);
    tcase_add_test(tc, urlencoded_respects_length_not_nul);
    suite_add_tcase(s, tc);

    tc = tcase_create("cookies");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, cookies_split_on_semicolons_and_spaces);
    tcase_add_test(tc, cookies_quotes_are_removed);
    tcase_add_test(tc, cookies_without_name_or_equals_are_skipped);
    tcase_add_test(tc, cookies_empty_or_null_header_gives_none);
    suite_add_tcase(s, tc);

    tc = tcase_create("multipart");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, multipart_two_fields_and_one_file);
    tcase_add_test(tc, multipart_quoted_boundary_and_default_file_type);
    tcase_add_test(tc, multipart_missing_boundary_is_400);
    tcase_add_test(tc, multipart_boundary_over_70_chars_is_400);
    tcase_add_test(tc, multipart_missing_closing_delimiter_is_400);
    tcase_add_test(tc, multipart_part_without_name_is_400);
    tcase_add_test(tc, multipart_filename_is_not_taken_as_name);
    tcase_add_test(tc, multipart_nul_in_text_field_is_400);
    tcase_add_test(tc, multipart_name_inside_quoted_filename_is_not_the_name);
    suite_add_tcase(s, tc);

    tc = tcase_create("request");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, request_splits_path_from_query);
    tcase_add_test(tc, request_query_from_uri_when_no_query_string);
    tcase_add_test(tc, request_defaults_without_variables);
    tcase_add_test(tc, request_head_and_https_are_noted);
    tcase_add_test(tc, request_bad_path_is_400);
    tcase_add_test(tc, request_malformed_query_is_400);
    tcase_add_test(tc, request_urlencoded_body_becomes_form);
    tcase_add_test(tc, request_multipart_body_becomes_form_and_uploads);
    tcase_add_test(tc, request_body_over_max_body_is_413);
    tcase_add_test(tc, request_declared_length_over_limit_is_413);
    tcase_add_test(tc, request_post_with_unknown_type_is_415);
    tcase_add_test(tc, request_malformed_form_body_is_400);
    tcase_add_test(tc, urlencoded_at_the_cap_keeps_every_pair_in_order);
    tcase_add_test(tc, urlencoded_over_the_cap_is_413);
    tcase_add_test(tc, urlencoded_dropped_pairs_count_towards_the_cap);
    tcase_add_test(tc, urlencoded_appends_after_an_existing_list);
    tcase_add_test(tc, multipart_over_the_cap_is_413);
    tcase_add_test(tc, request_megabyte_of_empty_pairs_is_413);
    tcase_add_test(tc, request_oversized_query_parameter_arrives_whole);
    suite_add_tcase(s, tc);

    tc = tcase_create("response");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, url_encode_escapes_reserved_and_utf8);
    tcase_add_test(tc, status_text_names_known_codes);
    tcase_add_test(tc, response_starts_with_status_line);
    tcase_add_test(tc, response_carries_security_headers);
    tcase_add_test(tc, response_body_follows_blank_line_with_length);
    tcase_add_test(tc, set_cookie_has_httponly_and_samesite_lax);
    tcase_add_test(tc, set_cookie_secure_only_when_configured_or_https);
    tcase_add_test(tc, set_cookie_max_age_zero_deletes);
    tcase_add_test(tc, header_value_crlf_is_stripped);
    tcase_add_test(tc, head_request_gets_no_body);
    tcase_add_test(tc, redirect_without_body_has_location_and_no_body);
    suite_add_tcase(s, tc);

    return s;
}
