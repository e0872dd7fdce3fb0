/* Reference data every page may need: provinces (with their external
 * sites), cities, brands, the routed services and the province x brand x
 * service availability. The tables are small and change rarely, so each
 * worker keeps a copy for a minute instead of joining them into every query
 * (measured: the 4-table segment join cost MariaDB 60-80 us a lookup, the
 * one-table primary-key read about 22 us). */
#ifndef SC_REFERENCE_H
#define SC_REFERENCE_H

#include <stdbool.h>

#include "request.h"

struct sc_province_ref {
    int id;
    char name[48];
    char site_url[256]; /* "" = served by this site */
};

struct sc_city_ref {
    int id, province_id;
    char name[64];
};

/* Loads or refreshes the copy; 0, or -1 on a database failure. */
int sc_reference_load(struct sc_req *req);
/* Lookups in the loaded copy; NULL or "" when unknown. */
const struct sc_province_ref *sc_province_ref(int id);
const struct sc_city_ref *sc_city_ref(int id);
/* Every city, in id order; *n gets how many. */
const struct sc_city_ref *sc_cities(int *n);
const char *sc_province_name(int province_id);
const char *sc_brand_name(const char *brand_code);
const char *sc_service_name(const char *service);

/* Whether a customer of this brand and province may use the service online
 * (SPEC 3.2): GoTone always; for other brands the province's setting, or the
 * service's default where it has none. 1, 0, or -1 on a database failure. */
int sc_service_available(struct sc_req *req, const char *service,
                         const char *brand_code, int province_id);
/* The rule alone; explicit_setting is -1 when the province set nothing. */
bool sc_availability_rule(const char *brand_code, int explicit_setting,
                          int service_default);
/* Forgets the copy so the next use reloads it. */
void sc_reference_forget(void);

#endif
