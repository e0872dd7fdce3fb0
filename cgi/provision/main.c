/* provision: the order sender, a background worker run by supervisord.
 *
 * Every poll_seconds (at once again after a full batch) it claims due
 * pending orders, sends each to the network (HLR/BOSS) and records the
 * outcome:
 *
 *   claim   one short transaction: SELECT ... FOR UPDATE SKIP LOCKED picks
 *           orders no other worker is claiming, and each order's
 *           next_attempt_at moves a lease ahead, so after the commit no
 *           other worker sees them as due. No row lock is held while the
 *           network talks.
 *   check   the order's XML against schema/provision.xsd: an order that
 *           does not validate (or does not say what its row says) is
 *           failed without being sent.
 *   send    outside any transaction (send.c).
 *   record  code 0: the order done and its effect on selfcare (the
 *           subscriber's status, line_features, the SIM cards of a
 *           sim_swap, the acceptance record) in
 *           ONE transaction, so the customer never sees half of it; code
 *           != 0: the order and its acceptance failed with the network's
 *           message, the line unchanged; no answer: a retry after a
 *           doubling backoff.
 *
 * The subscriber's state changes only when the network confirms. Orders
 * are sent at least once: a worker that dies between the network's answer
 * and the record sends the order again after the lease (the orders set a
 * state, so a repeat is harmless). A network that cannot be reached, or
 * does not answer in time, never makes an order fail: it stays pending,
 * retried at the backoff cap, and completes when the network is back; a
 * gateway's 502, 503 or 504 counts as unreachable too. max_attempts counts
 * only answers that could not be used (other HTTP 5xx); an answer that is
 * not a valid <result> fails the order at once.
 *
 * SIGTERM is blocked except while idle: an idle worker leaves at once, a
 * busy one finishes the order in hand, hands back the rest of its batch,
 * and leaves. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "provision.h"

enum {
    BATCH = 20,
    /* Covers a batch in which every order takes the longest the network
     * may take, plus slack for the database. */
    LEASE_SECONDS = BATCH * PROV_TOTAL_TIMEOUT + 60,
    DB_RETRY_SECONDS = 3,
    ERROR_CHARS = 255, /* provision_orders.last_error, acceptances.detail */
};

/* Oldest due first, in index order (ix_orders_due is (status,
 * next_attempt_at) plus the primary key), so LIMIT stops the scan after
 * the batch and only those rows are locked. */
static const char SQL_CLAIM[] =
    "SELECT id, msisdn, action, feature, enabled, param, request_xml, "
    "attempts, acceptance_id FROM provision_orders "
    "WHERE status = 'pending' AND next_attempt_at <= NOW() "
    "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_LEASE[] =
    "UPDATE provision_orders SET next_attempt_at = NOW() + INTERVAL ? SECOND "
    "WHERE id = ?";
static const char SQL_DONE[] =
    "UPDATE provision_orders SET status = 'done', done_at = NOW(), "
    "attempts = attempts + 1, last_error = '', response_xml = ? "
    "WHERE id = ? AND status = 'pending'";
static const char SQL_FAILED[] =
    "UPDATE provision_orders SET status = 'failed', attempts = attempts + ?, "
    "last_error = ?, response_xml = ? WHERE id = ? AND status = 'pending'";
static const char SQL_RETRY[] =
    "UPDATE provision_orders SET attempts = attempts + 1, last_error = ?, "
    "next_attempt_at = NOW() + INTERVAL ? SECOND "
    "WHERE id = ? AND status = 'pending'";
/* A closed line is past any order; the network's word does not reopen
 * it. */
static const char SQL_LINE_STATUS[] =
    "UPDATE subscribers SET status = ? WHERE msisdn = ? AND status <> 'closed'";
static const char SQL_FEATURE[] =
    "INSERT INTO line_features (msisdn, feature, enabled, param) "
    "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), "
    "param = VALUES(param)";
static const char SQL_ACCEPTANCE[] =
    "UPDATE acceptances SET result = ?, detail = COALESCE(?, detail) "
    "WHERE id = ? AND result = 'pending'";
/* A confirmed sim_swap: the new card becomes the line's card and
 * every other active card of the line is void. The card is matched while
 * in transit or already active (an order sent again after a lease); a card
 * voided meanwhile (by the counter) is left alone, and so is the old one. */
