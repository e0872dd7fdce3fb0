/* Exchanging consumption points for a reward (X-02's rules on the home
 * site): the catalogue, a confirmation page that asks for the service
 * password again, and one transaction that deducts the points and the stock
 * with conditional updates, so concurrent exchanges can never overdraw
 * either, records the exchange, its ledger row and the acceptance record.
 * A hidden per-page request_id (UNIQUE in exchanges) makes a double
 * submission one exchange.
 * Statements, the session check included: catalogue 2, confirm 2, done 2;
 * a successful exchange 12: the session, 2 lock checks, the hash with the
 * reward, BEGIN, 5 writes, COMMIT, and clearing the number's failures.
 * A refusal adds the request_id look-up and the confirm page's read. */
#include "points.h"

#include <stdlib.h>
#include <string.h>

enum {
    ER_DUP_ENTRY = 1062,
    ER_LOCK_WAIT_TIMEOUT = 1205,
    ER_LOCK_DEADLOCK = 1213
};

static const char SQL_CATALOGUE[] =
    "SELECT r.id, r.name, r.category, r.points_cost, r.stock, r.description, "
    "b.consumption FROM rewards r "
    "LEFT JOIN points_balances b ON b.msisdn = ? "
    "WHERE r.active = 1 ORDER BY r.id";
static const char SQL_CONSUMPTION[] =
    "SELECT consumption FROM points_balances WHERE msisdn = ?";
static const char SQL_REWARD[] =
    "SELECT r.id, r.name, r.category, r.points_cost, r.stock, r.description, "
    "(SELECT consumption FROM points_balances WHERE msisdn = ?) "
    "FROM rewards r WHERE r.id = ? AND r.active = 1";
/* The password hash and the reward in one round trip. */
static const char SQL_AUTH_REWARD[] =
    "SELECT s.password_hash, r.name, r.points_cost FROM subscribers s "
    "LEFT JOIN rewards r ON r.id = ? AND r.active = 1 WHERE s.msisdn = ?";

/* The transaction. Lock order is always balance row, then reward row: two
 * exchanges never wait for each other in opposite orders. The reward row is
 * locked (X) before the exchanges insert takes its foreign-key lock on it,
 * which would otherwise deadlock concurrent buyers of the same reward. */
static const char SQL_TAKE_POINTS[] =
    "UPDATE points_balances SET consumption = consumption - ? "
    "WHERE msisdn = ? AND consumption >= ?";
static const char SQL_TAKE_STOCK[] =
    "UPDATE rewards SET stock = stock - 1 "
    "WHERE id = ? AND active = 1 AND stock >= 1";
static const char SQL_EXCHANGE_ADD[] =
    "INSERT INTO exchanges (msisdn, reward_id, points, at, request_id) "
    "VALUES (?, ?, ?, NOW(), ?)";
static const char SQL_LEDGER_ADD[] =
    "INSERT INTO points_ledger (msisdn, at, kind, points, description) "
    "VALUES (?, NOW(), 'consumption', ?, LEFT(CONCAT('兑换：', ?), 64))";
static const char SQL_BY_REQUEST[] =
    "SELECT id FROM exchanges WHERE request_id = ? AND msisdn = ?";

static const char SQL_DONE[] =
    "SELECT e.id, DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), r.name, r.category, "
    "e.points, r.description, "
    "(SELECT consumption FROM points_balances WHERE msisdn = ?) "
    "FROM exchanges e JOIN rewards r ON r.id = e.reward_id "
    "WHERE e.id = ? AND e.msisdn = ?";

/* 43 characters of base64url: what sc_token_new makes. */
static bool valid_request_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    }
    return n == 43;
}

