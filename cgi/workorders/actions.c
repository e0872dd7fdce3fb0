/* The staff actions on a complaint. Each is one transaction: the complaint
 * row is locked (and found only within the staff member's scope, else 404),
 * the transition is checked against the locked status (409 with a message
 * when it is not allowed), then the change, its history event, the audit
 * row and, for what the customer should hear about, the SMS and e-mail in
 * the outbox are written together. Success goes back to the complaint's
 * page (303) with a message. */
#include "workorders.h"

#include <stdlib.h>
#include <string.h>

/* The row is locked and its status checked: an update that changes
 * nothing (already dispatched, within the same second) is not a failure,
 * as MariaDB counts changed rows, not matched ones. */
static const char SQL_SET_STATUS[] =
    "UPDATE complaints SET status = ?, updated_at = NOW() "
    "WHERE id = ? AND status <> 'closed'";
static const char SQL_SET_CATEGORY[] =
    "UPDATE complaints SET category = ?, updated_at = NOW() WHERE id = ?";
static const char SQL_LABEL[] =
    "INSERT INTO complaint_labels (complaint_id, category, staff_id, at) "
    "VALUES (?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE category = "
    "VALUES(category), staff_id = VALUES(staff_id), at = VALUES(at)";
static const char SQL_DEPARTMENT[] =
    "SELECT name FROM complaint_departments WHERE code = ?";
/* The due time comes from the SLA of the complaint's category. */
static const char SQL_WORK_ORDER_ADD[] =
    "INSERT INTO work_orders (complaint_id, target, department_code, "
    "province_id, city_id, status, instructions, dispatched_by, due_at, "
    "created_at) SELECT ?, ?, ?, ?, ?, 'open', ?, ?, NOW() + INTERVAL "
    "s.workorder_hours HOUR, NOW() FROM complaint_sla s WHERE s.category = ?";
static const char SQL_WORK_ORDER_LOCK[] =
    "SELECT target, IFNULL(province_id, 0), IFNULL(city_id, 0), status "
    "FROM work_orders WHERE id = ? AND complaint_id = ? FOR UPDATE";
static const char SQL_WORK_ORDER_DONE[] =
    "UPDATE work_orders SET status = 'done', answer = ?, done_at = NOW() "
    "WHERE id = ? AND status = 'open'";
static const char SQL_HEAD_OFFICE[] =
    "UPDATE complaints SET head_office = ?, updated_at = NOW() "
    "WHERE id = ? AND head_office <> ?";
static const char SQL_CLOSE[] =
    "UPDATE complaints SET status = 'closed', result = ?, closed_at = NOW(), "
    "updated_at = NOW() WHERE id = ? AND status <> 'closed'";
static const char SQL_CANCEL_WORK_ORDERS[] =
    "UPDATE work_orders SET status = 'cancelled' "
    "WHERE complaint_id = ? AND status = 'open'";

/* ------------------------------------------------------------ plumbing */

struct action {
    struct sc_req *req;
    struct sc_rows *c;                 /* the locked complaint */
    const char *id, *track_no, *label; /* label: 投诉 or 建议 */
};

/* Begins the transaction and locks the complaint: 0, or a status. */
static int begin(struct sc_req *req, struct action *a)
{
    a->req = req;
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    int status = wo_complaint_load(req, 1, &a->c);
    if (status) {
        sc_db_rollback(req);
        return status;
    }
    a->id = sc_cell(a->c, 0, WC_ID);
    a->track_no =
        sc_cell(a->c, 0, WC_TRACK_NO) ? sc_cell(a->c, 0, WC_TRACK_NO) : a->id;
    a->label = sc_complaint_kind_label(sc_cell(a->c, 0, WC_KIND));
    return 0;
}

/* A refused transition: nothing written, the reason on a 409 page. */
static int refuse(struct action *a, int status, const char *why)
{
    sc_db_rollback(a->req);
    a->req->error_message = why;
    if (status == 409)
        a->req->error_title = "操作未能完成";
    return status;
}

static int failed(struct action *a)
{
    sc_db_rollback(a->req);
    return sc_db_failure_status();
}

static int is_closed(const struct action *a)
{
    return strcmp(sc_cell(a->c, 0, WC_STATUS), "closed") == 0;
}