static const char SQL_SIM_ACTIVATE[] =
    "UPDATE sim_cards SET status = 'active', transit_msisdn = NULL, "
    "activated_at = COALESCE(activated_at, NOW()) "
    "WHERE iccid = ? AND msisdn = ? AND status IN ('inactive', 'active')";
static const char SQL_SIM_PUK[] =
    "UPDATE subscribers s JOIN sim_cards c ON c.msisdn = s.msisdn "
    "SET s.puk = c.puk WHERE c.iccid = ? AND c.msisdn = ? AND c.puk IS NOT "
    "NULL";
static const char SQL_SIM_VOID_OLD[] =
    "UPDATE sim_cards SET status = 'void', voided_at = NOW() "
    "WHERE msisdn = ? AND status = 'active' AND iccid <> ?";

/* A claimed order not sent because the worker is stopping: due again now,
 * for whichever worker runs next, instead of after the lease. */
static const char SQL_RELEASE[] =
    "UPDATE provision_orders SET next_attempt_at = NOW() "
    "WHERE id = ? AND status = 'pending'";

/* One claimed order. */
struct order {
    long long id, acceptance; /* acceptance 0: none */
    const char *msisdn, *action, *feature, *enabled, *param, *xml;
    int attempts; /* before this one */
};

/* The number as logs show it: 138****8000 (the log is not a list of
 * customers). */
static const char *masked(sc_arena *a, const char *msisdn)
{
    if (!msisdn || strlen(msisdn) != 11)
        return "(invalid number)";
    return sc_printf(a, "%.3s****%s", msisdn, msisdn + 7);
}

/* UTF-8 text cut to at most ERROR_CHARS characters (the columns' size). */
static const char *cut(sc_arena *a, const char *text)
{
    /* The columns are utf8mb4: bytes that are not UTF-8 would make the
     * record fail again on every try. */
    if (sc_utf8_chars(text) < 0)
        return "(not valid UTF-8)";
    size_t bytes = 0;
    int chars = 0;
    while (text[bytes] && chars < ERROR_CHARS) {
        bytes++;
        while (((unsigned char)text[bytes] & 0xC0) == 0x80)
            bytes++;
        chars++;
    }
    return sc_strndup(a, text, bytes);
}

/* ---------------------------------------------------------------- claim */

static int claim_batch(struct sc_req *req, struct order *orders, int *n)
{
    *n = 0;
    if (sc_db_begin(req) != 0)
        return -1;
    struct sc_rows *r = sc_db_query(req, SQL_CLAIM, "i", (long long)BATCH);
    if (!r)
        goto fail;
    for (int i = 0; i < r->n && i < BATCH; i++) {
        struct order *o = &orders[i];
        o->id = sc_cell_int(r, i, 0);
        o->msisdn = sc_cell(r, i, 1);
        o->action = sc_cell(r, i, 2);
        o->feature = sc_cell(r, i, 3);
        o->enabled = sc_cell(r, i, 4);
        o->param = sc_cell(r, i, 5);
        o->xml = sc_cell(r, i, 6);
        o->attempts = (int)sc_cell_int(r, i, 7);
        o->acceptance = sc_cell(r, i, 8) ? sc_cell_int(r, i, 8) : 0;
        if (sc_db_exec(req, SQL_LEASE, "ii", (long long)LEASE_SECONDS, o->id) <
            0)
            goto fail;
    }
    if (sc_db_commit(req) != 0)
        return -1;
    *n = r->n < BATCH ? r->n : BATCH;
    return 0;
fail:
    sc_db_rollback(req);
    return -1;
}

/* ---------------------------------------------------------------- record */

struct outcome {
    enum { DONE_OK, DONE_RETRY, DONE_FAILED } kind;
    bool sent;                /* DONE_FAILED: counts as an attempt */
    int delay;                /* DONE_RETRY */
    const char *error;        /* last_error (DONE_RETRY, DONE_FAILED) */
    const char *detail;       /* the acceptance's detail (DONE_FAILED) */
    const char *response_xml; /* the answer, when there was one */
};

/* The new subscribers.status an order's action confirms, or NULL. */
static const char *line_status(const char *action)
{
    if (strcmp(action, "suspend") == 0)
        return "suspended";
    if (strcmp(action, "resume") == 0)
        return "active";
    if (strcmp(action, "loss") == 0)
        return "lost";
    return NULL;
}

