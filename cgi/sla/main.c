/* sla: the overdue worker, a background program run by supervisord.
 *
 * Every poll_seconds it makes one pass of four steps, each in short
 * transactions over batches of rows it locks with SKIP LOCKED (so two
 * workers never take the same row and never wait on each other):
 *
 *   1. complaints past due_at and not yet answered (submitted, reviewing,
 *      dispatched) are marked overdue, with an "overdue" event;
 *   2. open work orders past their due_at are marked overdue, with an
 *      event on their complaint;
 *   3. overdue complaints still unanswered escalate_after_seconds past
 *      due get escalated_at (the supervisor's 升级 queue), event
 *      "escalated";
 *   4. the same for overdue open work orders.
 *
 * Every update is conditional on the row still qualifying, so a pass is
 * idempotent and a complaint answered meanwhile is left alone. The events
 * are internal (visible 0): the customer hears from the staff, not from
 * the clock. Counts are logged when a pass changed anything. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "selfcare.h"

enum { BATCH = 100, DB_RETRY_SECONDS = 3 };

#define UNANSWERED "status IN ('submitted', 'reviewing', 'dispatched')"

static const char SQL_DUE_COMPLAINTS[] =
    "SELECT id FROM complaints WHERE " UNANSWERED " AND overdue = 0 AND "
    "due_at < NOW() ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_MARK_COMPLAINT[] =
    "UPDATE complaints SET overdue = 1, updated_at = NOW() WHERE id = ? AND "
    "overdue = 0 AND " UNANSWERED " AND due_at < NOW()";
/* A work order's complaint is locked with it: the event written for it
 * needs the complaint row (foreign key), and a staff action holding that
 * row is skipped this pass instead of waited for, so the worker never
 * waits on a lock and can never deadlock with an action. */
static const char SQL_DUE_WORK_ORDERS[] =
    "SELECT w.id, w.complaint_id FROM work_orders w JOIN complaints c ON "
    "c.id = w.complaint_id WHERE w.status = 'open' AND w.overdue = 0 AND "
    "w.due_at < NOW() ORDER BY w.id LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_MARK_WORK_ORDER[] =
    "UPDATE work_orders SET overdue = 1 WHERE id = ? AND overdue = 0 AND "
    "status = 'open' AND due_at < NOW()";
static const char SQL_LATE_COMPLAINTS[] =
    "SELECT id FROM complaints WHERE " UNANSWERED " AND overdue = 1 AND "
    "escalated_at IS NULL AND due_at < NOW() - INTERVAL ? SECOND ORDER BY id "
    "LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_ESCALATE_COMPLAINT[] =
    "UPDATE complaints SET escalated_at = NOW(), updated_at = NOW() WHERE id "
    "= ? AND escalated_at IS NULL AND overdue = 1 AND " UNANSWERED;
static const char SQL_LATE_WORK_ORDERS[] =
    "SELECT w.id, w.complaint_id FROM work_orders w JOIN complaints c ON "
    "c.id = w.complaint_id WHERE w.status = 'open' AND w.overdue = 1 AND "
    "w.escalated_at IS NULL AND w.due_at < NOW() - INTERVAL ? SECOND "
    "ORDER BY w.id LIMIT ? FOR UPDATE SKIP LOCKED";
static const char SQL_ESCALATE_WORK_ORDER[] =
    "UPDATE work_orders SET escalated_at = NOW() WHERE id = ? AND "
    "escalated_at IS NULL AND status = 'open'";

struct step {
    const char *name;
    const char *select, *update;
    int work_orders; /* rows are (work order id, complaint id) */
    const char *event;
    int with_grace; /* the select takes the escalation grace first */
};

static const struct step STEPS[] = {
    {"complaints overdue", SQL_DUE_COMPLAINTS, SQL_MARK_COMPLAINT, 0, "overdue",
     0},
    {"work orders overdue", SQL_DUE_WORK_ORDERS, SQL_MARK_WORK_ORDER, 1,
     "overdue", 0},
    {"complaints escalated", SQL_LATE_COMPLAINTS, SQL_ESCALATE_COMPLAINT, 0,
     "escalated", 1},
    {"work orders escalated", SQL_LATE_WORK_ORDERS, SQL_ESCALATE_WORK_ORDER, 1,
     "escalated", 1},
};

