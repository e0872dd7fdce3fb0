#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "response.h"
#include "session_cache.h"

/* Seen-at is written at most once a minute per session, not on every page. */
enum { TOUCH_EVERY = 60 };

void sc_token_new(char out[44])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, 44, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int sc_token_hash(const char *value, unsigned char hash[32])
{
    unsigned char raw[32];
    size_t rawlen = 0;
    if (!value || strlen(value) != 43 ||
        sodium_base642bin(raw, sizeof raw, value, 43, NULL, &rawlen, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        rawlen != 32)
        return -1;
    crypto_generichash(hash, 32, raw, sizeof raw, NULL, 0);
    return 0;
}

/* The subscriber's brand and province come along in the same statement:
 * every routed page needs them to decide whether the service is offered. */
static const char SQL_CUSTOMER_LOAD[] =
    "SELECT s.msisdn, UNIX_TIMESTAMP(s.created_at), UNIX_TIMESTAMP(s.seen_at), "
    "IFNULL(UNIX_TIMESTAMP(s.reauth_at), 0), sub.brand_code, sub.province_id "
    "FROM sessions s JOIN subscribers sub ON sub.msisdn = s.msisdn "
    "WHERE s.token_hash = ? AND s.seen_at > NOW() - INTERVAL ? SECOND "
    "AND s.created_at > NOW() - INTERVAL ? SECOND";
static const char SQL_CUSTOMER_TOUCH[] =
    "UPDATE sessions SET seen_at = NOW() WHERE token_hash = ?";
static const char SQL_CUSTOMER_INSERT[] =
    "INSERT INTO sessions (token_hash, msisdn, created_at, seen_at, reauth_at) "
    "VALUES (?, ?, NOW(), NOW(), NOW())";
static const char SQL_CUSTOMER_DELETE[] =
    "DELETE FROM sessions WHERE token_hash = ?";
static const char SQL_CUSTOMER_PURGE[] =
    "DELETE FROM sessions WHERE seen_at < NOW() - INTERVAL ? SECOND LIMIT 200";
static const char SQL_CUSTOMER_REAUTH[] =
    "UPDATE sessions SET reauth_at = NOW() WHERE token_hash = ?";

static const char SQL_STAFF_LOAD[] =
    "SELECT s.id, s.username, s.display_name, s.role, IFNULL(s.province_id, "
    "0), "
    "IFNULL(p.name, '集团公司'), UNIX_TIMESTAMP(ss.seen_at) "
    "FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id "
    "LEFT JOIN provinces p ON p.id = s.province_id "
    "WHERE ss.token_hash = ? AND ss.seen_at > NOW() - INTERVAL ? SECOND "
    "AND ss.created_at > NOW() - INTERVAL ? SECOND AND s.active = 1";
static const char SQL_STAFF_TOUCH[] =
    "UPDATE staff_sessions SET seen_at = NOW() WHERE token_hash = ?";
static const char SQL_STAFF_INSERT[] =
    "INSERT INTO staff_sessions (token_hash, staff_id, created_at, seen_at) "
    "VALUES (?, ?, NOW(), NOW())";
static const char SQL_STAFF_DELETE[] =
    "DELETE FROM staff_sessions WHERE token_hash = ?";
static const char SQL_STAFF_PURGE[] =
    "DELETE FROM staff_sessions WHERE seen_at < NOW() - INTERVAL ? SECOND "
    "LIMIT 200";

/* Only a GET of a plain customer page may trust a cached session: a form
 * submission and a page that wants the password re-entered recently always
 * ask the database. */
static bool may_use_cache(const struct sc_req *req)
{
    return req->route && req->route->access == SC_CUSTOMER &&
           strcmp(req->method, "GET") == 0;
}

static void set_customer(struct sc_req *req, const struct sc_session_row *r)
{
    struct sc_customer *c = sc_alloc(req->arena, sizeof *c);
    c->msisdn = sc_strdup(req->arena, r->msisdn);
    c->created = r->created;
    c->reauth = r->reauth;
    c->brand_code = sc_strdup(req->arena, r->brand_code);
    c->province_id = r->province_id;
    req->customer = c;
}

int sc_session_load_customer(struct sc_req *req)
{
    unsigned char hash[32];
    if (sc_token_hash(sc_cookie(req, SC_COOKIE_CUSTOMER), hash) != 0)
        return 0;
    long long now = (long long)time(NULL);
    struct sc_session_row row;
    unsigned long long epoch = 0;
    bool cached = sc_session_cache_get(hash, now, &row, &epoch);
    if (!cached || !may_use_cache(req)) {
        struct sc_rows *r = sc_db_query(
            req, SQL_CUSTOMER_LOAD, "bii", hash, sizeof hash,
            (long long)sc_cfg.session_idle, (long long)sc_cfg.session_absolute);
        if (!r)
            return -1;
        if (r->n == 0)
            return 0;
        memset(&row, 0, sizeof row);
        snprintf(row.msisdn, sizeof row.msisdn, "%s", sc_cell(r, 0, 0));
        row.created = sc_cell_int(r, 0, 1);
        row.seen = sc_cell_int(r, 0, 2);
        row.reauth = sc_cell_int(r, 0, 3);
        snprintf(row.brand_code, sizeof row.brand_code, "%s",
                 sc_cell(r, 0, 4) ? sc_cell(r, 0, 4) : "");
        row.province_id = (int)sc_cell_int(r, 0, 5);
        sc_session_cache_put(hash, &row, now, epoch);
    }
    set_customer(req, &row);
    if (now - row.seen >= TOUCH_EVERY &&
        sc_db_exec(req, SQL_CUSTOMER_TOUCH, "b", hash, sizeof hash) >= 0)
        sc_session_cache_seen(hash, now);
    return 0;
}

int sc_session_load_staff(struct sc_req *req)
{
    unsigned char hash[32];
    if (sc_token_hash(sc_cookie(req, SC_COOKIE_STAFF), hash) != 0)
        return 0;
    struct sc_rows *r = sc_db_query(req, SQL_STAFF_LOAD, "bii", hash,
                                    sizeof hash, (long long)sc_cfg.session_idle,
                                    (long long)sc_cfg.session_absolute);
    if (!r)
        return -1;
    if (r->n == 0)
        return 0;
    struct sc_staff *s = sc_alloc(req->arena, sizeof *s);
    s->id = sc_cell_int(r, 0, 0);
    s->username = sc_cell(r, 0, 1);
    s->display_name = sc_cell(r, 0, 2);
    s->role = sc_cell(r, 0, 3);
    s->province_id = (int)sc_cell_int(r, 0, 4);
    s->province_name = sc_cell(r, 0, 5);
    req->staff = s;
    if ((long long)time(NULL) - sc_cell_int(r, 0, 6) >= TOUCH_EVERY)
        sc_db_exec(req, SQL_STAFF_TOUCH, "b", hash, sizeof hash);
    return 0;
}

static void end_cookie_session(struct sc_req *req, const char *cookie,
                               const char *sql_delete)
{
    unsigned char hash[32];
    if (sc_token_hash(sc_cookie(req, cookie), hash) == 0 &&
        sc_db_exec(req, sql_delete, "b", hash, sizeof hash) > 0)
        sc_sessions_changed();
}

int sc_session_start_customer(struct sc_req *req, const char *msisdn)
{
    end_cookie_session(req, SC_COOKIE_CUSTOMER, SQL_CUSTOMER_DELETE);
    sc_db_exec(req, SQL_CUSTOMER_PURGE, "i", (long long)sc_cfg.session_idle);
    char token[44];
    unsigned char hash[32];
    sc_token_new(token);
    sc_token_hash(token, hash);
    if (sc_db_exec(req, SQL_CUSTOMER_INSERT, "bs", hash, sizeof hash, msisdn) !=
        1)
        return -1;
    sc_set_cookie(req, SC_COOKIE_CUSTOMER, token, "/", -1);
    struct sc_customer *c = sc_alloc(req->arena, sizeof *c);
    c->msisdn = sc_strdup(req->arena, msisdn);
    c->created = c->reauth = (long long)time(NULL);
    req->customer = c;
    return 0;
}

int sc_session_start_staff(struct sc_req *req, long long staff_id)
{
    end_cookie_session(req, SC_COOKIE_STAFF, SQL_STAFF_DELETE);
    sc_db_exec(req, SQL_STAFF_PURGE, "i", (long long)sc_cfg.session_idle);
    char token[44];
    unsigned char hash[32];
    sc_token_new(token);
    sc_token_hash(token, hash);
    if (sc_db_exec(req, SQL_STAFF_INSERT, "bi", hash, sizeof hash, staff_id) !=
        1)
        return -1;
    sc_set_cookie(req, SC_COOKIE_STAFF, token, "/admin/", -1);
    return 0;
}

int sc_session_end_customer(struct sc_req *req)
{
    end_cookie_session(req, SC_COOKIE_CUSTOMER, SQL_CUSTOMER_DELETE);
    sc_set_cookie(req, SC_COOKIE_CUSTOMER, "", "/", 0);
    req->customer = NULL;
    return 0;
}

int sc_session_end_staff(struct sc_req *req)
{
    end_cookie_session(req, SC_COOKIE_STAFF, SQL_STAFF_DELETE);
    sc_set_cookie(req, SC_COOKIE_STAFF, "", "/admin/", 0);
    req->staff = NULL;
    return 0;
}

int sc_session_reauth(struct sc_req *req)
{
    unsigned char hash[32];
    if (sc_token_hash(sc_cookie(req, SC_COOKIE_CUSTOMER), hash) != 0)
        return -1;
    if (sc_db_exec(req, SQL_CUSTOMER_REAUTH, "b", hash, sizeof hash) < 0)
        return -1;
    sc_sessions_changed();
    if (req->customer)
        req->customer->reauth = (long long)time(NULL);
    return 0;
}

void sc_csrf_token_for(const char *cookie_value, char out[44])
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, (const unsigned char *)cookie_value,
                           strlen(cookie_value), sc_cfg.secret);
    sodium_bin2base64(out, 44, mac, sizeof mac,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

const char *sc_csrf_prepare(struct sc_req *req)
{
    const char *cookie = sc_cookie(req, SC_COOKIE_CSRF);
    if (!cookie || strlen(cookie) != 43) {
        char fresh[44];
        sc_token_new(fresh);
        cookie = sc_strdup(req->arena, fresh);
        sc_set_cookie(req, SC_COOKIE_CSRF, cookie, "/", -1);
        /* The cookie applies from this response on; later checks in this
         * request must see the same value. */
        struct sc_kv *kv = sc_alloc(req->arena, sizeof *kv);
        kv->name = SC_COOKIE_CSRF;
        kv->value = cookie;
        kv->len = 43;
        kv->next = req->cookies;
        req->cookies = kv;
    }
    char token[44];
    sc_csrf_token_for(cookie, token);
    req->csrf = sc_strdup(req->arena, token);
    return req->csrf;
}

bool sc_csrf_valid(const struct sc_req *req, const char *submitted)
{
    const char *cookie = sc_cookie(req, SC_COOKIE_CSRF);
    if (!cookie || !submitted || strlen(cookie) != 43 ||
        strlen(submitted) != 43)
        return false;
    char expect[44];
    sc_csrf_token_for(cookie, expect);
    return sodium_memcmp(expect, submitted, 43) == 0;
}
