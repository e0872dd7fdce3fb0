/* hlrsim: the local stack's HLR/BOSS simulator (stub until it lands). */
#include "selfcare.h"

static int orders_receive(struct sc_req *req)
{
    (void)req;
    return 503;
}

static const struct sc_route routes[] = {
    {"POST", "/hlr/orders", SC_API, 0, orders_receive, NULL, NULL}, {0}};

static const struct sc_app hlrsim = {
    .name = "hlrsim",
    .routes = routes,
    .layout = "layout/page.tpl",
    .view_dirs = NULL,
    .login_path = "/",
    .reauth_path = "/",
};

int main(int argc, char **argv)
{
    return sc_app_main(&hlrsim, argc, argv);
}
