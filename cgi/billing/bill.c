/* The billing menu and the monthly bill: the last 6 closed bills,
 * one itemised, with a server-rendered SVG bar chart of their totals (no
 * JavaScript; presentation attributes only, since the CSP blocks style=). */
#include "billing.h"

#include <stdlib.h>
#include <string.h>

const char *const bill_category_code[BILL_CATEGORIES] = {
    "monthly_fee", "local", "long_distance", "roaming",
    "sms",         "data",  "vas",           "discount"};
const char *const bill_category_label[BILL_CATEGORIES] = {
    "月租费", "本地通话", "长途",     "漫游",
    "短彩信", "上网流量", "增值业务", "优惠及调整"};

/* "Closed" means the closing date has come; a bill for this month can only
 * exist once it has. Newest first; PK (msisdn, month) serves the order. */
static const char SQL_BILLS_RECENT[] =
    "SELECT month, total_fen, paid_fen, balance_fen, closed_on, due_on "
    "FROM bills WHERE msisdn = ? AND closed_on <= CURDATE() "
    "ORDER BY month DESC LIMIT 6";
static const char SQL_BILL_ITEMS[] =
    "SELECT category, amount_fen FROM bill_items WHERE msisdn = ? AND month "
    "= ?";
/* The monthly bill page in one statement: the last 6 closed bills as
 * SQL_BILLS_RECENT reads them, each with the items of the month asked for
 * (the latest closed bill's when none was) as one more column,
 * "category amount,category amount,...". The subquery refers to nothing
 * outside it, so the server evaluates it once per execution, where a
 * UNION would build a temporary table. Items of a month that is not among
 * the 6 come back too but are never shown: the page answers 400. */
static const char SQL_BILL_PAGE[] =
    "SELECT month, total_fen, paid_fen, balance_fen, closed_on, due_on, "
    "(SELECT GROUP_CONCAT(category, ' ', amount_fen) FROM bill_items WHERE "
    "msisdn = ? AND month = COALESCE(?, (SELECT MAX(month) FROM bills WHERE "
    "msisdn = ? AND closed_on <= CURDATE()))) FROM bills WHERE msisdn = ? "
    "AND closed_on <= CURDATE() ORDER BY month DESC LIMIT 6";
/* The menu's account summary: the subscriber and the latest closed bill. */
static const char SQL_SUMMARY[] =
    "SELECT s.name, s.plan, s.balance_fen, b.month, b.total_fen, b.paid_fen "
    "FROM subscribers s LEFT JOIN bills b ON b.msisdn = s.msisdn AND b.month "
    "= (SELECT MAX(month) FROM bills WHERE msisdn = s.msisdn AND closed_on <= "
    "CURDATE()) WHERE s.msisdn = ?";

/* The bills of SQL_BILLS_RECENT's columns (also SQL_BILL_PAGE's first
 * six), at most BILL_MONTHS. */
static int bills_read(const struct sc_rows *r, struct bill out[BILL_MONTHS])
{
    int n = r->n < BILL_MONTHS ? r->n : BILL_MONTHS;
    for (int i = 0; i < n; i++) {
        out[i].month = (int)sc_cell_int(r, i, 0);
        out[i].total = sc_cell_int(r, i, 1);
        out[i].paid = sc_cell_int(r, i, 2);
        out[i].balance = sc_cell_int(r, i, 3);
        out[i].closed_on = sc_cell(r, i, 4);
        out[i].due_on = sc_cell(r, i, 5);
    }
    return n;
}

/* Item amounts from SQL_BILL_PAGE's "category amount,..." (NULL: none). */
static void items_parse(const char *s, long long amounts[BILL_CATEGORIES])
{
    memset(amounts, 0, sizeof(long long) * BILL_CATEGORIES);
    while (s && *s) {
        size_t n = strcspn(s, " ");
        for (int c = 0; c < BILL_CATEGORIES; c++)
            if (strlen(bill_category_code[c]) == n &&
                memcmp(s, bill_category_code[c], n) == 0)
                amounts[c] = strtoll(s + n, NULL, 10);
        s = strchr(s, ',');
        if (s)
            s++;
    }
}

int bills_recent(struct sc_req *req, struct bill out[BILL_MONTHS])
{
    struct sc_rows *r =
        sc_db_query(req, SQL_BILLS_RECENT, "s", req->customer->msisdn);
    if (!r)
        return -1;
    return bills_read(r, out);
}

