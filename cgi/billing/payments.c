/* Payment history: newest first, 20 a page by keyset (paid_at, id)
 * on ix_payments_msisdn (msisdn, paid_at, id), never OFFSET. */
#include "billing.h"

#include <stdint.h>
#include <string.h>

#define PAGE_ROWS 20

/* The first page's cursor is past any payment, so one statement serves
 * every page. */
static const char SQL_PAYMENTS[] =
    "SELECT paid_at, id, amount_fen, channel, reference FROM payments "
    "WHERE msisdn = ? AND (paid_at < ? OR (paid_at = ? AND id < ?)) "
    "ORDER BY paid_at DESC, id DESC LIMIT ?";

static const char *channel_label(const char *channel)
{
    if (strcmp(channel, "counter") == 0)
        return "营业厅";
    if (strcmp(channel, "bank") == 0)
        return "银行";
    if (strcmp(channel, "card") == 0)
        return "充值卡";
    if (strcmp(channel, "online") == 0)
        return "网上";
    return channel;
}

int payments_page(struct sc_req *req)
{
    sc_arena *a = req->arena;
    const char *before = sc_field(req, "before");
    const char *cur_time = "9999-12-31 23:59:59";
    unsigned long long cur_id = 0;
    if (before && !sc_cursor_parse(a, before, &cur_time, &cur_id))
        return sc_bad_request(req, "「翻页位置」无效，请从第一页重新查询。");
    if (!before)
        cur_id = (unsigned long long)INT64_MAX;

    struct sc_rows *r =
        sc_db_query(req, SQL_PAYMENTS, "sssii", req->customer->msisdn, cur_time,
                    cur_time, (long long)cur_id, (long long)PAGE_ROWS + 1);
    if (!r)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "billing/payments.tpl", "缴费历史情况查询");
    billing_nav(req, d, "payments");
    int shown = r->n > PAGE_ROWS ? PAGE_ROWS : r->n;
    if (shown == 0)
        sc_show(d, before ? "END" : "EMPTY");
    else
        sc_show(d, "TABLE");
    for (int i = 0; i < shown; i++) {
        sc_dict *row = sc_section(d, "ROW");
        sc_set(row, "ID", sc_cell(r, i, 1));
        sc_set(row, "AT", sc_cell(r, i, 0));
        sc_set(row, "AMOUNT", sc_yuan(a, sc_cell_int(r, i, 2)));
        sc_set(row, "FEN", sc_cell(r, i, 2));
        sc_set(row, "CHANNEL", channel_label(sc_cell(r, i, 3)));
        sc_set(row, "REFERENCE", sc_cell(r, i, 4));
    }
    sc_cursor_pager(req, d, "/billing/payments", r, PAGE_ROWS, 0, 1,
                    before != NULL);
    return 200;
}
