/* Field validators: what reaches a handler and what the user is told. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "csv.h"
#include "cursor.h"
#include "tests.h"
#include "validate.h"

START_TEST(msisdn_accepts_mainland_mobile_numbers)
{
    ck_assert(sc_valid_msisdn("13800138000"));
    ck_assert(sc_valid_msisdn("19912345678"));
    ck_assert(sc_valid_msisdn("15000000000"));
}
END_TEST

START_TEST(msisdn_rejects_wrong_shape)
{
    ck_assert(!sc_valid_msisdn(""));
    ck_assert(!sc_valid_msisdn("1380013800"));   /* 10 digits */
    ck_assert(!sc_valid_msisdn("138001380000")); /* 12 digits */
    ck_assert(!sc_valid_msisdn("12800138000"));  /* 12x is not mobile */
    ck_assert(!sc_valid_msisdn("10800138000"));
    ck_assert(!sc_valid_msisdn("23800138000"));
    ck_assert(!sc_valid_msisdn("1380013800a"));
    ck_assert(!sc_valid_msisdn("+8613800138"));
    ck_assert(!sc_valid_msisdn(" 13800138000"));
    ck_assert(!sc_valid_msisdn("1380013800\n"));
}
END_TEST

START_TEST(prefix7_is_first_seven_digits)
{
    ck_assert(sc_valid_prefix7("1380013"));
    ck_assert(sc_valid_prefix7("1990000"));
    ck_assert(!sc_valid_prefix7("138001"));
    ck_assert(!sc_valid_prefix7("13800138"));
    ck_assert(!sc_valid_prefix7("1200013"));
    ck_assert(!sc_valid_prefix7("138001x"));
    ck_assert(!sc_valid_prefix7(""));
}
END_TEST

START_TEST(yyyymmdd_accepts_real_dates)
{
    ck_assert(sc_valid_yyyymmdd("20260101"));
    ck_assert(sc_valid_yyyymmdd("20261231"));
    ck_assert(sc_valid_yyyymmdd("20260131"));
    ck_assert(sc_valid_yyyymmdd("20260430"));
    ck_assert(sc_valid_yyyymmdd("19900101"));
    ck_assert(sc_valid_yyyymmdd("29991231"));
}
END_TEST

START_TEST(yyyymmdd_leap_years)
{
    ck_assert(sc_valid_yyyymmdd("20240229"));  /* divisible by 4 */
    ck_assert(sc_valid_yyyymmdd("20000229"));  /* divisible by 400 */
    ck_assert(!sc_valid_yyyymmdd("20230229")); /* not a leap year */
    ck_assert(!sc_valid_yyyymmdd("21000229")); /* divisible by 100 only */
    ck_assert(!sc_valid_yyyymmdd("20240230"));
    ck_assert(!sc_valid_yyyymmdd("20260230"));
    ck_assert(sc_valid_yyyymmdd("20260228"));
}
END_TEST

START_TEST(yyyymmdd_rejects_impossible_or_out_of_range)
{
    ck_assert(!sc_valid_yyyymmdd("20260431")); /* April has 30 days */
    ck_assert(!sc_valid_yyyymmdd("20260132"));
    ck_assert(!sc_valid_yyyymmdd("20260100"));
    ck_assert(!sc_valid_yyyymmdd("20260001"));
    ck_assert(!sc_valid_yyyymmdd("20261301"));
    ck_assert(!sc_valid_yyyymmdd("19000101"));
    ck_assert(!sc_valid_yyyymmdd("19891231"));
    ck_assert(!sc_valid_yyyymmdd("30000101"));
    ck_assert(!sc_valid_yyyymmdd("2026-01-01"));
    ck_assert(!sc_valid_yyyymmdd("2026011"));
    ck_assert(!sc_valid_yyyymmdd("202601011"));
    ck_assert(!sc_valid_yyyymmdd("2026010a"));
    ck_assert(!sc_valid_yyyymmdd(""));
}
END_TEST

