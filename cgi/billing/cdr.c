#include "billing.h"

int billing_home(struct sc_req *req)
{
    sc_view(req, "billing/home.tpl", "话费查询");
    return 200;
}
