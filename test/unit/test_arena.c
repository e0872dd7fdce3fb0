/* The per-request arena and its growable buffer. */
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
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

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        if (c[i])
            return false;
    return true;
}

START_TEST(new_arena_is_empty)
{
    ck_assert_uint_eq(sc_arena_used(A), 0);
    sc_arena_free(NULL); /* harmless */
}
END_TEST

START_TEST(alloc_is_zeroed)
{
    for (size_t n = 1; n < 3000; n += 97) {
        unsigned char *p = sc_alloc(A, n);
        ck_assert_ptr_nonnull(p);
        ck_assert_msg(all_zero(p, n), "allocation of %zu not zeroed", n);
        memset(p, 0xa5, n); /* dirty it for the next round */
    }
}
END_TEST

START_TEST(alloc_is_aligned_for_any_type)
{
    for (size_t n = 0; n < 200; n++) {
        void *p = sc_alloc(A, n);
        ck_assert_msg((uintptr_t)p % alignof(max_align_t) == 0,
                      "sc_alloc(%zu) = %p misaligned", n, p);
    }
    long double *ld = sc_alloc(A, sizeof *ld);
    *ld = 1.5L;
    ck_assert(*ld == 1.5L);
}
END_TEST

START_TEST(allocations_do_not_overlap)
{
    enum { N = 500 };
    unsigned char *p[N];
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i % 37) + 1;
        p[i] = sc_alloc(A, n);
        memset(p[i], i & 0xff, n);
    }
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i % 37) + 1;
        for (size_t k = 0; k < n; k++)
            ck_assert_int_eq(p[i][k], i & 0xff);
    }
    /* Even zero bytes get a distinct, usable address. */
    void *z1 = sc_alloc(A, 0), *z2 = sc_alloc(A, 0);
    ck_assert_ptr_nonnull(z1);
    ck_assert_ptr_ne(z1, z2);
}
END_TEST

START_TEST(used_counts_allocations)
{
    sc_alloc(A, 1);
    ck_assert_uint_ge(sc_arena_used(A), 1);
    size_t before = sc_arena_used(A);
    sc_alloc(A, 1000);
    ck_assert_uint_ge(sc_arena_used(A), before + 1000);
}
END_TEST

START_TEST(strdup_and_strndup_copy_and_terminate)
{
    const char *src = "中国移动 10086";
    char *d = sc_strdup(A, src);
    ck_assert_ptr_ne(d, src);
    ck_assert_str_eq(d, src);
    ck_assert_ptr_null(sc_strdup(A, NULL));
    char *n = sc_strndup(A, "abcdef", 3);
    ck_assert_str_eq(n, "abc");
    ck_assert_str_eq(sc_strndup(A, "abc", 0), "");
    /* strndup copies bytes, NULs and all, and still terminates. */
    char *b = sc_strndup(A, "a\0b", 3);
    ck_assert_int_eq(memcmp(b, "a\0b\0", 4), 0);
}
END_TEST

START_TEST(printf_formats_into_arena)
{
    ck_assert_str_eq(sc_printf(A, "%s-%d-%05.1f", "号码", 42, 3.14159), "号码-42-003.1");
    ck_assert_str_eq(sc_printf(A, "%s", ""), "");
    /* Longer than a chunk. */
    char *big = sc_printf(A, "%*s|", 40000, "x");
    ck_assert_uint_eq(strlen(big), 40001);
    ck_assert_int_eq(big[39999], 'x');
    ck_assert_int_eq(big[40000], '|');
}
END_TEST

START_TEST(buf_grows_across_many_appends)
{
    sc_buf b;
    sc_buf_init(&b, A);
    ck_assert_uint_eq(b.len, 0);
    for (int i = 0; i < 10000; i++)
        sc_buf_add(&b, "abc", 3);
    ck_assert_uint_eq(b.len, 30000);
    ck_assert_uint_gt(b.cap, b.len);
    ck_assert_int_eq(b.data[b.len], '\0');
    ck_assert_uint_eq(strlen(b.data), 30000);
    for (size_t i = 0; i < b.len; i += 3)
        ck_assert_msg(memcmp(b.data + i, "abc", 3) == 0, "corrupt at %zu", i);
}
END_TEST

START_TEST(buf_puts_and_printf_append)
{
    sc_buf b;
    sc_buf_init(&b, A);
    sc_buf_puts(&b, "Status: ");
    sc_buf_printf(&b, "%d %s\r\n", 404, "Not Found");
    sc_buf_puts(&b, "");
    sc_buf_printf(&b, "%s", "");
    ck_assert_str_eq(b.data, "Status: 404 Not Found\r\n");
    ck_assert_uint_eq(b.len, strlen("Status: 404 Not Found\r\n"));
    /* One printf far larger than the current capacity. */
    sc_buf_printf(&b, "%0*d", 5000, 7);
    ck_assert_uint_eq(b.len, 23 + 5000);
    ck_assert_int_eq(b.data[b.len - 1], '7');
    ck_assert_int_eq(b.data[23], '0');
    ck_assert_int_eq(b.data[b.len], '\0');
}
END_TEST

