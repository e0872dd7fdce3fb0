/* notify: the outbox sender, a background worker run by supervisord.
 *
 * Every poll_seconds (at once again after a full batch) it claims due
 * rows, sends each (e-mail to the SMTP relay, SMS to the HTTP gateway),
 * and records the outcome:
 *
 *   claim   one short transaction: SELECT ... FOR UPDATE SKIP LOCKED picks
 *           rows no other notify process is claiming, and each row's
 *           next_attempt_at moves a lease ahead, so after the commit no
 *           other process sees them as due. No row lock is held while
 *           the relay talks, however slow it is.
 *   send    outside any transaction (smtp.c).
 *   record  sent; or a retry after a doubling backoff; or failed.
 *
 * Delivery is at least once: a worker that dies between the relay's "250"
 * and the record sends the message again when the lease runs out (the
 * Message-ID stays the same, so a receiver can tell). A relay that cannot
 * be reached never makes a message fail: it stays pending, retried at the
 * backoff cap, and goes out when the relay is back. max_attempts counts
 * towards "failed" only when the relay answered and did not take it.
 *
 * SIGTERM is blocked except while idle: an idle worker leaves at once, a
 * busy one finishes the message in hand, hands back the rest of its batch,
 * and leaves. */
#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <poll.h>
#include <unistd.h>

#include "notify.h"

enum {
    BATCH = 20,
    /* Covers a batch in which every message takes the longest the relay
     * may take, plus slack for the database. */
    LEASE_SECONDS = BATCH * SMTP_TOTAL_TIMEOUT + 60,
    DB_RETRY_SECONDS = 3,
    ERROR_CHARS = 255, /* outbox.last_error */
};

/* Oldest due first, in index order (ix_outbox_due is (status,
 * next_attempt_at) plus the primary key), so LIMIT stops the scan after the
 * batch and only those rows are locked. */
static const char SQL_CLAIM[] =
    "SELECT id, recipient, subject, body, attempts, "
    "UNIX_TIMESTAMP(created_at), "
    "channel FROM outbox WHERE status = 'pending' AND next_attempt_at <= NOW() "
    "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_LEASE[] =
    "UPDATE outbox SET next_attempt_at = NOW() + INTERVAL ? SECOND "
    "WHERE id = ?";
static const char SQL_SENT[] =
    "UPDATE outbox SET status = 'sent', sent_at = NOW(), "
    "attempts = attempts + 1 WHERE id = ? AND status = 'pending'";
static const char SQL_RETRY[] =
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
    "next_attempt_at = NOW() + INTERVAL ? SECOND "
    "WHERE id = ? AND status = 'pending'";
static const char SQL_FAILED[] =
    "UPDATE outbox SET status = 'failed', attempts = attempts + 1, "
    "last_error = ? WHERE id = ? AND status = 'pending'";
/* A claimed row not sent because the worker is stopping: due again now,
 * for whichever worker runs next, instead of after the lease. */
static const char SQL_RELEASE[] = "UPDATE outbox SET next_attempt_at = NOW() "
                                  "WHERE id = ? AND status = 'pending'";

static struct notify_sender sender;

/* The recipient as logs show it: the domain, and of the mailbox only its
 * first character (the log is not a list of customers' addresses). */
static const char *masked(sc_arena *a, const char *addr)
{
    if (sc_valid_msisdn(addr)) /* an SMS: 138****8000 */
        return sc_printf(a, "%.3s****%s", addr, addr + 7);
    const char *at = strrchr(addr, '@');
    if (!at || at == addr)
        return "(invalid address)";
    return sc_printf(a, "%c***%s", addr[0], at);
}

/* ---------------------------------------------------------------- claim */

static int claim_batch(struct sc_req *req, struct notify_msg *msgs, int *n)
{
    *n = 0;
    if (sc_db_begin(req) != 0)
        return -1;
    struct sc_rows *r = sc_db_query(req, SQL_CLAIM, "i", (long long)BATCH);
    if (!r)
        goto fail;
    for (int i = 0; i < r->n && i < BATCH; i++) {
        struct notify_msg *m = &msgs[i];
        m->id = sc_cell_int(r, i, 0);
        m->recipient = sc_cell(r, i, 1);
        m->subject = sc_cell(r, i, 2);
        m->body = sc_cell(r, i, 3);
        m->attempts = (int)sc_cell_int(r, i, 4);
        m->created = sc_cell_int(r, i, 5);
        m->channel = sc_cell(r, i, 6);
        if (sc_db_exec(req, SQL_LEASE, "ii", (long long)LEASE_SECONDS, m->id) <
            0)
            goto fail;
    }
    if (sc_db_commit(req) != 0)
        return -1;
    *n = r->n;
    return 0;
fail:
    sc_db_rollback(req);
    return -1;
}