int exchange_catalogue(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r = sc_db_query(req, SQL_CATALOGUE, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    long long have = 0;
    if (r->n > 0) {
        have = sc_cell(r, 0, 6) ? sc_cell_int(r, 0, 6) : 0;
    } else {
        /* No reward on offer: the balance needs its own read. */
        struct sc_rows *b = sc_db_query(req, SQL_CONSUMPTION, "s", msisdn);
        if (!b)
            return sc_db_failure_status();
        have = b->n ? sc_cell_int(b, 0, 0) : 0;
    }
    sc_dict *d = sc_view(req, "points/catalogue.tpl", "积分兑换");
    sc_set(d, "CONSUMPTION", points_fmt(req->arena, have));
    for (int i = 0; i < r->n; i++) {
        long long cost = sc_cell_int(r, i, 3), stock = sc_cell_int(r, i, 4);
        sc_dict *e = sc_section(d, "REWARD");
        sc_set(e, "ID", sc_cell(r, i, 0));
        sc_set(e, "NAME", sc_cell(r, i, 1));
        sc_set(e, "CATEGORY", sc_cell(r, i, 2));
        sc_set(e, "COST", points_fmt(req->arena, cost));
        sc_set(e, "STOCK", points_fmt(req->arena, stock));
        sc_set(e, "DESCRIPTION", sc_cell(r, i, 5));
        if (stock < 1) {
            sc_show(e, "SOLD_OUT");
        } else if (have < cost) {
            sc_dict *s = sc_section(e, "SHORT");
            sc_set(s, "MISSING", points_fmt(req->arena, cost - have));
        } else {
            sc_show(e, "CHOOSE");
        }
    }
    if (r->n == 0)
        sc_show(d, "EMPTY");
    return 200;
}

/* The confirmation page for reward_id, with an optional error from a
 * refused submission. Returns 200, 404 when the reward is not on offer, or
 * a database failure status. */
static int confirm_form(struct sc_req *req, long long reward_id,
                        const char *error)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r = sc_db_query(req, SQL_REWARD, "si", msisdn, reward_id);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0) {
        req->error_message =
            "您选择的礼品不存在或已下架，请返回兑换目录重新选择。";
        return 404;
    }
    long long cost = sc_cell_int(r, 0, 3), stock = sc_cell_int(r, 0, 4);
    long long have = sc_cell(r, 0, 6) ? sc_cell_int(r, 0, 6) : 0;
    sc_dict *d = sc_view(req, "points/confirm.tpl", "确认兑换");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "ID", sc_cell(r, 0, 0));
    sc_set(d, "NAME", sc_cell(r, 0, 1));
    sc_set(d, "CATEGORY", sc_cell(r, 0, 2));
    sc_set(d, "DESCRIPTION", sc_cell(r, 0, 5));
    sc_set(d, "COST", points_fmt(req->arena, cost));
    sc_set(d, "STOCK", points_fmt(req->arena, stock));
    sc_set(d, "BEFORE", points_fmt(req->arena, have));
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    if (stock < 1) {
        sc_show(d, "SOLD_OUT");
    } else if (have < cost) {
        sc_dict *s = sc_section(d, "SHORT");
        sc_set(s, "MISSING", points_fmt(req->arena, cost - have));
    } else {
        sc_dict *f = sc_section(d, "FORM");
        sc_set(f, "AFTER", points_fmt(req->arena, have - cost));
        /* A fresh token per page view: submitting this page twice is one
         * exchange, submitting a second page view is a second one. */
        char token[44];
        sc_token_new(token);
        sc_set(f, "REQUEST_ID", sc_strdup(req->arena, token));
    }
    return 200;
}

int exchange_confirm(struct sc_req *req)
{
    long long reward_id = strtoll(sc_field(req, "reward"), NULL, 10);
    return confirm_form(req, reward_id, NULL);
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "该号码服务密码连续输错次数过多，已被暂时锁定，请于 %s "
                     "之后再试。如忘记服务密码，请持身份证件到营业厅办理重置。",
                     l->until);
}

enum outcome { EX_DONE, EX_NO_POINTS, EX_NO_STOCK, EX_DUPLICATE, EX_FAILED };

/* One attempt at the transaction. *id is the new exchange's id on EX_DONE. */
static enum outcome exchange_once(struct sc_req *req, long long reward_id,
                                  const char *name, long long cost,
                                  const char *request_id, long long *id)
{
    const char *msisdn = req->customer->msisdn;
    if (sc_db_begin(req) != 0)
        return EX_FAILED;
    enum outcome out = EX_FAILED;
    long long n = sc_db_exec(req, SQL_TAKE_POINTS, "isi", cost, msisdn, cost);
    if (n != 1) {
        out = n == 0 ? EX_NO_POINTS : EX_FAILED;
        goto undo;
    }
    n = sc_db_exec(req, SQL_TAKE_STOCK, "i", reward_id);
    if (n != 1) {
        out = n == 0 ? EX_NO_STOCK : EX_FAILED;
        goto undo;
    }
    if (sc_db_exec(req, SQL_EXCHANGE_ADD, "siis", msisdn, reward_id, cost,
                   request_id) != 1) {
        /* The request_id is taken: this form was already submitted and that
         * exchange committed (a concurrent twin waits on the unique key and
         * gets here once the first commits). */
        out = sc_db_errno() == ER_DUP_ENTRY ? EX_DUPLICATE : EX_FAILED;
        goto undo;
    }
    *id = sc_db_last_id();
    const char *detail =
        sc_printf(req->arena, "兑换「%s」，扣减消费积分 %lld 分，兑换单号 %lld",
                  name, cost, *id);
    if (sc_db_exec(req, SQL_LEDGER_ADD, "sis", msisdn, -cost, name) != 1 ||
        sc_acceptance_add(req, msisdn, "积分兑换", "done", detail) != 0)
        goto undo;
    if (sc_db_commit(req) != 0)
        return EX_FAILED;
    return EX_DONE;
undo:
    sc_db_rollback(req);
    return out;
}

