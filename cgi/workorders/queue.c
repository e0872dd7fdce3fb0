/* The queue: the complaints in the staff member's scope, newest first,
 * filtered by province (head office only), status, category, kind,
 * overdue, escalated (升级), re-complaint and tracking number, in bounded
 * pages; with the counts a supervisor watches (open, overdue, escalated). */
#include "workorders.h"

#include <stdlib.h>
#include <string.h>

/* Every filter is "off" when its parameter is NULL (or 0 for the flags).
 * "open" is every status but closed. Overdue and escalated mean the ones
 * still to be finished: a closed complaint keeps its flags for the
 * statistics but needs nobody's attention. */
#define FILTERS                                                                \
    "(? IS NULL OR c.province_id = ?) AND (? IS NULL OR c.status = ? OR "      \
    "(? = 'open' AND c.status <> 'closed')) AND (? IS NULL OR c.category = "   \
    "?) AND (? IS NULL OR c.kind = ?) AND (? = 0 OR (c.overdue = 1 AND "       \
    "c.status <> 'closed')) AND (? = 0 OR (c.escalated_at IS NOT NULL AND "    \
    "c.status <> 'closed')) AND (? = 0 OR c.recomplaint_count > 0) AND "       \
    "(? IS NULL OR c.track_no LIKE CONCAT(?, '%'))"

static const char SQL_QUEUE_PAGE[] =
    "SELECT c.id, c.track_no, c.kind, c.category, c.province_id, c.status, "
    "c.title, DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(c.due_at, '%Y-%m-%d %H:%i'), c.overdue, "
    "c.escalated_at IS NOT NULL, c.recomplaint_count, c.head_office "
    "FROM complaints c WHERE " WO_SCOPE " AND " FILTERS
    " ORDER BY c.id DESC LIMIT ? OFFSET ?";
/* One pass over the scope for all the counts of the page. */
static const char SQL_QUEUE_COUNTS[] =
    "SELECT COUNT(*), IFNULL(SUM(" FILTERS "), 0), "
    "IFNULL(SUM(c.status <> 'closed'), 0), "
    "IFNULL(SUM(c.overdue = 1 AND c.status <> 'closed'), 0), "
    "IFNULL(SUM(c.escalated_at IS NOT NULL AND c.status <> 'closed'), 0) "
    "FROM complaints c WHERE " WO_SCOPE;
static const char SQL_PROVINCES[] =
    "SELECT id, name FROM provinces ORDER BY id";

struct filters {
    const char *province, *status, *category, *kind, *q;
    long long overdue, escalated, re;
};

static long long flag(const struct sc_req *req, const char *name)
{
    const char *v = sc_field(req, name);
    return v && strcmp(v, "1") == 0;
}

/* A tracking number is letters, digits and '-': nothing else can match,
 * and LIKE's own wildcards must not come from the request. */
static int track_ok(const char *q)
{
    for (const char *p = q; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= 'a' && *p <= 'z') || *p == '-'))
            return 0;
    return 1;
}

/* The query string of the current filters, for pager links and exports. */
static const char *filter_query(struct sc_req *req, const struct filters *f)
{
    sc_buf b;
    sc_buf_init(&b, req->arena);
    sc_buf_puts(&b, "");
    const char *names[] = {"province", "status", "category", "kind", "q"};
    const char *values[] = {f->province, f->status, f->category, f->kind, f->q};
    for (int i = 0; i < 5; i++)
        if (values[i])
            sc_buf_printf(&b, "%s%s=%s", b.len ? "&" : "", names[i],
                          sc_url_encode(req->arena, values[i]));
    if (f->overdue)
        sc_buf_printf(&b, "%soverdue=1", b.len ? "&" : "");
    if (f->escalated)
        sc_buf_printf(&b, "%sescalated=1", b.len ? "&" : "");
    if (f->re)
        sc_buf_printf(&b, "%sre=1", b.len ? "&" : "");
    return b.data;
}

static void choices(sc_dict *d, const char *section, const char *const *codes,
                    const char *selected, const char *(*label)(const char *))
{
    for (int i = 0; codes[i]; i++) {
        sc_dict *o = sc_section(d, section);
        sc_set(o, "VALUE", codes[i]);
        sc_set(o, "LABEL", label(codes[i]));
        if (selected && strcmp(selected, codes[i]) == 0)
            sc_show(o, "SELECTED");
    }
}

static int province_choices(struct sc_req *req, sc_dict *d,
                            const char *selected)
{
    struct sc_rows *r = sc_db_query(req, SQL_PROVINCES, NULL);
    if (!r)
        return -1;
    sc_dict *p = sc_section(d, "PROVINCE_FILTER");
    for (int i = 0; i < r->n; i++) {
        sc_dict *o = sc_section(p, "PROVINCE_OPTION");
        sc_set(o, "VALUE", sc_cell(r, i, 0));
        sc_set(o, "LABEL", sc_cell(r, i, 1));
        if (selected && strcmp(selected, sc_cell(r, i, 0)) == 0)
            sc_show(o, "SELECTED");
    }
    return 0;
}

static const char *status_filter_label(const char *code)
{
    return strcmp(code, "open") == 0 ? "未办结"
                                     : sc_complaint_status_label(code);
}