/* The order's confirmed effect, all in the caller's transaction. */
static int apply_done(struct sc_req *req, const struct order *o,
                      const struct outcome *out)
{
    long long rows = sc_db_exec(req, SQL_DONE, "si", out->response_xml, o->id);
    if (rows <= 0)
        return (int)rows; /* 0: no longer pending; nothing else changes */
    const char *status = line_status(o->action);
    if (status && sc_db_exec(req, SQL_LINE_STATUS, "ss", status, o->msisdn) < 0)
        return -1;
    if (!status && o->feature &&
        sc_db_exec(req, SQL_FEATURE, "ssss", o->msisdn, o->feature,
                   o->enabled ? o->enabled : "0", o->param) < 0)
        return -1;
    if (strcmp(o->action, "sim_swap") == 0) {
        long long cards =
            sc_db_exec(req, SQL_SIM_ACTIVATE, "ss", o->param, o->msisdn);
        if (cards < 0)
            return -1;
        if (cards == 0)
            sc_warn("order %lld: the new SIM card is no longer on record as "
                    "in transit; cards left as they are",
                    o->id);
        else if (sc_db_exec(req, SQL_SIM_VOID_OLD, "ss", o->msisdn, o->param) <
                     0 ||
                 sc_db_exec(req, SQL_SIM_PUK, "ss", o->param, o->msisdn) < 0)
            return -1;
    }
    if (o->acceptance &&
        sc_db_exec(req, SQL_ACCEPTANCE, "ssi", "done", NULL, o->acceptance) < 0)
        return -1;
    return 1;
}

static int apply_failed(struct sc_req *req, const struct order *o,
                        const struct outcome *out)
{
    long long rows =
        sc_db_exec(req, SQL_FAILED, "issi", (long long)(out->sent ? 1 : 0),
                   out->error, out->response_xml, o->id);
    if (rows <= 0)
        return (int)rows;
    if (o->acceptance && sc_db_exec(req, SQL_ACCEPTANCE, "ssi", "failed",
                                    out->detail, o->acceptance) < 0)
        return -1;
    return 1;
}

/* 1 recorded, 0 the order was no longer pending, -1 database failure. */
static int record_once(struct sc_req *req, const struct order *o,
                       const struct outcome *out)
{
    if (out->kind == DONE_RETRY) {
        long long rows = sc_db_exec(req, SQL_RETRY, "sii", out->error,
                                    (long long)out->delay, o->id);
        return rows < 0 ? -1 : rows > 0;
    }
    if (sc_db_begin(req) != 0)
        return -1;
    int rc = out->kind == DONE_OK ? apply_done(req, o, out)
                                  : apply_failed(req, o, out);
    if (rc <= 0) {
        sc_db_rollback(req);
        return rc;
    }
    return sc_db_commit(req) == 0 ? 1 : -1;
}

struct record_args {
    struct sc_req *req;
    const struct order *o;
    const struct outcome *out;
};

static int record_args_once(void *ctx)
{
    struct record_args *a = ctx;
    return record_once(a->req, a->o, a->out);
}

static void record(struct sc_req *req, const struct order *o,
                   const struct outcome *out)
{
    struct record_args a = {req, o, out};
    sc_worker_record("order", o->id, DB_RETRY_SECONDS, record_args_once, &a);
}

/* ---------------------------------------------------------------- check */

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The order's XML is valid and says what its row says (the row is what the
 * answer is applied to). NULL, or the reason. */
static const char *order_problem(sc_arena *a, const struct order *o, char *err,
                                 size_t errlen)
{
    xmlDocPtr doc = prov_xml_read(o->xml, o->xml ? strlen(o->xml) : 0, "order",
                                  err, errlen, NULL);
    if (!doc)
        return err;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *problem = NULL;
    const char *id = prov_xml_attr(a, root, "id");
    if (!same(id, sc_printf(a, "%lld", o->id)) ||
        !same(prov_xml_child(a, root, "msisdn"), o->msisdn) ||
        !same(prov_xml_child(a, root, "action"), o->action))
        problem = "the XML does not match the order (id, msisdn or action)";
    xmlFreeDoc(doc);
    return problem;
}

/* The network's answer: its code and message when it is a valid <result>
 * for this order; NULL and the reason otherwise. */
