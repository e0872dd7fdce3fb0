/* International roaming (B-11) and international direct dial (B-15): each
 * a page with the feature's state as the network last confirmed it, the
 * deposit rule of the customer's province and brand, and the apply or
 * cancel form. They are the network features intl_roaming and
 * intl_long_distance: applying or cancelling places a "feature" order like
 * the features page (B-05), one order per request_id, refused while one
 * for the same feature is pending.
 *
 * The deposit (保证金): intl_deposit_rules gives the amount per province
 * (0 = the default row) and brand. Opening is refused until the deposit
 * already held (taken at the counter or by bank transfer) or the account
 * balance covers it; this site takes no money for it. The features page
 * applies the same rule (service_deposit_check). Cancelling is never
 * refused. The rule is read before the order's transaction: a balance that
 * falls in between only matters to billing, which holds the deposit.
 * Statements, the session check included: the page 2; an order 9 (the
 * rule, then as line.c). */
#include "service.h"

#include <string.h>

/* The line, the feature's state and its pending order, and the deposit
 * rule (the province's row, else the default row; none = no deposit). */
static const char SQL_INTL[] =
    "SELECT s.status, s.balance_fen, s.intl_deposit_fen, "
    "COALESCE((SELECT r.deposit_fen FROM intl_deposit_rules r "
    "WHERE r.feature = ? AND r.brand_code = s.brand_code "
    "AND r.province_id IN (s.province_id, 0) "
    "ORDER BY r.province_id DESC LIMIT 1), 0), "
    "COALESCE((SELECT f.enabled FROM line_features f "
    "WHERE f.msisdn = s.msisdn AND f.feature = ?), 0), "
    "(SELECT o.id FROM provision_orders o WHERE o.msisdn = s.msisdn "
    "AND o.status = 'pending' AND o.action = 'feature' AND o.feature = ? "
    "ORDER BY o.id DESC LIMIT 1) "
    "FROM subscribers s WHERE s.msisdn = ?";

/* What each page is. */
struct intl {
    const char *feature, *path, *title, *name, *apply, *cancel;
    const char *explain; /* the template's section with the page's text */
};
static const struct intl ROAMING = {
    "intl_roaming", "/service/roaming", "国际漫游业务",   "国际漫游",
    "国际漫游申请", "国际漫游取消",     "EXPLAIN_ROAMING"};
static const struct intl IDD = {
    "intl_long_distance", "/service/idd", "国际直拨业务", "国际直拨",
    "国际直拨申请",       "国际直拨取消", "EXPLAIN_IDD"};

/* The line's row of SQL_INTL, or NULL (*status set) when there is none. */
static struct sc_rows *intl_read(struct sc_req *req, const char *feature,
                                 int *status)
{
    struct sc_rows *r = sc_db_query(req, SQL_INTL, "ssss", feature, feature,
                                    feature, req->customer->msisdn);
    if (!r)
        *status = sc_db_failure_status();
    else if (r->n == 0)
        *status = 404; /* the session outlived its subscriber */
    return r && r->n ? r : NULL;
}

/* The refusal of an uncovered deposit, or NULL when it is covered. */
static const char *deposit_message(sc_arena *a, const char *name,
                                   long long required, long long held,
                                   long long balance)
{
    if (required <= 0 || held >= required || balance >= required)
        return NULL;
    return sc_printf(a,
                     "开通%s须有保证金 %s：您已缴纳的保证金为 %s，账户余额为 "
                     "%s，均不足，暂不能申请。请先充值使账户余额达到 %s，或到"
                     "营业厅、通过银行划账缴纳保证金后再申请。",
                     name, sc_yuan(a, required), sc_yuan(a, held),
                     sc_yuan(a, balance), sc_yuan(a, required));
}

int service_deposit_check(struct sc_req *req, const char *feature,
                          const char **message)
{
    *message = NULL;
    const char *name = strcmp(feature, ROAMING.feature) == 0 ? ROAMING.name
                       : strcmp(feature, IDD.feature) == 0   ? IDD.name
                                                             : NULL;
    if (!name)
        return 1;
    int status = 0;
    struct sc_rows *r = intl_read(req, feature, &status);
    if (!r)
        return -1;
    *message = deposit_message(req->arena, name, sc_cell_int(r, 0, 3),
                               sc_cell_int(r, 0, 2), sc_cell_int(r, 0, 1));
    return *message ? 0 : 1;
}

