/* The complaint forms' pure rules (cgi/complaints/rules.c): China Mobile
 * numbers, the content filter, the similarity behind the duplicate window,
 * and the shapes of tracking numbers and passwords. */
#include <string.h>

#include "../../cgi/complaints/complaints.h"
#include "tests.h"

START_TEST(cmcc_numbers)
{
    ck_assert(complaints_cmcc_number("13800138000"));
    ck_assert(complaints_cmcc_number("15828001234"));
    ck_assert(complaints_cmcc_number("19812345678"));
    ck_assert(complaints_cmcc_number("14700001111"));
    ck_assert(!complaints_cmcc_number("13012345678")); /* China Unicom */
    ck_assert(!complaints_cmcc_number("18912345678")); /* China Telecom */
    ck_assert(!complaints_cmcc_number("1380013800"));
    ck_assert(!complaints_cmcc_number("138001380001"));
    ck_assert(!complaints_cmcc_number("1380013800a"));
    ck_assert(!complaints_cmcc_number(NULL));
}
END_TEST

START_TEST(content_filter)
{
    ck_assert_ptr_null(
        complaints_content_problem("家里手机信号很差，经常打不通电话"));
    ck_assert_ptr_null(complaints_content_problem("信号很差啊"));
    /* digits repeat in numbers and amounts */
    ck_assert_ptr_null(
        complaints_content_problem("号码13800000000扣了100000分"));
    ck_assert_ptr_null(complaints_content_problem("等了好久......还是不行"));
    ck_assert_ptr_nonnull(complaints_content_problem(NULL));
    ck_assert_ptr_nonnull(complaints_content_problem(""));
    ck_assert_ptr_nonnull(complaints_content_problem(" \t\r\n　"));
    ck_assert_ptr_nonnull(complaints_content_problem("。。！！，，??"));
    ck_assert_ptr_nonnull(complaints_content_problem("信号差"));
    ck_assert_ptr_nonnull(
        complaints_content_problem("我要投诉啊啊啊啊啊啊你们"));
    ck_assert_ptr_nonnull(complaints_content_problem("aaaaaaaaaaaa"));
    ck_assert_ptr_nonnull(complaints_content_problem("差差好差差差差坏差差"));
    /* five of one in a row is not yet a run, and under 60% */
    ck_assert_ptr_null(
        complaints_content_problem("好好好好好的服务变差了再也不"));
}
END_TEST

START_TEST(banned_words)
{
    char w[64];
    ck_assert(complaints_banned_word("专业代开发票", "六合彩, 代开发票 ,x", w,
                                     sizeof w));
    ck_assert_str_eq(w, "代开发票");
    ck_assert(!complaints_banned_word("正常的投诉内容", "六合彩,代开发票", w,
                                      sizeof w));
    ck_assert(!complaints_banned_word("anything", "", w, sizeof w));
    ck_assert(!complaints_banned_word("anything", ",, ,", w, sizeof w));
    ck_assert(!complaints_banned_word(NULL, "x", w, sizeof w));
}
END_TEST

START_TEST(similarity)
{
    const char *a = "这个月的话费账单里多扣了三十元的流量费";
    ck_assert(complaints_similarity(a, a) > 0.999);
    /* punctuation and blanks do not count */
    ck_assert(complaints_similarity(
                  a, "这个月的话费账单里，多扣了三十元的流量费！！") > 0.999);
    ck_assert(complaints_similarity(a, "这个月话费账单里多扣了三十元流量费") >=
              0.6);
    ck_assert(complaints_similarity(a, "小区里手机信号时有时无通话经常中断") <
              0.2);
    ck_assert(complaints_similarity("好", "好") > 0.999);
    ck_assert(complaints_similarity("好", "坏") < 0.001);
    ck_assert(complaints_similarity("", "") > 0.999);
}
END_TEST

START_TEST(track_numbers_and_passwords)
{
    char no[24];
    complaints_track_no(no, "complaint", "20261125", 42);
    ck_assert_str_eq(no, "T202611250000042");
    ck_assert(complaints_track_no_valid(no));
    complaints_track_no(no, "suggestion", "20261125", 123456789);
    ck_assert_str_eq(no, "S20261125123456789");
    ck_assert(complaints_track_no_valid(no));
    ck_assert(complaints_track_no_valid("D000001"));
    ck_assert(!complaints_track_no_valid("t202611250000042"));
    ck_assert(!complaints_track_no_valid("T12345"));
    ck_assert(!complaints_track_no_valid("T123456789012345678901"));
    ck_assert(!complaints_track_no_valid("T20261125000004a"));
    ck_assert(!complaints_track_no_valid(NULL));
    char a[9], b[9];
    complaints_track_password(a);
    complaints_track_password(b);
    ck_assert_uint_eq(strlen(a), 8);
    ck_assert_str_ne(a, b);
    for (int i = 0; i < 200; i++) {
        complaints_track_password(a);
        ck_assert_uint_eq(strcspn(a, "0O1lIo"), 8);
    }
}
END_TEST

Suite *complaints_suite(void)
{
    Suite *s = suite_create("complaints");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, cmcc_numbers);
    tcase_add_test(tc, content_filter);
    tcase_add_test(tc, banned_words);
    tcase_add_test(tc, similarity);
    tcase_add_test(tc, track_numbers_and_passwords);
    suite_add_tcase(s, tc);
    return s;
}