static const char *answer_read(sc_arena *a, const struct order *o,
                               const char *body, size_t len, long long *code,
                               char *err, size_t errlen)
{
    xmlDocPtr doc = prov_xml_read(body, len, "result", err, errlen, NULL);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *message = NULL;
    const char *order = prov_xml_attr(a, root, "order");
    const char *c = prov_xml_child(a, root, "code");
    if (!same(order, sc_printf(a, "%lld", o->id))) {
        snprintf(err, errlen, "the answer is for order %s", order);
    } else {
        *code = strtoll(c, NULL, 10);
        message = prov_xml_child(a, root, "message");
    }
    xmlFreeDoc(doc);
    return message;
}

/* ---------------------------------------------------------------- send */

/* Sends one claimed order and records what happened. network_down carries
 * "the network did not answer" from one order of the batch to the next,
 * so a dead endpoint costs one timeout per batch, not one per order. */
static void deliver(struct sc_req *req, const struct order *o,
                    char *network_down, size_t network_down_len)
{
    sc_arena *a = req->arena;
    int attempt = o->attempts + 1;
    const char *who = masked(a, o->msisdn);
    struct outcome out = {0};
    char err[512];

    const char *problem = order_problem(a, o, err, sizeof err);
    if (problem) {
        out.kind = DONE_FAILED;
        out.error =
            cut(a, sc_printf(a, "invalid order, not sent: %s", problem));
        out.detail = "订单未通过格式校验，未发送至网络";
        sc_warn("order %lld (%s %s) failed: invalid, not sent: %s", o->id,
                o->action, who, problem);
        record(req, o, &out);
        return;
    }

    long status = 0;
    char *body = NULL;
    size_t len = 0;
    double t0 = sc_now_ms();
    if (network_down[0]) {
        snprintf(err, sizeof err, "%s", network_down);
    } else {
        status = prov_post(a, sc_cfg.provision_endpoint, o->xml, &body, &len,
                           err, sizeof err);
        /* 502, 503 and 504 are a gateway saying the network behind it is
         * away: that is "no answer", as much as a refused connection. */
        if (status == 502 || status == 503 || status == 504) {
            snprintf(err, sizeof err, "the network is unavailable (HTTP %ld)",
                     status);
            status = 0;
        }
        if (status == 0)
            snprintf(network_down, network_down_len, "%s", err);
    }
    double ms = sc_now_ms() - t0;

    if (status == 0) {
        /* Unreachable, unavailable or no answer in time: never a reason to
         * fail. */
        out.kind = DONE_RETRY;
        out.delay = sc_backoff_seconds(sc_cfg.provision_retry_first,
                                       sc_cfg.provision_retry_max, o->attempts);
        out.error = cut(a, err);
        sc_warn("order %lld (%s %s) not sent (attempt %d), retry in %d s: %s",
                o->id, o->action, who, attempt, out.delay, err);
    } else if (status >= 500) {
        out.error =
            cut(a, sc_printf(a, "the network answered HTTP %ld", status));
        if (attempt >= sc_cfg.provision_max_attempts) {
            out.kind = DONE_FAILED;
            out.sent = true;
            out.detail = "网络侧暂时无法受理，请稍后重新办理";
            sc_warn("order %lld (%s %s) failed after %d attempts: %s", o->id,
                    o->action, who, attempt, out.error);
        } else {
            out.kind = DONE_RETRY;
            out.delay =
                sc_backoff_seconds(sc_cfg.provision_retry_first,
                                   sc_cfg.provision_retry_max, o->attempts);
            sc_warn("order %lld (%s %s) not taken (attempt %d), retry in %d s: "
                    "%s",
                    o->id, o->action, who, attempt, out.delay, out.error);
        }
    } else {
        long long code = -1;
        const char *message =
            answer_read(a, o, body, len, &code, err, sizeof err);
        out.sent = true;
        out.response_xml = cut(a, body); /* kept for support, not parsed */
        if (!message) {
            out.kind = DONE_FAILED;
            out.error = cut(a, sc_printf(a, "malformed answer (HTTP %ld): %s",
                                         status, err));
            out.detail = "网络侧应答无法识别，业务未生效";
            sc_warn("order %lld (%s %s) failed: %s (attempt %d, %.0f ms)",
                    o->id, o->action, who, out.error, attempt, ms);
        } else if (code == 0) {
            out.kind = DONE_OK;
            out.response_xml = sc_utf8_chars(body) < 0 ? NULL : body;
            sc_info("order %lld (%s %s) done (attempt %d, %.0f ms)", o->id,
                    o->action, who, attempt, ms);
        } else {
            out.kind = DONE_FAILED;
            out.error = cut(a, sc_printf(a, "%lld %s", code, message));
            out.detail = cut(a, *message ? message : "网络侧拒绝");
            sc_warn("order %lld (%s %s) refused by the network: code %lld %s "
                    "(attempt %d, %.0f ms)",
                    o->id, o->action, who, code, message, attempt, ms);
        }
    }
    record(req, o, &out);
}

