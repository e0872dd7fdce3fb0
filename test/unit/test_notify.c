/* The notify worker's message building (cgi/notify/smtp.c): which
 * recipients it accepts, the sender setting, RFC 2047 headers that decode
 * back to the text and cannot be split into extra headers, and the whole
 * message. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../../cgi/notify/notify.h"
#include "tests.h"

static sc_arena *A;

static void setup(void)
{
    A = sc_arena_new();
}

static void teardown(void)
{
    sc_arena_free(A);
    A = NULL;
}

/* Decodes a header value made of "=?UTF-8?B?...?=" words separated by
 * folding whitespace; NULL if any piece is not such a word. */
static char *decode_words(const char *v)
{
    char *out = sc_alloc(A, strlen(v) + 1);
    size_t n = 0;
    const char *p = v;
    while (*p) {
        while (*p == '\r' || *p == '\n' || *p == ' ')
            p++;
        if (!*p)
            break;
        if (strncmp(p, "=?UTF-8?B?", 10) != 0)
            return NULL;
        p += 10;
        const char *end = strstr(p, "?=");
        if (!end)
            return NULL;
        size_t got = 0;
        if (sodium_base642bin((unsigned char *)out + n, strlen(v) - n, p,
                              (size_t)(end - p), NULL, &got, NULL,
                              sodium_base64_VARIANT_ORIGINAL) != 0)
            return NULL;
        n += got;
        p = end + 2;
    }
    out[n] = '\0';
    return out;
}

/* Longest line (without its CRLF) of a CRLF-separated text. */
static size_t longest_line(const char *s)
{
    size_t max = 0;
    for (const char *line = s; *line;) {
        const char *eol = strstr(line, "\r\n");
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        if (len > max)
            max = len;
        if (!eol)
            break;
        line = eol + 2;
    }
    return max;
}

