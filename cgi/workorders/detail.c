/* A complaint's page: what the customer wrote, the whole history (internal
 * notes included and marked as such), its work orders, and the forms for
 * the actions this staff member may take on it now. */
#include "workorders.h"

#include <string.h>

#define COMPLAINT_COLUMNS                                                      \
    "SELECT c.id, c.track_no, c.kind, c.msisdn, c.email, c.contact_phone, "    \
    "c.title, c.content, c.customer_category, c.auto_category, c.category, "   \
    "c.province_id, IFNULL(c.city_id, 0), c.head_office, c.status, "           \
    "c.recomplaint_count, DATE_FORMAT(c.due_at, '%Y-%m-%d %H:%i'), "           \
    "c.overdue, DATE_FORMAT(c.escalated_at, '%Y-%m-%d %H:%i'), c.result, "     \
    "c.rating, c.rating_comment, DATE_FORMAT(c.confirmed_at, '%Y-%m-%d "       \
    "%H:%i'), DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), "                   \
    "DATE_FORMAT(c.closed_at, '%Y-%m-%d %H:%i') FROM complaints c "            \
    "WHERE c.id = ? AND " WO_SCOPE

static const char SQL_COMPLAINT[] = COMPLAINT_COLUMNS;
static const char SQL_COMPLAINT_LOCK[] = COMPLAINT_COLUMNS " FOR UPDATE";
static const char SQL_EVENTS[] =
    "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), e.kind, e.visible, "
    "e.status_after, e.text, s.display_name FROM complaint_events e "
    "LEFT JOIN staff s ON s.id = e.staff_id WHERE e.complaint_id = ? "
    "ORDER BY e.id";
static const char SQL_WORK_ORDERS[] =
    "SELECT w.id, w.target, w.department_code, IFNULL(w.province_id, 0), "
    "IFNULL(w.city_id, 0), w.status, w.instructions, w.answer, "
    "DATE_FORMAT(w.due_at, '%Y-%m-%d %H:%i'), w.overdue, "
    "w.escalated_at IS NOT NULL, DATE_FORMAT(w.created_at, '%Y-%m-%d "
    "%H:%i'), DATE_FORMAT(w.done_at, '%Y-%m-%d %H:%i'), d.name, s.display_name "
    "FROM work_orders w LEFT JOIN complaint_departments d ON d.code = "
    "w.department_code LEFT JOIN staff s ON s.id = w.dispatched_by "
    "WHERE w.complaint_id = ? ORDER BY w.id";
static const char SQL_DEPARTMENTS[] =
    "SELECT code, name FROM complaint_departments ORDER BY sort, code";
static const char SQL_PROVINCES[] =
    "SELECT id, name FROM provinces ORDER BY id";
static const char SQL_CITIES[] =
    "SELECT id, name FROM cities WHERE province_id = ? "
    "ORDER BY is_capital DESC, id";

int wo_complaint_load(struct sc_req *req, int for_update, struct sc_rows **out)
{
    struct sc_rows *r =
        sc_db_query(req, for_update ? SQL_COMPLAINT_LOCK : SQL_COMPLAINT,
                    "s"
                    "iiiiii",
                    sc_field(req, "id"), WO_SCOPE_ARGS(req));
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    *out = r;
    return 0;
}

static const char *const DONE_MESSAGES[][2] = {
    {"review", "已复核。"},
    {"reply", "答复已发送给客户（短信和邮件）。"},
    {"note", "内部备注已保存（客户不可见）。"},
    {"dispatch", "工单已派发。"},
    {"complete", "工单已办结。"},
    {"transfer", "已移交。"},
    {"close", "投诉已办结，结果已通知客户。"},
};

static const char *done_message(const char *done)
{
    for (size_t i = 0; done && i < sizeof DONE_MESSAGES / sizeof *DONE_MESSAGES;
         i++)
        if (strcmp(done, DONE_MESSAGES[i][0]) == 0)
            return DONE_MESSAGES[i][1];
    return NULL;
}