START_TEST(yyyymm_month_range)
{
    ck_assert(sc_valid_yyyymm("202601"));
    ck_assert(sc_valid_yyyymm("202612"));
    ck_assert(sc_valid_yyyymm("199001"));
    ck_assert(!sc_valid_yyyymm("202600"));
    ck_assert(!sc_valid_yyyymm("202613"));
    ck_assert(!sc_valid_yyyymm("198912"));
    ck_assert(!sc_valid_yyyymm("20261"));
    ck_assert(!sc_valid_yyyymm("2026011"));
    ck_assert(!sc_valid_yyyymm("2026-1"));
    ck_assert(!sc_valid_yyyymm(""));
}
END_TEST

START_TEST(email_accepts_ordinary_addresses)
{
    ck_assert(sc_valid_email("user@example.com"));
    ck_assert(sc_valid_email("zhang.san+bill@mail.10086.cn"));
    ck_assert(sc_valid_email("a_b-c@sub.domain.org"));
}
END_TEST

START_TEST(email_rejects_malformed_and_injection)
{
    ck_assert(!sc_valid_email(""));
    ck_assert(!sc_valid_email("user"));
    ck_assert(!sc_valid_email("@example.com"));
    ck_assert(!sc_valid_email("user@"));
    ck_assert(!sc_valid_email("user@localhost"));
    ck_assert(!sc_valid_email("user@@example.com"));
    ck_assert(!sc_valid_email("a@b@example.com"));
    ck_assert(!sc_valid_email("user@.example.com"));
    ck_assert(!sc_valid_email("user@example..com"));
    ck_assert(!sc_valid_email("user@example.com."));
    ck_assert(!sc_valid_email("user@example.c"));
    ck_assert(!sc_valid_email("us er@example.com"));
    ck_assert(!sc_valid_email("user@example.com\r\nBcc: x@evil.com"));
    ck_assert(!sc_valid_email("<user>@example.com"));
    ck_assert(!sc_valid_email("user,x@example.com"));
    ck_assert(!sc_valid_email("用户@example.com"));
    char local[80];
    memset(local, 'a', 65);
    strcpy(local + 65, "@example.com");
    ck_assert(!sc_valid_email(local)); /* local part over 64 */
    local[1] = '@';
    local[2] = '\0';
    ck_assert(!sc_valid_email(local));
}
END_TEST

START_TEST(digits_exact_count)
{
    ck_assert(sc_valid_digits("123456", 6));
    ck_assert(sc_valid_digits("000000", 6));
    ck_assert(!sc_valid_digits("12345", 6));
    ck_assert(!sc_valid_digits("1234567", 6));
    ck_assert(!sc_valid_digits("12345a", 6));
    ck_assert(!sc_valid_digits("-12345", 6));
    ck_assert(!sc_valid_digits("", 0));
    ck_assert(!sc_valid_digits("1", 0));
}
END_TEST

START_TEST(username_lowercase_3_to_32)
{
    ck_assert(sc_valid_username("abc"));
    ck_assert(sc_valid_username("zhang.san_01-x"));
    ck_assert(sc_valid_username("abcdefghijklmnopqrstuvwxyz012345"));   /* 32 */
    ck_assert(!sc_valid_username("abcdefghijklmnopqrstuvwxyz0123456")); /* 33 */
    ck_assert(!sc_valid_username("ab"));
    ck_assert(!sc_valid_username(""));
    ck_assert(!sc_valid_username("Admin"));
    ck_assert(!sc_valid_username("a b"));
    ck_assert(!sc_valid_username("a/b"));
    ck_assert(!sc_valid_username("张三丰"));
    ck_assert(!sc_valid_username("admin'--"));
}
END_TEST

