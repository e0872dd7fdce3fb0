/* The read-only pages: the overview of the line (status, contact data, the
 * services on offer, the latest acceptances), the acceptance history of the
 * last 3 months (B-13) and the PUK query.
 * The overview also lists the line's orders to the network: the pending
 * ones first, then the latest finished ones with their outcome.
 * It also shows a pending plan change and a new SIM card in transit.
 * Statements, the session check included: overview 4, history 2, PUK 3
 * (the PUK and its audit record). */
#include "service.h"

#include <stdio.h>
#include <string.h>

/* With the line's pending items that are not network orders: the plan
 * change for next month (B-10) and the SIM card in transit, each at
 * most one (their unique keys). */
static const char SQL_LINE[] =
    "SELECT s.status, s.name, s.plan, s.balance_fen, s.contact_address, "
    "s.contact_phone, s.email, "
    "(SELECT p.name FROM plan_changes c JOIN plans p ON p.code = c.plan_code "
    "WHERE c.pending_msisdn = s.msisdn), "
    "(SELECT CONCAT(DATE_FORMAT(c.effective_on, '%Y-%m-%d'), ' ', "
    "DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i')) FROM plan_changes c "
    "WHERE c.pending_msisdn = s.msisdn), "
    "(SELECT CONCAT(c.iccid, ' ', DATE_FORMAT(c.created_at, "
    "'%Y-%m-%d %H:%i')) FROM sim_cards c WHERE c.transit_msisdn = s.msisdn) "
    "FROM subscribers s WHERE s.msisdn = ?";
static const char SQL_RECENT[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), business, channel, result, "
    "detail FROM acceptances WHERE msisdn = ? ORDER BY at DESC, id DESC "
    "LIMIT ?";

/* Newest first by (at, id), which ix_acceptances_msisdn (msisdn, at, id)
 * serves; one row more than a page tells whether there is a next page. */
static const char SQL_HISTORY_FIRST[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), "
    "DATE_FORMAT(at, '%Y%m%d%H%i%s'), id, business, channel, result, detail "
    "FROM acceptances WHERE msisdn = ? AND at >= NOW() - INTERVAL 3 MONTH "
    "ORDER BY at DESC, id DESC LIMIT ?";
static const char SQL_HISTORY_BEFORE[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), "
    "DATE_FORMAT(at, '%Y%m%d%H%i%s'), id, business, channel, result, detail "
    "FROM acceptances WHERE msisdn = ? AND at >= NOW() - INTERVAL 3 MONTH "
    "AND (at < ? OR (at = ? AND id < ?)) "
    "ORDER BY at DESC, id DESC LIMIT ?";

/* Pending orders first (whatever their age), then the newest; the page
 * splits them into open and recent. ix_orders_msisdn serves the filter. */
static const char SQL_ORDERS[] =
    "SELECT id, action, feature, enabled, status, last_error, "
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM provision_orders "
    "WHERE msisdn = ? ORDER BY status = 'pending' DESC, id DESC LIMIT ?";

static const char SQL_PUK[] = "SELECT puk FROM subscribers WHERE msisdn = ?";

/* The services this program offers, in menu order. */
static const struct {
    const char *code, *label, *href, *hint;
} SERVICES[] = {
    {"topup", "话费卡缴费", "/service/topup", "用充值卡为本号码充值"},
    {"plan_change", "套餐计划变更", "/service/plan",
     "查看当前套餐，申请下月变更套餐或取消变更"},
    {"suspend", "手机报停", "/service/suspend",
     "暂停本号码的全部通信服务，可在网上恢复开机"},
    {"suspend", "恢复开机", "/service/resume", "恢复在网上报停的号码"},
    {"features", "业务申请和取消", "/service/features",
     "开通或取消国际长途、漫游、呼叫转移、来电显示等业务"},
    {"intl_roaming", "国际漫游业务", "/service/roaming",
     "查询、申请或取消国际及港澳台漫游"},
    {"idd", "国际直拨业务", "/service/idd", "查询、申请或取消国际长途直拨"},
    {"custom", "定制类服务变更", "/service/custom",
     "详单邮寄地址、余额提醒、回访要求"},
    {"sim_replace", "跨区补卡", "/service/sim",
     "在外地补办 SIM 卡，寄到您所在的城市"},
    {"loss", "挂失申请", "/service/loss",
     "手机丢失时挂失本号码，停止通话和短信"},
    {"password", "客户密码更改", "/service/password", "修改服务密码"},
    {"data_change", "客户资料变更", "/service/profile",
     "修改联系地址、联系电话、电子邮件"},
    {"puk", "PUK码查询", "/service/puk",
     "查询 SIM 卡的 PUK 码（需再次输入密码）"},
    {"history", "受理结果查询", "/service/history", "近 3 个月的业务受理记录"},
};

