#include "tests.h"

Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    return s;
}
