#include "service.h"

int service_overview(struct sc_req *req)
{
    sc_view(req, "service/overview.tpl", "业务受理");
    return 200;
}
