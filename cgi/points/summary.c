/* What the customer has: the total of unredeemed points and its kinds
 * the ledger behind them and the exchanges made.
 * Statements per page, the session check included: summary 2, ledger 2,
 * exchange history 3 on its first page (the totals line), 2 after. */
#include "points.h"

#include <stdio.h>
#include <string.h>

static const char SQL_BALANCES[] =
    "SELECT tenure, consumption, credit, other FROM points_balances "
    "WHERE msisdn = ?";

/* Newest first by (at, id), which ix_points_ledger_msisdn (msisdn, at, id)
 * serves; one row more than a page tells whether there is a next page. */
static const char SQL_LEDGER_FIRST[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(at, '%Y%m%d%H%i%s'), id, kind, points, description "
    "FROM points_ledger WHERE msisdn = ? AND (? IS NULL OR kind = ?) "
    "ORDER BY at DESC, id DESC LIMIT ?";
static const char SQL_LEDGER_BEFORE[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(at, '%Y%m%d%H%i%s'), id, kind, points, description "
    "FROM points_ledger WHERE msisdn = ? AND (? IS NULL OR kind = ?) "
    "AND (at < ? OR (at = ? AND id < ?)) "
    "ORDER BY at DESC, id DESC LIMIT ?";

static const char SQL_EXCHANGES_FIRST[] =
    "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(e.at, '%Y%m%d%H%i%s'), e.id, r.name, r.category, e.points "
    "FROM exchanges e JOIN rewards r ON r.id = e.reward_id "
    "WHERE e.msisdn = ? ORDER BY e.at DESC, e.id DESC LIMIT ?";
static const char SQL_EXCHANGES_BEFORE[] =
    "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(e.at, '%Y%m%d%H%i%s'), e.id, r.name, r.category, e.points "
    "FROM exchanges e JOIN rewards r ON r.id = e.reward_id "
    "WHERE e.msisdn = ? AND (e.at < ? OR (e.at = ? AND e.id < ?)) "
    "ORDER BY e.at DESC, e.id DESC LIMIT ?";
static const char SQL_EXCHANGE_TOTALS[] =
    "SELECT COUNT(*), COALESCE(SUM(points), 0) FROM exchanges "
    "WHERE msisdn = ?";

static const struct {
    const char *kind, *label, *hint;
} KINDS[] = {
    {"tenure", "在网积分", "按在网时长每月累积"},
    {"consumption", "消费积分", "按每月消费金额累积，可用于兑换礼品"},
    {"credit", "信用积分", "按信用等级和缴费情况年度奖励"},
    {"other", "其他积分", "活动赠送、俱乐部加赠等"},
};

const char *points_kind_label(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].kind, kind) == 0)
            return KINDS[i].label;
    return "其他积分";
}

const char *points_fmt(sc_arena *a, long long points)
{
    char digits[32], out[48];
    unsigned long long v =
        points < 0 ? -(unsigned long long)points : (unsigned long long)points;
    int n = snprintf(digits, sizeof digits, "%llu", v);
    size_t o = 0;
    if (points < 0)
        out[o++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    return sc_strdup(a, out);
}

int points_home(struct sc_req *req)
{
    const struct sc_customer *c = req->customer;
    struct sc_rows *r = sc_db_query(req, SQL_BALANCES, "s", c->msisdn);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "points/home.tpl", "积分查询");
    sc_set(d, "MSISDN", c->msisdn);
    long long total = 0;
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        /* No row yet (a new number): every kind is 0. */
        long long v = r->n ? sc_cell_int(r, 0, (int)i) : 0;
        total += v;
        sc_dict *k = sc_section(d, "KIND");
        sc_set(k, "KIND", KINDS[i].kind);
        sc_set(k, "LABEL", KINDS[i].label);
        sc_set(k, "HINT", KINDS[i].hint);
        sc_set(k, "POINTS", points_fmt(req->arena, v));
        if (strcmp(KINDS[i].kind, "consumption") == 0)
            sc_set(d, "CONSUMPTION", points_fmt(req->arena, v));
    }
    sc_set(d, "TOTAL", points_fmt(req->arena, total));
    /* The availability table is cached per worker: no statement. */
    int can = sc_service_available(req, "points_exchange", c->brand_code,
                                   c->province_id);
    if (can < 0)
        return sc_db_failure_status();
    sc_show(d, can ? "CAN_EXCHANGE" : "NO_EXCHANGE");
    return 200;
}