int exchange_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    long long reward_id = strtoll(sc_field(req, "reward"), NULL, 10);
    const char *request_id = sc_field(req, "request_id");
    if (!valid_request_id(request_id))
        return sc_bad_request(req,
                              "兑换请求编号无效，请返回兑换目录重新选择礼品。");

    struct sc_lock lock;
    int status = sc_login_precheck(req, "msisdn", msisdn, &lock);
    if (status)
        return status;
    if (lock.locked) {
        sc_session_end_customer(req);
        req->error_message = locked_message(req, &lock);
        return 403;
    }
    struct sc_rows *r =
        sc_db_query(req, SQL_AUTH_REWARD, "is", reward_id, msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0 || !sc_cell(r, 0, 1)) {
        req->error_message =
            "您选择的礼品不存在或已下架，请返回兑换目录重新选择。";
        return 404;
    }
    if (!sc_password_verify(sc_cell(r, 0, 0), sc_field(req, "password"))) {
        status = sc_login_failed(req, "msisdn", msisdn, &lock);
        if (status)
            return status;
        sc_info("points: wrong password for %s on exchange", msisdn);
        if (lock.locked) {
            /* Same rule as the portal's password re-entry: a lock ends the
             * session too. */
            sc_session_end_customer(req);
            req->error_message = locked_message(req, &lock);
            return 403;
        }
        status = confirm_form(
            req, reward_id,
            sc_printf(req->arena,
                      "服务密码不正确，未进行兑换，请重新输入。连续输错 %d "
                      "次，号码将被锁定 %d 分钟。",
                      sc_cfg.lock_failures, sc_cfg.lock_minutes));
        return status == 200 ? 403 : status;
    }

    const char *name = sc_cell(r, 0, 1);
    long long cost = sc_cell_int(r, 0, 2), id = 0;
    enum outcome out = EX_FAILED;
    /* InnoDB may pick this transaction as a deadlock victim or time out a
     * lock wait under load; both roll back everything, so trying again is
     * safe. */
    for (int attempt = 0; attempt < 3; attempt++) {
        out = exchange_once(req, reward_id, name, cost, request_id, &id);
        if (out != EX_FAILED || (sc_db_errno() != ER_LOCK_DEADLOCK &&
                                 sc_db_errno() != ER_LOCK_WAIT_TIMEOUT))
            break;
        sc_warn("points: exchange for %s retried after lock error %u", msisdn,
                sc_db_errno());
    }
    if (out == EX_FAILED)
        return sc_db_failure_status();
    if (out != EX_DONE) {
        /* Refused or duplicate: if this request_id already made an exchange
         * (a double submission), show that one instead of a refusal. */
        struct sc_rows *x =
            sc_db_query(req, SQL_BY_REQUEST, "ss", request_id, msisdn);
        if (!x)
            return sc_db_failure_status();
        if (x->n)
            return sc_redirect(req, sc_printf(req->arena,
                                              "/points/exchange/done?id=%s",
                                              sc_cell(x, 0, 0)));
        if (out == EX_DUPLICATE) /* another number's token: never ours */
            return sc_bad_request(
                req, "兑换请求编号无效，请返回兑换目录重新选择礼品。");
        status = confirm_form(
            req, reward_id,
            out == EX_NO_POINTS
                ? sc_printf(req->arena,
                            "积分不足：兑换「%s」需要消费积分 %s 分，您当前的"
                            "消费积分不足，未进行兑换。",
                            name, points_fmt(req->arena, cost))
                : sc_printf(req->arena,
                            "已兑完：「%s」库存不足，本次未进行兑换，也未扣减"
                            "积分。请选择其他礼品。",
                            name));
        return status == 200 ? 409 : status;
    }
    if (sc_lockout_clear(req, "msisdn", msisdn) != 0)
        sc_warn("points: could not clear password failures of %s", msisdn);
    sc_info("points: %s exchanged reward %lld for %lld points (exchange %lld)",
            msisdn, reward_id, cost, id);
    return sc_redirect(
        req, sc_printf(req->arena, "/points/exchange/done?id=%lld", id));
}

int exchange_done(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    long long id = strtoll(sc_field(req, "id"), NULL, 10);
    struct sc_rows *r = sc_db_query(req, SQL_DONE, "sis", msisdn, id, msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404; /* not an exchange of this number */
    sc_dict *d = sc_view(req, "points/done.tpl", "兑换成功");
    sc_set(d, "ID", sc_cell(r, 0, 0));
    sc_set(d, "AT", sc_cell(r, 0, 1));
    sc_set(d, "NAME", sc_cell(r, 0, 2));
    sc_set(d, "CATEGORY", sc_cell(r, 0, 3));
    sc_set(d, "POINTS", points_fmt(req->arena, sc_cell_int(r, 0, 4)));
    sc_set(d, "DESCRIPTION", sc_cell(r, 0, 5));
    sc_set(d, "CONSUMPTION",
           points_fmt(req->arena, sc_cell(r, 0, 6) ? sc_cell_int(r, 0, 6) : 0));
    return 200;
}