static int event(struct action *a, const char *kind, int visible,
                 const char *status_after, const char *text)
{
    return sc_complaint_event(a->req, a->id, kind, visible, a->req->staff->id,
                              status_after, text);
}

/* Tells the customer by SMS, and by e-mail when there is an address. */
static int notify(struct action *a, const char *body)
{
    return sc_complaint_notify(
        a->req, sc_cell(a->c, 0, WC_MSISDN), sc_cell(a->c, 0, WC_EMAIL),
        sc_printf(a->req->arena, "您的%s（受理编号 %s）有新进展", a->label,
                  a->track_no),
        body);
}

/* Audit, commit, and back to the page (or the queue, when the complaint
 * has just left this staff member's scope). */
static int finish(struct action *a, const char *action, const char *detail,
                  const char *done, int to_queue)
{
    if (sc_audit(a->req, NULL, action, a->track_no, detail) != 0 ||
        sc_db_commit(a->req) != 0)
        return failed(a);
    if (to_queue)
        return sc_redirect(a->req, "/admin/complaints/");
    return sc_redirect(a->req, sc_printf(a->req->arena,
                                         "/admin/complaints/view?id=%s&done=%s",
                                         a->id, done));
}

/* ------------------------------------------------------------- review */

/* 复核: a new complaint goes to "reviewing" (the customer hears of it);
 * the category may be corrected at the same time, which is kept as a
 * training example for the classifier. The review remark is internal. */
int action_review(struct sc_req *req)
{
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (is_closed(&a))
        return refuse(&a, 409, "该投诉已办结，不能再复核。");
    const char *old_cat = sc_cell(a.c, 0, WC_CATEGORY);
    const char *cat = sc_field(req, "category");
    int recat = cat && strcmp(cat, old_cat) != 0;
    int start = strcmp(sc_cell(a.c, 0, WC_STATUS), "submitted") == 0;
    if (!start && !recat)
        return refuse(&a, 409,
                      "该投诉已复核过，且分类没有改变：无需再次复核。");
    const char *text = sc_field(req, "text");
    if (start &&
        (sc_db_exec(req, SQL_SET_STATUS, "ss", "reviewing", a.id) < 0 ||
         event(&a, "reviewed", 1, "reviewing", "工作人员正在复核您的诉求。") ||
         notify(&a, sc_printf(req->arena,
                              "您的%s（受理编号 %s）已由工作人员受理复核，"
                              "我们将在 %s 前答复您。",
                              a.label, a.track_no, sc_cell(a.c, 0, WC_DUE)))))
        return failed(&a);
    if (recat &&
        (sc_db_exec(req, SQL_SET_CATEGORY, "ss", cat, a.id) != 1 ||
         sc_db_exec(req, SQL_LABEL, "ssi", a.id, cat, req->staff->id) < 0 ||
         event(&a, "reclassified", 0, NULL,
               sc_printf(req->arena, "分类由「%s」改为「%s」",
                         wo_category_label(old_cat), wo_category_label(cat)))))
        return failed(&a);
    if (text &&
        event(&a, "note", 0, NULL, sc_printf(req->arena, "复核意见：%s", text)))
        return failed(&a);
    const char *detail =
        recat ? sc_printf(req->arena, "category %s -> %s%s", old_cat, cat,
                          start ? "; status reviewing" : "")
              : "status reviewing";
    return finish(&a,
                  recat && !start ? "complaint_reclassify" : "complaint_review",
                  detail, "review", 0);
}

/* -------------------------------------------------------- reply, note */

int action_reply(struct sc_req *req)
{
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (is_closed(&a))
        return refuse(
            &a, 409,
            "该投诉已办结，不能再答复。如客户再投诉，投诉会重新打开。");
    if (wo_is_city(req))
        return refuse(&a, 403,
                      "地市分公司请在工单中填写处理结果，由省公司答复客户。");
    const char *text = sc_field(req, "text");
    if (sc_db_exec(req, SQL_SET_STATUS, "ss", "replied", a.id) < 0 ||
        event(&a, "reply", 1, "replied", text) ||
        notify(&a, sc_printf(req->arena, "您的%s（受理编号 %s）答复如下：%s",
                             a.label, a.track_no, text)))
        return failed(&a);
    return finish(&a, "complaint_reply", "status replied", "reply", 0);
}