START_TEST(localpath_stays_on_site)
{
    ck_assert(sc_valid_localpath("/"));
    ck_assert(sc_valid_localpath("/account"));
    ck_assert(sc_valid_localpath("/billing/detail?month=202601&page=2"));
    ck_assert(!sc_valid_localpath("//evil.com"));
    ck_assert(!sc_valid_localpath("//evil.com/account"));
    ck_assert(!sc_valid_localpath("/\\evil.com"));
    ck_assert(!sc_valid_localpath("/a\\b"));
    ck_assert(!sc_valid_localpath("http://evil.com/"));
    ck_assert(!sc_valid_localpath("https:evil.com"));
    ck_assert(!sc_valid_localpath("javascript:alert(1)"));
    ck_assert(!sc_valid_localpath("evil.com"));
    ck_assert(!sc_valid_localpath(""));
    ck_assert(!sc_valid_localpath("/a b"));
    ck_assert(!sc_valid_localpath("/a\tb"));
    ck_assert(!sc_valid_localpath("/a\r\nLocation: //evil.com"));
    ck_assert(!sc_valid_localpath("/\x7f"));
    char long_path[600];
    memset(long_path, 'a', 513);
    long_path[0] = '/';
    long_path[513] = '\0';
    ck_assert(!sc_valid_localpath(long_path));
    long_path[512] = '\0';
    ck_assert(sc_valid_localpath(long_path));
}
END_TEST

START_TEST(text_counts_characters_not_bytes)
{
    ck_assert_int_eq(sc_utf8_chars("中国移"), 3);
    ck_assert_int_eq(sc_utf8_chars(""), 0);
    ck_assert_int_eq(sc_utf8_chars("a中é😀"), 4);
    ck_assert(sc_valid_text("中国移", 3));
    ck_assert(!sc_valid_text("中国移", 2));
    ck_assert(sc_valid_text("😀😀", 2));
    ck_assert(!sc_valid_text("abcd", 3));
    ck_assert(sc_valid_text("", 0));
}
END_TEST

START_TEST(text_rejects_invalid_utf8)
{
    static const char *const bad[] = {
        "\xff",
        "\xfe",
        "\x80", /* lone continuation byte */
        "a\xbf",
        "\xe4\xb8", /* truncated three-byte sequence */
        "\xe4\xb8"
        "a",
        "\xc3",
        "\xf0\x9f\x98",         /* truncated four-byte sequence */
        "\xf8\x88\x80\x80\x80", /* five-byte form */
        "\xf4\x90\x80\x80",     /* past U+10FFFF */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(sc_utf8_chars(bad[i]) == -1, "case %zu counted", i);
        ck_assert_msg(!sc_valid_text(bad[i], 100), "case %zu accepted", i);
    }
}
END_TEST

START_TEST(text_rejects_overlong_encodings)
{
    ck_assert_int_eq(sc_utf8_chars("\xc0\xaf"), -1); /* '/' in two bytes */
    ck_assert_int_eq(sc_utf8_chars("\xc1\xbf"), -1);
    ck_assert_int_eq(sc_utf8_chars("\xe0\x80\xaf"), -1); /* '/' in three */
    ck_assert_int_eq(sc_utf8_chars("\xe0\x9f\xbf"), -1);
    ck_assert_int_eq(sc_utf8_chars("\xf0\x80\x80\xaf"), -1); /* '/' in four */
    ck_assert_int_eq(sc_utf8_chars("\xf0\x8f\xbf\xbf"), -1);
    ck_assert_int_eq(sc_utf8_chars("\xc0\x80"), -1); /* NUL in two */
    ck_assert(!sc_valid_text("\xc0\xbcscript\xc0\xbe", 100));
    /* The smallest proper forms are fine. */
    ck_assert_int_eq(sc_utf8_chars("\xc2\x80"), 1);
    ck_assert_int_eq(sc_utf8_chars("\xe0\xa0\x80"), 1);
    ck_assert_int_eq(sc_utf8_chars("\xf0\x90\x80\x80"), 1);
    ck_assert_int_eq(sc_utf8_chars("\xf4\x8f\xbf\xbf"), 1);
}
END_TEST

