/* The complaint classifier: categories, learning (texts and TSV files, the
 * held-out rule), and answers on the labelled set shipped in data/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "classify.h"
#include "tests.h"

#define LABELLED SC_SOURCE_DIR "/data/complaints/labelled.tsv"

static sc_classifier *M;
/* The last temporary file, removed by teardown even when a check fails. */
static char temp_path[64];

static void setup(void)
{
    M = sc_classifier_new();
    ck_assert_ptr_nonnull(M);
}

static void teardown(void)
{
    sc_classifier_free(M);
    M = NULL;
    if (temp_path[0])
        unlink(temp_path);
    temp_path[0] = '\0';
}

/* Writes text to a fresh temporary file (replacing the previous one). */
static char *temp_tsv(const char *text)
{
    if (temp_path[0])
        unlink(temp_path);
    char *path = temp_path;
    strcpy(path, "/tmp/sc-classify-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    size_t n = strlen(text);
    ck_assert_int_eq(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

START_TEST(codes_and_labels_round_trip)
{
    static const char *const codes[] = {"network", "service", "billing",
                                        "product"};
    static const char *const labels[] = {"网络质量", "服务质量", "计费",
                                         "业务"};
    for (int c = 0; c < SC_CAT_COUNT; c++) {
        ck_assert_str_eq(sc_category_code(c), codes[c]);
        ck_assert_str_eq(sc_category_label(c), labels[c]);
        ck_assert_int_eq(sc_category_from_code(sc_category_code(c)), c);
    }
    ck_assert_int_eq(sc_category_from_code("Network"), -1);
    ck_assert_int_eq(sc_category_from_code("netw"), -1);
    ck_assert_int_eq(sc_category_from_code(""), -1);
    ck_assert_int_eq(sc_category_from_code(NULL), -1);
    ck_assert_ptr_null(sc_category_code(SC_CAT_COUNT));
    ck_assert_ptr_null(sc_category_label((enum sc_category) - 1));
}
END_TEST

START_TEST(empty_model_answers_service_with_no_confidence)
{
    double conf = 0.5;
    ck_assert_int_eq(sc_classifier_examples(M), 0);
    ck_assert_int_eq(sc_classify(M, "手机没有信号，电话打不通", &conf),
                     SC_CAT_SERVICE);
    ck_assert_double_eq(conf, 0.0);
    ck_assert_int_eq(sc_classify(M, "", NULL), SC_CAT_SERVICE);
}
END_TEST

START_TEST(text_with_nothing_known_answers_like_empty_model)
{
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_BILLING, "多扣话费"), 0);
    double conf = 0.5;
    ck_assert_int_eq(sc_classify(M, "，。！？ ...", &conf), SC_CAT_SERVICE);
    ck_assert_double_eq(conf, 0.0);
    conf = 0.5;
    ck_assert_int_eq(sc_classify(M, "多", &conf), SC_CAT_BILLING);
    ck_assert_double_gt(conf, 0.25);
}
END_TEST

static int count_example(void *ctx, int index, enum sc_category c,
                         const char *text)
{
    (void)index;
    ck_assert(text[0]);
    ((int *)ctx)[c]++;
    return 0;
}

START_TEST(shipped_file_has_enough_of_every_category)
{
    int per[SC_CAT_COUNT] = {0};
    int n = sc_classifier_tsv_each(LABELLED, count_example, per);
    ck_assert_int_ge(n, 400);
    for (int c = 0; c < SC_CAT_COUNT; c++)
        ck_assert_msg(per[c] >= 100, "%s has %d examples", sc_category_code(c),
                      per[c]);
    ck_assert_int_eq(sc_classifier_learn_tsv(M, LABELLED, 0), n);
    ck_assert_int_eq(sc_classifier_examples(M), n);
}
END_TEST

START_TEST(unmistakable_cases_after_learning_the_shipped_file)
{
    static const struct {
        enum sc_category want;
        const char *text;
    } cases[] = {
        {SC_CAT_NETWORK, "我家附近的基站信号太弱，手机经常没有信号"},
        {SC_CAT_NETWORK, "５Ｇ网速很慢，视频一直卡"},
        {SC_CAT_SERVICE, "营业厅的工作人员态度很差，排队等了很久"},
        {SC_CAT_SERVICE, "打客服热线半小时没人接，也没人回电"},
        {SC_CAT_BILLING, "这个月话费被多扣了三十元，要求退费"},
        {SC_CAT_BILLING, "账单里有一笔不认识的扣费，要求退还"},
        {SC_CAT_PRODUCT, "请问怎么办理携号转网，积分能不能兑换"},
        {SC_CAT_PRODUCT, "想退订彩铃业务，发短信指令没用"},
    };
    ck_assert_int_ge(sc_classifier_learn_tsv(M, LABELLED, 0), 400);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double conf = 0;
        enum sc_category got = sc_classify(M, cases[i].text, &conf);
        ck_assert_msg(got == cases[i].want, "%s: %s, want %s", cases[i].text,
                      sc_category_code(got), sc_category_code(cases[i].want));
        ck_assert_msg(conf > 0.6 && conf <= 1.0, "%s: confidence %f",
                      cases[i].text, conf);
    }
}
END_TEST

