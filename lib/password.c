#include "password.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "log.h"

int sc_password_hash(const char *password, char out[SC_PWHASH_LEN])
{
    return crypto_pwhash_str(out, password, strlen(password), SC_PWHASH_OPS,
                             SC_PWHASH_MEM);
}

bool sc_password_verify(const char *hash, const char *password)
{
    static char dummy[SC_PWHASH_LEN];
    if (!hash || !*hash) {
        if (!dummy[0] && sc_password_hash("selfcare-dummy", dummy) != 0)
            return false;
        /* Spend the same time as a real check; the answer is no anyway. */
        if (crypto_pwhash_str_verify(dummy, password, strlen(password)) == 0)
            return false;
        return false;
    }
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

long long sc_lockout_until(const long long *failures, int n, long long now,
                           int threshold, int window, int minutes)
{
    int recent = 0;
    long long newest = 0;
    for (int i = 0; i < n; i++) {
        if (failures[i] > now - window && failures[i] <= now) {
            recent++;
            if (failures[i] > newest)
                newest = failures[i];
        }
    }
    if (threshold <= 0 || recent < threshold)
        return 0;
    long long until = newest + (long long)minutes * 60;
    return until > now ? until : 0;
}

static const char SQL_LOCK_GET[] =
    "SELECT DATE_FORMAT(locked_until, '%Y-%m-%d %H:%i') FROM login_locks "
    "WHERE kind = ? AND subject = ? AND locked_until > NOW()";
static const char SQL_FAILURE_ADD[] =
    "INSERT INTO login_failures (kind, subject, at) VALUES (?, ?, NOW())";
static const char SQL_FAILURE_RECENT[] =
    "SELECT UNIX_TIMESTAMP(at), UNIX_TIMESTAMP(NOW()) FROM login_failures "
    "WHERE kind = ? AND subject = ? AND at > NOW() - INTERVAL ? SECOND "
    "ORDER BY at DESC LIMIT 100";
static const char SQL_LOCK_SET[] =
    "INSERT INTO login_locks (kind, subject, locked_until) "
    "VALUES (?, ?, FROM_UNIXTIME(?)) "
    "ON DUPLICATE KEY UPDATE locked_until = VALUES(locked_until)";
static const char SQL_FAILURE_CLEAR[] =
    "DELETE FROM login_failures WHERE kind = ? AND subject = ?";

int sc_lockout_check(struct sc_req *req, const char *kind, const char *subject,
                     struct sc_lock *out)
{
    memset(out, 0, sizeof *out);
    struct sc_rows *r = sc_db_query(req, SQL_LOCK_GET, "ss", kind, subject);
    if (!r)
        return -1;
    if (r->n > 0) {
        out->locked = true;
        snprintf(out->until, sizeof out->until, "%s", sc_cell(r, 0, 0));
    }
    return 0;
}

int sc_lockout_fail(struct sc_req *req, const char *kind, const char *subject,
                    int threshold, struct sc_lock *out)
{
    memset(out, 0, sizeof *out);
    if (sc_db_exec(req, SQL_FAILURE_ADD, "ss", kind, subject) != 1)
        return -1;
    struct sc_rows *r = sc_db_query(req, SQL_FAILURE_RECENT, "ssi", kind,
                                    subject, (long long)sc_cfg.lock_window);
    if (!r)
        return -1;
    long long times[100];
    for (int i = 0; i < r->n && i < 100; i++)
        times[i] = sc_cell_int(r, i, 0);
    long long now = r->n ? sc_cell_int(r, 0, 1) : (long long)time(NULL);
    long long until = sc_lockout_until(times, r->n, now, threshold,
                                       sc_cfg.lock_window, sc_cfg.lock_minutes);
    if (!until)
        return 0;
    if (sc_db_exec(req, SQL_LOCK_SET, "ssi", kind, subject, until) < 0)
        return -1;
    sc_warn("lockout: %s %s locked for %d minutes", kind, subject,
            sc_cfg.lock_minutes);
    return sc_lockout_check(req, kind, subject, out);
}

int sc_lockout_clear(struct sc_req *req, const char *kind, const char *subject)
{
    return sc_db_exec(req, SQL_FAILURE_CLEAR, "ss", kind, subject) < 0 ? -1 : 0;
}

int sc_login_precheck(struct sc_req *req, const char *kind, const char *subject,
                      struct sc_lock *lock)
{
    if (sc_lockout_check(req, "ip", req->remote_addr, lock) != 0)
        return sc_db_failure_status();
    if (lock->locked) {
        req->error_message = sc_printf(
            req->arena, "来自您网络地址的登录失败次数过多，请于 %s 之后再试。",
            lock->until);
        return 429;
    }
    if (sc_lockout_check(req, kind, subject, lock) != 0)
        return sc_db_failure_status();
    return 0;
}

int sc_login_failed(struct sc_req *req, const char *kind, const char *subject,
                    struct sc_lock *lock)
{
    struct sc_lock address;
    if (sc_lockout_fail(req, kind, subject, sc_cfg.lock_failures, lock) != 0 ||
        sc_lockout_fail(req, "ip", req->remote_addr, sc_cfg.ip_failures,
                        &address) != 0)
        return sc_db_failure_status();
    return 0;
}
