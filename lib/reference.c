#include "reference.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"

enum {
    CACHE_SECONDS = 60,
    MAX_SERVICES = 32,
    MAX_BRANDS = 16,
    MAX_PROVINCES = 40
};

struct setting {
    char service[25], brand[17];
    int province_id, enabled;
};
struct named {
    char code[25];
    char name[64];
    int other_brands;
};

static struct {
    time_t loaded;
    struct setting *settings;
    int nsettings;
    struct sc_city_ref *cities;
    int ncities;
    struct named services[MAX_SERVICES], brands[MAX_BRANDS];
    int nservices, nbrands;
    struct sc_province_ref provinces[MAX_PROVINCES];
    int nprovinces;
} ref;

static const char SQL_SETTINGS[] =
    "SELECT service_code, brand_code, province_id, enabled "
    "FROM service_availability";
static const char SQL_SERVICES[] =
    "SELECT code, name, other_brands FROM services";
static const char SQL_BRANDS[] = "SELECT code, name FROM brands";
static const char SQL_PROVINCES[] =
    "SELECT id, name, IFNULL(site_url, '') FROM provinces";
static const char SQL_CITIES[] =
    "SELECT id, province_id, name FROM cities ORDER BY id";

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static int load(struct sc_req *req)
{
    struct sc_rows *st = sc_db_query(req, SQL_SETTINGS, NULL);
    struct sc_rows *sv = st ? sc_db_query(req, SQL_SERVICES, NULL) : NULL;
    struct sc_rows *br = sv ? sc_db_query(req, SQL_BRANDS, NULL) : NULL;
    struct sc_rows *pr = br ? sc_db_query(req, SQL_PROVINCES, NULL) : NULL;
    struct sc_rows *ci = pr ? sc_db_query(req, SQL_CITIES, NULL) : NULL;
    if (!ci)
        return -1;
    struct setting *settings = calloc((size_t)st->n + 1, sizeof *settings);
    struct sc_city_ref *cities = calloc((size_t)ci->n + 1, sizeof *cities);
    if (!settings || !cities) {
        free(settings);
        free(cities);
        return -1;
    }
    for (int i = 0; i < st->n; i++) {
        copy(settings[i].service, sizeof settings[i].service,
             sc_cell(st, i, 0));
        copy(settings[i].brand, sizeof settings[i].brand, sc_cell(st, i, 1));
        settings[i].province_id = (int)sc_cell_int(st, i, 2);
        settings[i].enabled = (int)sc_cell_int(st, i, 3);
    }
    for (int i = 0; i < ci->n; i++) {
        cities[i].id = (int)sc_cell_int(ci, i, 0);
        cities[i].province_id = (int)sc_cell_int(ci, i, 1);
        copy(cities[i].name, sizeof cities[i].name, sc_cell(ci, i, 2));
    }
    free(ref.settings);
    free(ref.cities);
    ref.settings = settings;
    ref.nsettings = st->n;
    ref.cities = cities;
    ref.ncities = ci->n;
    ref.nservices = sv->n < MAX_SERVICES ? sv->n : MAX_SERVICES;
    for (int i = 0; i < ref.nservices; i++) {
        copy(ref.services[i].code, sizeof ref.services[i].code,
             sc_cell(sv, i, 0));
        copy(ref.services[i].name, sizeof ref.services[i].name,
             sc_cell(sv, i, 1));
        ref.services[i].other_brands = (int)sc_cell_int(sv, i, 2);
    }
    ref.nbrands = br->n < MAX_BRANDS ? br->n : MAX_BRANDS;
    for (int i = 0; i < ref.nbrands; i++) {
        copy(ref.brands[i].code, sizeof ref.brands[i].code, sc_cell(br, i, 0));
        copy(ref.brands[i].name, sizeof ref.brands[i].name, sc_cell(br, i, 1));
    }
    ref.nprovinces = pr->n < MAX_PROVINCES ? pr->n : MAX_PROVINCES;
    for (int i = 0; i < ref.nprovinces; i++) {
        ref.provinces[i].id = (int)sc_cell_int(pr, i, 0);
        copy(ref.provinces[i].name, sizeof ref.provinces[i].name,
             sc_cell(pr, i, 1));
        copy(ref.provinces[i].site_url, sizeof ref.provinces[i].site_url,
             sc_cell(pr, i, 2));
    }
    ref.loaded = time(NULL);
    return 0;
}

int sc_reference_load(struct sc_req *req)
{
    if (ref.loaded && time(NULL) - ref.loaded < CACHE_SECONDS)
        return 0;
    return load(req);
}

void sc_reference_forget(void)
{
    ref.loaded = 0;
}

const struct sc_province_ref *sc_province_ref(int id)
{
    for (int i = 0; i < ref.nprovinces; i++)
        if (ref.provinces[i].id == id)
            return &ref.provinces[i];
    return NULL;
}

const struct sc_city_ref *sc_cities(int *n)
{
    *n = ref.ncities;
    return ref.cities;
}

const struct sc_city_ref *sc_city_ref(int id)
{
    /* Cities come ordered by id: binary search. */
    int lo = 0, hi = ref.ncities - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ref.cities[mid].id == id)
            return &ref.cities[mid];
        if (ref.cities[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    for (int i = 0; i < ref.ncities; i++) /* not ordered after all */
        if (ref.cities[i].id == id)
            return &ref.cities[i];
    return NULL;
}

const char *sc_province_name(int province_id)
{
    const struct sc_province_ref *p = sc_province_ref(province_id);
    return p ? p->name : "";
}

const char *sc_brand_name(const char *brand_code)
{
    for (int i = 0; brand_code && i < ref.nbrands; i++)
        if (strcmp(ref.brands[i].code, brand_code) == 0)
            return ref.brands[i].name;
    return "";
}

const char *sc_service_name(const char *service)
{
    for (int i = 0; service && i < ref.nservices; i++)
        if (strcmp(ref.services[i].code, service) == 0)
            return ref.services[i].name;
    return "";
}

bool sc_availability_rule(const char *brand_code, int explicit_setting,
                          int service_default)
{
    if (brand_code && strcmp(brand_code, "gotone") == 0)
        return true;
    return explicit_setting >= 0 ? explicit_setting != 0 : service_default != 0;
}

int sc_service_available(struct sc_req *req, const char *service,
                         const char *brand_code, int province_id)
{
    if (sc_reference_load(req) != 0)
        return -1;
    int explicit_setting = -1, service_default = 0;
    for (int i = 0; i < ref.nservices; i++)
        if (strcmp(ref.services[i].code, service) == 0)
            service_default = ref.services[i].other_brands;
    for (int i = 0; i < ref.nsettings; i++) {
        const struct setting *s = &ref.settings[i];
        if (s->province_id == province_id && strcmp(s->service, service) == 0 &&
            strcmp(s->brand, brand_code ? brand_code : "") == 0)
            explicit_setting = s->enabled;
    }
    return sc_availability_rule(brand_code, explicit_setting, service_default);
}
