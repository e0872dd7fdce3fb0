/* Custom (proactive) services (B-09): the settings of the services the
 * operator pushes to the customer: where itemised bills are mailed, the
 * balance below which a reminder is sent, and whether and when follow-up
 * (回访) calls may be made. Settings only; a line without a row has the
 * defaults (nothing mailed, no reminder, calls at any time). The
 * acceptance record names what changed, not the values (the history is
 * shown to whoever holds the session, and an address is personal).
 * Statements, the session check included: form 2; a change 7 (BEGIN, the
 * locked line, the current settings, the upsert, the record, COMMIT). */
#include "service.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_SETTINGS[] =
    "SELECT bill_address, balance_alert_fen, callback, "
    "DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') FROM custom_services "
    "WHERE msisdn = ?";
/* Serializes the changes of one line, so the same form sent twice at once
 * is one change and one record: the second sees the first's settings. */
static const char SQL_LOCK[] =
    "SELECT msisdn FROM subscribers WHERE msisdn = ? FOR UPDATE";
static const char SQL_SAVE[] =
    "INSERT INTO custom_services (msisdn, bill_address, balance_alert_fen, "
    "callback, updated_at) VALUES (?, ?, ?, ?, NOW()) "
    "ON DUPLICATE KEY UPDATE bill_address = VALUES(bill_address), "
    "balance_alert_fen = VALUES(balance_alert_fen), "
    "callback = VALUES(callback), updated_at = NOW()";

enum { ALERT_MAX_YUAN = 1000 };

/* The callback choices, in the form's order (main.c declares the codes). */
static const struct {
    const char *code, *label;
} CALLBACK[] = {
    {"anytime", "任何时间均可回访"},
    {"morning", "上午（9:00-12:00）"},
    {"afternoon", "下午（14:00-18:00）"},
    {"evening", "晚上（18:00-21:00）"},
    {"none", "不接受回访"},
};
enum { N_CALLBACK = sizeof CALLBACK / sizeof CALLBACK[0] };

static const char *callback_label(const char *code)
{
    for (int i = 0; code && i < N_CALLBACK; i++)
        if (strcmp(CALLBACK[i].code, code) == 0)
            return CALLBACK[i].label;
    return "";
}

/* The settings as the form shows them: alert in whole yuan, "" for none. */
struct settings {
    const char *address, *alert, *callback;
};

static void form(struct sc_req *req, const struct settings *s,
                 const char *updated, const char *error, bool saved)
{
    sc_dict *d = sc_view(req, "service/custom.tpl", "定制类服务变更");
    sc_set(d, "MSISDN", req->customer->msisdn);
    sc_set(d, "ADDRESS", s->address ? s->address : "");
    sc_set(d, "ALERT", s->alert ? s->alert : "");
    sc_set(d, "ALERT_MAX", sc_printf(req->arena, "%d", ALERT_MAX_YUAN));
    for (int i = 0; i < N_CALLBACK; i++) {
        sc_dict *c = sc_section(d, "CALLBACK");
        sc_set(c, "CODE", CALLBACK[i].code);
        sc_set(c, "LABEL", CALLBACK[i].label);
        if (s->callback && strcmp(s->callback, CALLBACK[i].code) == 0)
            sc_show(c, "CHECKED");
    }
    /* The summary of what is in force, above the form. */
    sc_set(d, "NOW_ADDRESS",
           s->address && *s->address ? s->address : "不邮寄详单");
    sc_set(d, "NOW_ALERT",
           s->alert && *s->alert
               ? sc_printf(req->arena, "余额低于 %s 元时短信提醒", s->alert)
               : "不提醒");
    sc_set(d, "NOW_CALLBACK", callback_label(s->callback));
    if (updated) {
        sc_dict *u = sc_section(d, "UPDATED");
        sc_set(u, "AT", updated);
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    } else if (saved) {
        sc_show(d, "SAVED");
    }
}

/* The stored settings into *s; *updated NULL when there is no row. 0, or a
 * status. */
static int current(struct sc_req *req, struct settings *s, const char **updated)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_SETTINGS, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    *s = (struct settings){NULL, NULL, "anytime"};
    *updated = NULL;
    if (r->n) {
        s->address = sc_cell(r, 0, 0);
        s->alert = sc_cell(r, 0, 1) ? sc_printf(req->arena, "%lld",
                                                sc_cell_int(r, 0, 1) / 100)
                                    : NULL;
        s->callback = sc_cell(r, 0, 2);
        *updated = sc_cell(r, 0, 3);
    }
    return 0;
}

int custom_form(struct sc_req *req)
{
    struct settings s;
    const char *updated;
    int st = current(req, &s, &updated);
    if (st)
        return st;
    form(req, &s, updated, NULL, sc_field(req, "saved") != NULL);
    return 200;
}

static bool same(const char *a, const char *b)
{
    bool ea = !a || !*a, eb = !b || !*b;
    return ea || eb ? ea == eb : strcmp(a, b) == 0;
}

int custom_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct settings in = {sc_field(req, "bill_address"),
                          sc_field(req, "balance_alert"),
                          sc_field(req, "callback")};
    long long alert_fen = 0;
    if (in.alert) {
        long long yuan = strtoll(in.alert, NULL, 10);
        if (yuan < 1 || yuan > ALERT_MAX_YUAN) {
            form(req, &in, NULL,
                 sc_printf(req->arena,
                           "「余额提醒金额」应为 1 到 %d 之间的整数（元），"
                           "不需要提醒请留空。设置未保存。",
                           ALERT_MAX_YUAN),
                 false);
            return 400;
        }
        alert_fen = yuan * 100;
        in.alert = sc_printf(req->arena, "%lld", yuan); /* "007" -> "7" */
    }
    /* A mailing address must be one the post can use. */
    if (in.address && sc_utf8_chars(in.address) < 6) {
        form(req, &in, NULL,
             "「详单邮寄地址」请填写完整的邮寄地址（至少 6 个字），不需要邮寄"
             "请留空。设置未保存。",
             false);
        return 400;
    }

    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    struct sc_rows *lock = sc_db_query(req, SQL_LOCK, "s", msisdn);
    if (!lock || lock->n == 0) {
        sc_db_rollback(req);
        return lock ? 404 : sc_db_failure_status();
    }
    struct settings was;
    const char *updated;
    int st = current(req, &was, &updated);
    if (st) {
        sc_db_rollback(req);
        return st;
    }
    const char *changed = NULL;
    static const char *const LABELS[] = {"详单邮寄地址", "余额提醒",
                                         "回访要求"};
    bool diff[3] = {!same(was.address, in.address), !same(was.alert, in.alert),
                    !same(was.callback, in.callback)};
    for (int i = 0; i < 3; i++)
        if (diff[i])
            changed = changed
                          ? sc_printf(req->arena, "%s、%s", changed, LABELS[i])
                          : LABELS[i];
    if (!changed) {
        sc_db_rollback(req);
        form(req, &in, updated, "您没有修改任何设置，无需提交。", false);
        return 200;
    }
    const char *alert =
        in.alert ? sc_printf(req->arena, "%lld", alert_fen) : NULL;
    if (sc_db_exec(req, SQL_SAVE, "ssss", msisdn,
                   in.address && *in.address ? in.address : NULL, alert,
                   in.callback) < 0 ||
        sc_acceptance_add(req, msisdn, "定制类服务变更", "done",
                          sc_printf(req->arena, "修改了：%s", changed)) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("service: %s changed custom services (%s)", msisdn, changed);
    return sc_redirect(req, "/service/custom?saved=1");
}
