#include "segment.h"

#include <string.h>

#include "db.h"
#include "reference.h"

/* One primary-key read; city, province and brand names come from the
 * worker's reference copy. */
static const char SQL_SEGMENT[] =
    "SELECT city_id, brand_code FROM segments WHERE prefix = ?";

int sc_segment_lookup(struct sc_req *req, const char *number,
                      struct sc_segment *out)
{
    memset(out, 0, sizeof *out);
    if (strlen(number) < 7)
        return 0;
    const char *prefix = sc_strndup(req->arena, number, 7);
    struct sc_rows *r = sc_db_query(req, SQL_SEGMENT, "s", prefix);
    if (!r || sc_reference_load(req) != 0)
        return -1;
    if (r->n == 0)
        return 0;
    const struct sc_city_ref *city = sc_city_ref((int)sc_cell_int(r, 0, 0));
    const struct sc_province_ref *prov =
        city ? sc_province_ref(city->province_id) : NULL;
    if (!prov) {
        /* A city added since the copy was made: reload once. */
        sc_reference_forget();
        if (sc_reference_load(req) != 0)
            return -1;
        city = sc_city_ref((int)sc_cell_int(r, 0, 0));
        prov = city ? sc_province_ref(city->province_id) : NULL;
        if (!prov)
            return 0;
    }
    out->prefix = prefix;
    out->province_id = prov->id;
    out->province = sc_strdup(req->arena, prov->name);
    out->city = sc_strdup(req->arena, city->name);
    out->brand_code = sc_cell(r, 0, 1);
    out->brand = sc_strdup(req->arena, sc_brand_name(out->brand_code));
    out->site_url =
        prov->site_url[0] ? sc_strdup(req->arena, prov->site_url) : NULL;
    return 1;
}
