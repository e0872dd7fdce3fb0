/* Orders that change the whole line: suspension and resumption (B-04), the
 * loss report (B-14), and the result page of any order to the network.
 * The line's status changes only when the network confirms (the provision
 * worker sets it): these pages create the order with its pending acceptance
 * record in one transaction and then show the order as pending. A hidden
 * request_id (a fresh token per form) makes a double submission one order.
 * The password is asked again for the loss report only (the spec asks for
 * it there; a suspension is undone online by a resumption).
 * Statements, the session check included: a form 2; an order 8: the
 * session, BEGIN, the locked line, its orders, 3 writes, COMMIT; a loss
 * report 3 more (2 lock checks, the hash); the order page 2. */
#include "service.h"

#include <string.h>

static const char SQL_LINE_STATE[] =
    "SELECT s.status, (SELECT o.id FROM provision_orders o "
    "WHERE o.msisdn = s.msisdn AND o.status = 'pending' "
    "ORDER BY o.id DESC LIMIT 1) FROM subscribers s WHERE s.msisdn = ?";
/* The lock serializes the orders of one line: a second submission waits
 * here and then sees the first one's order. */
static const char SQL_LINE_LOCK[] =
    "SELECT status FROM subscribers WHERE msisdn = ? FOR UPDATE";
/* Read after the lock (START TRANSACTION takes its snapshot at the first
 * plain read), so it sees every order committed before. */
static const char SQL_LINE_ORDERS[] =
    "SELECT id, COALESCE(request_id = ?, 0), feature FROM provision_orders "
    "WHERE msisdn = ? AND (status = 'pending' OR request_id = ?) "
    "ORDER BY id DESC LIMIT 50";
static const char SQL_ORDER[] =
    "SELECT o.action, o.feature, o.enabled, o.param, o.status, o.last_error, "
    "DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i:%s'), "
    "DATE_FORMAT(o.done_at, '%Y-%m-%d %H:%i:%s'), s.status "
    "FROM provision_orders o JOIN subscribers s ON s.msisdn = o.msisdn "
    "WHERE o.id = ? AND o.msisdn = ?";
static const char SQL_HASH[] =
    "SELECT password_hash FROM subscribers WHERE msisdn = ?";

static const struct {
    const char *code, *label;
} STATUS[] = {
    {"active", "正常"},
    {"suspended", "已报停"},
    {"lost", "已挂失"},
    {"closed", "已销号"},
};

static const struct {
    const char *code, *label;
} FEATURES[] = {
    {"intl_long_distance", "国际长途"}, {"intl_roaming", "国际漫游"},
    {"domestic_roaming", "国内漫游"},   {"call_waiting", "呼叫等待"},
    {"call_forwarding", "呼叫转移"},    {"caller_id", "来电显示"},
    {"voicemail", "语音信箱"},          {"secretary", "秘书台"},
};

const char *service_status_label(const char *status)
{
    if (!status)
        return "";
    for (size_t i = 0; i < sizeof STATUS / sizeof STATUS[0]; i++)
        if (strcmp(STATUS[i].code, status) == 0)
            return STATUS[i].label;
    return status;
}

const char *service_feature_label(const char *feature)
{
    for (size_t i = 0; feature && i < sizeof FEATURES / sizeof FEATURES[0]; i++)
        if (strcmp(FEATURES[i].code, feature) == 0)
            return FEATURES[i].label;
    return NULL;
}

const char *service_order_label(sc_arena *a, const char *action,
                                const char *feature, const char *enabled)
{
    if (!action)
        return "";
    if (strcmp(action, "suspend") == 0)
        return "手机报停";
    if (strcmp(action, "resume") == 0)
        return "恢复开机";
    if (strcmp(action, "loss") == 0)
        return "挂失";
    if (strcmp(action, "sim_swap") == 0)
        return "补卡激活";
    const char *name = service_feature_label(feature);
    return sc_printf(a, "%s%s",
                     enabled && strcmp(enabled, "1") == 0 ? "开通" : "取消",
                     name ? name : (feature ? feature : ""));
}

