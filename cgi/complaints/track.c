/* Tracking (S-03): by tracking number and password, or from the logged-in
 * customer's own list. A wrong number and a wrong password get the same
 * answer; failures are counted per tracking number ('track') and per
 * client address ('track_ip'), their own lockout kinds, so guessing here
 * never locks anybody's service password or a shared address's logins.
 * A complaint's page opens for the session whose number filed it, or for
 * the browser that has just proved the password (access.c); anybody else
 * gets the password form, whether the number exists or not. The customer
 * sees the visible history only (never internal notes), the replies, the
 * promised deadline and where the work orders stand, not their internal
 * instructions or answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaints.h"

enum { MINE_PAGE = 10 };

static const char SQL_PASSWORD[] =
    "SELECT id, track_pw_hash FROM complaints WHERE track_no = ?";
static const char SQL_COMPLAINT[] =
    "SELECT id, track_no, kind, msisdn, email, title, content, category, "
    "status, recomplaint_count, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), "
    "result, rating, rating_comment, "
    "DATE_FORMAT(confirmed_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(closed_at, '%Y-%m-%d %H:%i'), overdue, province_id "
    "FROM complaints WHERE track_no = ?";
static const char SQL_EVENTS[] =
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), kind, status_after, text "
    "FROM complaint_events WHERE complaint_id = ? AND visible = 1 "
    "ORDER BY id LIMIT 200";
static const char SQL_WORK_ORDERS[] =
    "SELECT w.target, d.name, w.province_id, w.city_id, w.status, "
    "DATE_FORMAT(w.due_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(w.done_at, '%Y-%m-%d %H:%i') FROM work_orders w "
    "LEFT JOIN complaint_departments d ON d.code = w.department_code "
    "WHERE w.complaint_id = ? AND w.status <> 'cancelled' ORDER BY w.id "
    "LIMIT 20";
static const char SQL_MINE[] =
    "SELECT track_no, kind, title, status, recomplaint_count, "
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM complaints "
    "WHERE msisdn = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";

static const char WRONG[] = "受理编号或查询密码不正确，请核对短信或邮件中的"
                            "受理编号和查询密码后重新输入。";

static void form(struct sc_req *req, const char *track_no, const char *message)
{
    sc_dict *d = sc_view(req, "complaints/track.tpl", "查询投诉处理进度");
    sc_set(d, "TRACK_NO", track_no ? track_no : "");
    if (message) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", message);
    }
    if (req->customer)
        sc_show(d, "CUSTOMER");
}

int track_form(struct sc_req *req)
{
    const char *track_no = sc_field(req, "track_no");
    form(req, complaints_track_no_valid(track_no) ? track_no : NULL, NULL);
    return 200;
}

static int locked(struct sc_req *req, const struct sc_lock *l)
{
    req->error_message =
        sc_printf(req->arena,
                  "查询密码输错次数过多，已暂停查询，请于 %s 之后再试。"
                  "如忘记查询密码，请拨打 10086 由客服人员为您查询。",
                  l->until);
    return 429;
}

int track_submit(struct sc_req *req)
{
    const char *track_no = sc_field(req, "track_no");
    const char *password = sc_field(req, "track_pw");
    if (!track_no || !password) {
        form(req, track_no,
             !track_no ? "请填写「受理编号」。" : "请填写「查询密码」。");
        return 400;
    }
    struct sc_lock lock;
    if (sc_lockout_check(req, "track_ip", req->remote_addr, &lock) != 0)
        return sc_db_failure_status();
    if (lock.locked)
        return locked(req, &lock);
    if (sc_lockout_check(req, "track", track_no, &lock) != 0)
        return sc_db_failure_status();
    if (lock.locked)
        return locked(req, &lock);

    struct sc_rows *r = NULL;
    if (complaints_track_no_valid(track_no)) {
        r = sc_db_query(req, SQL_PASSWORD, "s", track_no);
        if (!r)
            return sc_db_failure_status();
    }
    bool found = r && r->n;
    /* An unknown number checks a dummy hash: both answers take as long. */
    if (!sc_password_verify(found ? sc_cell(r, 0, 1) : NULL, password) ||
        !found) {
        struct sc_lock a, b;
        if (sc_lockout_fail(req, "track", track_no,
                            complaints_cfg.track_failures, &a) != 0 ||
            sc_lockout_fail(req, "track_ip", req->remote_addr,
                            complaints_cfg.track_ip_failures, &b) != 0)
            return sc_db_failure_status();
        sc_info("complaints: wrong tracking password for %s", track_no);
        if (a.locked || b.locked)
            return locked(req, a.locked ? &a : &b);
        form(req, track_no, WRONG);
        return 403;
    }
    if (sc_lockout_clear(req, "track", track_no) != 0)
        return sc_db_failure_status();
    complaints_grant(req, sc_cell_int(r, 0, 0));
    return sc_redirect(req,
                       sc_printf(req->arena, "/complaints/view?track_no=%s",
                                 sc_url_encode(req->arena, track_no)));
}