#define FILTER_ARGS(f)                                                         \
    (f).province, (f).province, (f).status, (f).status, (f).status,            \
        (f).category, (f).category, (f).kind, (f).kind, (f).overdue,           \
        (f).escalated, (f).re, (f).q, (f).q

int queue_page(struct sc_req *req)
{
    struct filters f = {
        .province = wo_is_hq(req) ? sc_field(req, "province") : NULL,
        .status = sc_field(req, "status"),
        .category = sc_field(req, "category"),
        .kind = sc_field(req, "kind"),
        .q = sc_field(req, "q"),
        .overdue = flag(req, "overdue"),
        .escalated = flag(req, "escalated"),
        .re = flag(req, "re"),
    };
    if (f.q && !track_ok(f.q))
        return sc_bad_request(req, "「受理编号」只能包含字母、数字和“-”。");
    const char *p = sc_field(req, "page");
    long long page = p ? strtoll(p, NULL, 10) : 1;
    if (page < 1)
        page = 1;

    struct sc_rows *r =
        sc_db_query(req, SQL_QUEUE_PAGE,
                    "iiiiii"
                    "sssssssssiiiss"
                    "ii",
                    WO_SCOPE_ARGS(req), FILTER_ARGS(f),
                    (long long)WO_PAGE_SIZE + 1, (page - 1) * WO_PAGE_SIZE);
    struct sc_rows *n = r ? sc_db_query(req, SQL_QUEUE_COUNTS,
                                        "sssssssssiiiss"
                                        "iiiiii",
                                        FILTER_ARGS(f), WO_SCOPE_ARGS(req))
                          : NULL;
    if (!n || sc_reference_load(req) != 0)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "workorders/queue.tpl", "投诉工单");
    sc_set(d, "UNIT", wo_unit_name(req));
    sc_set(d, "COUNT_MATCH", sc_cell(n, 0, 1));
    sc_set(d, "COUNT_OPEN", sc_cell(n, 0, 2));
    sc_set(d, "COUNT_OVERDUE", sc_cell(n, 0, 3));
    sc_set(d, "COUNT_ESCALATED", sc_cell(n, 0, 4));
    if (sc_cell_int(n, 0, 4) > 0)
        sc_show(d, "HAS_ESCALATED");
    if (wo_is_hq(req) && province_choices(req, d, f.province) != 0) {
        sc_view_end(req);
        return sc_db_failure_status();
    }
    choices(d, "STATUS_OPTION",
            (const char *const[]){"open", "submitted", "reviewing",
                                  "dispatched", "replied", "closed", NULL},
            f.status, status_filter_label);
    choices(d, "CATEGORY_OPTION", WO_CATEGORIES, f.category, wo_category_label);
    choices(d, "KIND_OPTION",
            (const char *const[]){"complaint", "suggestion", NULL}, f.kind,
            sc_complaint_kind_label);
    if (f.overdue)
        sc_show(d, "OVERDUE_CHECKED");
    if (f.escalated)
        sc_show(d, "ESCALATED_CHECKED");
    if (f.re)
        sc_show(d, "RE_CHECKED");
    sc_set(d, "Q", f.q);

    for (int i = 0; i < r->n && i < WO_PAGE_SIZE; i++) {
        sc_dict *row = sc_section(d, "ROW");
        sc_set(row, "ID", sc_cell(r, i, 0));
        sc_set(row, "TRACK_NO", sc_cell(r, i, 1));
        sc_set(row, "KIND", sc_complaint_kind_label(sc_cell(r, i, 2)));
        sc_set(row, "CATEGORY", wo_category_label(sc_cell(r, i, 3)));
        sc_set(row, "PROVINCE", sc_province_name((int)sc_cell_int(r, i, 4)));
        sc_set(row, "STATUS_CODE", sc_cell(r, i, 5));
        sc_set(row, "STATUS", sc_complaint_status_label(sc_cell(r, i, 5)));
        sc_set(row, "TITLE", sc_cell(r, i, 6));
        sc_set(row, "CREATED", sc_cell(r, i, 7));
        sc_set(row, "DUE", sc_cell(r, i, 8));
        int closed = strcmp(sc_cell(r, i, 5), "closed") == 0;
        if (sc_cell_int(r, i, 9) && !closed)
            sc_show(row, "OVERDUE");
        if (sc_cell_int(r, i, 10) && !closed)
            sc_show(row, "ESCALATED");
        if (sc_cell_int(r, i, 11) > 0)
            sc_set(sc_section(row, "RECOMPLAINT"), "COUNT", sc_cell(r, i, 11));
        if (sc_cell_int(r, i, 12))
            sc_show(row, "HEAD_OFFICE");
    }
    if (r->n == 0)
        sc_show(d, "EMPTY");

    const char *q = filter_query(req, &f);
    const char *base =
        sc_printf(req->arena, "/admin/complaints/?%s%s", q, *q ? "&" : "");
    sc_set_int(d, "PAGE", page);
    if (page > 1)
        sc_set(sc_section(d, "PREV"), "HREF",
               sc_printf(req->arena, "%spage=%lld", base, page - 1));
    if (r->n > WO_PAGE_SIZE && page < WO_MAX_PAGE)
        sc_set(sc_section(d, "NEXT"), "HREF",
               sc_printf(req->arena, "%spage=%lld", base, page + 1));
    return 200;
}