START_TEST(text_rejects_surrogates)
{
    ck_assert_int_eq(sc_utf8_chars("\xed\xa0\x80"), -1); /* U+D800 */
    ck_assert_int_eq(sc_utf8_chars("\xed\xbf\xbf"), -1); /* U+DFFF */
    ck_assert_int_eq(sc_utf8_chars("\xed\xa0\xbd\xed\xb8\x80"),
                     -1); /* CESU pair */
    ck_assert(!sc_valid_text("\xed\xb2\x80", 10));
    ck_assert_int_eq(sc_utf8_chars("\xed\x9f\xbf"), 1); /* U+D7FF */
    ck_assert_int_eq(sc_utf8_chars("\xee\x80\x80"), 1); /* U+E000 */
}
END_TEST

START_TEST(text_rejects_control_characters)
{
    ck_assert(!sc_valid_text("a\x01"
                             "b",
                             10));
    ck_assert(!sc_valid_text("\x1b[31m", 10));
    ck_assert(!sc_valid_text("a\x7f", 10));
    ck_assert(!sc_valid_text("\x08", 10));
    ck_assert(!sc_valid_text("\x1f", 10));
}
END_TEST

/* U+0080..U+009F are control characters too (C1, category Cc): U+009B is
 * a terminal CSI, U+0085 a line break. Fails against lib/validate.c
 * sc_valid_text(), which only checks bytes below 0x20 and 0x7f. */
START_TEST(text_rejects_c1_control_characters)
{
    ck_assert(!sc_valid_text("a\xc2\x85"
                             "b",
                             10)); /* U+0085 NEL */
    ck_assert(!sc_valid_text("\xc2\x9b"
                             "31m",
                             10));             /* U+009B CSI */
    ck_assert(!sc_valid_text("\xc2\x80", 10)); /* U+0080 */
    ck_assert(!sc_valid_text("\xc2\x9f", 10)); /* U+009F */
    ck_assert(sc_valid_text("\xc2\xa0", 10));  /* U+00A0 is printable */
}
END_TEST

START_TEST(text_allows_newline_and_tab)
{
    ck_assert(sc_valid_text("第一行\n第二行", 20));
    ck_assert(sc_valid_text("line\r\nline", 20));
    ck_assert(sc_valid_text("a\tb", 3));
    /* Line breaks count as characters too. */
    ck_assert(!sc_valid_text("中\n国", 2));
}
END_TEST

static const struct sc_field F_MSISDN = {"msisdn", "手机号码", SC_MSISDN,
                                         0,        0,          NULL};

START_TEST(field_valid_returns_true_for_good_values)
{
    char why[256];
    ck_assert(sc_field_valid(&F_MSISDN, "13800138000", why, sizeof why));
    const struct sc_field date = {"from", "起始日期", SC_YYYYMMDD, 0, 0, NULL};
    ck_assert(sc_field_valid(&date, "20240229", why, sizeof why));
    const struct sc_field text = {"content", "投诉内容", SC_TEXT, 3, 0, NULL};
    ck_assert(sc_field_valid(&text, "太慢了", why, sizeof why));
    const struct sc_field pin = {"card_pin", "充值密码", SC_DIGITS, 6, 0, NULL};
    ck_assert(sc_field_valid(&pin, "012345", why, sizeof why));
    const struct sc_field page = {"page", "页码", SC_UINT, 1000, 0, NULL};
    ck_assert(sc_field_valid(&page, "1000", why, sizeof why));
    const struct sc_field pw = {"password", "服务密码", SC_PASSWORD,
                                64,         0,          NULL};
    ck_assert(sc_field_valid(&pw, "p@ss word 密码", why, sizeof why));
}
END_TEST