START_TEST(valid_addresses)
{
    static const char *const good[] = {
        "zhang.san@example.com",         "a@b.cn",
        "user+bill@mail.example.com.cn", "o'brien@example.org",
        "x_y-z@sub-domain.example.com",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(notify_valid_address(good[i]), "rejected %s", good[i]);
}
END_TEST

START_TEST(invalid_addresses)
{
    static const char *const bad[] = {
        "",
        "victim@example.com\nBcc: evil@example.com",
        "victim@example.com\r\nRCPT TO:<evil@example.com>",
        "victim@example.com>",
        "<victim@example.com",
        "a b@example.com",
        "a@b@example.com",
        "noat.example.com",
        "@example.com",
        "a@localhost",
        "a@-example.com",
        "a@example-.com",
        "a@exa_mple.com",
        "a@example..com",
        ".a@example.com",
        "a.@example.com",
        "a..b@example.com",
        "\"quoted\"@example.com",
        "用户@example.com",
        "a@例子.中国",
        "a@example.com\t",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!notify_valid_address(bad[i]), "accepted \"%s\"", bad[i]);
    ck_assert(!notify_valid_address(NULL));
}
END_TEST

START_TEST(sender_parsing)
{
    struct notify_sender s;
    ck_assert_int_eq(notify_parse_sender(
                         "中国移动网上营业厅 <noreply@selfcare.example>", &s),
                     0);
    ck_assert_str_eq(s.name, "中国移动网上营业厅");
    ck_assert_str_eq(s.addr, "noreply@selfcare.example");
    ck_assert_int_eq(notify_parse_sender("\"Self, Care\" <a@b.cn>", &s), 0);
    ck_assert_str_eq(s.name, "Self, Care");
    ck_assert_int_eq(notify_parse_sender("a@b.cn", &s), 0);
    ck_assert_str_eq(s.name, "");
    ck_assert_str_eq(s.addr, "a@b.cn");
    ck_assert_int_eq(notify_parse_sender("Name <a@b.cn> trailing", &s), -1);
    ck_assert_int_eq(notify_parse_sender("Name <not an address>", &s), -1);
    ck_assert_int_eq(notify_parse_sender("Name <a@b.cn", &s), -1);
}
END_TEST

START_TEST(short_ascii_header_stays_plain)
{
    ck_assert_str_eq(notify_encode_header(A, "Your bill", 7), "Your bill");
    ck_assert_str_eq(notify_encode_header(A, "", 7), "");
}
END_TEST

START_TEST(chinese_header_round_trips_and_folds)
{
    const char *subject = "您的2026年10月话费账单（中国移动网上营业厅）——"
                          "这是一个很长的主题，用来检查折行和多字节字符";
    char *enc = notify_encode_header(A, subject, 7);
    char *line = sc_printf(A, "Subject: %s", enc);
    ck_assert_msg(longest_line(line) <= 76, "a line of %zu characters in %s",
                  longest_line(line), line);
    ck_assert_ptr_nonnull(strstr(enc, "\r\n ")); /* long enough to fold */
    char *dec = decode_words(enc);
    ck_assert_ptr_nonnull(dec);
    ck_assert_str_eq(dec, subject);
    /* Each word holds whole characters: every word alone is valid UTF-8. */
    for (const char *w = strstr(enc, "=?UTF-8?B?"); w;
         w = strstr(w + 1, "=?UTF-8?B?")) {
        const char *end = strstr(w, "?=");
        char *one = decode_words(sc_strndup(A, w, (size_t)(end + 2 - w)));
        ck_assert_ptr_nonnull(one);
        ck_assert_int_ge(sc_utf8_chars(one), 1);
    }
}
END_TEST

START_TEST(header_controls_cannot_start_a_header)
{
    static const char *const nasty[] = {
        "Bill\r\nBcc: evil@example.com",
        "Bill\nBcc: evil@example.com",
        "账单\r\nBcc: evil@example.com",
        "=?UTF-8?B?QmNj?=\r\n\r\nbody",
    };
    for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
        char *enc = notify_encode_header(A, nasty[i], 7);
        /* Any line break left is folding: CRLF and a space. */
        for (const char *p = enc; *p; p++) {
            if (*p == '\r')
                ck_assert_msg(p[1] == '\n' && p[2] == ' ', "break in %s", enc);
            if (*p == '\n')
                ck_assert_msg(p > enc && p[-1] == '\r', "bare LF in %s", enc);
        }
    }
}
END_TEST

START_TEST(controls_become_spaces)
{
    ck_assert_str_eq(notify_encode_header(A, "Bill\r\nBcc: e@x.cn", 7),
                     "Bill  Bcc: e@x.cn");
    ck_assert_str_eq(decode_words(notify_encode_header(A, "账单\nBcc: e", 7)),
                     "账单 Bcc: e");
}
END_TEST