int points_ledger(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *kind = sc_field(req, "kind");
    const char *before = sc_field(req, "before");
    const char *at = NULL;
    unsigned long long id = 0;
    if (before && !sc_cursor_parse(req->arena, before, &at, &id))
        return sc_bad_request(req, "翻页位置无效，请从第一页重新查看。");

    long long limit = LEDGER_PAGE_SIZE + 1;
    struct sc_rows *r =
        before ? sc_db_query(req, SQL_LEDGER_BEFORE, "sssssii", msisdn, kind,
                             kind, at, at, (long long)id, limit)
               : sc_db_query(req, SQL_LEDGER_FIRST, "sssi", msisdn, kind, kind,
                             limit);
    if (!r)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "points/ledger.tpl", "积分明细");
    sc_dict *all = sc_section(d, "FILTER");
    sc_set(all, "VALUE", "");
    sc_set(all, "LABEL", "全部");
    sc_set(all, "HREF", "/points/ledger");
    sc_show(all, kind ? "LINK" : "CURRENT");
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        sc_dict *f = sc_section(d, "FILTER");
        sc_set(f, "LABEL", KINDS[i].label);
        sc_set(f, "HREF",
               sc_printf(req->arena, "/points/ledger?kind=%s", KINDS[i].kind));
        if (kind && strcmp(kind, KINDS[i].kind) == 0) {
            sc_show(f, "CURRENT");
            sc_set(d, "KIND_LABEL", KINDS[i].label);
        } else {
            sc_show(f, "LINK");
        }
    }
    if (kind)
        sc_show(d, "FILTERED");
    for (int i = 0; i < r->n && i < LEDGER_PAGE_SIZE; i++) {
        sc_dict *e = sc_section(d, "ENTRY");
        long long pts = sc_cell_int(r, i, 4);
        sc_set(e, "ID", sc_cell(r, i, 2));
        sc_set(e, "AT", sc_cell(r, i, 0));
        sc_set(e, "KIND", points_kind_label(sc_cell(r, i, 3)));
        sc_set(e, "DESCRIPTION", sc_cell(r, i, 5));
        sc_set(e, "POINTS",
               sc_printf(req->arena, "%s%s", pts > 0 ? "+" : "",
                         points_fmt(req->arena, pts)));
        sc_set(e, "SIGN", pts < 0 ? "minus" : "plus");
    }
    if (r->n == 0)
        sc_show(d, before ? "END" : "EMPTY");
    sc_cursor_pager(req, d,
                    kind ? sc_printf(req->arena, "/points/ledger?kind=%s", kind)
                         : "/points/ledger",
                    r, LEDGER_PAGE_SIZE, 1, 2, before != NULL);
    return 200;
}

int points_exchanges(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *before = sc_field(req, "before");
    const char *at = NULL;
    unsigned long long id = 0;
    if (before && !sc_cursor_parse(req->arena, before, &at, &id))
        return sc_bad_request(req, "翻页位置无效，请从第一页重新查看。");

    long long limit = EXCHANGES_PAGE_SIZE + 1;
    struct sc_rows *r =
        before ? sc_db_query(req, SQL_EXCHANGES_BEFORE, "sssii", msisdn, at, at,
                             (long long)id, limit)
               : sc_db_query(req, SQL_EXCHANGES_FIRST, "si", msisdn, limit);
    if (!r)
        return sc_db_failure_status();
    /* The totals line is on the first page only: later pages are reached
     * from it and need not pay for the count again. */
    struct sc_rows *t = NULL;
    if (!before && r->n > 0) {
        t = sc_db_query(req, SQL_EXCHANGE_TOTALS, "s", msisdn);
        if (!t)
            return sc_db_failure_status();
    }

    sc_dict *d = sc_view(req, "points/exchanges.tpl", "积分兑换记录");
    if (t && t->n) {
        sc_dict *s = sc_section(d, "TOTALS");
        sc_set(s, "COUNT", sc_cell(t, 0, 0));
        sc_set(s, "POINTS", points_fmt(req->arena, sc_cell_int(t, 0, 1)));
    }
    for (int i = 0; i < r->n && i < EXCHANGES_PAGE_SIZE; i++) {
        sc_dict *e = sc_section(d, "ENTRY");
        sc_set(e, "AT", sc_cell(r, i, 0));
        sc_set(e, "ID", sc_cell(r, i, 2));
        sc_set(e, "NAME", sc_cell(r, i, 3));
        sc_set(e, "CATEGORY", sc_cell(r, i, 4));
        sc_set(e, "POINTS", points_fmt(req->arena, sc_cell_int(r, i, 5)));
    }
    if (r->n == 0)
        sc_show(d, before ? "END" : "EMPTY");
    sc_cursor_pager(req, d, "/points/exchanges", r, EXCHANGES_PAGE_SIZE, 1, 2,
                    before != NULL);
    int can =
        sc_service_available(req, "points_exchange", req->customer->brand_code,
                             req->customer->province_id);
    if (can < 0)
        return sc_db_failure_status();
    if (can)
        sc_show(d, "CAN_EXCHANGE");
    return 200;
}