START_TEST(corrections_change_the_answer_for_a_new_text)
{
    const char *text = "光猫老是闪红灯";
    ck_assert_int_ge(sc_classifier_learn_tsv(M, LABELLED, 0), 400);
    enum sc_category before = sc_classify(M, text, NULL);
    ck_assert_int_ne(before, SC_CAT_SERVICE);
    /* Staff correct similar complaints, never this exact text. */
    ck_assert_int_eq(
        sc_classifier_learn(M, SC_CAT_SERVICE, "光猫闪红灯，报修三天没人上门"),
        0);
    ck_assert_int_eq(
        sc_classifier_learn(M, SC_CAT_SERVICE, "光猫红灯报修后师傅一直不来"),
        0);
    ck_assert_int_eq(
        sc_classifier_learn(M, SC_CAT_SERVICE, "家里光猫闪灯，约了维修没人管"),
        0);
    double conf;
    ck_assert_int_eq(sc_classify(M, text, &conf), SC_CAT_SERVICE);
    ck_assert_double_gt(conf, 0.5);
}
END_TEST

START_TEST(bad_utf8_is_rejected_when_learning)
{
    static const char *const bad[] = {
        "信号\xff差",        /* never valid */
        "\xc0\xaf",          /* overlong '/' */
        "\xe0\x80\xaf",      /* overlong, 3 bytes */
        "\xed\xa0\x80",      /* UTF-16 surrogate */
        "\xf4\x90\x80\x80",  /* past U+10FFFF */
        "信号\xe5\xb7",      /* truncated at the end */
        "\xe5\xb7信号",      /* truncated before another character */
        "\x80 continuation", /* stray continuation byte */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(sc_classifier_learn(M, SC_CAT_NETWORK, bad[i]) == -1,
                      "bad text %zu learned", i);
    ck_assert_int_eq(sc_classifier_examples(M), 0);
    ck_assert_uint_eq(sc_classifier_features(M), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_COUNT, "信号"), -1);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, NULL), -1);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "𠀀信号"), 0);
    ck_assert_int_eq(sc_classifier_examples(M), 1);
}
END_TEST