/* An internal note: history only, never visible, never sent. */
int action_note(struct sc_req *req)
{
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (event(&a, "note", 0, NULL, sc_field(req, "text")))
        return failed(&a);
    return finish(&a, "complaint_note", "internal", "note", 0);
}

/* ------------------------------------------------------------ dispatch */

/* Checks where the work order may go and names it; NULL when refused,
 * with the reason in *why ("" when the database failed). */
static const char *dispatch_target(struct sc_req *req, const char *target,
                                   long long *province, long long *city,
                                   const char **why)
{
    const char *dep = sc_field(req, "department");
    const char *p = sc_field(req, "province"), *ci = sc_field(req, "city");
    *province = p ? strtoll(p, NULL, 10) : 0;
    *city = ci ? strtoll(ci, NULL, 10) : 0;
    if (strcmp(target, "city") == 0) {
        if (wo_is_hq(req)) {
            *why = "集团公司请将工单派发给省公司，由省公司派发到地市分公司。";
            return NULL;
        }
        const struct sc_city_ref *c = sc_city_ref((int)*city);
        if (!c || c->province_id != req->staff->province_id) {
            *why = "请选择本省的地市分公司（「地市分公司」无效）。";
            return NULL;
        }
        *province = 0;
        return sc_printf(req->arena, "%s分公司", c->name);
    }
    if (!wo_is_hq(req)) {
        *why = "省公司只能将工单派发到本省的地市分公司。";
        return NULL;
    }
    *city = 0;
    if (strcmp(target, "province") == 0) {
        const struct sc_province_ref *pr = sc_province_ref((int)*province);
        if (!pr) {
            *why = "请选择要派发的省公司（「省公司」无效）。";
            return NULL;
        }
        return sc_printf(req->arena, "%s公司", pr->name);
    }
    *province = 0;
    if (!dep) {
        *why = "请选择要派发的部门（「部门」）。";
        return NULL;
    }
    struct sc_rows *r = sc_db_query(req, SQL_DEPARTMENT, "s", dep);
    if (!r) {
        *why = "";
        return NULL;
    }
    if (r->n == 0) {
        *why = "「部门」无效，请从列表中选择。";
        return NULL;
    }
    return sc_printf(req->arena, "集团公司%s", sc_cell(r, 0, 0));
}

int action_dispatch(struct sc_req *req)
{
    if (wo_is_city(req))
        return 403;
    if (sc_reference_load(req) != 0)
        return sc_db_failure_status();
    const char *target = sc_field(req, "target");
    long long province, city;
    const char *why = NULL;
    const char *name = dispatch_target(req, target, &province, &city, &why);
    if (!name && why && !*why)
        return sc_db_failure_status();
    /* Checked before anything is locked, but only after the complaint is
     * known to be in scope: outside it, the answer is 404 either way. */
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (!name) {
        sc_db_rollback(req);
        return sc_bad_request(req, why);
    }
    if (is_closed(&a))
        return refuse(&a, 409, "该投诉已办结，不能再派发工单。");
    const char *dep =
        strcmp(target, "department") == 0 ? sc_field(req, "department") : NULL;
    const char *pv = province ? sc_printf(req->arena, "%lld", province) : NULL;
    const char *ct = city ? sc_printf(req->arena, "%lld", city) : NULL;
    if (sc_db_exec(req, SQL_WORK_ORDER_ADD, "ssssssis", a.id, target, dep, pv,
                   ct, sc_field(req, "text"), req->staff->id,
                   sc_cell(a.c, 0, WC_CATEGORY)) != 1)
        return failed(&a);
    long long wo = sc_db_last_id();
    if (sc_db_exec(req, SQL_SET_STATUS, "ss", "dispatched", a.id) < 0 ||
        event(&a, "dispatched", 1, "dispatched",
              sc_printf(req->arena, "已转交%s处理。", name)) ||
        notify(&a, sc_printf(req->arena,
                             "您的%s（受理编号 %s）已转交%s处理，"
                             "处理结果将及时通知您。",
                             a.label, a.track_no, name)))
        return failed(&a);
    return finish(&a, "complaint_dispatch",
                  sc_printf(req->arena, "work order %lld to %s", wo, name),
                  "dispatch", 0);
}