bool service_token_valid(const char *s)
{
    static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "abcdefghijklmnopqrstuvwxyz0123456789-_";
    return s && strlen(s) == 43 && strspn(s, B64URL) == 43;
}

enum order_outcome service_order_place(struct sc_req *req, const char *allowed,
                                       const char *action, const char *feature,
                                       int enabled, const char *param,
                                       const char *business,
                                       const char *request_id, long long *id,
                                       const char **status)
{
    const char *msisdn = req->customer->msisdn;
    *status = "";
    if (sc_db_begin(req) != 0)
        return ORDER_FAILED;
    enum order_outcome out = ORDER_FAILED;
    struct sc_rows *line = sc_db_query(req, SQL_LINE_LOCK, "s", msisdn);
    if (!line || line->n == 0)
        goto undo;
    *status = sc_cell(line, 0, 0);
    struct sc_rows *orders = sc_db_query(req, SQL_LINE_ORDERS, "sss",
                                         request_id, msisdn, request_id);
    if (!orders)
        goto undo;
    /* The same form sent again: its order, whatever happened since. */
    for (int i = 0; i < orders->n; i++)
        if (sc_cell_int(orders, i, 1)) {
            *id = sc_cell_int(orders, i, 0);
            out = ORDER_EXISTS;
            goto undo;
        }
    /* A status word of allowed, matched whole. */
    size_t n = strlen(*status);
    const char *p = allowed;
    bool ok = false;
    while (!ok && n && (p = strstr(p, *status)) != NULL) {
        ok = (p == allowed || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0);
        p += n;
    }
    if (!ok) {
        out = ORDER_STATE;
        goto undo;
    }
    for (int i = 0; i < orders->n; i++) {
        const char *f = sc_cell(orders, i, 2);
        if (!feature || (f && strcmp(f, feature) == 0)) {
            *id = sc_cell_int(orders, i, 0);
            out = ORDER_PENDING;
            goto undo;
        }
    }
    long long made = sc_order_add(req, msisdn, action, feature, enabled, param,
                                  business, request_id);
    if (made <= 0) {
        /* 0: the token belongs to another number's order (it was copied):
         * refused like a stale form, never shown. */
        if (made == 0)
            sc_warn("service: request_id of %s reused across numbers", msisdn);
        goto undo;
    }
    if (sc_db_commit(req) != 0)
        return ORDER_FAILED;
    *id = made;
    return ORDER_PLACED;
undo:
    sc_db_rollback(req);
    return out;
}

/* ---------------------------------------------------------------- pages */

/* What each whole-line action is, and when it is allowed. */
struct line_action {
    const char *action, *business, *title, *tpl, *allowed;
};
static const struct line_action SUSPEND = {"suspend", "手机报停", "手机报停",
                                           "service/suspend.tpl", "active"};
static const struct line_action RESUME = {"resume", "恢复开机", "恢复开机",
                                          "service/resume.tpl", "suspended"};
static const struct line_action LOSS = {"loss", "挂失", "挂失申请",
                                        "service/loss.tpl", "active suspended"};

/* Why the line's status refuses the action, or NULL when it allows it. */
static const char *refusal(const struct line_action *a, const char *status)
{
    bool active = strcmp(status, "active") == 0;
    bool suspended = strcmp(status, "suspended") == 0;
    bool lost = strcmp(status, "lost") == 0;
    if (strcmp(a->action, "suspend") == 0) {
        if (active)
            return NULL;
        if (suspended)
            return "本号码已处于报停状态，无需再次报停。如需恢复使用，请办理"
                   "恢复开机。";
        if (lost)
            return "本号码已挂失，不能办理报停。";
    } else if (strcmp(a->action, "resume") == 0) {
        if (suspended)
            return NULL;
        if (active)
            return "本号码当前状态正常，无需恢复开机。";
        if (lost)
            return "本号码已挂失，不能在网上恢复开机。请机主本人持有效身份证"
                   "件到营业厅办理解挂和重新开通。";
    } else {
        if (active || suspended)
            return NULL;
        if (lost)
            return "本号码已挂失，无需重复办理。";
    }
    return "本号码当前状态不能在网上办理此业务，请到营业厅咨询办理。";
}

