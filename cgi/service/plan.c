/* Plan change (B-10): the current plan, the plans offered to the
 * customer's brand with their rules and monthly fees, a change that takes
 * effect on the 1st of next month (at most one pending per line), and the
 * cancellation of a pending change. Billing applies the change on its
 * date; no order goes to the network.
 *
 * The freeze (业务冻结受理时间): in the last N days of a month billing
 * prepares next month's plans, so changes and cancellations are refused.
 * N is the province's plan_freeze row, else [service] plan_freeze_days of
 * selfcare.ini. The date is the database's (CURDATE()), as everywhere.
 *
 * A change locks the subscriber row, so two submissions of one line are
 * serialized; the form's request_id makes the same form sent twice one
 * change, and uq_plan_changes_pending keeps a second pending change out
 * even if a path forgot the lock.
 * Statements, the session check included: the page 4 (the line, the
 * pending change, the plans); a change 7 (the plan, BEGIN, the locked
 * line, its changes, 2 writes, COMMIT); a cancellation 6. */
#include "service.h"

#include <string.h>

/* The line with the calendar the freeze needs. FOR UPDATE in the writes'
 * transactions (the same text with the lock appended). */
#define LINE_SELECT                                                            \
    "SELECT s.status, s.plan, s.plan_fee_fen, DAY(CURDATE()), "                \
    "DAY(LAST_DAY(CURDATE())), "                                               \
    "DATE_FORMAT(LAST_DAY(CURDATE()) + INTERVAL 1 DAY, '%Y-%m-%d'), "          \
    "COALESCE((SELECT f.freeze_days FROM plan_freeze f "                       \
    "WHERE f.province_id = s.province_id), ?) "                                \
    "FROM subscribers s WHERE s.msisdn = ?"
static const char SQL_LINE[] = LINE_SELECT;
static const char SQL_LINE_LOCK[] = LINE_SELECT " FOR UPDATE";
static const char SQL_PENDING[] =
    "SELECT c.id, p.name, p.monthly_fee_fen, "
    "DATE_FORMAT(c.effective_on, '%Y-%m-%d'), "
    "DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), "
    "COALESCE(c.request_id = ?, 0) FROM plan_changes c "
    "JOIN plans p ON p.code = c.plan_code "
    "WHERE c.msisdn = ? AND (c.status = 'pending' OR c.request_id = ?) "
    "ORDER BY c.id DESC LIMIT 2";
static const char SQL_PLANS[] =
    "SELECT code, name, monthly_fee_fen, rules FROM plans "
    "WHERE brand_code = ? AND active = 1 ORDER BY sort, code";
static const char SQL_PLAN[] =
    "SELECT name, monthly_fee_fen FROM plans "
    "WHERE code = ? AND brand_code = ? AND active = 1";
static const char SQL_ADD[] =
    "INSERT INTO plan_changes (msisdn, from_plan, plan_code, effective_on, "
    "status, request_id, pending_msisdn, created_at) "
    "VALUES (?, ?, ?, ?, 'pending', ?, ?, NOW())";
static const char SQL_CANCEL[] =
    "UPDATE plan_changes SET status = 'cancelled', pending_msisdn = NULL, "
    "settled_at = NOW() "
    "WHERE id = ? AND msisdn = ? AND status = 'pending'";

enum { ER_DUP_ENTRY = 1062 };

/* Columns of LINE_SELECT. */
enum { L_STATUS, L_PLAN, L_FEE, L_DAY, L_MONTH_DAYS, L_NEXT_FIRST, L_FREEZE };

static int freeze_days(const struct sc_rows *line)
{
    return (int)sc_cell_int(line, 0, L_FREEZE);
}

/* Whether today is in the month-end freeze. */
static bool frozen(const struct sc_rows *line)
{
    int n = freeze_days(line);
    return n > 0 &&
           sc_cell_int(line, 0, L_DAY) > sc_cell_int(line, 0, L_MONTH_DAYS) - n;
}

static const char *freeze_message(struct sc_req *req,
                                  const struct sc_rows *line)
{
    int n = freeze_days(line);
    long long from = sc_cell_int(line, 0, L_MONTH_DAYS) - n + 1;
    return sc_printf(req->arena,
                     "每月最后 %d 天为套餐业务冻结期（本月 %lld 日起），此期间"
                     "不受理套餐变更和取消，请于下月 1 日后再办理。",
                     n, from < 1 ? 1 : from);
}