START_TEST(field_messages_name_the_label)
{
    static const char *const colours[] = {"red", "green", NULL};
    const struct sc_field fields[] = {
        {"msisdn", "手机号码", SC_MSISDN, 0, 0, NULL},
        {"prefix", "号码前7位", SC_PREFIX7, 0, 0, NULL},
        {"from", "起始日期", SC_YYYYMMDD, 0, 0, NULL},
        {"month", "账单月份", SC_YYYYMM, 0, 0, NULL},
        {"email", "电子邮件", SC_EMAIL, 0, 0, NULL},
        {"card_pin", "充值密码", SC_DIGITS, 6, 0, NULL},
        {"content", "投诉内容", SC_TEXT, 2, 0, NULL},
        {"password", "服务密码", SC_PASSWORD, 8, 0, NULL},
        {"page", "页码", SC_UINT, 10, 0, NULL},
        {"username", "用户名", SC_USERNAME, 0, 0, NULL},
        {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
        {"colour", "颜色", SC_CHOICE, 0, 0, colours},
    };
    const char *bad = "//bad\x01value that fits nothing 123456789";
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        char why[256] = "";
        ck_assert_msg(!sc_field_valid(&fields[i], bad, why, sizeof why),
                      "%s accepted a bad value", fields[i].name);
        char quoted[64];
        snprintf(quoted, sizeof quoted, "「%s」", fields[i].label);
        ck_assert_msg(strstr(why, quoted) != NULL, "%s: message '%s' lacks %s",
                      fields[i].name, why, quoted);
    }
}
END_TEST

START_TEST(field_text_message_states_the_limit)
{
    char why[256];
    const struct sc_field text = {"content", "投诉内容", SC_TEXT, 2, 0, NULL};
    ck_assert(!sc_field_valid(&text, "太慢了", why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "投诉内容"));
    ck_assert_ptr_nonnull(strstr(why, "2"));
    const struct sc_field pin = {"card_pin", "充值密码", SC_DIGITS, 6, 0, NULL};
    ck_assert(!sc_field_valid(&pin, "12345", why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "6位数字"));
}
END_TEST

START_TEST(field_choice_accepts_only_listed_values)
{
    static const char *const kinds[] = {"complaint", "suggestion", NULL};
    const struct sc_field f = {"kind", "类型", SC_CHOICE, 0, 0, kinds};
    char why[256];
    ck_assert(sc_field_valid(&f, "complaint", why, sizeof why));
    ck_assert(sc_field_valid(&f, "suggestion", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "Complaint", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "complaint ", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "other", why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "「类型」"));
    const struct sc_field none = {"kind", "类型", SC_CHOICE, 0, 0, NULL};
    ck_assert(!sc_field_valid(&none, "complaint", why, sizeof why));
}
END_TEST

START_TEST(field_uint_bounds)
{
    const struct sc_field f = {"page", "页码", SC_UINT, 500, 0, NULL};
    char why[256];
    ck_assert(sc_field_valid(&f, "0", why, sizeof why));
    ck_assert(sc_field_valid(&f, "500", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "501", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "-1", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "1e3", why, sizeof why));
    ck_assert(!sc_field_valid(&f, " 1", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "9999999999", why, sizeof why));
}
END_TEST

START_TEST(field_password_rules)
{
    const struct sc_field f = {"password", "服务密码", SC_PASSWORD, 8, 0, NULL};
    char why[256];
    ck_assert(sc_field_valid(&f, "12345678", why, sizeof why));
    ck_assert(
        !sc_field_valid(&f, "123456789", why, sizeof why)); /* bytes over arg */
    ck_assert(!sc_field_valid(&f, "", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "12\n34", why, sizeof why));
    ck_assert(!sc_field_valid(&f, "12\x7f", why, sizeof why));
    /* The message never repeats the password. */
    ck_assert(!sc_field_valid(&f, "secret\x01", why, sizeof why));
    ck_assert_ptr_null(strstr(why, "secret"));
}
END_TEST

START_TEST(cursor_round_trip)
{
    sc_arena *a = sc_arena_new();
    const char *c = sc_cursor_make(a, "2026-11-25 12:41:05", "987");
    ck_assert_str_eq(c, "20261125124105-987");
    const char *t = NULL;
    unsigned long long id = 0;
    ck_assert(sc_cursor_parse(a, c, &t, &id));
    ck_assert_str_eq(t, "2026-11-25 12:41:05");
    ck_assert_uint_eq(id, 987);
    sc_arena_free(a);
}
END_TEST

