#include "segment.h"

#include <string.h>

#include "db.h"

static const char SQL_SEGMENT[] =
    "SELECT p.id, p.name, c.name, b.code, b.name, p.site_url "
    "FROM segments s JOIN cities c ON c.id = s.city_id "
    "JOIN provinces p ON p.id = c.province_id "
    "JOIN brands b ON b.code = s.brand_code WHERE s.prefix = ?";

int sc_segment_lookup(struct sc_req *req, const char *number,
                      struct sc_segment *out)
{
    memset(out, 0, sizeof *out);
    if (strlen(number) < 7)
        return 0;
    const char *prefix = sc_strndup(req->arena, number, 7);
    struct sc_rows *r = sc_db_query(req, SQL_SEGMENT, "s", prefix);
    if (!r)
        return -1;
    if (r->n == 0)
        return 0;
    out->prefix = prefix;
    out->province_id = (int)sc_cell_int(r, 0, 0);
    out->province = sc_cell(r, 0, 1);
    out->city = sc_cell(r, 0, 2);
    out->brand_code = sc_cell(r, 0, 3);
    out->brand = sc_cell(r, 0, 4);
    out->site_url = sc_cell(r, 0, 5);
    return 1;
}