int bill_items(struct sc_req *req, int month,
               long long amounts[BILL_CATEGORIES])
{
    memset(amounts, 0, sizeof(long long) * BILL_CATEGORIES);
    struct sc_rows *r = sc_db_query(req, SQL_BILL_ITEMS, "si",
                                    req->customer->msisdn, (long long)month);
    if (!r)
        return -1;
    for (int i = 0; i < r->n; i++)
        for (int c = 0; c < BILL_CATEGORIES; c++)
            if (strcmp(sc_cell(r, i, 0), bill_category_code[c]) == 0)
                amounts[c] = sc_cell_int(r, i, 1);
    return 0;
}

const struct bill *bill_find(const struct bill *bills, int n, int month)
{
    for (int i = 0; i < n; i++)
        if (bills[i].month == month)
            return &bills[i];
    return NULL;
}

/* ------------------------------------------------------------ the menu */

static const struct {
    const char *service, *title, *summary, *href;
} SERVICES[] = {
    {"cdr", "话费详单查询",
     "按日期查询通话、短信、上网和增值业务的逐笔记录，可下载", "/billing/cdr"},
    {"monthly_bill", "月话费账单查询", "最近6个月的已出账账单，分项列出费用",
     "/billing/bill"},
    {"realtime", "实时话费查询", "上次出账日至今产生的费用和当前余额",
     "/billing/realtime"},
    {"payments", "缴费历史情况查询", "历次缴费的时间、金额、方式和流水号",
     "/billing/payments"},
    {"email_bill", "邮寄账单通知服务", "把月账单发送到您的电子邮箱",
     "/billing/email"},
};

int billing_home(struct sc_req *req)
{
    const struct sc_customer *c = req->customer;
    struct sc_rows *r = sc_db_query(req, SQL_SUMMARY, "s", c->msisdn);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "billing/home.tpl", "话费查询");
    billing_nav(req, d, "home");
    sc_set(d, "MSISDN", c->msisdn);
    sc_set(d, "BRAND", sc_brand_name(c->brand_code));
    sc_set(d, "PROVINCE", sc_province_name(c->province_id));
    if (r->n > 0) {
        sc_set(d, "NAME", sc_cell(r, 0, 0));
        sc_set(d, "PLAN", sc_cell(r, 0, 1) ? sc_cell(r, 0, 1) : "未订购套餐");
        long long balance = sc_cell_int(r, 0, 2);
        sc_set(d, "BALANCE", sc_yuan(req->arena, balance));
        if (balance < 0)
            sc_show(d, "ARREARS");
        if (sc_cell(r, 0, 3)) {
            sc_dict *b = sc_section(d, "LAST_BILL");
            sc_set(b, "MONTH",
                   month_label(req->arena, (int)sc_cell_int(r, 0, 3)));
            sc_set(b, "TOTAL", sc_yuan(req->arena, sc_cell_int(r, 0, 4)));
            long long unpaid = sc_cell_int(r, 0, 4) - sc_cell_int(r, 0, 5);
            if (unpaid > 0)
                sc_set(sc_section(b, "UNPAID"), "AMOUNT",
                       sc_yuan(req->arena, unpaid));
        }
    }
    for (size_t i = 0; i < sizeof SERVICES / sizeof SERVICES[0]; i++) {
        int ok = sc_service_available(req, SERVICES[i].service, c->brand_code,
                                      c->province_id);
        if (ok < 0)
            return sc_db_failure_status();
        sc_dict *s = sc_section(d, "SERVICE");
        sc_set(s, "TITLE", SERVICES[i].title);
        sc_set(s, "SUMMARY", SERVICES[i].summary);
        if (ok)
            sc_set(sc_section(s, "LINK"), "HREF", SERVICES[i].href);
        else
            sc_show(s, "OFF");
    }
    return 200;
}

/* -------------------------------------------------------- monthly bill */

/* Chart geometry in SVG user units (the viewBox scales it to the width). */
enum {
    CHART_W = 420, /* small enough that labels stay legible on a phone */
    CHART_H = 236,
    CHART_TOP = 30,   /* room for the value above the tallest bar */
    CHART_BASE = 200, /* the baseline */
    BAR_W = 42,
};

