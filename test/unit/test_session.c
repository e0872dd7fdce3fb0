#include "tests.h"

Suite *session_suite(void)
{
    Suite *s = suite_create("session");
    return s;
}