/* ---------------------------------------------------------------- record */

struct outcome {
    enum { DONE_SENT, DONE_RETRY, DONE_FAILED } kind;
    int delay;                   /* DONE_RETRY */
    char error[ERROR_CHARS + 1]; /* DONE_RETRY, DONE_FAILED */
};

/* 1 recorded, 0 the row was no longer pending, -1 database failure. */
static int record_once(struct sc_req *req, const struct notify_msg *m,
                       const struct outcome *o)
{
    long long rows = -1;
    switch (o->kind) {
    case DONE_SENT:
        rows = sc_db_exec(req, SQL_SENT, "i", m->id);
        break;
    case DONE_RETRY:
        rows = sc_db_exec(req, SQL_RETRY, "sii", o->error, (long long)o->delay,
                          m->id);
        break;
    case DONE_FAILED:
        rows = sc_db_exec(req, SQL_FAILED, "si", o->error, m->id);
        break;
    }
    return rows < 0 ? -1 : rows > 0;
}

struct record_args {
    struct sc_req *req;
    const struct notify_msg *m;
    const struct outcome *o;
};

static int record_args_once(void *ctx)
{
    struct record_args *a = ctx;
    return record_once(a->req, a->m, a->o);
}

static void record(struct sc_req *req, const struct notify_msg *m,
                   const struct outcome *o)
{
    struct record_args a = {req, m, o};
    sc_worker_record("outbox", m->id, DB_RETRY_SECONDS, record_args_once, &a);
}

/* UTF-8 text cut to at most ERROR_CHARS characters (the column's size). */
static void set_error(struct outcome *o, const char *text)
{
    size_t bytes = 0;
    int chars = 0;
    while (text[bytes] && chars < ERROR_CHARS && bytes + 4 < sizeof o->error) {
        bytes++;
        for (int k = 0; k < 3 && ((unsigned char)text[bytes] & 0xC0) == 0x80;
             k++)
            bytes++;
        chars++;
    }
    memcpy(o->error, text, bytes);
    o->error[bytes] = '\0';
}

/* ---------------------------------------------------------------- send */

/* Sends one claimed message and records what happened. relay_down carries
 * "the relay did not answer" from one message of the batch to the next, so
 * a dead relay costs one connection timeout per batch, not one per
 * message; e-mail and SMS keep one each (their own relay and gateway). */
static void deliver(struct sc_req *req, const struct notify_msg *m,
                    char *relay_down, size_t relay_down_len)
{
    sc_arena *a = req->arena;
    int attempt = m->attempts + 1;
    const char *to = masked(a, m->recipient ? m->recipient : "");
    struct outcome o = {0};
    bool sms = m->channel && strcmp(m->channel, "sms") == 0;

    if (!m->recipient || (sms ? !notify_valid_msisdn(m->recipient)
                              : !notify_valid_address(m->recipient))) {
        o.kind = DONE_FAILED;
        set_error(&o, "invalid recipient address; not sent");
        sc_warn("outbox %lld failed: invalid recipient address (%s)", m->id,
                to);
        record(req, m, &o);
        return;
    }

    enum smtp_outcome result = SMTP_UNREACHABLE;
    char err[512];
    double t0 = sc_now_ms();
    if (relay_down[0]) {
        snprintf(err, sizeof err, "%s", relay_down);
    } else if (sms) {
        result = sms_send(sc_cfg.notify_sms_url, notify_sms_form(a, m), err,
                          sizeof err);
        if (result == SMTP_UNREACHABLE)
            snprintf(relay_down, relay_down_len, "%s", err);
    } else {
        const char *message = notify_build_message(a, &sender, m, time(NULL));
        result = smtp_send(sc_cfg.notify_smtp_url, &sender, m->recipient,
                           message, err, sizeof err);
        if (result == SMTP_UNREACHABLE)
            snprintf(relay_down, relay_down_len, "%s", err);
    }
    double ms = sc_now_ms() - t0;

    set_error(&o, err);
    switch (result) {
    case SMTP_SENT:
        o.kind = DONE_SENT;
        sc_info("outbox %lld sent to %s (attempt %d, %.0f ms)", m->id, to,
                attempt, ms);
        break;
    case SMTP_PERMANENT:
        o.kind = DONE_FAILED;
        sc_warn("outbox %lld failed: refused by the relay (attempt %d): %s",
                m->id, attempt, err);
        break;
    case SMTP_TEMPORARY:
        if (attempt >= sc_cfg.notify_max_attempts) {
            o.kind = DONE_FAILED;
            sc_warn("outbox %lld failed after %d attempts: %s", m->id, attempt,
                    err);
            break;
        }
        /* fall through */
    case SMTP_UNREACHABLE:
        o.kind = DONE_RETRY;
        o.delay = sc_backoff_seconds(sc_cfg.notify_retry_first,
                                     sc_cfg.notify_retry_max, m->attempts);
        sc_warn("outbox %lld not sent (attempt %d), retry in %d s: %s", m->id,
                attempt, o.delay, err);
        break;
    }
    record(req, m, &o);
}