START_TEST(whole_message)
{
    struct notify_sender from;
    ck_assert_int_eq(
        notify_parse_sender("中国移动网上营业厅 <noreply@selfcare.example>",
                            &from),
        0);
    struct notify_msg m = {
        .id = 42,
        .recipient = "zhang.san@example.com",
        .subject = "您的话费账单",
        .body = "尊敬的客户：\n合计 ¥128.50\r\n谢谢。",
        .created = 1700000000,
    };
    char *msg = notify_build_message(A, &from, &m, 1700000000);
    ck_assert_ptr_nonnull(strstr(msg, "Date: "));
    ck_assert_ptr_nonnull(strstr(msg, "\r\nFrom: =?UTF-8?B?"));
    ck_assert_ptr_nonnull(strstr(msg, "?= <noreply@selfcare.example>\r\n"));
    ck_assert_ptr_nonnull(strstr(msg, "\r\nTo: <zhang.san@example.com>\r\n"));
    ck_assert_ptr_nonnull(strstr(
        msg, "\r\nMessage-ID: <outbox.42.1700000000@selfcare.example>\r\n"));
    ck_assert_ptr_nonnull(strstr(msg, "\r\nMIME-Version: 1.0\r\n"));
    ck_assert_ptr_nonnull(
        strstr(msg, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    ck_assert_ptr_nonnull(
        strstr(msg, "\r\nContent-Transfer-Encoding: base64\r\n\r\n"));
    ck_assert_uint_le(longest_line(msg), 998);
    /* The body: base64 lines of at most 76, decoding to CRLF text. */
    const char *body = strstr(msg, "\r\n\r\n") + 4;
    ck_assert_uint_le(longest_line(body), 76);
    unsigned char dec[512];
    size_t got = 0;
    ck_assert_int_eq(sodium_base642bin(dec, sizeof dec - 1, body, strlen(body),
                                       "\r\n", &got, NULL,
                                       sodium_base64_VARIANT_ORIGINAL),
                     0);
    dec[got] = '\0';
    ck_assert_str_eq((char *)dec, "尊敬的客户：\r\n合计 ¥128.50\r\n谢谢。");
    /* No bare LF anywhere: every line ends in CRLF. */
    for (const char *p = msg; (p = strchr(p, '\n')); p++)
        ck_assert_int_eq(p[-1], '\r');
}
END_TEST

START_TEST(sms_form_is_urlencoded)
{
    struct notify_msg m = {.id = 7,
                           .recipient = "13800138000",
                           .body = "受理编号 T1&x=y 密码 a+b"};
    const char *f = notify_sms_form(A, &m);
    ck_assert_ptr_nonnull(strstr(f, "to=13800138000&text="));
    ck_assert_ptr_nonnull(strstr(f, "&id=outbox.7"));
    /* nothing from the body can add a field */
    ck_assert_ptr_null(strstr(f, "&x="));
    ck_assert_ptr_null(strchr(f, ' '));
    ck_assert_ptr_null(strstr(f, "a+b")); /* a literal + would be a space */
}
END_TEST

START_TEST(sms_gateway_answers)
{
    ck_assert_int_eq(notify_sms_outcome(0, 0), SMTP_UNREACHABLE);
    ck_assert_int_eq(notify_sms_outcome(1, 200), SMTP_SENT);
    ck_assert_int_eq(notify_sms_outcome(1, 204), SMTP_SENT);
    ck_assert_int_eq(notify_sms_outcome(1, 429), SMTP_TEMPORARY);
    ck_assert_int_eq(notify_sms_outcome(1, 408), SMTP_TEMPORARY);
    ck_assert_int_eq(notify_sms_outcome(1, 503), SMTP_TEMPORARY);
    ck_assert_int_eq(notify_sms_outcome(1, 400), SMTP_PERMANENT);
    ck_assert_int_eq(notify_sms_outcome(1, 404), SMTP_PERMANENT);
    ck_assert_int_eq(notify_sms_outcome(1, 301), SMTP_PERMANENT);
    ck_assert(notify_valid_msisdn("13800138000"));
    ck_assert(!notify_valid_msisdn("a@b.cn"));
    ck_assert(!notify_valid_msisdn("1380013800"));
    ck_assert(!notify_valid_msisdn(NULL));
}
END_TEST

Suite *notify_suite(void)
{
    Suite *s = suite_create("notify");
    TCase *tc = tcase_create("message");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, valid_addresses);
    tcase_add_test(tc, invalid_addresses);
    tcase_add_test(tc, sender_parsing);
    tcase_add_test(tc, short_ascii_header_stays_plain);
    tcase_add_test(tc, chinese_header_round_trips_and_folds);
    tcase_add_test(tc, header_controls_cannot_start_a_header);
    tcase_add_test(tc, controls_become_spaces);
    tcase_add_test(tc, whole_message);
    tcase_add_test(tc, sms_form_is_urlencoded);
    tcase_add_test(tc, sms_gateway_answers);
    suite_add_tcase(s, tc);
    return s;
}
