/* The two-step login of SPEC 3.1: the number first, which routes by home
 * province; then the service password. Also re-entry of the password for
 * sensitive actions, and logout. */
#include "portal.h"

#include <string.h>

static const char SQL_SUBSCRIBER_AUTH[] =
    "SELECT password_hash, status FROM subscribers WHERE msisdn = ?";

static const char *next_or(const struct sc_req *req, const char *fallback)
{
    const char *next = sc_field(req, "next");
    return next ? next : fallback;
}

static sc_dict *login_form(struct sc_req *req, const char *msisdn,
                           const char *error)
{
    sc_dict *d = sc_view(req, "portal/login.tpl", "登录");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "NEXT", sc_field(req, "next"));
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    return d;
}

int login_page(struct sc_req *req)
{
    if (req->customer && !sc_field(req, "msisdn"))
        return sc_redirect(req, next_or(req, "/account"));
    login_form(req, sc_field(req, "msisdn"), NULL);
    return 200;
}

/* Step 1: the number decides where the customer logs in. */
int login_number(struct sc_req *req)
{
    const char *msisdn = sc_field(req, "msisdn");
    struct sc_segment seg;
    int found = sc_segment_lookup(req, msisdn, &seg);
    if (found < 0)
        return sc_db_failure_status();
    if (!found) {
        login_form(req, msisdn,
                   "未能识别该号码的归属地，请确认输入的是中国移动手机号码。");
        return 400;
    }
    if (seg.site_url && *seg.site_url) {
        /* The province runs its own site: hand the number over; it only
         * pre-fills that site's login and proves nothing. */
        const char *sep = strchr(seg.site_url, '?') ? "&" : "?";
        sc_info("login: %s routed to province %d site", seg.prefix,
                seg.province_id);
        return sc_redirect(req, sc_printf(req->arena, "%s%smsisdn=%s",
                                          seg.site_url, sep, msisdn));
    }
    const char *next = sc_field(req, "next");
    return sc_redirect(req,
                       sc_printf(req->arena, "/login/password?msisdn=%s%s%s",
                                 msisdn, next ? "&next=" : "",
                                 next ? sc_url_encode(req->arena, next) : ""));
}

static sc_dict *password_form(struct sc_req *req, const char *msisdn,
                              const char *error)
{
    sc_dict *d = sc_view(req, "portal/password.tpl", "输入服务密码");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "NEXT", sc_field(req, "next"));
    struct sc_segment seg;
    if (msisdn && sc_segment_lookup(req, msisdn, &seg) == 1) {
        sc_dict *h = sc_section(d, "HOME");
        sc_set(h, "PROVINCE", seg.province);
        sc_set(h, "CITY", seg.city);
        sc_set(h, "BRAND", seg.brand);
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    return d;
}

/* Step 2 page. Entered directly (SPEC 3.3), it asks for both on one page. */
int password_page(struct sc_req *req)
{
    password_form(req, sc_field(req, "msisdn"), NULL);
    return 200;
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "该号码服务密码连续输错次数过多，已被暂时锁定，请于 %s "
                     "之后再试。如忘记服务密码，请持身份证件到营业厅办理重置。",
                     l->until);
}

int password_submit(struct sc_req *req)
{
    const char *msisdn = sc_field(req, "msisdn");
    const char *password = sc_field(req, "password");
    struct sc_lock lock;

    int status = sc_login_precheck(req, "msisdn", msisdn, &lock);
    if (status)
        return status;
    if (lock.locked) {
        password_form(req, msisdn, locked_message(req, &lock));
        return 403;
    }

    struct sc_rows *r = sc_db_query(req, SQL_SUBSCRIBER_AUTH, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    const char *hash = r->n ? sc_cell(r, 0, 0) : NULL;
    const char *line_status = r->n ? sc_cell(r, 0, 1) : NULL;
    bool ok = sc_password_verify(hash, password);
    if (ok && line_status && strcmp(line_status, "closed") == 0)
        ok = false; /* a closed number answers like a wrong password */

    if (!ok) {
        status = sc_login_failed(req, "msisdn", msisdn, &lock);
        if (status)
            return status;
        sc_info("login: wrong password for %s from %s", msisdn,
                req->remote_addr);
        password_form(
            req, msisdn,
            lock.locked ? locked_message(req, &lock)
                        : sc_printf(req->arena,
                                    "手机号码或服务密码不正确。连续输错 %d "
                                    "次，号码将被锁定 %d 分钟。",
                                    sc_cfg.lock_failures, sc_cfg.lock_minutes));
        return 403;
    }
    if (sc_lockout_clear(req, "msisdn", msisdn) != 0 ||
        sc_session_start_customer(req, msisdn) != 0)
        return sc_db_failure_status();
    sc_info("login: %s logged in from %s", msisdn, req->remote_addr);
    return sc_redirect(req, next_or(req, "/account"));
}

static void confirm_form(struct sc_req *req, const char *error)
{
    sc_dict *d = sc_view(req, "portal/confirm.tpl", "再次验证服务密码");
    sc_set(d, "MSISDN", req->customer->msisdn);
    sc_set(d, "NEXT", sc_field(req, "next"));
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

int confirm_page(struct sc_req *req)
{
    confirm_form(req, NULL);
    return 200;
}

/* Sensitive actions ask for the password again; wrong answers count toward
 * the same lockout as logins, and a lock also ends the session. */
int confirm_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_lock lock;
    if (sc_lockout_check(req, "msisdn", msisdn, &lock) != 0)
        return sc_db_failure_status();
    if (lock.locked) {
        sc_session_end_customer(req);
        req->error_message = locked_message(req, &lock);
        return 403;
    }
    struct sc_rows *r = sc_db_query(req, SQL_SUBSCRIBER_AUTH, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    if (!sc_password_verify(r->n ? sc_cell(r, 0, 0) : NULL,
                            sc_field(req, "password"))) {
        if (sc_lockout_fail(req, "msisdn", msisdn, sc_cfg.lock_failures,
                            &lock) != 0)
            return sc_db_failure_status();
        if (lock.locked) {
            sc_session_end_customer(req);
            req->error_message = locked_message(req, &lock);
            return 403;
        }
        confirm_form(req, "服务密码不正确，请重新输入。");
        return 403;
    }
    if (sc_lockout_clear(req, "msisdn", msisdn) != 0 ||
        sc_session_reauth(req) != 0)
        return sc_db_failure_status();
    return sc_redirect(req, next_or(req, "/account"));
}

int logout_page(struct sc_req *req)
{
    if (!req->customer)
        return sc_redirect(req, "/");
    sc_view(req, "portal/logout.tpl", "退出登录");
    return 200;
}

int logout_submit(struct sc_req *req)
{
    if (req->customer)
        sc_info("login: %s logged out", req->customer->msisdn);
    sc_session_end_customer(req);
    return sc_redirect(req, "/?bye=1");
}