/* The page of a whole-line action: its explanation and, when the line
 * allows it, the confirmation form (error, if set, above it); otherwise
 * why not. */
static void line_page(struct sc_req *req, const struct line_action *a,
                      const char *status, long long pending, const char *error)
{
    sc_dict *d = sc_view(req, a->tpl, a->title);
    sc_set(d, "MSISDN", req->customer->msisdn);
    sc_set(d, "STATUS", service_status_label(status));
    sc_set(d, "STATUS_CLASS", status);
    const char *why = refusal(a, status);
    if (why) {
        sc_dict *r = sc_section(d, "REFUSED");
        sc_set(r, "MESSAGE", why);
    } else if (pending) {
        sc_dict *p = sc_section(d, "PENDING");
        sc_set(p, "HREF",
               sc_printf(req->arena, "/service/order?id=%lld", pending));
    } else {
        char token[44];
        sc_token_new(token);
        sc_dict *f = sc_section(d, "FORM");
        sc_set(f, "REQUEST_ID", token);
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

static int line_form(struct sc_req *req, const struct line_action *a)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_LINE_STATE, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404; /* the session outlived its subscriber */
    line_page(req, a, sc_cell(r, 0, 0),
              sc_cell(r, 0, 1) ? sc_cell_int(r, 0, 1) : 0, NULL);
    return 200;
}

/* Places the order of a; the password, if asked, was checked before. */
static int line_order(struct sc_req *req, const struct line_action *a)
{
    const char *msisdn = req->customer->msisdn;
    const char *request_id = sc_field(req, "request_id");
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    long long id = 0;
    const char *status = "";
    enum order_outcome out =
        service_order_place(req, a->allowed, a->action, NULL, 0, NULL,
                            a->business, request_id, &id, &status);
    switch (out) {
    case ORDER_PLACED:
        sc_info("service: %s order %lld (%s)", msisdn, id, a->action);
        /* fall through */
    case ORDER_EXISTS:
        return sc_redirect(req,
                           sc_printf(req->arena, "/service/order?id=%lld", id));
    case ORDER_STATE:
        line_page(req, a, status, 0, NULL);
        return 409;
    case ORDER_PENDING:
        line_page(req, a, status, id, NULL);
        return 409;
    case ORDER_FAILED:
        break;
    }
    return sc_db_failure_status();
}

int suspend_form(struct sc_req *req)
{
    return line_form(req, &SUSPEND);
}
int suspend_submit(struct sc_req *req)
{
    return line_order(req, &SUSPEND);
}
int resume_form(struct sc_req *req)
{
    return line_form(req, &RESUME);
}
int resume_submit(struct sc_req *req)
{
    return line_order(req, &RESUME);
}
int loss_form(struct sc_req *req)
{
    return line_form(req, &LOSS);
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "该号码服务密码连续输错次数过多，已被暂时锁定，请于 %s "
                     "之后再试。如需立即挂失，请拨打客服热线 10086 或到营业厅"
                     "办理。",
                     l->until);
}

/* The password again first (counted toward the number's lockout like a
 * wrong login), then the order. */
