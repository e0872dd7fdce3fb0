/* number home-location lookup from the first 7 digits. */
#include "portal.h"

int lookup_page(struct sc_req *req)
{
    const char *prefix = sc_field(req, "prefix");
    if (!prefix) {
        sc_view(req, "portal/lookup.tpl", "手机归属地查询");
        return 200;
    }
    struct sc_segment seg;
    int found = sc_segment_lookup(req, prefix, &seg);
    if (found < 0)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "portal/lookup.tpl", "手机归属地查询");
    sc_set(d, "PREFIX", prefix);
    if (!found) {
        sc_show(d, "NOT_FOUND");
        return 404;
    }
    sc_dict *r = sc_section(d, "RESULT");
    sc_set(r, "PROVINCE", seg.province);
    sc_set(r, "CITY", seg.city);
    sc_set(r, "BRAND", seg.brand);
    sc_set(r, "BRAND_CODE", seg.brand_code);
    return 200;
}
