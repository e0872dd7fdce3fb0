#include "tests.h"

Suite *password_suite(void)
{
    Suite *s = suite_create("password");
    return s;
}
