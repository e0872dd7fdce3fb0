/* the three national brands, with content from the database. Local
 * brands are not promoted here (national = 0). */
#include "portal.h"

#include <string.h>

static const char SQL_BRANDS[] =
    "SELECT code, name, name_en, slogan FROM brands WHERE national = 1 "
    "ORDER BY sort";
static const char SQL_BRAND[] =
    "SELECT name, name_en, slogan, features, services, tariffs, payment, "
    "support FROM brands WHERE code = ? AND national = 1";

int brands_page(struct sc_req *req)
{
    struct sc_rows *r = sc_db_query(req, SQL_BRANDS, NULL);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "portal/brands.tpl", "品牌与业务推介");
    for (int i = 0; i < r->n; i++) {
        sc_dict *b = sc_section(d, "BRAND");
        sc_set(b, "CODE", sc_cell(r, i, 0));
        sc_set(b, "NAME", sc_cell(r, i, 1));
        sc_set(b, "NAME_EN", sc_cell(r, i, 2));
        sc_set(b, "SLOGAN", sc_cell(r, i, 3));
    }
    return 200;
}

/* Stored text keeps one point per line; each line becomes a list item. */
static void add_lines(sc_dict *d, const char *section, const char *title,
                      const char *text, sc_arena *a)
{
    sc_dict *s = sc_section(d, section);
    sc_set(s, "HEADING", title);
    const char *p = text ? text : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0 && !(n == 1 && p[0] == '\r')) {
            sc_dict *l = sc_section(s, "LINE");
            sc_set(l, "TEXT", sc_strndup(a, p, n));
        }
        p += n + (nl ? 1 : 0);
    }
}

int brand_page(struct sc_req *req)
{
    const char *code = req->path_tail;
    if (!code || !*code || strlen(code) > 16)
        return 404;
    struct sc_rows *r = sc_db_query(req, SQL_BRAND, "s", code);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    sc_dict *d = sc_view(req, "portal/brand.tpl", sc_cell(r, 0, 0));
    sc_set(d, "NAME", sc_cell(r, 0, 0));
    sc_set(d, "NAME_EN", sc_cell(r, 0, 1));
    sc_set(d, "SLOGAN", sc_cell(r, 0, 2));
    static const char *const headings[] = {"品牌特色", "基本业务", "基本资费",
                                           "缴费方式", "客户服务"};
    for (int i = 0; i < 5; i++)
        add_lines(d, "PART", headings[i], sc_cell(r, 0, 3 + i), req->arena);
    return 200;
}
