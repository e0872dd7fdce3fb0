#ifndef SC_TESTS_H
#define SC_TESTS_H

#include <check.h>

Suite *request_suite(void);
Suite *validate_suite(void);
Suite *session_suite(void);
Suite *password_suite(void);
Suite *view_suite(void);
Suite *arena_suite(void);
Suite *notify_suite(void);
Suite *reference_suite(void);
Suite *complaints_suite(void);
Suite *classify_suite(void);
Suite *log_suite(void);

#endif