START_TEST(invalid_bytes_separate_when_classifying)
{
    /* The categories differ only by the order of the pair, so the bigram
     * is all that tells them apart. */
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "甲乙"), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_BILLING, "乙甲"), 0);
    ck_assert_uint_eq(sc_classifier_features(M), 4);
    double joined, split, spaced, truncated, alone;
    ck_assert_int_eq(sc_classify(M, "甲乙", &joined), SC_CAT_NETWORK);
    ck_assert_int_eq(sc_classify(M, "乙甲", NULL), SC_CAT_BILLING);
    /* An invalid byte, like a space, breaks the pair: the two categories
     * tie on the unigrams, and the confidence drops. */
    sc_classify(M, "甲\xff乙", &split);
    sc_classify(M, "甲 乙", &spaced);
    ck_assert_double_eq_tol(split, spaced, 1e-12);
    ck_assert_double_gt(joined, split + 0.05);
    /* 甲 then a truncated 乙: the stray bytes are dropped, 甲 counts. */
    sc_classify(M, "\xe7\x94\xb2\xe4\xb9", &truncated);
    sc_classify(M, "甲", &alone);
    ck_assert_double_eq_tol(truncated, alone, 1e-12);
    ck_assert_double_gt(alone, 0.0);
}
END_TEST

START_TEST(full_width_and_numbers_are_normalised)
{
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "5G"), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_BILLING, "扣了100元"), 0);
    /* 5 g 5g; 扣 了 # 元 扣了 了# #元 */
    ck_assert_uint_eq(sc_classifier_features(M), 10);
    /* The same features again, written otherwise: nothing new. */
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "５Ｇ"), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "５ｇ"), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_BILLING, "扣了２５元"), 0);
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_BILLING, "扣了3008元！"), 0);
    ck_assert_uint_eq(sc_classifier_features(M), 10);
    /* A single digit stays itself: 4 and 4g are new. */
    ck_assert_int_eq(sc_classifier_learn(M, SC_CAT_NETWORK, "4g"), 0);
    ck_assert_uint_eq(sc_classifier_features(M), 12);
    ck_assert_int_eq(sc_classify(M, "５Ｇ", NULL), SC_CAT_NETWORK);
    ck_assert_int_eq(sc_classify(M, "扣了99元", NULL), SC_CAT_BILLING);
}
END_TEST

START_TEST(tsv_lines_comments_and_crlf)
{
    char *path = temp_tsv("# a comment\n\nnetwork\t没有信号\r\n"
                          "# another\nbilling\t多扣了话费\n"
                          "product\t积分兑换"); /* no final newline */
    ck_assert_int_eq(sc_classifier_learn_tsv(M, path, 0), 3);
    ck_assert_int_eq(sc_classifier_examples(M), 3);
    ck_assert_int_eq(sc_classify(M, "多扣", NULL), SC_CAT_BILLING);
    unlink(path);
}
END_TEST

START_TEST(malformed_tsv_learns_nothing)
{
    static const char *const files[] = {
        "network\t没有信号\nbilling 多扣了话费\n",  /* no tab */
        "network\t没有信号\nnetwrok\t信号差\n",     /* unknown code */
        "network\t没有信号\nservice\t\n",           /* empty text */
        "network\t没有信号\nservice\t态度\xff差\n", /* bad UTF-8 */
        "\tnetwork 没有信号\n",                     /* empty code */
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *path = temp_tsv(files[i]);
        ck_assert_msg(sc_classifier_learn_tsv(M, path, 0) == -1,
                      "file %zu accepted", i);
        ck_assert_int_eq(sc_classifier_tsv_each(path, NULL, NULL), -1);
        unlink(path);
    }
    ck_assert_int_eq(sc_classifier_examples(M), 0);
    ck_assert_int_eq(sc_classifier_learn_tsv(M, "/nonexistent/x.tsv", 0), -1);
}
END_TEST

static int record_index(void *ctx, int index, enum sc_category c,
                        const char *text)
{
    (void)c, (void)text;
    int *seen = ctx;
    seen[seen[0]++ + 1] = index;
    return 0;
}

