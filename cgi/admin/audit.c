/* The audit log view: newest first, paged, filterable by actor. A province
 * administrator sees the actions of that province's staff. */
#include "admin.h"

#include <string.h>

static const char SQL_AUDIT_PAGE[] =
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), a.username, a.action, "
    "a.target, a.detail, a.client_ip FROM audit_log a "
    "LEFT JOIN staff s ON s.id = a.staff_id "
    "WHERE (? = 0 OR s.province_id = ?) AND (? IS NULL OR a.username = ?) "
    "ORDER BY a.id DESC LIMIT ? OFFSET ?";

static const struct {
    const char *action, *label;
} actions[] = {
    {"login", "登录"},
    {"login_failed", "登录失败"},
    {"logout", "退出"},
    {"staff_create", "新增员工"},
    {"staff_update", "修改员工"},
    {"complaint_review", "投诉复核"},
    {"complaint_reclassify", "投诉重新分类"},
    {"complaint_reply", "答复客户"},
    {"complaint_note", "内部备注"},
    {"complaint_dispatch", "派发工单"},
    {"workorder_complete", "办结工单"},
    {"complaint_transfer", "投诉移交"},
    {"complaint_close", "投诉办结"},
};

static const char *action_label(const char *action)
{
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(actions[i].action, action) == 0)
            return actions[i].label;
    return action;
}

int audit_page(struct sc_req *req)
{
    long long page = admin_page_number(req);
    long long scope = req->staff->province_id;
    const char *who = sc_field(req, "username");
    struct sc_rows *r = sc_db_query(req, SQL_AUDIT_PAGE, "iissii", scope, scope,
                                    who, who, (long long)ADMIN_PAGE_SIZE + 1,
                                    (page - 1) * ADMIN_PAGE_SIZE);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "admin/audit.tpl", "审计日志");
    sc_set(d, "FILTER_USERNAME", who);
    for (int i = 0; i < r->n && i < ADMIN_PAGE_SIZE; i++) {
        sc_dict *e = sc_section(d, "ENTRY");
        sc_set(e, "AT", sc_cell(r, i, 0));
        sc_set(e, "USERNAME", sc_cell(r, i, 1));
        sc_set(e, "ACTION", action_label(sc_cell(r, i, 2)));
        sc_set(e, "TARGET", sc_cell(r, i, 3));
        sc_set(e, "DETAIL", sc_cell(r, i, 4));
        sc_set(e, "IP", sc_cell(r, i, 5));
    }
    if (r->n == 0)
        sc_show(d, "EMPTY");
    const char *base =
        who ? sc_printf(req->arena, "/admin/audit?username=%s", who)
            : "/admin/audit";
    admin_pager(d, base, page, r->n, req->arena);
    return 200;
}
