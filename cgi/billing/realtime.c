/* Real-time charges: what the running bill period has cost so far.
 *
 * Bill periods are calendar months (subscribers.bill_day is the day of the
 * following month on which the bill closes; the demo and gen-data use 1).
 * The running period starts on the 1st of the month after the latest
 * closed bill (this month's 1st when there is none yet), and its charges are
 * the unbilled call records since then, by the bill's categories, plus the
 * plan's monthly fee counted whole (the bill charges it in full, not by
 * day) for each month of the period. Discounts are worked out when the bill
 * closes and are not estimated here. */
#include "billing.h"

#include <stdio.h>
#include <string.h>

static const char SQL_ACCOUNT[] =
    "SELECT s.plan, s.plan_fee_fen, s.bill_day, s.balance_fen, b.month, "
    "b.closed_on FROM subscribers s LEFT JOIN bills b ON b.msisdn = s.msisdn "
    "AND b.month = (SELECT MAX(month) FROM bills WHERE msisdn = s.msisdn AND "
    "closed_on <= CURDATE()) WHERE s.msisdn = ?";
/* The same category rules as the bills (schema/demo/040_billing.sql): a
 * local voice call to a number with an area code ('0...') is long
 * distance, a roaming voice call is roaming, the rest by kind. */
static const char SQL_USAGE[] =
    "SELECT CASE WHEN kind <> 'voice' THEN kind WHEN roaming <> 'local' THEN "
    "'roaming' WHEN peer LIKE '0%' THEN 'long_distance' ELSE 'local' END AS "
    "cat, COUNT(*), SUM(fee_fen), SUM(duration_s), SUM(volume_kb) FROM cdrs "
    "WHERE msisdn = ? AND start_time >= ? AND start_time <= NOW() "
    "GROUP BY cat";

static int month_add(int yyyymm, int months)
{
    int m = yyyymm / 100 * 12 + yyyymm % 100 - 1 + months;
    return m / 12 * 100 + m % 12 + 1;
}

int realtime_page(struct sc_req *req)
{
    sc_arena *a = req->arena;
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *acc = sc_db_query(req, SQL_ACCOUNT, "s", msisdn);
    if (!acc)
        return sc_db_failure_status();
    if (acc->n == 0)
        return 404; /* the number went away while logged in */

    struct tm now;
    today_tm(&now);
    int this_month = (now.tm_year + 1900) * 100 + now.tm_mon + 1;
    int last_bill = sc_cell(acc, 0, 4) ? (int)sc_cell_int(acc, 0, 4) : 0;
    int period = last_bill ? month_add(last_bill, 1) : this_month;
    if (period > this_month)
        period = this_month;
    int months = (this_month / 100 - period / 100) * 12 +
                 (this_month % 100 - period % 100) + 1;
    const char *start =
        sc_printf(a, "%04d-%02d-01 00:00:00", period / 100, period % 100);
    int bill_day = (int)sc_cell_int(acc, 0, 2);
    if (bill_day < 1)
        bill_day = 1;
    if (bill_day > 28)
        bill_day = 28; /* every month has it */
    /* The running period's bill closes on bill_day of the month after it;
     * if that day is already past (a late close), the next one due. */
    int closes = month_add(period, 1);
    if (closes < this_month || (closes == this_month && bill_day < now.tm_mday))
        closes = month_add(this_month, 1);

    struct sc_rows *u = sc_db_query(req, SQL_USAGE, "ss", msisdn, start);
    if (!u)
        return sc_db_failure_status();

    sc_dict *d = sc_view(req, "billing/realtime.tpl", "实时话费查询");
    billing_nav(req, d, "realtime");
    sc_set(d, "PERIOD_START",
           sc_printf(a, "%04d-%02d-01", period / 100, period % 100));
    char nowtext[32];
    strftime(nowtext, sizeof nowtext, "%Y-%m-%d %H:%M", &now);
    sc_set(d, "NOW", nowtext);
    if (last_bill) {
        sc_dict *l = sc_section(d, "LAST_BILL");
        sc_set(l, "CLOSED_ON", sc_cell(acc, 0, 5));
        sc_set(l, "MONTH", month_label(a, last_bill));
    } else {
        sc_show(d, "NO_BILL");
    }
    sc_set(
        d, "NEXT_CLOSE",
        sc_printf(a, "%04d-%02d-%02d", closes / 100, closes % 100, bill_day));
    sc_set(d, "PLAN", sc_cell(acc, 0, 0) ? sc_cell(acc, 0, 0) : "未订购套餐");

    long long plan_fee = sc_cell_int(acc, 0, 1) * months;
    long long total = plan_fee;
    sc_dict *fee = sc_section(d, "ITEM");
    sc_set(fee, "CODE", "monthly_fee");
    sc_set(fee, "LABEL", bill_category_label[BILL_MONTHLY_FEE]);
    sc_set(fee, "DETAIL",
           months > 1 ? sc_printf(a, "%d个月，整月计收", months) : "整月计收");
    sc_set(fee, "AMOUNT", sc_yuan(a, plan_fee));
    sc_set(fee, "FEN", sc_printf(a, "%lld", plan_fee));
    for (int c = BILL_LOCAL; c <= BILL_VAS; c++) {
        long long n = 0, f = 0, dur = 0, vol = 0;
        for (int i = 0; i < u->n; i++)
            if (strcmp(sc_cell(u, i, 0), bill_category_code[c]) == 0) {
                n = sc_cell_int(u, i, 1);
                f = sc_cell_int(u, i, 2);
                dur = sc_cell_int(u, i, 3);
                vol = sc_cell_int(u, i, 4);
            }
        total += f;
        sc_dict *it = sc_section(d, "ITEM");
        sc_set(it, "CODE", bill_category_code[c]);
        sc_set(it, "LABEL", bill_category_label[c]);
        const char *detail;
        if (c == BILL_DATA)
            detail = sc_printf(a, "%lld次，%s", n, sc_volume(a, vol));
        else if (c == BILL_SMS)
            detail = sc_printf(a, "%lld条", n);
        else if (c == BILL_VAS)
            detail = sc_printf(a, "%lld笔", n);
        else
            detail = sc_printf(a, "%lld次，%s", n, sc_duration(a, dur));
        sc_set(it, "DETAIL", detail);
        sc_set(it, "AMOUNT", sc_yuan(a, f));
        sc_set(it, "FEN", sc_printf(a, "%lld", f));
    }
    sc_set(d, "TOTAL", sc_yuan(a, total));
    sc_set(d, "TOTAL_FEN", sc_printf(a, "%lld", total));
    long long balance = sc_cell_int(acc, 0, 3);
    sc_set(d, "BALANCE", sc_yuan(a, balance));
    if (balance < 0)
        sc_show(d, "ARREARS");
    return 200;
}
