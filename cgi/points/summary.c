#include "points.h"

int points_home(struct sc_req *req)
{
    sc_view(req, "points/home.tpl", "积分查询");
    return 200;
}