const char *service_channel_label(const char *channel)
{
    if (!channel)
        return "";
    if (strcmp(channel, "web") == 0)
        return "网上营业厅";
    if (strcmp(channel, "counter") == 0)
        return "营业厅";
    if (strcmp(channel, "call_centre") == 0)
        return "客服热线";
    if (strcmp(channel, "sms") == 0)
        return "短信营业厅";
    return channel;
}

const char *service_result_label(const char *result)
{
    if (result && strcmp(result, "done") == 0)
        return "成功";
    if (result && strcmp(result, "pending") == 0)
        return "处理中";
    if (result && strcmp(result, "failed") == 0)
        return "失败";
    return result ? result : "";
}

/* One acceptance row into section name of d. */
static void acceptance_row(sc_dict *d, const char *name,
                           const struct sc_rows *r, int i, int at, int first)
{
    sc_dict *e = sc_section(d, name);
    sc_set(e, "AT", sc_cell(r, i, at));
    sc_set(e, "BUSINESS", sc_cell(r, i, first));
    sc_set(e, "CHANNEL", service_channel_label(sc_cell(r, i, first + 1)));
    const char *result = sc_cell(r, i, first + 2);
    sc_set(e, "RESULT", service_result_label(result));
    sc_set(e, "RESULT_CLASS", result ? result : "");
    sc_set(e, "DETAIL", sc_cell(r, i, first + 3));
}

int service_overview(struct sc_req *req)
{
    const struct sc_customer *c = req->customer;
    struct sc_rows *line = sc_db_query(req, SQL_LINE, "s", c->msisdn);
    if (!line)
        return sc_db_failure_status();
    if (line->n == 0)
        return 404; /* the session outlived its subscriber */
    struct sc_rows *recent =
        sc_db_query(req, SQL_RECENT, "si", c->msisdn, (long long)RECENT_ROWS);
    if (!recent)
        return sc_db_failure_status();
    struct sc_rows *orders =
        sc_db_query(req, SQL_ORDERS, "si", c->msisdn, (long long)ORDER_ROWS);
    if (!orders)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "service/overview.tpl", "业务受理");
    sc_set(d, "MSISDN", c->msisdn);
    const char *status = sc_cell(line, 0, 0);
    sc_set(d, "STATUS", service_status_label(status));
    sc_set(d, "STATUS_CLASS", status);
    sc_set(d, "NAME", sc_cell(line, 0, 1));
    sc_set(d, "PLAN", sc_cell(line, 0, 2));
    sc_set(d, "BALANCE", sc_yuan(req->arena, sc_cell_int(line, 0, 3)));
    sc_set(d, "BRAND", sc_brand_name(c->brand_code));
    sc_set(d, "PROVINCE", sc_province_name(c->province_id));
    static const char *const CONTACT[] = {"ADDRESS", "PHONE", "EMAIL"};
    for (int i = 0; i < 3; i++) {
        const char *v = sc_cell(line, 0, 4 + i);
        sc_set(d, CONTACT[i], v && *v ? v : "未填写");
    }

    /* The availability table is cached per worker: no statement. */
    for (size_t i = 0; i < sizeof SERVICES / sizeof SERVICES[0]; i++) {
        int can = sc_service_available(req, SERVICES[i].code, c->brand_code,
                                       c->province_id);
        if (can < 0)
            return sc_db_failure_status();
        sc_dict *s = sc_section(d, "SERVICE");
        sc_set(s, "CODE", SERVICES[i].code);
        sc_set(s, "LABEL", SERVICES[i].label);
        sc_set(s, "HREF", SERVICES[i].href);
        sc_set(s, "HINT", SERVICES[i].hint);
        sc_show(s, can ? "OFFERED" : "NOT_OFFERED");
    }

    int open = 0, done = 0;
    for (int i = 0; i < orders->n; i++) {
        const char *state = sc_cell(orders, i, 4);
        bool pending = strcmp(state, "pending") == 0;
        if (!pending && done == RECENT_ROWS)
            continue;
        sc_dict *o = sc_section(d, pending ? "OPEN_ORDER" : "ORDER");
        pending ? open++ : done++;
        sc_set(o, "HREF",
               sc_printf(req->arena, "/service/order?id=%s",
                         sc_cell(orders, i, 0)));
        sc_set(o, "ID", sc_cell(orders, i, 0));
        sc_set(o, "BUSINESS",
               service_order_label(req->arena, sc_cell(orders, i, 1),
                                   sc_cell(orders, i, 2),
                                   sc_cell(orders, i, 3)));
        sc_set(o, "AT", sc_cell(orders, i, 6));
        sc_set(o, "STATE_CLASS", state);
        const char *why = sc_cell(orders, i, 5);
        sc_set(o, "STATE",
               pending                      ? "处理中"
               : strcmp(state, "done") == 0 ? "已完成"
               : why && *why ? sc_printf(req->arena, "失败：%s", why)
                             : "失败");
    }
    /* Pending items that wait for billing or the customer, not the
     * network. */
    /* "effective-date created-at" and "iccid created-at". */
    const char *plan = sc_cell(line, 0, 8);
    if (sc_cell(line, 0, 7) && plan && strlen(plan) > 11) {
        sc_dict *p = sc_section(d, "PENDING_PLAN");
        sc_set(p, "NAME", sc_cell(line, 0, 7));
        sc_set(p, "EFFECTIVE", sc_strndup(req->arena, plan, 10));
        sc_set(p, "AT", plan + 11);
        open++;
    }
    const char *sim = sc_cell(line, 0, 9);
    if (sim && strlen(sim) > 21) {
        sc_dict *p = sc_section(d, "PENDING_SIM");
        sc_set(p, "ICCID", sc_strndup(req->arena, sim, 20));
        sc_set(p, "AT", sim + 21);
        open++;
    }
    if (open == 0)
        sc_show(d, "NO_OPEN_ORDER");
    if (done == 0)
        sc_show(d, "NO_ORDER");

    for (int i = 0; i < recent->n; i++)
        acceptance_row(d, "RECENT", recent, i, 0, 1);
    if (recent->n == 0)
        sc_show(d, "NO_RECENT");
    return 200;
}