static void chart(struct sc_req *req, sc_dict *d, const struct bill *bills,
                  int n, int selected)
{
    long long max = 0;
    for (int i = 0; i < n; i++)
        if (bills[i].total > max)
            max = bills[i].total;
    sc_dict *c = sc_section(d, "CHART");
    sc_set_int(c, "W", CHART_W);
    sc_set_int(c, "H", CHART_H);
    sc_set_int(c, "BASE", CHART_BASE);
    sc_set_int(c, "BASE_END", CHART_W - 6);
    sc_buf desc;
    sc_buf_init(&desc, req->arena);
    int slot = (CHART_W - 12) / BILL_MONTHS;
    /* Oldest on the left, as a time axis reads. */
    for (int k = 0, i = n - 1; i >= 0; i--, k++) {
        const struct bill *b = &bills[i];
        long long h = max > 0 && b->total > 0
                          ? b->total * (CHART_BASE - CHART_TOP) / max
                          : 0;
        if (b->total > 0 && h < 2)
            h = 2; /* a small bill stays visible */
        int cx = 6 + slot * k + slot / 2;
        sc_dict *bar = sc_section(c, "BAR");
        const char *label = month_label(req->arena, b->month);
        const char *value = sc_yuan_plain(req->arena, b->total);
        sc_set_int(bar, "X", cx - BAR_W / 2);
        sc_set_int(bar, "Y", CHART_BASE - h);
        sc_set_int(bar, "W", BAR_W);
        sc_set_int(bar, "H", h);
        sc_set_int(bar, "CX", cx);
        sc_set_int(bar, "VY", CHART_BASE - h - 8);
        sc_set_int(bar, "LY", CHART_BASE + 22);
        sc_set(bar, "LABEL", sc_printf(req->arena, "%d月", b->month % 100));
        sc_set(bar, "VALUE", value);
        sc_set(bar, "MONTH", sc_printf(req->arena, "%d", b->month));
        bool on = b->month == selected;
        sc_set(bar, "FILL", on ? "#003f7a" : "#5a8dc4");
        sc_set(bar, "WEIGHT", on ? "bold" : "normal");
        sc_buf_printf(&desc, "%s%s %s元%s", k ? "；" : "", label, value,
                      on ? "（当前查看）" : "");
    }
    sc_set(c, "DESC", desc.data ? desc.data : "");
}

int bill_page(struct sc_req *req)
{
    const char *month_s = sc_field(req, "month");
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r = sc_db_query(req, SQL_BILL_PAGE, "ssss", msisdn, month_s,
                                    msisdn, msisdn);
    if (!r)
        return sc_db_failure_status();
    struct bill bills[BILL_MONTHS];
    int n = bills_read(r, bills);
    int month = month_s ? atoi(month_s) : n > 0 ? bills[0].month : 0;
    const struct bill *b = bill_find(bills, n, month);
    if (month_s && !b)
        return sc_bad_request(
            req, n > 0
                     ? sc_printf(req->arena,
                                 "「账单月份」只能选择最近%d个已出账的月份"
                                 "（%s至%s）。",
                                 n, month_label(req->arena, bills[n - 1].month),
                                 month_label(req->arena, bills[0].month))
                     : "「账单月份」无效：您还没有已出账的月账单。");

    sc_dict *d = sc_view(req, "billing/bill.tpl", "月话费账单查询");
    billing_nav(req, d, "bill");
    if (!b) {
        sc_show(d, "EMPTY");
        return 200;
    }
    long long amounts[BILL_CATEGORIES];
    items_parse(sc_cell(r, 0, 6), amounts);

    for (int i = 0; i < n; i++) {
        sc_dict *o = sc_section(d, "MONTH_OPTION");
        sc_set_int(o, "VALUE", bills[i].month);
        sc_set(o, "LABEL", month_label(req->arena, bills[i].month));
        if (bills[i].month == month)
            sc_show(o, "SELECTED");
    }
    sc_dict *bd = sc_section(d, "BILL");
    sc_set(bd, "MONTH", month_label(req->arena, month));
    sc_set_int(bd, "MONTH_CODE", month);
    for (int c = 0; c < BILL_CATEGORIES; c++) {
        sc_dict *it = sc_section(bd, "ITEM");
        sc_set(it, "CODE", bill_category_code[c]);
        sc_set(it, "LABEL", bill_category_label[c]);
        sc_set(it, "AMOUNT", sc_yuan(req->arena, amounts[c]));
    }
    sc_set(bd, "TOTAL", sc_yuan(req->arena, b->total));
    sc_set(bd, "PAID", sc_yuan(req->arena, b->paid));
    if (b->total > b->paid)
        sc_set(sc_section(bd, "UNPAID"), "AMOUNT",
               sc_yuan(req->arena, b->total - b->paid));
    sc_set(bd, "BALANCE", sc_yuan(req->arena, b->balance));
    sc_set(bd, "CLOSED_ON", b->closed_on);
    sc_set(bd, "DUE_ON", b->due_on);
    const struct sc_customer *cu = req->customer;
    int mail = sc_service_available(req, "email_bill", cu->brand_code,
                                    cu->province_id);
    if (mail < 0)
        return sc_db_failure_status();
    if (mail)
        sc_show(bd, "MAIL");
    chart(req, d, bills, n, month);
    return 200;
}
