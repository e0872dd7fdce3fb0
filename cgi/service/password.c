/* Password change (B-12): the old password, the new one twice. The new one
 * must not be trivial (one digit repeated, a straight run such as 123456 or
 * 654321, or a run of the number's own digits) nor the old one. A wrong old
 * password counts toward the number's lockout like a wrong login, and a
 * lock ends the session as on the portal's password re-entry. On success
 * one transaction sets the hash, ends the number's other sessions (someone
 * who knew the old password is logged out everywhere else) and writes the
 * acceptance record.
 * Statements, the session check included: form 1; a change 9: the session,
 * 2 lock checks, the hash, BEGIN, 3 writes, COMMIT (+1 clearing failures). */
#include "service.h"

#include <string.h>

static const char SQL_HASH[] =
    "SELECT password_hash FROM subscribers WHERE msisdn = ?";
static const char SQL_SET_HASH[] =
    "UPDATE subscribers SET password_hash = ? WHERE msisdn = ?";
static const char SQL_END_OTHERS[] =
    "DELETE FROM sessions WHERE msisdn = ? AND token_hash <> ?";

static void form(struct sc_req *req, const char *error)
{
    sc_dict *d = sc_view(req, "service/password.tpl", "客户密码更改");
    sc_set(d, "MSISDN", req->customer->msisdn);
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

int password_form(struct sc_req *req)
{
    form(req, NULL);
    return 200;
}

/* Why pw (6 digits) is too easy to guess, or NULL when it is not. */
static const char *trivial(const char *pw, const char *msisdn)
{
    bool same = true, up = true, down = true;
    for (int i = 1; pw[i]; i++) {
        int step = (pw[i] - pw[i - 1] + 10) % 10;
        same = same && step == 0;
        up = up && step == 1;     /* 123456, also 890123 */
        down = down && step == 9; /* 654321, also 321098 */
    }
    if (same)
        return "新密码不能是同一个数字重复（如 111111），请重新设置。";
    if (up || down)
        return "新密码不能是连续的数字（如 123456、654321），请重新设置。";
    if (strstr(msisdn, pw))
        return "新密码不能是本手机号码中的连续数字，请重新设置。";
    return NULL;
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "该号码服务密码连续输错次数过多，已被暂时锁定，请于 %s "
                     "之后再试。如忘记服务密码，请持身份证件到营业厅办理重置。",
                     l->until);
}

/* The transaction; 0, or -1 on a database failure (rolled back). */
static int change(struct sc_req *req, const char *hash)
{
    const char *msisdn = req->customer->msisdn;
    unsigned char mine[32];
    /* The current session's token hash: the one session that survives. A
     * request without a readable cookie has no session and never gets here,
     * but a zero hash would then simply keep none. */
    if (sc_token_hash(sc_cookie(req, SC_COOKIE_CUSTOMER), mine) != 0)
        memset(mine, 0, sizeof mine);
    if (sc_db_begin(req) != 0)
        return -1;
    if (sc_db_exec(req, SQL_SET_HASH, "ss", hash, msisdn) != 1 ||
        sc_db_exec(req, SQL_END_OTHERS, "sb", msisdn, mine, sizeof mine) < 0 ||
        sc_acceptance_add(req, msisdn, "密码修改", "done",
                          "修改服务密码，本号码的其他登录已退出") != 0) {
        sc_db_rollback(req);
        return -1;
    }
    if (sc_db_commit(req) != 0)
        return -1;
    /* The other sessions are gone: no worker may keep serving them. */
    sc_sessions_changed();
    return 0;
}

int password_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *old_pw = sc_field(req, "old_password");
    const char *new_pw = sc_field(req, "new_password");
    /* The rules first: they need no password check, so a typo in the new
     * password never costs one of the customer's attempts. */
    const char *why = NULL;
    if (strcmp(new_pw, sc_field(req, "new_password2")) != 0)
        why = "两次输入的新密码不一致，请重新输入。";
    else
        why = trivial(new_pw, msisdn);
    if (!why && strcmp(new_pw, old_pw) == 0)
        why = "新密码不能与原密码相同，请重新设置。";
    if (why) {
        form(req, why);
        return 400;
    }

    struct sc_lock lock;
    int status = sc_login_precheck(req, "msisdn", msisdn, &lock);
    if (status)
        return status;
    if (lock.locked) {
        sc_session_end_customer(req);
        req->error_message = locked_message(req, &lock);
        return 403;
    }
    struct sc_rows *r = sc_db_query(req, SQL_HASH, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    if (!sc_password_verify(r->n ? sc_cell(r, 0, 0) : NULL, old_pw)) {
        status = sc_login_failed(req, "msisdn", msisdn, &lock);
        if (status)
            return status;
        sc_info("service: wrong old password for %s on password change",
                msisdn);
        if (lock.locked) {
            sc_session_end_customer(req);
            req->error_message = locked_message(req, &lock);
            return 403;
        }
        form(req,
             sc_printf(req->arena,
                       "原服务密码不正确，密码未修改，请重新输入。连续输错 "
                       "%d 次，号码将被锁定 %d 分钟。",
                       sc_cfg.lock_failures, sc_cfg.lock_minutes));
        return 403;
    }

    char hash[SC_PWHASH_LEN];
    if (sc_password_hash(new_pw, hash) != 0) {
        sc_error("service: could not hash the new password of %s", msisdn);
        return 500;
    }
    if (change(req, hash) != 0)
        return sc_db_failure_status();
    if (sc_lockout_clear(req, "msisdn", msisdn) != 0)
        sc_warn("service: could not clear password failures of %s", msisdn);
    sc_info("service: %s changed the service password", msisdn);
    return sc_redirect(req, "/service/password/done");
}

int password_done(struct sc_req *req)
{
    sc_dict *d = sc_view(req, "service/password_done.tpl", "密码修改成功");
    sc_set(d, "MSISDN", req->customer->msisdn);
    return 200;
}