START_TEST(holdout_accounting)
{
    /* Ten examples with comments and blank lines between: only examples
     * count towards the index. */
    char *path = temp_tsv("network\t信号一\nservice\t态度二\n# x\n"
                          "billing\t扣费三\n\nproduct\t积分四\n"
                          "network\t信号五\nservice\t态度六\n"
                          "billing\t扣费七\n# y\nproduct\t积分八\n"
                          "network\t信号九\nservice\t态度十\n");
    int seen[16] = {0};
    ck_assert_int_eq(sc_classifier_tsv_each(path, record_index, seen), 10);
    ck_assert_int_eq(seen[0], 10);
    for (int i = 0; i < 10; i++)
        ck_assert_int_eq(seen[i + 1], i);

    ck_assert(sc_classifier_is_holdout(4, 5));
    ck_assert(sc_classifier_is_holdout(9, 5));
    ck_assert(!sc_classifier_is_holdout(5, 5));
    ck_assert(!sc_classifier_is_holdout(0, 5));
    ck_assert(!sc_classifier_is_holdout(0, 1));
    ck_assert(!sc_classifier_is_holdout(3, 0));
    ck_assert(sc_classifier_is_holdout(1, 2));

    static const struct {
        int every, learned;
    } cases[] = {{0, 10}, {1, 10}, {2, 5}, {3, 7}, {5, 8}, {11, 10}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sc_classifier *m = sc_classifier_new();
        ck_assert_int_eq(sc_classifier_learn_tsv(m, path, cases[i].every),
                         cases[i].learned);
        ck_assert_int_eq(sc_classifier_examples(m), cases[i].learned);
        sc_classifier_free(m);
    }
    unlink(path);
}
END_TEST

START_TEST(confidence_is_a_probability)
{
    ck_assert_int_ge(sc_classifier_learn_tsv(M, LABELLED, 5), 300);
    static const char *const texts[] = {
        "信号", "扣费", "态度很差的客服扣了我话费", "app", "积分兑换流量"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        double conf = -1;
        sc_classify(M, texts[i], &conf);
        ck_assert_msg(conf >= 0.25 && conf <= 1.0, "%s: %f", texts[i], conf);
    }
}
END_TEST

START_TEST(memory_is_bounded)
{
    /* Texts of pseudo-random CJK characters: about 400 new features each,
     * far more in all than the table takes. */
    unsigned seed = 12345;
    char text[3 * 200 + 1];
    size_t last = 0;
    for (int i = 0; i < 1500; i++) {
        char *p = text;
        for (int k = 0; k < 200; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned cp = 0x4e00 + (seed >> 8) % 0x5000;
            *p++ = (char)(0xe0 | cp >> 12);
            *p++ = (char)(0x80 | ((cp >> 6) & 0x3f));
            *p++ = (char)(0x80 | (cp & 0x3f));
        }
        *p = '\0';
        ck_assert_int_eq(sc_classifier_learn(M, i % SC_CAT_COUNT, text), 0);
        last = sc_classifier_features(M);
    }
    ck_assert_uint_eq(last, 1u << 17);
    ck_assert_int_eq(sc_classifier_examples(M), 1500);
    /* Still answers, from what it kept. */
    double conf;
    sc_classify(M, text, &conf);
    ck_assert_double_gt(conf, 0.0);
}
END_TEST

Suite *classify_suite(void)
{
    Suite *s = suite_create("classify");
    TCase *tc = tcase_create("classify");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, codes_and_labels_round_trip);
    tcase_add_test(tc, empty_model_answers_service_with_no_confidence);
    tcase_add_test(tc, text_with_nothing_known_answers_like_empty_model);
    tcase_add_test(tc, shipped_file_has_enough_of_every_category);
    tcase_add_test(tc, unmistakable_cases_after_learning_the_shipped_file);
    tcase_add_test(tc, corrections_change_the_answer_for_a_new_text);
    tcase_add_test(tc, bad_utf8_is_rejected_when_learning);
    tcase_add_test(tc, invalid_bytes_separate_when_classifying);
    tcase_add_test(tc, full_width_and_numbers_are_normalised);
    tcase_add_test(tc, tsv_lines_comments_and_crlf);
    tcase_add_test(tc, malformed_tsv_learns_nothing);
    tcase_add_test(tc, holdout_accounting);
    tcase_add_test(tc, confidence_is_a_probability);
    tcase_add_test(tc, memory_is_bounded);
    suite_add_tcase(s, tc);
    return s;
}