struct sc_rows *complaints_load(struct sc_req *req, const char *track_no,
                                int *status)
{
    *status = 0;
    struct sc_rows *r = NULL;
    if (complaints_track_no_valid(track_no)) {
        r = sc_db_query(req, SQL_COMPLAINT, "s", track_no);
        if (!r) {
            *status = sc_db_failure_status();
            return NULL;
        }
    }
    if (r && r->n &&
        ((req->customer &&
          strcmp(req->customer->msisdn, sc_cell(r, 0, C_MSISDN)) == 0) ||
         complaints_granted(req, sc_cell_int(r, 0, C_ID))))
        return r;
    /* Unknown, or somebody else's: the same password form either way. */
    form(req, complaints_track_no_valid(track_no) ? track_no : NULL,
         "请输入该受理编号的查询密码后查看处理进度。");
    *status = 403;
    return NULL;
}

static const char *target_text(struct sc_req *req, struct sc_rows *w, int i)
{
    const char *target = sc_cell(w, i, 0);
    if (strcmp(target, "department") == 0)
        return sc_printf(req->arena, "集团公司%s",
                         sc_cell(w, i, 1) ? sc_cell(w, i, 1) : "");
    const char *province = sc_province_name((int)sc_cell_int(w, i, 2));
    if (strcmp(target, "city") == 0) {
        const struct sc_city_ref *c = sc_city_ref((int)sc_cell_int(w, i, 3));
        return sc_printf(req->arena, "%s公司%s分公司", province,
                         c ? c->name : "");
    }
    return sc_printf(req->arena, "%s公司", province);
}

static void show_actions(struct sc_req *req, sc_dict *d, struct sc_rows *r)
{
    const char *status = sc_cell(r, 0, C_STATUS);
    bool answered =
        strcmp(status, "replied") == 0 || strcmp(status, "closed") == 0;
    if (answered) {
        sc_dict *a = sc_section(d, "RECOMPLAIN");
        sc_set(a, "TRACK_NO", sc_cell(r, 0, C_TRACK_NO));
        sc_set(a, "CSRF", req->csrf);
    }
    if (sc_cell(r, 0, C_RATING)) {
        sc_dict *g = sc_section(d, "RATED");
        sc_set(g, "RATING", sc_cell(r, 0, C_RATING));
        const char *comment = sc_cell(r, 0, C_RATING_COMMENT);
        if (comment && *comment)
            sc_set(sc_section(g, "COMMENT"), "TEXT", comment);
        sc_set(g, "CONFIRMED",
               sc_cell(r, 0, C_CONFIRMED) ? sc_cell(r, 0, C_CONFIRMED) : "");
    } else if (answered) {
        sc_dict *a = sc_section(d, "RATE");
        sc_set(a, "TRACK_NO", sc_cell(r, 0, C_TRACK_NO));
        sc_set(a, "CSRF", req->csrf);
    }
}

int complaint_view(struct sc_req *req)
{
    int status;
    struct sc_rows *r =
        complaints_load(req, sc_field(req, "track_no"), &status);
    if (!r)
        return status;
    return complaints_view_page(req, r, NULL);
}