START_TEST(cursor_rejects_what_is_not_a_time_and_id)
{
    sc_arena *a = sc_arena_new();
    const char *t = NULL;
    unsigned long long id = 0;
    ck_assert(!sc_cursor_parse(a, NULL, &t, &id));
    ck_assert(!sc_cursor_parse(a, "", &t, &id));
    ck_assert(!sc_cursor_parse(a, "20261125124105", &t, &id));  /* no id */
    ck_assert(!sc_cursor_parse(a, "20261125124105-", &t, &id)); /* empty id */
    ck_assert(!sc_cursor_parse(a, "20261125124105_1", &t, &id));
    ck_assert(!sc_cursor_parse(a, "20261325124105-1", &t, &id)); /* month 13 */
    ck_assert(!sc_cursor_parse(a, "20261125244105-1", &t, &id)); /* hour 24 */
    ck_assert(!sc_cursor_parse(a, "20261125124160-1", &t, &id)); /* second 60 */
    ck_assert(!sc_cursor_parse(a, "20261125124105-1x", &t, &id));
    ck_assert(!sc_cursor_parse(a, "20261125124105--1", &t, &id));
    ck_assert(!sc_cursor_parse(a, "20261125124105-99999999999999999999", &t,
                               &id)); /* past INT64_MAX */
    ck_assert(t == NULL);
    sc_arena_free(a);
}
END_TEST

START_TEST(csv_cells_quote_and_defuse_formulas)
{
    sc_arena *a = sc_arena_new();
    sc_buf b;
    sc_buf_init(&b, a);
    sc_csv_cell(&b, "plain", false);
    sc_csv_cell(&b, "a,b", false);
    sc_csv_cell(&b, "say \"hi\"", false);
    sc_csv_cell(&b, "=SUM(A1)", false);
    sc_csv_cell(&b, "-1.50", false);
    sc_csv_cell(&b, "-1+1", false);
    sc_csv_cell(&b, NULL, true);
    sc_buf_add(&b, "", 1);
    ck_assert_str_eq(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=SUM(A1)\","
                             "-1.50,\"'-1+1\",\r\n");
    sc_arena_free(a);
}
END_TEST

Suite *validate_suite(void)
{
    Suite *s = suite_create("validate");

    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, msisdn_accepts_mainland_mobile_numbers);
    tcase_add_test(tc, msisdn_rejects_wrong_shape);
    tcase_add_test(tc, prefix7_is_first_seven_digits);
    tcase_add_test(tc, yyyymmdd_accepts_real_dates);
    tcase_add_test(tc, yyyymmdd_leap_years);
    tcase_add_test(tc, yyyymmdd_rejects_impossible_or_out_of_range);
    tcase_add_test(tc, yyyymm_month_range);
    tcase_add_test(tc, email_accepts_ordinary_addresses);
    tcase_add_test(tc, email_rejects_malformed_and_injection);
    tcase_add_test(tc, digits_exact_count);
    tcase_add_test(tc, username_lowercase_3_to_32);
    tcase_add_test(tc, localpath_stays_on_site);
    tcase_add_test(tc, cursor_round_trip);
    tcase_add_test(tc, cursor_rejects_what_is_not_a_time_and_id);
    tcase_add_test(tc, csv_cells_quote_and_defuse_formulas);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_test(tc, text_counts_characters_not_bytes);
    tcase_add_test(tc, text_rejects_invalid_utf8);
    tcase_add_test(tc, text_rejects_overlong_encodings);
    tcase_add_test(tc, text_rejects_surrogates);
    tcase_add_test(tc, text_rejects_control_characters);
    tcase_add_test(tc, text_allows_newline_and_tab);
    tcase_add_test(tc, text_rejects_c1_control_characters);
    suite_add_tcase(s, tc);

    tc = tcase_create("fields");
    tcase_add_test(tc, field_valid_returns_true_for_good_values);
    tcase_add_test(tc, field_messages_name_the_label);
    tcase_add_test(tc, field_text_message_states_the_limit);
    tcase_add_test(tc, field_choice_accepts_only_listed_values);
    tcase_add_test(tc, field_uint_bounds);
    tcase_add_test(tc, field_password_rules);
    suite_add_tcase(s, tc);

    return s;
}
