/* admin: every back-office page it serves is in this table. */
#include "admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ROLE_NAMES[] = {"admin",
                                         "complaint_agent",
                                         "complaint_supervisor",
                                         "content_editor",
                                         "content_approver",
                                         "analyst",
                                         NULL};

static const struct sc_field LOGIN_PAGE_FIELDS[] = {
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL}, {0}};
static const struct sc_field LOGIN_FIELDS[] = {
    {"username", "用户名", SC_USERNAME, 0, SC_REQUIRED, NULL},
    {"password", "密码", SC_PASSWORD, 128, SC_REQUIRED, NULL},
    {"next", "跳转地址", SC_LOCALPATH, 0, 0, NULL},
    {0}};
static const struct sc_field PAGE_FIELDS[] = {
    {"page", "页码", SC_UINT, 100000, 0, NULL}, {0}};
static const struct sc_field STAFF_NEW_FIELDS[] = {
    {"username", "用户名", SC_USERNAME, 0, SC_REQUIRED, NULL},
    {"display_name", "姓名", SC_TEXT, 32, SC_REQUIRED, NULL},
    {"role", "角色", SC_CHOICE, 0, SC_REQUIRED, ROLE_NAMES},
    {"province", "所属单位", SC_UINT, 99, 0, NULL},
    {"city", "地市分公司", SC_UINT, 0, 0, NULL},
    {"password", "初始密码", SC_PASSWORD, 128, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field STAFF_ID_FIELDS[] = {
    {"id", "员工编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"saved", "已保存", SC_UINT, 1, 0, NULL},
    {0}};
static const struct sc_field STAFF_EDIT_FIELDS[] = {
    {"id", "员工编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"display_name", "姓名", SC_TEXT, 32, SC_REQUIRED, NULL},
    {"role", "角色", SC_CHOICE, 0, SC_REQUIRED, ROLE_NAMES},
    {"province", "所属单位", SC_UINT, 99, 0, NULL},
    {"city", "地市分公司", SC_UINT, 0, 0, NULL},
    {"active", "状态", SC_UINT, 1, 0, NULL},
    {"password", "新密码", SC_PASSWORD, 128, 0, NULL},
    {0}};
static const struct sc_field AUDIT_FIELDS[] = {
    {"page", "页码", SC_UINT, 100000, 0, NULL},
    {"username", "操作人", SC_USERNAME, 0, 0, NULL},
    {0}};

static const struct sc_route routes[] = {
    {"GET", "/admin/", SC_STAFF, SC_ROLE_ANY, admin_home, NULL, NULL},
    {"GET", "/admin/login", SC_ANON, 0, admin_login_page, LOGIN_PAGE_FIELDS,
     NULL},
    {"POST", "/admin/login", SC_ANON, 0, admin_login_submit, LOGIN_FIELDS,
     NULL},
    {"POST", "/admin/logout", SC_ANON, 0, admin_logout, NULL, NULL},
    {"GET", "/admin/staff", SC_STAFF, SC_ROLE_ADMIN, staff_list, PAGE_FIELDS,
     NULL},
    {"GET", "/admin/staff/new", SC_STAFF, SC_ROLE_ADMIN, staff_new_page, NULL,
     NULL},
    {"POST", "/admin/staff/new", SC_STAFF, SC_ROLE_ADMIN, staff_new_submit,
     STAFF_NEW_FIELDS, NULL},
    {"GET", "/admin/staff/edit", SC_STAFF, SC_ROLE_ADMIN, staff_edit_page,
     STAFF_ID_FIELDS, NULL},
    {"POST", "/admin/staff/edit", SC_STAFF, SC_ROLE_ADMIN, staff_edit_submit,
     STAFF_EDIT_FIELDS, NULL},
    {"GET", "/admin/audit", SC_STAFF, SC_ROLE_ADMIN, audit_page, AUDIT_FIELDS,
     NULL},
    {0}};

static const char *const view_dirs[] = {"admin", NULL};

static const struct sc_app admin = {
    .name = "admin",
    .routes = routes,
    .layout = "layout/admin.tpl",
    .view_dirs = view_dirs,
    .login_path = "/admin/login",
    .reauth_path = "/admin/login",
    .staff = 1,
};

long long admin_page_number(const struct sc_req *req)
{
    const char *p = sc_field(req, "page");
    long long n = p ? strtoll(p, NULL, 10) : 1;
    return n < 1 ? 1 : n;
}

/* Fetching one row more than shown tells whether a next page exists. */
void admin_pager(sc_dict *d, const char *base, long long page, int shown,
                 sc_arena *a)
{
    const char *sep = strchr(base, '?') ? "&" : "?";
    sc_set_int(d, "PAGE", page);
    if (page > 1) {
        sc_dict *p = sc_section(d, "PREV");
        sc_set(p, "HREF", sc_printf(a, "%s%spage=%lld", base, sep, page - 1));
    }
    if (shown > ADMIN_PAGE_SIZE) {
        sc_dict *n = sc_section(d, "NEXT");
        sc_set(n, "HREF", sc_printf(a, "%s%spage=%lld", base, sep, page + 1));
    }
}

int main(int argc, char **argv)
{
    return sc_app_main(&admin, argc, argv);
}