int loss_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_lock lock;
    int status = sc_login_precheck(req, "msisdn", msisdn, &lock);
    if (status)
        return status;
    if (lock.locked) {
        sc_session_end_customer(req);
        req->error_message = locked_message(req, &lock);
        return 403;
    }
    struct sc_rows *r = sc_db_query(req, SQL_HASH, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    if (!sc_password_verify(r->n ? sc_cell(r, 0, 0) : NULL,
                            sc_field(req, "password"))) {
        status = sc_login_failed(req, "msisdn", msisdn, &lock);
        if (status)
            return status;
        sc_info("service: wrong password for %s on loss report", msisdn);
        if (lock.locked) {
            sc_session_end_customer(req);
            req->error_message = locked_message(req, &lock);
            return 403;
        }
        struct sc_rows *s = sc_db_query(req, SQL_LINE_STATE, "s", msisdn);
        if (!s || s->n == 0)
            return s ? 404 : sc_db_failure_status();
        line_page(req, &LOSS, sc_cell(s, 0, 0),
                  sc_cell(s, 0, 1) ? sc_cell_int(s, 0, 1) : 0,
                  sc_printf(req->arena,
                            "服务密码不正确，未办理挂失，请重新输入。连续输错 "
                            "%d 次，号码将被锁定 %d 分钟。",
                            sc_cfg.lock_failures, sc_cfg.lock_minutes));
        return 403;
    }
    if (sc_lockout_clear(req, "msisdn", msisdn) != 0)
        sc_warn("service: could not clear password failures of %s", msisdn);
    return line_order(req, &LOSS);
}

/* Only the customer's own orders: another number's id is simply not
 * found. */
int order_page(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r =
        sc_db_query(req, SQL_ORDER, "ss", sc_field(req, "id"), msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    const char *action = sc_cell(r, 0, 0);
    const char *feature = sc_cell(r, 0, 1);
    const char *label =
        service_order_label(req->arena, action, feature, sc_cell(r, 0, 2));
    sc_dict *d = sc_view(req, "service/order.tpl", label);
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "ID", sc_field(req, "id"));
    sc_set(d, "BUSINESS", label);
    sc_set(d, "ACTION", action);
    const char *param = sc_cell(r, 0, 3);
    if (param && *param) {
        sc_dict *p = sc_section(d, "PARAM");
        sc_set(p, "PARAM", param);
        sc_set(p, "LABEL",
               strcmp(action, "sim_swap") == 0 ? "新卡 ICCID" : "转移到号码");
    }
    const char *state = sc_cell(r, 0, 4);
    sc_set(d, "STATE_CLASS", state);
    sc_set(d, "CREATED", sc_cell(r, 0, 6));
    sc_set(d, "LINE_STATUS", service_status_label(sc_cell(r, 0, 8)));
    sc_set(d, "LINE_STATUS_CLASS", sc_cell(r, 0, 8));
    if (strcmp(state, "pending") == 0) {
        sc_dict *p = sc_section(d, "PENDING");
        sc_set(
            p, "HREF",
            sc_printf(req->arena, "/service/order?id=%s", sc_field(req, "id")));
    } else {
        sc_dict *f = sc_section(d, "FINISHED");
        sc_set(f, "DONE_AT", sc_cell(r, 0, 7));
        if (strcmp(state, "done") == 0) {
            sc_show(d, "DONE");
        } else {
            sc_dict *e = sc_section(d, "FAILED");
            const char *why = sc_cell(r, 0, 5);
            sc_set(e, "MESSAGE",
                   why && *why ? why : "网络未能执行该业务，号码状态未改变。");
        }
    }
    if (strcmp(action, "feature") == 0)
        sc_show(d, "BACK_FEATURES");
    /* International roaming and direct dial have their own pages too. */
    if (feature && (strcmp(feature, "intl_roaming") == 0 ||
                    strcmp(feature, "intl_long_distance") == 0)) {
        bool roaming = strcmp(feature, "intl_roaming") == 0;
        sc_dict *b = sc_section(d, "BACK_INTL");
        sc_set(b, "HREF", roaming ? "/service/roaming" : "/service/idd");
        sc_set(b, "LABEL", roaming ? "返回国际漫游业务" : "返回国际直拨业务");
    }
    if (strcmp(action, "sim_swap") == 0)
        sc_show(d, "BACK_SIM");
    return 200;
}
