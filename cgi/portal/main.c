/* portal: every page it serves is in this table. */
#include "portal.h"

static const struct sc_field LOOKUP_FIELDS[] = {
    {"prefix", "号码前7位", SC_PREFIX7, 0, 0, NULL}, {0}};
static const struct sc_field LOGIN_FIELDS[] = {
    {"msisdn", "手机号码", SC_MSISDN, 0, 0, NULL},
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
    {0}};
static const struct sc_field LOGIN_SUBMIT_FIELDS[] = {
    {"msisdn", "手机号码", SC_MSISDN, 0, SC_REQUIRED, NULL},
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
    {0}};
static const struct sc_field PASSWORD_FIELDS[] = {
    {"msisdn", "手机号码", SC_MSISDN, 0, SC_REQUIRED, NULL},
    {"password", "服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
    {0}};
static const struct sc_field CONFIRM_FIELDS[] = {
    {"password", "服务密码", SC_DIGITS, 6, SC_REQUIRED, NULL},
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
    {0}};
static const struct sc_field NEXT_FIELDS[] = {
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL}, {0}};

static const struct sc_route routes[] = {
    {"GET", "/", SC_ANON, 0, home_page, NULL, NULL},
    {"GET", "/lookup", SC_ANON, 0, lookup_page, LOOKUP_FIELDS, NULL},
    {"GET", "/brands/", SC_ANON, 0, brands_page, NULL, NULL},
    {"GET", "/brands/*", SC_ANON, 0, brand_page, NULL, NULL},
    {"GET", "/login", SC_ANON, 0, login_page, LOGIN_FIELDS, NULL},
    {"POST", "/login", SC_ANON, 0, login_number, LOGIN_SUBMIT_FIELDS, NULL},
    {"GET", "/login/password", SC_ANON, 0, password_page, LOGIN_FIELDS, NULL},
    {"POST", "/login/password", SC_ANON, 0, password_submit, PASSWORD_FIELDS,
     NULL},
    {"GET", "/login/confirm", SC_CUSTOMER, 0, confirm_page, NEXT_FIELDS, NULL},
    {"POST", "/login/confirm", SC_CUSTOMER, 0, confirm_submit, CONFIRM_FIELDS,
     NULL},
    {"GET", "/logout", SC_ANON, 0, logout_page, NULL, NULL},
    {"POST", "/logout", SC_ANON, 0, logout_submit, NULL, NULL},
    {"GET", "/account", SC_CUSTOMER, 0, account_page, NULL, NULL},
    {0}};

int main(int argc, char **argv)
{
    return sc_customer_main("portal", routes, argc, argv);
}