static const char *event_text(sc_arena *a, const struct step *s, const char *wo)
{
    if (s->work_orders)
        return sc_printf(a, "工单 %s 已超过处理期限%s", wo,
                         s->with_grace ? "，升级至投诉管理员" : "");
    return s->with_grace ? "超过答复期限仍未答复，已升级至投诉管理员。"
                         : "已超过答复期限。";
}

/* One batch of one step in one transaction: rows changed, or -1; *full
 * says whether the batch was full (more may be waiting). */
static int step_batch(struct sc_req *req, const struct step *s, int *full)
{
    *full = 0;
    if (sc_db_begin(req) != 0)
        return -1;
    struct sc_rows *r =
        s->with_grace ? sc_db_query(req, s->select, "ii",
                                    (long long)sc_cfg.sla_escalate_after,
                                    (long long)BATCH)
                      : sc_db_query(req, s->select, "i", (long long)BATCH);
    if (!r)
        goto fail;
    int changed = 0;
    for (int i = 0; i < r->n; i++) {
        const char *id = sc_cell(r, i, 0);
        const char *complaint = s->work_orders ? sc_cell(r, i, 1) : id;
        long long n = sc_db_exec(req, s->update, "s", id);
        if (n < 0)
            goto fail;
        if (n == 0)
            continue; /* answered meanwhile: nothing to mark */
        if (sc_complaint_event(req, complaint, s->event, 0, 0, NULL,
                               event_text(req->arena, s, id)) != 0)
            goto fail;
        changed++;
    }
    if (sc_db_commit(req) != 0)
        return -1;
    *full = r->n == BATCH;
    return changed;
fail:
    sc_db_rollback(req);
    return -1;
}

/* One pass over every step; -1 if the database failed. */
static int run_pass(struct sc_req *req)
{
    int counts[4] = {0};
    for (int k = 0; k < 4; k++) {
        for (;;) {
            int full;
            int n = step_batch(req, &STEPS[k], &full);
            if (n < 0)
                return -1;
            counts[k] += n;
            if (!full || sc_worker_stopping())
                break;
        }
    }
    if (counts[0] || counts[1] || counts[2] || counts[3])
        sc_info("pass: %d complaints overdue, %d work orders overdue, %d "
                "complaints escalated, %d work orders escalated",
                counts[0], counts[1], counts[2], counts[3]);
    return 0;
}

int main(int argc, char **argv)
{
    sc_worker_config("sla", argc, argv);
    if (sc_cfg.sla_poll_seconds < 1 || sc_cfg.sla_escalate_after < 0)
        sc_fatal("[sla] poll_seconds must be >= 1 and escalate_after_seconds "
                 ">= 0");
    sc_worker_signals();

    sc_arena *arena = sc_arena_new();
    struct sc_req req;
    sc_info("checking due times every %d s, escalating %d s past due (pid "
            "%d)",
            sc_cfg.sla_poll_seconds, sc_cfg.sla_escalate_after, (int)getpid());
    int db_down = 0;
    while (!sc_worker_stopping()) {
        sc_arena_reset(arena);
        sc_req_init(&req, arena);
        req.program = "sla";
        int rc = run_pass(&req);
        if (rc < 0 && !db_down)
            sc_warn("database unreachable (error %u); retrying every %d s",
                    sc_db_errno(), DB_RETRY_SECONDS);
        else if (rc == 0 && db_down)
            sc_info("database reachable again");
        db_down = rc < 0;
        if (sc_worker_stopping())
            break;
        sc_worker_idle(db_down ? DB_RETRY_SECONDS : sc_cfg.sla_poll_seconds);
    }
    sc_info("stopping");
    sc_arena_free(arena);
    sc_db_close();
    return 0;
}
