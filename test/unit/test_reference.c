/* The availability rule and the money formats: pure functions that every
 * routed page relies on. */
#include <stdlib.h>

#include "arena.h"
#include "money.h"
#include "reference.h"
#include "tests.h"

START_TEST(gotone_always_has_the_service)
{
    ck_assert(sc_availability_rule("gotone", -1, 0));
    ck_assert(sc_availability_rule("gotone", 0, 0)); /* even if a row says no */
}
END_TEST

START_TEST(other_brands_follow_the_province_then_the_default)
{
    ck_assert(!sc_availability_rule("easyown", 0, 1));
    ck_assert(sc_availability_rule("easyown", 1, 0));
    ck_assert(sc_availability_rule("mzone", -1, 1));
    ck_assert(!sc_availability_rule("mzone", -1, 0));
    ck_assert(!sc_availability_rule(NULL, -1, 0));
}
END_TEST

START_TEST(yuan_from_fen_keeps_sign_and_two_decimals)
{
    sc_arena *a = sc_arena_new();
    ck_assert_str_eq(sc_yuan(a, 12850), "¥128.50");
    ck_assert_str_eq(sc_yuan(a, 5), "¥0.05");
    ck_assert_str_eq(sc_yuan(a, -50), "-¥0.50");
    ck_assert_str_eq(sc_yuan(a, 0), "¥0.00");
    ck_assert_str_eq(sc_yuan_plain(a, -123456), "-1234.56");
    sc_arena_free(a);
}
END_TEST

START_TEST(durations_and_volumes_read_naturally)
{
    sc_arena *a = sc_arena_new();
    ck_assert_str_eq(sc_duration(a, 45), "45秒");
    ck_assert_str_eq(sc_duration(a, 83), "1分23秒");
    ck_assert_str_eq(sc_duration(a, 3723), "1小时02分03秒");
    ck_assert_str_eq(sc_volume(a, 512), "512KB");
    ck_assert_str_eq(sc_volume(a, 1280), "1.25MB");
    ck_assert_str_eq(sc_volume(a, 2 * 1024 * 1024), "2.00GB");
    sc_arena_free(a);
}
END_TEST

Suite *reference_suite(void)
{
    Suite *s = suite_create("reference");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, gotone_always_has_the_service);
    tcase_add_test(tc, other_brands_follow_the_province_then_the_default);
    tcase_add_test(tc, yuan_from_fen_keeps_sign_and_two_decimals);
    tcase_add_test(tc, durations_and_volumes_read_naturally);
    suite_add_tcase(s, tc);
    return s;
}