/* The page from the line's row r; error (a refusal) above the form. */
static void intl_page(struct sc_req *req, const struct intl *p,
                      const struct sc_rows *r, const char *error)
{
    sc_arena *a = req->arena;
    const char *status = sc_cell(r, 0, 0);
    long long balance = sc_cell_int(r, 0, 1), held = sc_cell_int(r, 0, 2);
    long long required = sc_cell_int(r, 0, 3);
    bool on = sc_cell_int(r, 0, 4) != 0;
    long long pending = sc_cell(r, 0, 5) ? sc_cell_int(r, 0, 5) : 0;

    sc_dict *d = sc_view(req, "service/intl.tpl", p->title);
    sc_show(d, p->explain);
    sc_set(d, "TITLE", p->title);
    sc_set(d, "NAME", p->name);
    sc_set(d, "MSISDN", req->customer->msisdn);
    sc_set(d, "STATUS", service_status_label(status));
    sc_set(d, "STATUS_CLASS", status);
    sc_set(d, "PROVINCE", sc_province_name(req->customer->province_id));
    sc_set(d, "BRAND", sc_brand_name(req->customer->brand_code));
    sc_set(d, "STATE", on ? "已开通" : "未开通");
    sc_set(d, "STATE_CLASS", on ? "on" : "off");
    sc_set(d, "BALANCE", sc_yuan(a, balance));
    sc_set(d, "HELD", sc_yuan(a, held));
    if (required > 0) {
        sc_dict *dep = sc_section(d, "DEPOSIT");
        sc_set(dep, "REQUIRED", sc_yuan(a, required));
    } else {
        sc_show(d, "NO_DEPOSIT");
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    const char *refused =
        on ? NULL : deposit_message(a, p->name, required, held, balance);
    if (pending) {
        sc_dict *s = sc_section(d, "PENDING");
        sc_set(s, "HREF", sc_printf(a, "/service/order?id=%lld", pending));
    } else if (strcmp(status, "active") != 0) {
        sc_show(d, "NOT_ACTIVE");
    } else if (refused) {
        if (!error) {
            sc_dict *e = sc_section(d, "REFUSED");
            sc_set(e, "MESSAGE", refused);
        }
    } else {
        char token[44];
        sc_token_new(token);
        sc_dict *f = sc_section(d, on ? "CANCEL" : "APPLY");
        sc_set(f, "REQUEST_ID", token);
        sc_set(f, "PATH", p->path);
    }
}

static int intl_form(struct sc_req *req, const struct intl *p)
{
    int status = 0;
    struct sc_rows *r = intl_read(req, p->feature, &status);
    if (!r)
        return status;
    intl_page(req, p, r, NULL);
    return 200;
}

/* The page again with a refusal, as status (or the read's failure). */
static int intl_refuse(struct sc_req *req, const struct intl *p, int code,
                       const char *message)
{
    int status = 0;
    struct sc_rows *r = intl_read(req, p->feature, &status);
    if (!r)
        return status;
    intl_page(req, p, r, message);
    return code;
}

static int intl_submit(struct sc_req *req, const struct intl *p)
{
    const char *msisdn = req->customer->msisdn;
    const char *request_id = sc_field(req, "request_id");
    int enabled = strcmp(sc_field(req, "action"), "apply") == 0;
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    if (enabled) {
        const char *why = NULL;
        int ok = service_deposit_check(req, p->feature, &why);
        if (ok < 0)
            return sc_db_failure_status();
        if (ok == 0)
            return intl_refuse(req, p, 409, why);
    }
    long long id = 0;
    const char *status = "";
    enum order_outcome out = service_order_place(
        req, "active", "feature", p->feature, enabled, NULL,
        enabled ? p->apply : p->cancel, request_id, &id, &status);
    switch (out) {
    case ORDER_PLACED:
        sc_info("service: %s order %lld (%s %s)", msisdn, id, p->feature,
                enabled ? "on" : "off");
        /* fall through */
    case ORDER_EXISTS:
        return sc_redirect(req,
                           sc_printf(req->arena, "/service/order?id=%lld", id));
    case ORDER_STATE:
        return intl_refuse(req, p, 409,
                           sc_printf(req->arena,
                                     "本号码当前状态为%s，不能办理%s。",
                                     service_status_label(status), p->title));
    case ORDER_PENDING:
        return intl_refuse(
            req, p, 409,
            sc_printf(req->arena,
                      "%s已有一笔业务正在处理中，请等待网络确认后再办理。",
                      p->name));
    case ORDER_FAILED:
        break;
    }
    return sc_db_failure_status();
}

int roaming_form(struct sc_req *req)
{
    return intl_form(req, &ROAMING);
}
int roaming_submit(struct sc_req *req)
{
    return intl_submit(req, &ROAMING);
}
int idd_form(struct sc_req *req)
{
    return intl_form(req, &IDD);
}
int idd_submit(struct sc_req *req)
{
    return intl_submit(req, &IDD);
}