/* The handling unit answers its work order; the answer is internal: the
 * complaint's owner replies to the customer. */
int action_complete(struct sc_req *req)
{
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (sc_reference_load(req) != 0)
        return failed(&a);
    const char *wo = sc_field(req, "wo");
    struct sc_rows *w = sc_db_query(req, SQL_WORK_ORDER_LOCK, "ss", wo, a.id);
    if (!w)
        return failed(&a);
    if (w->n == 0)
        return refuse(&a, 404, NULL);
    if (strcmp(sc_cell(w, 0, 3), "open") != 0)
        return refuse(&a, 409, "该工单已办结或已撤销，不能重复办结。");
    const char *t = sc_cell(w, 0, 0);
    int city = (int)sc_cell_int(w, 0, 2);
    const struct sc_city_ref *cref = sc_city_ref(city);
    int mine =
        wo_is_hq(req) ||
        (wo_is_city(req) ? strcmp(t, "city") == 0 && city == req->staff->city_id
                         : (strcmp(t, "province") == 0 &&
                            sc_cell_int(w, 0, 1) == req->staff->province_id) ||
                               (strcmp(t, "city") == 0 && cref &&
                                cref->province_id == req->staff->province_id));
    if (!mine)
        return refuse(&a, 403, "该工单不是派给您所在单位的。");
    const char *text = sc_field(req, "text");
    if (sc_db_exec(req, SQL_WORK_ORDER_DONE, "ss", text, wo) != 1 ||
        event(&a, "workorder_done", 0, NULL,
              sc_printf(req->arena, "工单 %s 处理结果：%s", wo, text)))
        return failed(&a);
    return finish(&a, "workorder_complete",
                  sc_printf(req->arena, "work order %s", wo), "complete", 0);
}

/* ------------------------------------------------------------ transfer */

/* Head office takes a complaint over (S-01), or gives it back to the
 * province. A province that hands one up no longer sees it. */
int action_transfer(struct sc_req *req)
{
    if (wo_is_city(req))
        return 403;
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (is_closed(&a))
        return refuse(&a, 409, "该投诉已办结，不能移交。");
    int up = strcmp(sc_field(req, "to"), "head_office") == 0;
    if (!up && !wo_is_hq(req))
        return refuse(&a, 403, "只有集团公司可以将投诉交回省公司。");
    if (sc_cell_int(a.c, 0, WC_HEAD_OFFICE) == up)
        return refuse(&a, 409,
                      up ? "该投诉已由集团公司处理。"
                         : "该投诉已由省公司处理。");
    if (sc_db_exec(req, SQL_HEAD_OFFICE, "isi", (long long)up, a.id,
                   (long long)up) != 1 ||
        event(&a, "note", 0, NULL,
              up ? "移交集团公司处理。" : "交回省公司处理。"))
        return failed(&a);
    return finish(&a, "complaint_transfer",
                  up ? "to head office" : "to province", "transfer",
                  up && !wo_is_hq(req));
}

/* --------------------------------------------------------------- close */

int action_close(struct sc_req *req)
{
    if (wo_is_city(req))
        return 403;
    struct action a;
    int status = begin(req, &a);
    if (status)
        return status;
    if (is_closed(&a))
        return refuse(&a, 409, "该投诉已办结，不能重复办结。");
    const char *text = sc_field(req, "text");
    if (sc_db_exec(req, SQL_CLOSE, "ss", text, a.id) != 1 ||
        sc_db_exec(req, SQL_CANCEL_WORK_ORDERS, "s", a.id) < 0 ||
        event(&a, "closed", 1, "closed", text) ||
        notify(&a, sc_printf(req->arena,
                             "您的%s（受理编号 %s）已办结。处理结果：%s"
                             "。如对结果不满意，可凭受理编号和密码在网上"
                             "营业厅再投诉或评价。",
                             a.label, a.track_no, text)))
        return failed(&a);
    return finish(&a, "complaint_close", "status closed", "close", 0);
}
