/* The account overview: number, brand, home, status, plan, balance. Always
 * the session's own number, never one from the request. */
#include "portal.h"

#include <string.h>

static const char SQL_ACCOUNT[] =
    "SELECT s.msisdn, s.name, b.name, p.name, c.name, s.status, s.plan, "
    "s.balance_fen FROM subscribers s JOIN brands b ON b.code = s.brand_code "
    "JOIN provinces p ON p.id = s.province_id JOIN cities c ON c.id = "
    "s.city_id "
    "WHERE s.msisdn = ?";

static const char *status_label(const char *status)
{
    if (strcmp(status, "active") == 0)
        return "正常";
    if (strcmp(status, "suspended") == 0)
        return "已报停";
    if (strcmp(status, "lost") == 0)
        return "已挂失";
    if (strcmp(status, "closed") == 0)
        return "已销户";
    return status;
}

int account_page(struct sc_req *req)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_ACCOUNT, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0) {
        /* The number went away while logged in. */
        sc_session_end_customer(req);
        return sc_redirect(req, "/login");
    }
    sc_dict *d = sc_view(req, "portal/account.tpl", "我的账户");
    sc_set(d, "MSISDN", sc_cell(r, 0, 0));
    sc_set(d, "NAME", sc_cell(r, 0, 1));
    sc_set(d, "BRAND", sc_cell(r, 0, 2));
    sc_set(d, "PROVINCE", sc_cell(r, 0, 3));
    sc_set(d, "CITY", sc_cell(r, 0, 4));
    sc_set(d, "STATUS", status_label(sc_cell(r, 0, 5)));
    sc_set(d, "STATUS_CODE", sc_cell(r, 0, 5));
    sc_set(d, "PLAN", sc_cell(r, 0, 6) ? sc_cell(r, 0, 6) : "未订购套餐");
    long long fen = sc_cell_int(r, 0, 7);
    sc_set(d, "BALANCE", sc_yuan(req->arena, fen));
    if (fen < 0)
        sc_show(d, "ARREARS");
    return 200;
}
