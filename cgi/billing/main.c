/* billing: every page it serves is in this table. */
#include "billing.h"

static const struct sc_route routes[] = {
    {"GET", "/billing/", SC_CUSTOMER, 0, billing_home, NULL, NULL},
    {0}};

static const char *const view_dirs[] = {"billing", NULL};

static const struct sc_app billing = {
    .name = "billing",
    .routes = routes,
    .layout = "layout/page.tpl",
    .view_dirs = view_dirs,
    .login_path = "/login",
    .reauth_path = "/login/confirm",
};

int main(int argc, char **argv)
{
    return sc_app_main(&billing, argc, argv);
}
