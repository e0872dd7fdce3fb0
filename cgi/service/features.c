/* Supplementary features on and off (B-05): each feature with its state as
 * the network last confirmed it (line_features; no row means off) and,
 * while an order for it is pending, that order instead of a button. A
 * switch is an order "feature" (业务申请 / 业务取消) placed like the
 * whole-line orders (line.c): one transaction, one order per request_id,
 * refused while the same feature has a pending order or the line is not
 * in service. Call forwarding needs the forward-to number when switched on.
 * Switching on international roaming or long distance follows the deposit
 * rule of their own pages (intl.c).
 * Statements, the session check included: the page 4 (the line, its
 * features, its pending feature orders); a switch 8: the session, BEGIN,
 * the locked line, its orders, 3 writes, COMMIT. */
#include "service.h"

#include <string.h>

static const char SQL_STATUS[] =
    "SELECT status FROM subscribers WHERE msisdn = ?";
static const char SQL_FEATURES[] =
    "SELECT feature, enabled, param FROM line_features WHERE msisdn = ?";
static const char SQL_PENDING[] =
    "SELECT id, feature, enabled, param FROM provision_orders "
    "WHERE msisdn = ? AND status = 'pending' AND action = 'feature' "
    "ORDER BY id";

/* In page order; the codes are those of the order XML and line_features. */
static const char *const CODES[] = {
    "intl_long_distance", "intl_roaming", "domestic_roaming", "call_waiting",
    "call_forwarding",    "caller_id",    "voicemail",        "secretary"};
enum { N_FEATURES = sizeof CODES / sizeof CODES[0] };

static const char *const HINTS[N_FEATURES] = {
    "拨打国际及港澳台长途电话的权限。",
    "在国外及港澳台地区使用本号码；保证金规定见国际漫游业务。",
    "在归属省以外的国内地区使用本号码。",
    "通话中有新来电时提示，可切换接听。",
    "来电转接到您指定的号码（如固定电话）。",
    "来电时显示对方号码。",
    "无法接听时来电者可以留言，稍后收听。",
    "无法接听时由秘书台代为记录留言并短信通知。",
};

/* The page; error (a 400's reason) above the list when set. 0 or a
 * status. */
static int page(struct sc_req *req, const char *error)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *line = sc_db_query(req, SQL_STATUS, "s", msisdn);
    if (!line)
        return sc_db_failure_status();
    if (line->n == 0)
        return 404; /* the session outlived its subscriber */
    struct sc_rows *on = sc_db_query(req, SQL_FEATURES, "s", msisdn);
    if (!on)
        return sc_db_failure_status();
    struct sc_rows *pending = sc_db_query(req, SQL_PENDING, "s", msisdn);
    if (!pending)
        return sc_db_failure_status();

    const char *status = sc_cell(line, 0, 0);
    bool in_service = strcmp(status, "active") == 0;
    sc_dict *d = sc_view(req, "service/features.tpl", "业务申请和取消");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "STATUS", service_status_label(status));
    if (!in_service)
        sc_show(d, "NOT_ACTIVE");
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    for (int i = 0; i < N_FEATURES; i++) {
        sc_dict *f = sc_section(d, "FEATURE");
        sc_set(f, "CODE", CODES[i]);
        sc_set(f, "LABEL", service_feature_label(CODES[i]));
        sc_set(f, "HINT", HINTS[i]);
        bool enabled = false;
        const char *param = NULL;
        for (int j = 0; j < on->n; j++)
            if (strcmp(sc_cell(on, j, 0), CODES[i]) == 0) {
                enabled = sc_cell_int(on, j, 1) != 0;
                param = sc_cell(on, j, 2);
            }
        sc_set(f, "STATE", enabled ? "已开通" : "未开通");
        sc_set(f, "STATE_CLASS", enabled ? "on" : "off");
        if (enabled && param && *param) {
            sc_dict *p = sc_section(f, "PARAM");
            sc_set(p, "PARAM", param);
        }
        long long order = 0;
        const char *order_on = NULL;
        for (int j = 0; j < pending->n; j++)
            if (strcmp(sc_cell(pending, j, 1), CODES[i]) == 0) {
                order = sc_cell_int(pending, j, 0);
                order_on = sc_cell(pending, j, 2);
            }
        if (order) {
            sc_dict *p = sc_section(f, "PENDING");
            sc_set(p, "WHAT",
                   order_on && strcmp(order_on, "1") == 0 ? "开通" : "取消");
            sc_set(p, "HREF",
                   sc_printf(req->arena, "/service/order?id=%lld", order));
        } else if (in_service) {
            char token[44];
            sc_token_new(token);
            sc_dict *s = sc_section(f, "SWITCH");
            sc_set(s, "REQUEST_ID", token);
            sc_set(s, "ENABLED", enabled ? "0" : "1");
            sc_set(s, "BUTTON", enabled ? "取消" : "开通");
            if (!enabled && strcmp(CODES[i], "call_forwarding") == 0)
                sc_show(s, "FORWARD_TO");
        }
    }
    return 0;
}

