/* points: every page it serves is in this table. */
#include "points.h"

static const char *const KINDS[] = {"tenure", "consumption", "credit", "other",
                                    NULL};

/* The cursor is checked again by sc_cursor_parse: SC_TEXT only bounds
 * its size here. */
static const struct sc_field LEDGER_FIELDS[] = {
    {"kind", "积分类别", SC_CHOICE, 0, 0, KINDS},
    {"before", "翻页位置", SC_TEXT, 40, 0, NULL},
    {0}};
static const struct sc_field HISTORY_FIELDS[] = {
    {"before", "翻页位置", SC_TEXT, 40, 0, NULL}, {0}};
static const struct sc_field CONFIRM_FIELDS[] = {
    {"reward", "兑换礼品", SC_UINT, 2000000000, SC_REQUIRED, NULL}, {0}};
/* request_id is 43 characters of base64url; exchange_submit checks the
 * alphabet, SC_TEXT the length bound. */
static const struct sc_field SUBMIT_FIELDS[] = {
    {"reward", "兑换礼品", SC_UINT, 2000000000, SC_REQUIRED, NULL},
    {"password", "服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"request_id", "兑换请求编号", SC_TEXT, 43, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field DONE_FIELDS[] = {
    {"id", "兑换单号", SC_UINT, 2000000000, SC_REQUIRED, NULL}, {0}};

static const struct sc_route routes[] = {
    {"GET", "/points/", SC_CUSTOMER, 0, points_home, NULL, "points"},
    {"GET", "/points/ledger", SC_CUSTOMER, 0, points_ledger, LEDGER_FIELDS,
     "points"},
    {"GET", "/points/exchanges", SC_CUSTOMER, 0, points_exchanges,
     HISTORY_FIELDS, "points"},
    {"GET", "/points/exchange", SC_CUSTOMER, 0, exchange_catalogue, NULL,
     "points_exchange"},
    {"GET", "/points/exchange/confirm", SC_CUSTOMER, 0, exchange_confirm,
     CONFIRM_FIELDS, "points_exchange"},
    {"POST", "/points/exchange", SC_CUSTOMER, 0, exchange_submit, SUBMIT_FIELDS,
     "points_exchange"},
    {"GET", "/points/exchange/done", SC_CUSTOMER, 0, exchange_done, DONE_FIELDS,
     "points_exchange"},
    {0}};

int main(int argc, char **argv)
{
    return sc_customer_main("points", routes, argc, argv);
}
