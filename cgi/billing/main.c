/* billing: every page it serves is in this table, and the helpers the pages
 * share (month labels, keyset cursors, the billing sub-menu). */
#include "billing.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const KINDS[] = {"voice", "sms", "data", "vas", NULL};

/* from/to are checked against each other and the 6-month window in the
 * handler; `after` is SC_TEXT here and parsed strictly there. */
static const struct sc_field CDR_FIELDS[] = {
    {"from", "起始日期", SC_YYYYMMDD, 0, 0, NULL},
    {"to", "结束日期", SC_YYYYMMDD, 0, 0, NULL},
    {"kind", "通信类型", SC_CHOICE, 0, 0, KINDS},
    {"after", "翻页位置", SC_TEXT, 40, 0, NULL},
    {0}};
static const struct sc_field BILL_FIELDS[] = {
    {"month", "账单月份", SC_YYYYMM, 0, 0, NULL}, {0}};
static const struct sc_field PAYMENTS_FIELDS[] = {
    {"before", "翻页位置", SC_TEXT, 40, 0, NULL}, {0}};
static const struct sc_field EMAIL_FIELDS[] = {
    {"email", "电子邮箱", SC_EMAIL, 0, 0, NULL},
    {"month", "账单月份", SC_YYYYMM, 0, 0, NULL},
    {0}};
static const struct sc_field EMAIL_CONFIRM_FIELDS[] = {
    {"email", "电子邮箱", SC_EMAIL, 0, SC_REQUIRED, NULL},
    {"month", "账单月份", SC_YYYYMM, 0, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field EMAIL_SUBMIT_FIELDS[] = {
    {"email", "电子邮箱", SC_EMAIL, 0, SC_REQUIRED, NULL},
    {"month", "账单月份", SC_YYYYMM, 0, SC_REQUIRED, NULL},
    {"request_id", "请求编号", SC_TEXT, 43, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field EMAIL_DONE_FIELDS[] = {
    {"id", "发送编号", SC_UINT, 0, SC_REQUIRED, NULL}, {0}};

static const struct sc_route routes[] = {
    {"GET", "/billing/", SC_CUSTOMER, 0, billing_home, NULL, NULL},
    {"GET", "/billing/cdr", SC_CUSTOMER, 0, cdr_page, CDR_FIELDS, "cdr"},
    {"GET", "/billing/cdr.csv", SC_CUSTOMER, 0, cdr_csv, CDR_FIELDS, "cdr"},
    {"GET", "/billing/bill", SC_CUSTOMER, 0, bill_page, BILL_FIELDS,
     "monthly_bill"},
    {"GET", "/billing/realtime", SC_CUSTOMER, 0, realtime_page, NULL,
     "realtime"},
    {"GET", "/billing/payments", SC_CUSTOMER, 0, payments_page, PAYMENTS_FIELDS,
     "payments"},
    {"GET", "/billing/email", SC_CUSTOMER, 0, email_page, EMAIL_FIELDS,
     "email_bill"},
    {"GET", "/billing/email/confirm", SC_CUSTOMER, 0, email_confirm,
     EMAIL_CONFIRM_FIELDS, "email_bill"},
    {"POST", "/billing/email", SC_CUSTOMER, 0, email_submit,
     EMAIL_SUBMIT_FIELDS, "email_bill"},
    {"GET", "/billing/email/done", SC_CUSTOMER, 0, email_done,
     EMAIL_DONE_FIELDS, "email_bill"},
    {0}};

static const char *const view_dirs[] = {"billing", NULL};

static const struct sc_app billing = {
    .name = "billing",
    .routes = routes,
    .layout = "layout/page.tpl",
    .view_dirs = view_dirs,
    .login_path = "/login",
    .reauth_path = "/login/confirm",
};

int main(int argc, char **argv)
{
    return sc_app_main(&billing, argc, argv);
}

/* ------------------------------------------------------ shared helpers */

const char *month_label(sc_arena *a, int yyyymm)
{
    return sc_printf(a, "%d年%d月", yyyymm / 100, yyyymm % 100);
}

const char *msisdn_masked(sc_arena *a, const char *msisdn)
{
    if (strlen(msisdn) != 11)
        return msisdn;
    return sc_printf(a, "%.3s****%s", msisdn, msisdn + 7);
}

void today_tm(struct tm *out)
{
    time_t now = time(NULL);
    localtime_r(&now, out);
}

static const struct {
    const char *code, *href, *label, *service;
} NAV[] = {
    {"home", "/billing/", "话费查询", NULL},
    {"cdr", "/billing/cdr", "话费详单", "cdr"},
    {"bill", "/billing/bill", "月账单", "monthly_bill"},
    {"realtime", "/billing/realtime", "实时话费", "realtime"},
    {"payments", "/billing/payments", "缴费历史", "payments"},
    {"email", "/billing/email", "邮寄账单", "email_bill"},
};

void billing_nav(struct sc_req *req, sc_dict *d, const char *current)
{
    const struct sc_customer *c = req->customer;
    for (size_t i = 0; i < sizeof NAV / sizeof NAV[0]; i++) {
        /* Services the province withholds are left out of the menu (the
         * availability is cached per worker: no query). */
        if (NAV[i].service &&
            sc_service_available(req, NAV[i].service, c->brand_code,
                                 c->province_id) == 0)
            continue;
        sc_dict *n = sc_section(d, "SUBNAV");
        sc_set(n, "HREF", NAV[i].href);
        sc_set(n, "LABEL", NAV[i].label);
        if (strcmp(NAV[i].code, current) == 0)
            sc_show(n, "CURRENT");
    }
}