int features_page(struct sc_req *req)
{
    int st = page(req, NULL);
    return st ? st : 200;
}

/* A forward-to number: 5 to 20 digits (a fixed line with its area code,
 * a mobile, a short service number). */
static bool forward_valid(const char *s)
{
    size_t n = strlen(s);
    return n >= 5 && n <= 20 && strspn(s, "0123456789") == n;
}

static int bad(struct sc_req *req, const char *message)
{
    int st = page(req, message);
    return st ? st : 400;
}

int features_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *feature = sc_field(req, "feature");
    int enabled = strcmp(sc_field(req, "enabled"), "1") == 0;
    const char *forward = sc_field(req, "forward_to");
    const char *request_id = sc_field(req, "request_id");
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    const char *param = NULL;
    if (forward && *forward) {
        if (!forward_valid(forward))
            return bad(req,
                       "「呼叫转移号码」应为 5 至 20 位数字，业务未提交。");
        /* Only call forwarding switched on carries a number. */
        if (strcmp(feature, "call_forwarding") == 0 && enabled)
            param = forward;
    } else if (strcmp(feature, "call_forwarding") == 0 && enabled) {
        return bad(req, "开通呼叫转移请填写「呼叫转移号码」，业务未提交。");
    }

    /* International roaming and long distance: the same deposit rule as
     * their own pages (B-11, B-15). */
    if (enabled) {
        const char *why = NULL;
        int ok = service_deposit_check(req, feature, &why);
        if (ok < 0)
            return sc_db_failure_status();
        if (ok == 0) {
            int st = page(req, why);
            return st ? st : 409;
        }
    }

    long long id = 0;
    const char *status = "";
    enum order_outcome out = service_order_place(
        req, "active", "feature", feature, enabled, param,
        enabled ? "业务申请" : "业务取消", request_id, &id, &status);
    switch (out) {
    case ORDER_PLACED:
        sc_info("service: %s order %lld (%s %s)", msisdn, id, feature,
                enabled ? "on" : "off");
        /* fall through */
    case ORDER_EXISTS:
        return sc_redirect(req,
                           sc_printf(req->arena, "/service/order?id=%lld", id));
    case ORDER_STATE: {
        int st = page(req, sc_printf(req->arena,
                                     "本号码当前状态为%s，不能办理业务申请和"
                                     "取消。",
                                     service_status_label(status)));
        return st ? st : 409;
    }
    case ORDER_PENDING: {
        int st = page(req, sc_printf(req->arena,
                                     "%s已有一笔业务正在处理中，请等待网络确认"
                                     "后再办理。",
                                     service_feature_label(feature)));
        return st ? st : 409;
    }
    case ORDER_FAILED:
        break;
    }
    return sc_db_failure_status();
}
