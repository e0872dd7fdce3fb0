/* Password hashes (argon2id) and the lockout rule. Each hash costs tens of
 * milliseconds, so the hashing tests share one hash per test. */
#include <string.h>

#include "password.h"
#include "tests.h"

START_TEST(hash_is_argon2id_with_configured_costs)
{
    char hash[SC_PWHASH_LEN];
    ck_assert_int_eq(sc_password_hash("服务密码123", hash), 0);
    ck_assert_msg(strncmp(hash, "$argon2id$", 10) == 0, "hash: %s", hash);
    ck_assert_msg(strstr(hash, "m=19456,") != NULL, "memory cost: %s", hash);
    ck_assert_msg(strstr(hash, "t=2,") != NULL, "time cost: %s", hash);
    ck_assert_uint_lt(strlen(hash), SC_PWHASH_LEN);
    /* The password itself never shows in what is stored. */
    ck_assert_ptr_null(strstr(hash, "服务密码123"));

    ck_assert(sc_password_verify(hash, "服务密码123"));
    ck_assert(!sc_password_verify(hash, "服务密码124"));
    ck_assert(!sc_password_verify(hash, ""));
}
END_TEST

START_TEST(same_password_hashes_differently)
{
    char a[SC_PWHASH_LEN], b[SC_PWHASH_LEN];
    ck_assert_int_eq(sc_password_hash("123456", a), 0);
    ck_assert_int_eq(sc_password_hash("123456", b), 0);
    ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(verify_without_hash_is_false)
{
    ck_assert(!sc_password_verify(NULL, "selfcare-dummy"));
    ck_assert(!sc_password_verify("", "anything"));
    /* A stored value that is not a hash never matches. */
    ck_assert(!sc_password_verify("123456", "123456"));
}
END_TEST

enum { NOW = 1767225600, WINDOW = 15 * 60, MINUTES = 30, THRESHOLD = 5 };

START_TEST(lockout_below_threshold_is_zero)
{
    const long long f[] = {NOW - 1, NOW - 2, NOW - 3, NOW - 4};
    ck_assert_int_eq(sc_lockout_until(f, 4, NOW, THRESHOLD, WINDOW, MINUTES), 0);
    ck_assert_int_eq(sc_lockout_until(NULL, 0, NOW, THRESHOLD, WINDOW, MINUTES), 0);
}
END_TEST

START_TEST(lockout_at_threshold_locks_from_newest_failure)
{
    const long long f[] = {NOW - 10, NOW - 20, NOW - 30, NOW - 40, NOW - 50};
    ck_assert_int_eq(sc_lockout_until(f, 5, NOW, THRESHOLD, WINDOW, MINUTES),
                     NOW - 10 + MINUTES * 60);
    /* More than the threshold counts the same way. */
    const long long g[] = {NOW, NOW - 1, NOW - 2, NOW - 3, NOW - 4, NOW - 5};
    ck_assert_int_eq(sc_lockout_until(g, 6, NOW, THRESHOLD, WINDOW, MINUTES),
                     NOW + MINUTES * 60);
    /* The newest is found whatever the order. */
    const long long h[] = {NOW - 50, NOW - 7, NOW - 30, NOW - 40, NOW - 20};
    ck_assert_int_eq(sc_lockout_until(h, 5, NOW, THRESHOLD, WINDOW, MINUTES),
                     NOW - 7 + MINUTES * 60);
}
END_TEST

START_TEST(lockout_ignores_failures_outside_window)
{
    /* Two of five are older than the window: only three count. */
    const long long f[] = {NOW - 10, NOW - 20, NOW - 30, NOW - WINDOW - 1,
                           NOW - WINDOW - 100};
    ck_assert_int_eq(sc_lockout_until(f, 5, NOW, THRESHOLD, WINDOW, MINUTES), 0);
    /* Exactly one window ago is outside too. */
    const long long g[] = {NOW - 10, NOW - 20, NOW - 30, NOW - 40, NOW - WINDOW};
    ck_assert_int_eq(sc_lockout_until(g, 5, NOW, THRESHOLD, WINDOW, MINUTES), 0);
    /* Failures "in the future" (clock skew) do not count. */
    const long long h[] = {NOW + 100, NOW - 20, NOW - 30, NOW - 40, NOW - 50};
    ck_assert_int_eq(sc_lockout_until(h, 5, NOW, THRESHOLD, WINDOW, MINUTES), 0);
}
END_TEST

START_TEST(lockout_already_expired_is_zero)
{
    /* Five failures inside a 2-hour window, but a 1-minute lock ran out. */
    const long long f[] = {NOW - 100, NOW - 110, NOW - 120, NOW - 130, NOW - 140};
    ck_assert_int_eq(sc_lockout_until(f, 5, NOW, THRESHOLD, 7200, 1), 0);
    /* Ending exactly now is over as well. */
    const long long g[] = {NOW - 60, NOW - 61, NOW - 62, NOW - 63, NOW - 64};
    ck_assert_int_eq(sc_lockout_until(g, 5, NOW, THRESHOLD, 7200, 1), 0);
    ck_assert_int_eq(sc_lockout_until(g, 5, NOW - 1, THRESHOLD, 7200, 1), NOW);
}
END_TEST

START_TEST(lockout_without_threshold_never_locks)
{
    const long long f[] = {NOW - 1, NOW - 2, NOW - 3, NOW - 4, NOW - 5};
    ck_assert_int_eq(sc_lockout_until(f, 5, NOW, 0, WINDOW, MINUTES), 0);
    ck_assert_int_eq(sc_lockout_until(f, 5, NOW, -1, WINDOW, MINUTES), 0);
}
END_TEST

Suite *password_suite(void)
{
    Suite *s = suite_create("password");

    TCase *tc = tcase_create("hash");
    tcase_set_timeout(tc, 30); /* argon2 under the sanitizers */
    tcase_add_test(tc, hash_is_argon2id_with_configured_costs);
    tcase_add_test(tc, same_password_hashes_differently);
    tcase_add_test(tc, verify_without_hash_is_false);
    suite_add_tcase(s, tc);

    tc = tcase_create("lockout");
    tcase_add_test(tc, lockout_below_threshold_is_zero);
    tcase_add_test(tc, lockout_at_threshold_locks_from_newest_failure);
    tcase_add_test(tc, lockout_ignores_failures_outside_window);
    tcase_add_test(tc, lockout_already_expired_is_zero);
    tcase_add_test(tc, lockout_without_threshold_never_locks);
    suite_add_tcase(s, tc);

    return s;
}