/* The target of a work order as people say it. */
static const char *target_name(struct sc_req *req, struct sc_rows *w, int i)
{
    const char *t = sc_cell(w, i, 1);
    if (strcmp(t, "department") == 0)
        return sc_printf(req->arena, "集团公司·%s",
                         sc_cell(w, i, 13) ? sc_cell(w, i, 13)
                                           : sc_cell(w, i, 2));
    if (strcmp(t, "province") == 0)
        return sc_printf(req->arena, "%s公司",
                         sc_province_name((int)sc_cell_int(w, i, 3)));
    const struct sc_city_ref *c = sc_city_ref((int)sc_cell_int(w, i, 4));
    return c ? sc_printf(req->arena, "%s·%s分公司",
                         sc_province_name(c->province_id), c->name)
             : "地市分公司";
}

/* Whether this staff member answers work order i: head office any; a
 * province its own and its cities'; a city branch its own. */
static int may_complete(struct sc_req *req, struct sc_rows *w, int i)
{
    if (wo_is_hq(req))
        return 1;
    const char *t = sc_cell(w, i, 1);
    int city = (int)sc_cell_int(w, i, 4);
    if (wo_is_city(req))
        return strcmp(t, "city") == 0 && city == req->staff->city_id;
    if (strcmp(t, "province") == 0)
        return sc_cell_int(w, i, 3) == req->staff->province_id;
    const struct sc_city_ref *c = sc_city_ref(city);
    return strcmp(t, "city") == 0 && c &&
           c->province_id == req->staff->province_id;
}

static void history(sc_dict *d, struct sc_rows *e)
{
    for (int i = 0; i < e->n; i++) {
        sc_dict *h = sc_section(d, "EVENT");
        sc_set(h, "AT", sc_cell(e, i, 0));
        sc_set(h, "KIND_CODE", sc_cell(e, i, 1));
        sc_set(h, "KIND", sc_complaint_event_label(sc_cell(e, i, 1)));
        if (!sc_cell_int(e, i, 2))
            sc_show(h, "INTERNAL");
        if (sc_cell(e, i, 3))
            sc_set(sc_section(h, "STATUS_AFTER"), "STATUS",
                   sc_complaint_status_label(sc_cell(e, i, 3)));
        sc_set(h, "TEXT", sc_cell(e, i, 4));
        sc_set(h, "STAFF", sc_cell(e, i, 5) ? sc_cell(e, i, 5) : "系统/客户");
    }
}

static void work_orders(struct sc_req *req, sc_dict *d, struct sc_rows *w,
                        int closed)
{
    for (int i = 0; i < w->n; i++) {
        sc_dict *o = sc_section(d, "WORK_ORDER");
        sc_set(o, "ID", sc_cell(w, i, 0));
        sc_set(o, "TARGET", target_name(req, w, i));
        const char *st = sc_cell(w, i, 5);
        sc_set(o, "STATUS_CODE", st);
        sc_set(o, "STATUS",
               strcmp(st, "open") == 0   ? "处理中"
               : strcmp(st, "done") == 0 ? "已办结"
                                         : "已撤销");
        sc_set(o, "INSTRUCTIONS", sc_cell(w, i, 6));
        sc_set(o, "ANSWER", sc_cell(w, i, 7));
        sc_set(o, "DUE", sc_cell(w, i, 8));
        sc_set(o, "CREATED", sc_cell(w, i, 11));
        sc_set(o, "DONE_AT", sc_cell(w, i, 12));
        sc_set(o, "BY", sc_cell(w, i, 14));
        int open = strcmp(st, "open") == 0;
        if (sc_cell_int(w, i, 9) && open)
            sc_show(o, "OVERDUE");
        if (sc_cell_int(w, i, 10) && open)
            sc_show(o, "ESCALATED");
        if (open && !closed && may_complete(req, w, i))
            sc_show(o, "COMPLETE_FORM");
    }
    if (w->n == 0)
        sc_show(d, "NO_WORK_ORDERS");
}

/* The dispatch choices: head office to its departments or a province; a
 * province to its city branches. NULL rows when the database failed. */