/* The lines of a rules text into section name of d. */
static void rules_lines(sc_arena *a, sc_dict *d, const char *rules)
{
    const char *p = rules ? rules : "";
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 0) {
            sc_dict *r = sc_section(d, "RULE");
            sc_set(r, "TEXT", sc_strndup(a, p, len));
        }
        p += len + (end ? 1 : 0);
    }
}

/* The page, with error (a refusal or a 400's reason) above the form.
 * 0, or a status. */
static int page(struct sc_req *req, const char *error)
{
    const char *msisdn = req->customer->msisdn;
    sc_arena *a = req->arena;
    struct sc_rows *line =
        sc_db_query(req, SQL_LINE, "is",
                    (long long)sc_cfg.service_plan_freeze_days, msisdn);
    if (!line)
        return sc_db_failure_status();
    if (line->n == 0)
        return 404; /* the session outlived its subscriber */
    struct sc_rows *pend = sc_db_query(req, SQL_PENDING, "sss", "", msisdn, "");
    if (!pend)
        return sc_db_failure_status();
    struct sc_rows *plans =
        sc_db_query(req, SQL_PLANS, "s", req->customer->brand_code);
    if (!plans)
        return sc_db_failure_status();

    bool is_frozen = frozen(line);
    bool closed = strcmp(sc_cell(line, 0, L_STATUS), "closed") == 0;
    const char *current = sc_cell(line, 0, L_PLAN);
    sc_dict *d = sc_view(req, "service/plan.tpl", "套餐计划变更");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "BRAND", sc_brand_name(req->customer->brand_code));
    sc_set(d, "PLAN", current && *current ? current : "未登记");
    sc_set(d, "FEE", sc_yuan(a, sc_cell_int(line, 0, L_FEE)));
    sc_set(d, "NEXT_FIRST", sc_cell(line, 0, L_NEXT_FIRST));
    if (freeze_days(line) > 0) {
        sc_dict *f = sc_section(d, "FREEZE_RULE");
        sc_set(f, "DAYS", sc_printf(a, "%d", freeze_days(line)));
    } else {
        sc_show(d, "NO_FREEZE");
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    } else if (is_frozen) {
        sc_dict *e = sc_section(d, "FROZEN");
        sc_set(e, "MESSAGE", freeze_message(req, line));
    }
    bool pending = pend->n > 0;
    if (pending) {
        sc_dict *p = sc_section(d, "PENDING");
        sc_set(p, "NAME", sc_cell(pend, 0, 1));
        sc_set(p, "FEE", sc_yuan(a, sc_cell_int(pend, 0, 2)));
        sc_set(p, "EFFECTIVE", sc_cell(pend, 0, 3));
        sc_set(p, "AT", sc_cell(pend, 0, 4));
        if (!is_frozen) {
            sc_dict *c = sc_section(p, "CANCEL");
            sc_set(c, "ID", sc_cell(pend, 0, 0));
        }
    }
    bool can_apply = !pending && !is_frozen && !closed;
    for (int i = 0; i < plans->n; i++) {
        sc_dict *p = sc_section(d, "OFFER");
        const char *name = sc_cell(plans, i, 1);
        sc_set(p, "CODE", sc_cell(plans, i, 0));
        sc_set(p, "NAME", name);
        sc_set(p, "FEE", sc_yuan(a, sc_cell_int(plans, i, 2)));
        rules_lines(a, p, sc_cell(plans, i, 3));
        bool is_current = current && strcmp(current, name) == 0;
        if (is_current)
            sc_show(p, "CURRENT");
        else if (can_apply)
            sc_show(p, "CHOOSE");
    }
    if (plans->n == 0)
        sc_show(d, "NO_PLANS");
    if (can_apply && plans->n > 0) {
        char token[44];
        sc_token_new(token);
        sc_dict *f = sc_section(d, "FORM");
        sc_set(f, "REQUEST_ID", token);
        /* The form wraps the table: its start and end are two sections. */
        sc_dict *e = sc_section(d, "FORM_END");
        sc_set(e, "NEXT_FIRST", sc_cell(line, 0, L_NEXT_FIRST));
    } else if (pending) {
        sc_show(d, "ONE_PENDING");
    }
    return 0;
}

int plan_form(struct sc_req *req)
{
    int st = page(req, NULL);
    return st ? st : 200;
}

