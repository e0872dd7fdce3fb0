#include "tests.h"

Suite *view_suite(void)
{
    Suite *s = suite_create("view");
    return s;
}