static int dispatch_form(struct sc_req *req, sc_dict *d, int province)
{
    sc_dict *f = sc_section(d, "DISPATCH");
    if (wo_is_hq(req)) {
        struct sc_rows *dep = sc_db_query(req, SQL_DEPARTMENTS, NULL);
        struct sc_rows *pr = dep ? sc_db_query(req, SQL_PROVINCES, NULL) : NULL;
        if (!pr)
            return -1;
        sc_dict *hq = sc_section(f, "DISPATCH_HQ");
        for (int i = 0; i < dep->n; i++) {
            sc_dict *o = sc_section(hq, "DEPARTMENT_OPTION");
            sc_set(o, "VALUE", sc_cell(dep, i, 0));
            sc_set(o, "LABEL", sc_cell(dep, i, 1));
        }
        for (int i = 0; i < pr->n; i++) {
            sc_dict *o = sc_section(hq, "PROVINCE_OPTION");
            sc_set(o, "VALUE", sc_cell(pr, i, 0));
            sc_set(o, "LABEL", sc_cell(pr, i, 1));
            if (sc_cell_int(pr, i, 0) == province)
                sc_show(o, "SELECTED");
        }
        return 0;
    }
    struct sc_rows *c =
        sc_db_query(req, SQL_CITIES, "i", (long long)req->staff->province_id);
    if (!c)
        return -1;
    sc_dict *pv = sc_section(f, "DISPATCH_PROVINCE");
    for (int i = 0; i < c->n; i++) {
        sc_dict *o = sc_section(pv, "CITY_OPTION");
        sc_set(o, "VALUE", sc_cell(c, i, 0));
        sc_set(o, "LABEL", sc_cell(c, i, 1));
    }
    return 0;
}

static void complaint_fields(struct sc_req *req, sc_dict *d, struct sc_rows *c)
{
    sc_set(d, "ID", sc_cell(c, 0, WC_ID));
    sc_set(d, "TRACK_NO", sc_cell(c, 0, WC_TRACK_NO));
    sc_set(d, "KIND", sc_complaint_kind_label(sc_cell(c, 0, WC_KIND)));
    sc_set(d, "MSISDN", sc_cell(c, 0, WC_MSISDN));
    sc_set(d, "EMAIL", sc_cell(c, 0, WC_EMAIL));
    sc_set(d, "CONTACT", sc_cell(c, 0, WC_CONTACT));
    sc_set(d, "TITLE", sc_cell(c, 0, WC_TITLE));
    sc_set(d, "CONTENT", sc_cell(c, 0, WC_CONTENT));
    sc_set(d, "CUSTOMER_CATEGORY",
           sc_cell(c, 0, WC_CUSTOMER_CATEGORY)
               ? wo_category_label(sc_cell(c, 0, WC_CUSTOMER_CATEGORY))
               : "未选择");
    sc_set(d, "AUTO_CATEGORY",
           wo_category_label(sc_cell(c, 0, WC_AUTO_CATEGORY)));
    sc_set(d, "CATEGORY", wo_category_label(sc_cell(c, 0, WC_CATEGORY)));
    int province = (int)sc_cell_int(c, 0, WC_PROVINCE);
    const struct sc_city_ref *city =
        sc_city_ref((int)sc_cell_int(c, 0, WC_CITY));
    sc_set(d, "HOME",
           city ? sc_printf(req->arena, "%s %s", sc_province_name(province),
                            city->name)
                : sc_province_name(province));
    sc_set(d, "HANDLER",
           sc_cell_int(c, 0, WC_HEAD_OFFICE)
               ? "集团公司"
               : sc_printf(req->arena, "%s公司", sc_province_name(province)));
    sc_set(d, "STATUS_CODE", sc_cell(c, 0, WC_STATUS));
    sc_set(d, "STATUS", sc_complaint_status_label(sc_cell(c, 0, WC_STATUS)));
    sc_set(d, "DUE", sc_cell(c, 0, WC_DUE));
    sc_set(d, "CREATED", sc_cell(c, 0, WC_CREATED));
    int closed = strcmp(sc_cell(c, 0, WC_STATUS), "closed") == 0;
    if (sc_cell_int(c, 0, WC_OVERDUE) && !closed)
        sc_show(d, "OVERDUE");
    if (sc_cell(c, 0, WC_ESCALATED) && !closed)
        sc_set(sc_section(d, "ESCALATED"), "AT", sc_cell(c, 0, WC_ESCALATED));
    if (sc_cell_int(c, 0, WC_RECOMPLAINTS) > 0)
        sc_set(sc_section(d, "RECOMPLAINT"), "COUNT",
               sc_cell(c, 0, WC_RECOMPLAINTS));
    if (sc_cell(c, 0, WC_RESULT)) {
        sc_dict *r = sc_section(d, "RESULT");
        sc_set(r, "TEXT", sc_cell(c, 0, WC_RESULT));
        sc_set(r, "CLOSED", sc_cell(c, 0, WC_CLOSED));
    }
    if (sc_cell(c, 0, WC_RATING)) {
        sc_dict *r = sc_section(d, "RATING");
        sc_set(r, "STARS", sc_cell(c, 0, WC_RATING));
        sc_set(r, "COMMENT", sc_cell(c, 0, WC_RATING_COMMENT));
        sc_set(r, "CONFIRMED", sc_cell(c, 0, WC_CONFIRMED));
    }
}