static int refuse(struct sc_req *req, int code, const char *message)
{
    int st = page(req, message);
    return st ? st : code;
}

int plan_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *code = sc_field(req, "plan");
    const char *request_id = sc_field(req, "request_id");
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    struct sc_rows *plan =
        sc_db_query(req, SQL_PLAN, "ss", code, req->customer->brand_code);
    if (!plan)
        return sc_db_failure_status();
    if (plan->n == 0)
        return refuse(req, 400,
                      "「套餐」不是您的品牌可以选择的套餐，请从列表中选择。");
    const char *name = sc_cell(plan, 0, 0);

    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    struct sc_rows *line =
        sc_db_query(req, SQL_LINE_LOCK, "is",
                    (long long)sc_cfg.service_plan_freeze_days, msisdn);
    if (!line || line->n == 0)
        goto fail;
    struct sc_rows *pend =
        sc_db_query(req, SQL_PENDING, "sss", request_id, msisdn, request_id);
    if (!pend)
        goto fail;
    /* The same form sent again: its change, whatever happened since. */
    for (int i = 0; i < pend->n; i++)
        if (sc_cell_int(pend, i, 5)) {
            sc_db_rollback(req);
            return sc_redirect(req, "/service/plan");
        }
    const char *why = NULL;
    int status = 409;
    if (strcmp(sc_cell(line, 0, L_STATUS), "closed") == 0)
        why = "本号码已销号，不能办理套餐变更。";
    else if (frozen(line))
        why = freeze_message(req, line);
    else if (pend->n > 0)
        why = "您已有一笔待生效的套餐变更，每月只能申请一次。如需改选，请先"
              "取消该申请。";
    else if (sc_cell(line, 0, L_PLAN) &&
             strcmp(sc_cell(line, 0, L_PLAN), name) == 0) {
        why = "您选择的套餐就是当前套餐，无需变更。";
        status = 400;
    }
    if (why) {
        sc_db_rollback(req);
        return refuse(req, status, why);
    }
    const char *effective = sc_cell(line, 0, L_NEXT_FIRST);
    if (sc_db_exec(req, SQL_ADD, "ssssss", msisdn, sc_cell(line, 0, L_PLAN),
                   code, effective, request_id, msisdn) != 1) {
        /* The token of another number's form: refused like a stale form. */
        if (sc_db_errno() == ER_DUP_ENTRY) {
            sc_db_rollback(req);
            return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
        }
        goto fail;
    }
    if (sc_acceptance_add(
            req, msisdn, "套餐计划变更", "done",
            sc_printf(req->arena, "申请自 %s 起变更为%s（月费 %s）", effective,
                      name, sc_yuan(req->arena, sc_cell_int(plan, 0, 1)))) != 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("service: %s plan change to %s from %s", msisdn, code, effective);
    return sc_redirect(req, "/service/plan");
fail:
    sc_db_rollback(req);
    return sc_db_failure_status();
}

int plan_cancel(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *id = sc_field(req, "id");
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    struct sc_rows *line =
        sc_db_query(req, SQL_LINE_LOCK, "is",
                    (long long)sc_cfg.service_plan_freeze_days, msisdn);
    if (!line || line->n == 0)
        goto fail;
    if (frozen(line)) {
        sc_db_rollback(req);
        return refuse(req, 409, freeze_message(req, line));
    }
    struct sc_rows *pend = sc_db_query(req, SQL_PENDING, "sss", "", msisdn, "");
    if (!pend)
        goto fail;
    long long rows = pend->n && strcmp(sc_cell(pend, 0, 0), id) == 0
                         ? sc_db_exec(req, SQL_CANCEL, "ss", id, msisdn)
                         : 0;
    if (rows < 0)
        goto fail;
    if (rows == 0) {
        /* Cancelled already (the same form twice) or not this line's. */
        sc_db_rollback(req);
        return refuse(req, 409, "没有可以取消的套餐变更申请。");
    }
    if (sc_acceptance_add(req, msisdn, "套餐计划变更", "done",
                          sc_printf(req->arena, "取消自 %s 起变更为%s的申请",
                                    sc_cell(pend, 0, 3),
                                    sc_cell(pend, 0, 1))) != 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("service: %s cancelled plan change %s", msisdn, id);
    return sc_redirect(req, "/service/plan");
fail:
    sc_db_rollback(req);
    return sc_db_failure_status();
}