/* One batch: the number of orders claimed, or -1 if the database could not
 * be reached. */
static int run_batch(struct sc_req *req)
{
    struct order orders[BATCH];
    int n;
    if (claim_batch(req, orders, &n) != 0)
        return -1;
    char network_down[512] = "";
    int i = 0;
    for (; i < n; i++) {
        if (i > 0 && sc_worker_stopping())
            break;
        deliver(req, &orders[i], network_down, sizeof network_down);
    }
    if (i < n)
        sc_info("stopping: %d claimed orders go back to the queue", n - i);
    for (; i < n; i++)
        sc_db_exec(req, SQL_RELEASE, "i", orders[i].id);
    return n;
}

/* Plan changes (B-10) take effect on their date: BOSS starts billing the
 * new plan from the 1st. One statement settles every due change with its
 * subscriber's plan, so a change is never half applied. */
static const char SQL_PLANS_SETTLE[] =
    "UPDATE plan_changes c JOIN plans p ON p.code = c.plan_code "
    "JOIN subscribers s ON s.msisdn = c.msisdn "
    "SET s.plan = p.name, s.plan_fee_fen = p.monthly_fee_fen, "
    "c.status = 'applied', c.pending_msisdn = NULL, c.settled_at = NOW() "
    "WHERE c.status = 'pending' AND c.effective_on <= CURDATE()";

static void settle_plan_changes(struct sc_req *req)
{
    long long n = sc_db_exec(req, SQL_PLANS_SETTLE, "");
    /* A multi-table update counts the rows of both tables it changed. */
    if (n > 0)
        sc_info("plan changes due today applied (%lld rows)", n);
}

/* ---------------------------------------------------------------- main */

static void check_settings(void)
{
    const char *url = sc_cfg.provision_endpoint;
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        sc_fatal("config: [provision] endpoint must start with http:// or "
                 "https://");
    if (sc_cfg.provision_poll_seconds < 1 || sc_cfg.provision_retry_first < 1 ||
        sc_cfg.provision_retry_max < sc_cfg.provision_retry_first ||
        sc_cfg.provision_max_attempts < 1)
        sc_fatal("config: [provision] needs poll_seconds >= 1, "
                 "retry_first_seconds >= 1, retry_max_seconds >= "
                 "retry_first_seconds and max_attempts >= 1");
}

int main(int argc, char **argv)
{
    sc_worker_config("provision", argc, argv);
    check_settings();
    char err[512];
    if (prov_xml_init(sc_cfg.provision_xsd, err, sizeof err) != 0)
        sc_fatal("%s", err);
    if (prov_http_init() != 0)
        sc_fatal("libcurl did not initialise");
    sc_worker_signals();

    sc_arena *arena = sc_arena_new();
    struct sc_req req;
    sc_info("sending orders to %s every %d s (pid %d)",
            sc_cfg.provision_endpoint, sc_cfg.provision_poll_seconds,
            (int)getpid());
    bool db_down = false;
    while (!sc_worker_stopping()) {
        sc_arena_reset(arena);
        sc_req_init(&req, arena);
        req.program = "provision";
        int n = run_batch(&req);
        if (n >= 0)
            settle_plan_changes(&req);
        /* One line when the database goes away and one when it is back,
         * not one per poll; lib/db.c reconnects on the next statement. */
        if (n < 0 && !db_down)
            sc_warn("orders unreachable (database error %u); retrying every "
                    "%d s",
                    sc_db_errno(), DB_RETRY_SECONDS);
        else if (n >= 0 && db_down)
            sc_info("orders reachable again");
        db_down = n < 0;
        if (sc_worker_stopping())
            break;
        if (n < 0)
            sc_worker_idle(DB_RETRY_SECONDS);
        else if (n < BATCH)
            sc_worker_idle(sc_cfg.provision_poll_seconds);
    }
    sc_info("stopping");
    sc_arena_free(arena);
    sc_db_close();
    prov_http_cleanup();
    prov_xml_cleanup();
    return 0;
}