int detail_page(struct sc_req *req)
{
    struct sc_rows *c;
    int status = wo_complaint_load(req, 0, &c);
    if (status)
        return status;
    const char *id = sc_cell(c, 0, WC_ID);
    struct sc_rows *e = sc_db_query(req, SQL_EVENTS, "s", id);
    struct sc_rows *w = e ? sc_db_query(req, SQL_WORK_ORDERS, "s", id) : NULL;
    if (!w || sc_reference_load(req) != 0)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "workorders/detail.tpl",
                         sc_printf(req->arena, "投诉 %s",
                                   sc_cell(c, 0, WC_TRACK_NO)
                                       ? sc_cell(c, 0, WC_TRACK_NO)
                                       : id));
    complaint_fields(req, d, c);
    sc_set(d, "ID_COMPLAINT", id); /* inside sections where ID is another's */
    const char *done = done_message(sc_field(req, "done"));
    if (done)
        sc_set(sc_section(d, "DONE"), "MESSAGE", done);
    history(d, e);
    int closed = strcmp(sc_cell(c, 0, WC_STATUS), "closed") == 0;
    work_orders(req, d, w, closed);

    /* A city branch answers its work orders and notes; the rest belongs to
     * the province or head office that dispatched them. */
    if (closed) {
        sc_show(d, "CLOSED_NOTICE");
    } else if (!wo_is_city(req)) {
        sc_dict *a = sc_section(d, "ACTIONS");
        const char *cat = sc_cell(c, 0, WC_CATEGORY);
        for (int i = 0; WO_CATEGORIES[i]; i++) {
            sc_dict *o = sc_section(a, "CATEGORY_OPTION");
            sc_set(o, "VALUE", WO_CATEGORIES[i]);
            sc_set(o, "LABEL", wo_category_label(WO_CATEGORIES[i]));
            if (strcmp(cat, WO_CATEGORIES[i]) == 0)
                sc_show(o, "SELECTED");
        }
        if (dispatch_form(req, a, (int)sc_cell_int(c, 0, WC_PROVINCE)) != 0) {
            sc_view_end(req);
            return sc_db_failure_status();
        }
        if (sc_cell_int(c, 0, WC_HEAD_OFFICE) == 0)
            sc_show(a, "TO_HEAD_OFFICE");
        else if (wo_is_hq(req))
            sc_set(sc_section(a, "TO_PROVINCE"), "PROVINCE",
                   sc_province_name((int)sc_cell_int(c, 0, WC_PROVINCE)));
    }
    return 200;
}

int close_page(struct sc_req *req)
{
    struct sc_rows *c;
    int status = wo_complaint_load(req, 0, &c);
    if (status)
        return status;
    if (strcmp(sc_cell(c, 0, WC_STATUS), "closed") == 0)
        return sc_bad_request(req, "该投诉已办结，不能重复办结。");
    if (wo_is_city(req))
        return 403;
    sc_dict *d = sc_view(req, "workorders/close.tpl", "办结投诉");
    sc_set(d, "ID", sc_cell(c, 0, WC_ID));
    sc_set(d, "TRACK_NO", sc_cell(c, 0, WC_TRACK_NO));
    sc_set(d, "TITLE", sc_cell(c, 0, WC_TITLE));
    sc_set(d, "MSISDN", sc_cell(c, 0, WC_MSISDN));
    sc_set(d, "STATUS", sc_complaint_status_label(sc_cell(c, 0, WC_STATUS)));
    return 200;
}