int service_history(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *before = sc_field(req, "before");
    const char *at = NULL;
    unsigned long long id = 0;
    if (before && !sc_cursor_parse(req->arena, before, &at, &id))
        return sc_bad_request(req, "翻页位置无效，请从第一页重新查看。");

    long long limit = HISTORY_PAGE_SIZE + 1;
    struct sc_rows *r =
        before ? sc_db_query(req, SQL_HISTORY_BEFORE, "sssii", msisdn, at, at,
                             (long long)id, limit)
               : sc_db_query(req, SQL_HISTORY_FIRST, "si", msisdn, limit);
    if (!r)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "service/history.tpl", "受理结果查询");
    sc_set(d, "MSISDN", msisdn);
    for (int i = 0; i < r->n && i < HISTORY_PAGE_SIZE; i++) {
        acceptance_row(d, "ENTRY", r, i, 0, 3);
    }
    if (r->n == 0)
        sc_show(d, before ? "END" : "EMPTY");
    sc_cursor_pager(req, d, "/service/history", r, HISTORY_PAGE_SIZE, 1, 2,
                    before != NULL);
    return 200;
}

int service_puk(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r = sc_db_query(req, SQL_PUK, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    const char *puk = r->n ? sc_cell(r, 0, 0) : NULL;
    /* The record is the audit trail Q-09 asks for: who saw the PUK, when.
     * Written before the page is built, so a PUK is never shown unrecorded. */
    if (sc_acceptance_add(req, msisdn, "PUK码查询", puk ? "done" : "failed",
                          puk ? "查看 SIM 卡 PUK 码"
                              : "未登记 PUK 码，请到营业厅查询") != 0)
        return sc_db_failure_status();
    sc_info("service: %s viewed the PUK", msisdn);
    sc_dict *d = sc_view(req, "service/puk.tpl", "PUK码查询");
    sc_set(d, "MSISDN", msisdn);
    if (puk) {
        sc_dict *p = sc_section(d, "PUK");
        sc_set(p, "PUK", puk);
    } else {
        sc_show(d, "NO_PUK");
    }
    return 200;
}