/* One batch: the number of messages claimed, or -1 if the database could
 * not be reached. */
static int run_batch(struct sc_req *req)
{
    struct notify_msg msgs[BATCH];
    int n;
    if (claim_batch(req, msgs, &n) != 0)
        return -1;
    char relay_down[512] = "", gateway_down[512] = "";
    int i = 0;
    for (; i < n; i++) {
        if (i > 0 && sc_worker_stopping())
            break;
        bool sms = msgs[i].channel && strcmp(msgs[i].channel, "sms") == 0;
        deliver(req, &msgs[i], sms ? gateway_down : relay_down,
                sizeof relay_down);
    }
    if (i < n)
        sc_info("stopping: %d claimed messages go back to the queue", n - i);
    for (; i < n; i++)
        sc_db_exec(req, SQL_RELEASE, "i", msgs[i].id);
    return n;
}

/* ---------------------------------------------------------------- main */

static void check_settings(void)
{
    if (notify_parse_sender(sc_cfg.notify_from, &sender) != 0)
        sc_fatal("config: [notify] from must be \"Name <address>\" with a "
                 "valid address");
    if (strncmp(sc_cfg.notify_smtp_url, "smtp://", 7) != 0 &&
        strncmp(sc_cfg.notify_smtp_url, "smtps://", 8) != 0)
        sc_fatal("config: [notify] smtp_url must start with smtp:// or "
                 "smtps://");
    if (strncmp(sc_cfg.notify_sms_url, "http://", 7) != 0 &&
        strncmp(sc_cfg.notify_sms_url, "https://", 8) != 0)
        sc_fatal("config: [notify] sms_url must start with http:// or "
                 "https://");
    if (sc_cfg.notify_poll_seconds < 1 || sc_cfg.notify_retry_first < 1 ||
        sc_cfg.notify_retry_max < sc_cfg.notify_retry_first ||
        sc_cfg.notify_max_attempts < 1)
        sc_fatal("config: [notify] needs poll_seconds >= 1, "
                 "retry_first_seconds >= 1, retry_max_seconds >= "
                 "retry_first_seconds and max_attempts >= 1");
}

/* The relay for the log, without any user:password in the URL. */
static const char *relay_for_log(sc_arena *a)
{
    const char *url = sc_cfg.notify_smtp_url;
    const char *scheme_end = strstr(url, "://");
    const char *at = strchr(url, '@');
    if (!scheme_end || !at)
        return url;
    return sc_printf(a, "%.*s%s", (int)(scheme_end + 3 - url), url, at + 1);
}

int main(int argc, char **argv)
{
    sc_worker_config("notify", argc, argv);
    check_settings();
    if (sodium_init() < 0)
        sc_fatal("libsodium did not initialise");
    if (smtp_init() != 0)
        sc_fatal("libcurl did not initialise");
    sc_worker_signals();

    sc_arena *arena = sc_arena_new();
    struct sc_req req;
    sc_info("sending the outbox to %s and SMS to %s every %d s (pid %d)",
            relay_for_log(arena), sc_cfg.notify_sms_url,
            sc_cfg.notify_poll_seconds, (int)getpid());
    bool db_down = false;
    while (!sc_worker_stopping()) {
        sc_arena_reset(arena);
        sc_req_init(&req, arena);
        req.program = "notify";
        int n = run_batch(&req);
        /* One line when the database goes away and one when it is back,
         * not one per poll; lib/db.c reconnects on the next statement. */
        if (n < 0 && !db_down)
            sc_warn("outbox unreachable (database error %u); retrying every "
                    "%d s",
                    sc_db_errno(), DB_RETRY_SECONDS);
        else if (n >= 0 && db_down)
            sc_info("outbox reachable again");
        db_down = n < 0;
        if (sc_worker_stopping())
            break;
        if (n < 0)
            sc_worker_idle(DB_RETRY_SECONDS);
        else if (n < BATCH)
            sc_worker_idle(sc_cfg.notify_poll_seconds);
    }
    sc_info("stopping");
    sc_arena_free(arena);
    sc_db_close();
    sms_cleanup();
    smtp_cleanup();
    return 0;
}
