/* points: every page it serves is in this table. */
#include "points.h"

static const struct sc_route routes[] = {
    {"GET", "/points/", SC_CUSTOMER, 0, points_home, NULL, "points"},
    {0}};

static const char *const view_dirs[] = {"points", NULL};

static const struct sc_app points = {
    .name = "points",
    .routes = routes,
    .layout = "layout/page.tpl",
    .view_dirs = view_dirs,
    .login_path = "/login",
    .reauth_path = "/login/confirm",
};

int main(int argc, char **argv)
{
    return sc_app_main(&points, argc, argv);
}
