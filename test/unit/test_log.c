#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "tests.h"

START_TEST(escape_controls)
{
    char out[64];
    const char in[] = "a\nb\rc\td\\e\x1b[31m\x7f";
    size_t n = sc_log_escape(out, sizeof out, in, strlen(in));
    ck_assert_str_eq(out, "a\\nb\\rc\\td\\\\e\\x1b[31m\\x7f");
    ck_assert_uint_eq(n, strlen(out));
}
END_TEST

START_TEST(escape_keeps_utf8)
{
    char out[64];
    const char in[] = "投诉 D000001";
    sc_log_escape(out, sizeof out, in, strlen(in));
    ck_assert_str_eq(out, in);
}
END_TEST

START_TEST(escape_never_splits)
{
    char out[6];
    /* "ab" + "\n" needs 4 bytes escaped; only "ab\\n" fits with the NUL. */
    size_t n = sc_log_escape(out, sizeof out, "ab\n\ncd", 6);
    ck_assert_str_eq(out, "ab\\n");
    ck_assert_uint_eq(n, 4);
}
END_TEST

/* A forged line: the value of a field carries a newline and a fake entry.
 * What reaches the file is one line. */
START_TEST(line_cannot_be_forged)
{
    char path[] = "/tmp/sc-log-test.XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    int saved = dup(2);
    dup2(fd, 2);
    sc_log_init("unit", "info");
    sc_warn("tracking %s", "D1\n2026-01-01 00:00:00.000 portal[1] info: ok");
    dup2(saved, 2);
    close(saved);
    char buf[1024] = {0};
    ssize_t got = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    unlink(path);
    ck_assert_int_gt(got, 0);
    ck_assert_ptr_nonnull(strstr(buf, "tracking D1\\n2026-01-01"));
    ck_assert_ptr_eq(strchr(buf, '\n'), buf + got - 1);
}
END_TEST

Suite *log_suite(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("escape");
    tcase_add_test(tc, escape_controls);
    tcase_add_test(tc, escape_keeps_utf8);
    tcase_add_test(tc, escape_never_splits);
    tcase_add_test(tc, line_cannot_be_forged);
    suite_add_tcase(s, tc);
    return s;
}
