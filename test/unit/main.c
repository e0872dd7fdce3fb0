#include <sodium.h>
#include <stdlib.h>

/* By path: the build directory's autoconf config.h comes first on the
 * include path and has the same name as lib/config.h. */
#include "../../lib/config.h"
#include "tests.h"

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    sc_config_defaults();
    SRunner *sr = srunner_create(request_suite());
    srunner_add_suite(sr, validate_suite());
    srunner_add_suite(sr, session_suite());
    srunner_add_suite(sr, password_suite());
    srunner_add_suite(sr, view_suite());
    srunner_add_suite(sr, arena_suite());
    srunner_add_suite(sr, notify_suite());
    srunner_add_suite(sr, reference_suite());
    srunner_add_suite(sr, complaints_suite());
    srunner_add_suite(sr, classify_suite());
    srunner_add_suite(sr, log_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
