#include "tests.h"

Suite *validate_suite(void)
{
    Suite *s = suite_create("validate");
    return s;
}
