/* Staff login and logout, with the same lockout as customers, all audited. */
#include "admin.h"

#include <string.h>

static const char SQL_STAFF_AUTH[] =
    "SELECT id, password_hash, active FROM staff WHERE username = ?";

int admin_home(struct sc_req *req)
{
    sc_dict *d = sc_view(req, "admin/home.tpl", "工作台");
    sc_set(d, "DISPLAY_NAME", req->staff->display_name);
    sc_set(d, "ROLE", sc_role_label(req->staff->role));
    sc_set(d, "PROVINCE", req->staff->province_name);
    if (strcmp(req->staff->role, "admin") == 0)
        sc_show(d, "IS_ADMIN");
    /* The complaint back office (workorders); analysts read its
     * statistics only. */
    if (strncmp(req->staff->role, "content_", 8) != 0) {
        sc_dict *c = sc_section(d, "COMPLAINTS");
        if (strcmp(req->staff->role, "analyst") != 0)
            sc_show(c, "WORKS_COMPLAINTS");
    }
    return 200;
}

static void login_form(struct sc_req *req, const char *username,
                       const char *error)
{
    sc_dict *d = sc_view(req, "admin/login.tpl", "员工登录");
    sc_set(d, "USERNAME", username);
    sc_set(d, "NEXT", sc_field(req, "next"));
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

int admin_login_page(struct sc_req *req)
{
    if (req->staff)
        return sc_redirect(req, "/admin/");
    login_form(req, NULL, NULL);
    return 200;
}

int admin_login_submit(struct sc_req *req)
{
    const char *username = sc_field(req, "username");
    struct sc_lock lock;
    int status = sc_login_precheck(req, "staff", username, &lock);
    if (status)
        return status;
    if (lock.locked) {
        login_form(req, username,
                   sc_printf(req->arena,
                             "该账号密码错误次数过多，已锁定至 %s。",
                             lock.until));
        return 403;
    }
    struct sc_rows *r = sc_db_query(req, SQL_STAFF_AUTH, "s", username);
    if (!r)
        return sc_db_failure_status();
    bool ok = sc_password_verify(r->n ? sc_cell(r, 0, 1) : NULL,
                                 sc_field(req, "password"));
    if (ok && sc_cell_int(r, 0, 2) != 1)
        ok = false; /* a disabled account answers like a wrong password */
    if (!ok) {
        status = sc_login_failed(req, "staff", username, &lock);
        if (status)
            return status;
        sc_audit(req, username, "login_failed", username, NULL);
        login_form(req, username,
                   lock.locked
                       ? sc_printf(req->arena,
                                   "该账号密码错误次数过多，已锁定至 %s。",
                                   lock.until)
                       : "用户名或密码不正确。");
        return 403;
    }
    long long id = sc_cell_int(r, 0, 0);
    if (sc_lockout_clear(req, "staff", username) != 0 ||
        sc_session_start_staff(req, id) != 0)
        return sc_db_failure_status();
    struct sc_staff who = {.id = id, .username = username};
    req->staff = &who;
    sc_audit(req, NULL, "login", username, NULL);
    req->staff = NULL;
    const char *next = sc_field(req, "next");
    /* Only back-office pages are valid targets from here. */
    if (!next || strncmp(next, "/admin/", 7) != 0)
        next = "/admin/";
    return sc_redirect(req, next);
}

int admin_logout(struct sc_req *req)
{
    if (req->staff)
        sc_audit(req, NULL, "logout", req->staff->username, NULL);
    sc_session_end_staff(req);
    return sc_redirect(req, "/admin/login");
}