int complaints_view_page(struct sc_req *req, struct sc_rows *r,
                         const char *error)
{
    const char *id = sc_cell(r, 0, C_ID);
    struct sc_rows *ev = sc_db_query(req, SQL_EVENTS, "s", id);
    struct sc_rows *wo = ev ? sc_db_query(req, SQL_WORK_ORDERS, "s", id) : NULL;
    if (!wo || sc_reference_load(req) != 0)
        return sc_db_failure_status();
    const char *kind = sc_cell(r, 0, C_KIND);
    sc_dict *d =
        sc_view(req, "complaints/view.tpl",
                sc_printf(req->arena, "%s详情", sc_complaint_kind_label(kind)));
    sc_set(d, "TRACK_NO", sc_cell(r, 0, C_TRACK_NO));
    sc_set(d, "KIND_LABEL", sc_complaint_kind_label(kind));
    const char *m = sc_cell(r, 0, C_MSISDN);
    sc_set(d, "MSISDN_MASKED", sc_printf(req->arena, "%.3s****%s", m, m + 7));
    sc_set(d, "TITLE_VALUE", sc_cell(r, 0, C_TITLE));
    sc_set(d, "CONTENT", sc_cell(r, 0, C_CONTENT));
    sc_set(d, "CATEGORY",
           sc_category_label((enum sc_category)sc_category_from_code(
               sc_cell(r, 0, C_CATEGORY))));
    sc_set(d, "STATUS", sc_cell(r, 0, C_STATUS));
    sc_set(d, "STATUS_LABEL",
           sc_complaint_status_label(sc_cell(r, 0, C_STATUS)));
    sc_set(d, "CREATED", sc_cell(r, 0, C_CREATED));
    sc_set(d, "DUE", sc_cell(r, 0, C_DUE));
    if (sc_cell_int(r, 0, C_RECOMPLAINTS) > 0) {
        sc_dict *x = sc_section(d, "RECOMPLAINED");
        sc_set(x, "COUNT", sc_cell(r, 0, C_RECOMPLAINTS));
    }
    /* A reopened complaint's earlier result stays in the history only. */
    if (sc_cell(r, 0, C_RESULT) && *sc_cell(r, 0, C_RESULT) &&
        (strcmp(sc_cell(r, 0, C_STATUS), "replied") == 0 ||
         strcmp(sc_cell(r, 0, C_STATUS), "closed") == 0)) {
        sc_dict *x = sc_section(d, "RESULT");
        sc_set(x, "TEXT", sc_cell(r, 0, C_RESULT));
        sc_set(x, "CLOSED",
               sc_cell(r, 0, C_CLOSED) ? sc_cell(r, 0, C_CLOSED) : "");
    }
    for (int i = 0; i < ev->n; i++) {
        sc_dict *e = sc_section(d, "EVENT");
        sc_set(e, "AT", sc_cell(ev, i, 0));
        sc_set(e, "LABEL", sc_complaint_event_label(sc_cell(ev, i, 1)));
        if (sc_cell(ev, i, 2))
            sc_set(sc_section(e, "STATUS_AFTER"), "VALUE",
                   sc_complaint_status_label(sc_cell(ev, i, 2)));
        if (sc_cell(ev, i, 3) && *sc_cell(ev, i, 3)) {
            sc_dict *t = sc_section(e, "TEXT");
            sc_set(t, "VALUE", sc_cell(ev, i, 3));
        }
        if (strcmp(sc_cell(ev, i, 1), "reply") == 0) {
            sc_dict *p = sc_section(d, "REPLY");
            sc_set(p, "AT", sc_cell(ev, i, 0));
            sc_set(p, "TEXT", sc_cell(ev, i, 3) ? sc_cell(ev, i, 3) : "");
        }
    }
    if (wo->n == 0)
        sc_show(d, "NO_WORK_ORDERS");
    for (int i = 0; i < wo->n; i++) {
        sc_dict *w = sc_section(d, "WORK_ORDER");
        sc_set(w, "TARGET", target_text(req, wo, i));
        bool done = strcmp(sc_cell(wo, i, 4), "done") == 0;
        sc_set(w, "STATE", done ? "已办结" : "处理中");
        sc_set(w, "WHEN", done ? sc_cell(wo, i, 6) : sc_cell(wo, i, 5));
        sc_set(w, "WHEN_LABEL", done ? "办结时间" : "要求完成");
    }
    show_actions(req, d, r);
    if (error)
        sc_set(sc_section(d, "ERROR"), "MESSAGE", error);
    const char *notice = sc_field(req, "done");
    if (notice && strcmp(notice, "recomplaint") == 0)
        sc_set(sc_section(d, "NOTICE"), "MESSAGE",
               "再投诉已受理，我们将重新处理并尽快答复您。");
    else if (notice && strcmp(notice, "rated") == 0)
        sc_set(sc_section(d, "NOTICE"), "MESSAGE", "感谢您的评价！");
    return 200;
}

int complaint_mine(struct sc_req *req)
{
    const char *p = sc_field(req, "page");
    long long page = p ? atoll(p) : 1;
    if (page < 1)
        page = 1;
    struct sc_rows *r =
        sc_db_query(req, SQL_MINE, "sii", req->customer->msisdn,
                    (long long)MINE_PAGE + 1, (page - 1) * MINE_PAGE);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "complaints/mine.tpl", "我的投诉与建议");
    sc_set(d, "MSISDN", req->customer->msisdn);
    int shown = r->n > MINE_PAGE ? MINE_PAGE : r->n;
    if (shown == 0)
        sc_show(d, page == 1 ? "EMPTY" : "PAST_END");
    else
        sc_show(d, "LIST");
    for (int i = 0; i < shown; i++) {
        sc_dict *c = sc_section(d, "ROW");
        sc_set(c, "TRACK_NO", sc_cell(r, i, 0));
        sc_set(c, "KIND_LABEL", sc_complaint_kind_label(sc_cell(r, i, 1)));
        sc_set(c, "TITLE_VALUE", sc_cell(r, i, 2));
        sc_set(c, "STATUS", sc_cell(r, i, 3));
        sc_set(c, "STATUS_LABEL", sc_complaint_status_label(sc_cell(r, i, 3)));
        if (sc_cell_int(r, i, 4) > 0)
            sc_show(c, "RECOMPLAINED");
        sc_set(c, "CREATED", sc_cell(r, i, 5));
        sc_set(c, "DUE", sc_cell(r, i, 6));
    }
    if (page > 1 || r->n > MINE_PAGE) {
        sc_dict *pg = sc_section(d, "PAGER");
        sc_set_int(pg, "PAGE", page);
        if (page > 1)
            sc_set_int(sc_section(pg, "PREV"), "NUM", page - 1);
        if (r->n > MINE_PAGE)
            sc_set_int(sc_section(pg, "NEXT"), "NUM", page + 1);
    }
    return 200;
}
