/* service: every page it serves is in this table. */
#include "service.h"

/* The cursor is checked again by sc_cursor_parse: SC_TEXT only bounds
 * its size here. */
static const struct sc_field HISTORY_FIELDS[] = {
    {"before", "翻页位置", SC_TEXT, 40, 0, NULL}, {0}};
/* The rules beyond six digits (not trivial, not the old one, twice the
 * same) are password_submit's, so their message can keep the form. */
static const struct sc_field PASSWORD_FIELDS[] = {
    {"old_password", "原服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"new_password", "新服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"new_password2", "确认新服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {0}};
/* contact_phone is checked for digits and length by profile_submit. */
static const struct sc_field PROFILE_FIELDS[] = {
    {"contact_address", "联系地址", SC_TEXT, 128, 0, NULL},
    {"contact_phone", "联系电话", SC_TEXT, 20, 0, NULL},
    {"email", "电子邮件", SC_EMAIL, 0, 0, NULL},
    {0}};
static const struct sc_field TOPUP_FIELDS[] = {
    {"card_no", "充值卡卡号", SC_DIGITS, 17, SC_REQUIRED, NULL},
    {"card_pin", "充值卡密码", SC_DIGITS, 18, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field TOPUP_DONE_FIELDS[] = {
    {"card", "充值卡卡号", SC_DIGITS, 17, SC_REQUIRED, NULL}, {0}};
/* request_id's shape (a form token) is checked by service_token_valid. */
static const struct sc_field ORDER_FIELDS[] = {
    {"request_id", "表单标识", SC_TEXT, 43, SC_REQUIRED, NULL}, {0}};
static const struct sc_field LOSS_FIELDS[] = {
    {"password", "服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"request_id", "表单标识", SC_TEXT, 43, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field ORDER_PAGE_FIELDS[] = {
    {"id", "业务单号", SC_UINT, 0, SC_REQUIRED, NULL}, {0}};
static const char *const FEATURE_CODES[] = {
    "intl_long_distance", "intl_roaming",    "domestic_roaming",
    "call_waiting",       "call_forwarding", "caller_id",
    "voicemail",          "secretary",       NULL};
static const char *const ON_OFF[] = {"1", "0", NULL};
/* forward_to's digits and length are checked by features_submit, so the
 * message keeps the page. */
static const struct sc_field FEATURE_FIELDS[] = {
    {"feature", "业务", SC_CHOICE, 0, SC_REQUIRED, FEATURE_CODES},
    {"enabled", "开通或取消", SC_CHOICE, 0, SC_REQUIRED, ON_OFF},
    {"forward_to", "呼叫转移号码", SC_TEXT, 20, 0, NULL},
    {"request_id", "表单标识", SC_TEXT, 43, SC_REQUIRED, NULL},
    {0}};

static const struct sc_route routes[] = {
    {"GET", "/service/", SC_CUSTOMER, 0, service_overview, NULL, NULL},
    {"GET", "/service/history", SC_CUSTOMER, 0, service_history, HISTORY_FIELDS,
     "history"},
    {"GET", "/service/password", SC_CUSTOMER, 0, password_form, NULL,
     "password"},
    {"POST", "/service/password", SC_CUSTOMER, 0, password_submit,
     PASSWORD_FIELDS, "password"},
    {"GET", "/service/password/done", SC_CUSTOMER, 0, password_done, NULL,
     "password"},
    {"GET", "/service/profile", SC_CUSTOMER, 0, profile_form, NULL,
     "data_change"},
    {"POST", "/service/profile", SC_CUSTOMER, 0, profile_submit, PROFILE_FIELDS,
     "data_change"},
    {"GET", "/service/profile/done", SC_CUSTOMER, 0, profile_done, NULL,
     "data_change"},
    /* The PUK unblocks the SIM: it is shown only to whoever entered the
     * password within the last minutes, not to any open session. */
    {"GET", "/service/puk", SC_CUSTOMER_RECENT, 0, service_puk, NULL, "puk"},
    {"GET", "/service/topup", SC_CUSTOMER, 0, topup_form, NULL, "topup"},
    {"POST", "/service/topup", SC_CUSTOMER, 0, topup_submit, TOPUP_FIELDS,
     "topup"},
    {"GET", "/service/topup/done", SC_CUSTOMER, 0, topup_done,
     TOPUP_DONE_FIELDS, "topup"},
    /* Orders to the network: suspension and resumption are one service
     * (B-04), as the spec lists them. */
    {"GET", "/service/suspend", SC_CUSTOMER, 0, suspend_form, NULL, "suspend"},
    {"POST", "/service/suspend", SC_CUSTOMER, 0, suspend_submit, ORDER_FIELDS,
     "suspend"},
    {"GET", "/service/resume", SC_CUSTOMER, 0, resume_form, NULL, "suspend"},
    {"POST", "/service/resume", SC_CUSTOMER, 0, resume_submit, ORDER_FIELDS,
     "suspend"},
    {"GET", "/service/loss", SC_CUSTOMER, 0, loss_form, NULL, "loss"},
    {"POST", "/service/loss", SC_CUSTOMER, 0, loss_submit, LOSS_FIELDS, "loss"},
    {"GET", "/service/features", SC_CUSTOMER, 0, features_page, NULL,
     "features"},
    {"POST", "/service/features", SC_CUSTOMER, 0, features_submit,
     FEATURE_FIELDS, "features"},
    /* Any order of the customer's, whichever service placed it. */
    {"GET", "/service/order", SC_CUSTOMER, 0, order_page, ORDER_PAGE_FIELDS,
     NULL},
    {0}};

int main(int argc, char **argv)
{
    return sc_customer_main("service", routes, argc, argv);
}