START_TEST(buf_add_keeps_binary_data)
{
    sc_buf b;
    sc_buf_init(&b, A);
    sc_buf_add(&b, "a\0b", 3);
    sc_buf_add(&b, "\xff", 1);
    ck_assert_uint_eq(b.len, 4);
    ck_assert_int_eq(memcmp(b.data, "a\0b\xff\0", 5), 0);
}
END_TEST

START_TEST(reset_then_reuse_gives_clean_memory)
{
    unsigned char *p = sc_alloc(A, 4000);
    memset(p, 0xff, 4000);
    sc_arena_reset(A);
    ck_assert_uint_eq(sc_arena_used(A), 0);
    unsigned char *q = sc_alloc(A, 4000);
    /* The chunk is kept for the next request, and handed out zeroed. */
    ck_assert_ptr_eq(q, p);
    ck_assert(all_zero(q, 4000));
    /* Many request cycles on one arena. */
    for (int r = 0; r < 50; r++) {
        sc_arena_reset(A);
        sc_buf b;
        sc_buf_init(&b, A);
        for (int i = 0; i < 200; i++)
            sc_buf_printf(&b, "%d,", i);
        char *s = sc_printf(A, "request %d", r);
        ck_assert_str_eq(s, sc_printf(A, "request %d", r));
        ck_assert_str_eq(b.data + b.len - 4, "199,");
    }
}
END_TEST

START_TEST(large_allocation_above_chunk_size)
{
    enum { BIG = 1024 * 1024 };
    sc_alloc(A, 100); /* a chunk is already in use */
    unsigned char *p = sc_alloc(A, BIG);
    ck_assert_ptr_nonnull(p);
    ck_assert(all_zero(p, BIG));
    memset(p, 0x5a, BIG); /* all of it is writable (ASan would object) */
    unsigned char *after = sc_alloc(A, 16);
    ck_assert(after + 16 <= p || after >= p + BIG);
    ck_assert_uint_ge(sc_arena_used(A), BIG);
    sc_arena_reset(A);
    /* A huge chunk is not kept, and a medium one is reused zeroed. */
    unsigned char *m = sc_alloc(A, 40 * 1024);
    memset(m, 1, 40 * 1024);
    sc_arena_reset(A);
    unsigned char *m2 = sc_alloc(A, 40 * 1024);
    ck_assert(all_zero(m2, 40 * 1024));
    unsigned char *again = sc_alloc(A, BIG);
    ck_assert(all_zero(again, BIG));
}
END_TEST

/* "Aborts the process on exhaustion": a size so large that rounding it up
 * wraps around must not come back as a tiny block. Runs in a child so
 * the abort is observed whatever Check's fork mode. Fails against
 * lib/arena.c sc_alloc(), whose rounding (n + align - 1) overflows to 0 and
 * then becomes one 16-byte block. */
START_TEST(alloc_of_impossible_size_does_not_return)
{
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        int err = open("/dev/null", O_WRONLY);
        if (err >= 0)
            dup2(err, 2); /* the abort's own message is expected */
        sc_arena *a = sc_arena_new();
        void *p = sc_alloc(a, SIZE_MAX - 7);
        _exit(p ? 0 : 1); /* returning at all is the failure */
    }
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(!(WIFEXITED(status) && WEXITSTATUS(status) == 0),
                  "sc_alloc(SIZE_MAX - 7) returned a block instead of aborting");
}
END_TEST

Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, new_arena_is_empty);
    tcase_add_test(tc, alloc_is_zeroed);
    tcase_add_test(tc, alloc_is_aligned_for_any_type);
    tcase_add_test(tc, allocations_do_not_overlap);
    tcase_add_test(tc, used_counts_allocations);
    tcase_add_test(tc, strdup_and_strndup_copy_and_terminate);
    tcase_add_test(tc, printf_formats_into_arena);
    tcase_add_test(tc, reset_then_reuse_gives_clean_memory);
    tcase_add_test(tc, large_allocation_above_chunk_size);
    tcase_add_test(tc, alloc_of_impossible_size_does_not_return);
    suite_add_tcase(s, tc);

    tc = tcase_create("buf");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, buf_grows_across_many_appends);
    tcase_add_test(tc, buf_puts_and_printf_append);
    tcase_add_test(tc, buf_add_keeps_binary_data);
    suite_add_tcase(s, tc);
    return s;
}
