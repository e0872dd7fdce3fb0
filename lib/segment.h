/* Number segments: the first 7 digits of a number give its home province,
 * city and brand, which also routes the login (SPEC 3.1). */
#ifndef SC_SEGMENT_H
#define SC_SEGMENT_H

#include "request.h"

struct sc_segment {
    const char *prefix;
    int province_id;
    const char *province, *city, *brand_code, *brand;
    const char *site_url; /* the province's external site, or NULL */
};

/* Accepts a 7-digit prefix or a whole number. Returns 1 found, 0 not found,
 * -1 on a database failure. */
int sc_segment_lookup(struct sc_req *req, const char *number,
                      struct sc_segment *out);

#endif
