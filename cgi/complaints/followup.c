/* After the answer (S-04): a customer who is not satisfied re-complains on
 * the same case, which goes back into the queue with the re-complaint flag
 * (recomplaint_count) and a new deadline; or they confirm the result and
 * rate it (1-5 with a comment), once per answer: a re-complaint clears the
 * rating so the next answer can be rated, while the earlier one stays in
 * the history. Both need the same access as the detail page, and both are
 * one conditional update, so a double click or two tabs change the case
 * once. Suggestions (S-05) follow the same flow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaints.h"

enum { REASON_MAX = 1000, COMMENT_MAX = 200 };

static const char SQL_REOPEN[] =
    "UPDATE complaints SET status = 'submitted', "
    "recomplaint_count = recomplaint_count + 1, "
    "due_at = NOW() + INTERVAL COALESCE((SELECT reply_hours FROM "
    "complaint_sla s WHERE s.category = complaints.category), 72) HOUR, "
    "overdue = 0, escalated_at = NULL, closed_at = NULL, rating = NULL, "
    "rating_comment = NULL, confirmed_at = NULL, updated_at = NOW() "
    "WHERE id = ? AND status IN ('replied', 'closed')";
static const char SQL_DUE[] =
    "SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM complaints "
    "WHERE id = ?";
static const char SQL_RATE[] =
    "UPDATE complaints SET rating = ?, rating_comment = ?, "
    "confirmed_at = NOW(), updated_at = NOW() "
    "WHERE id = ? AND rating IS NULL AND status IN ('replied', 'closed')";

static int to_view(struct sc_req *req, const char *track_no, const char *done)
{
    return sc_redirect(
        req, sc_printf(req->arena, "/complaints/view?track_no=%s&done=%s",
                       sc_url_encode(req->arena, track_no), done));
}

static int refuse(struct sc_req *req, struct sc_rows *r, const char *why,
                  int status)
{
    int rc = complaints_view_page(req, r, why);
    return rc == 200 ? status : rc;
}

static const char *reason_problem(struct sc_req *req, const char *reason)
{
    if (reason && sc_utf8_chars(reason) > REASON_MAX)
        return "「再投诉理由」最多 1000 个字。";
    const char *why = complaints_content_problem(reason);
    if (why)
        return sc_printf(
            req->arena, "再投诉未提交：%s",
            strstr(why, "「内容」") == why ? why + strlen("「内容」") : why);
    char word[128];
    if (complaints_banned_word(reason, complaints_cfg.banned_words, word,
                               sizeof word))
        return sc_printf(req->arena,
                         "再投诉未提交：理由中含有不允许使用的词语「%s」。",
                         word);
    return NULL;
}

static int reopen(struct sc_req *req, struct sc_rows *r, const char *reason)
{
    const char *id = sc_cell(r, 0, C_ID);
    const char *track_no = sc_cell(r, 0, C_TRACK_NO);
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    long long n = sc_db_exec(req, SQL_REOPEN, "s", id);
    if (n == 0) {
        sc_db_rollback(req);
        return refuse(req, r, "该受理目前正在处理中，答复后才能再投诉。", 409);
    }
    struct sc_rows *due = n == 1 ? sc_db_query(req, SQL_DUE, "s", id) : NULL;
    const char *kind = sc_complaint_kind_label(sc_cell(r, 0, C_KIND));
    if (!due || due->n != 1 ||
        sc_complaint_event(req, id, "recomplaint", 1, 0, "submitted", reason) !=
            0 ||
        sc_complaint_notify(
            req, sc_cell(r, 0, C_MSISDN), sc_cell(r, 0, C_EMAIL),
            sc_printf(req->arena, "您的再投诉已受理（受理编号 %s）", track_no),
            sc_printf(req->arena,
                      "【中国移动】您对%s %s 的再投诉已受理，我们将重新处理，"
                      "并于 %s 前答复您。",
                      kind, track_no, sc_cell(due, 0, 0))) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("complaints: %s reopened by the customer", track_no);
    return to_view(req, track_no, "recomplaint");
}

int complaint_recomplain(struct sc_req *req)
{
    int status;
    struct sc_rows *r =
        complaints_load(req, sc_field(req, "track_no"), &status);
    if (!r)
        return status;
    const char *reason = sc_field(req, "reason");
    const char *why = reason_problem(req, reason);
    if (why)
        return refuse(req, r, why, 400);
    return reopen(req, r, reason);
}

int complaint_rate(struct sc_req *req)
{
    int status;
    struct sc_rows *r =
        complaints_load(req, sc_field(req, "track_no"), &status);
    if (!r)
        return status;
    const char *rating = sc_field(req, "rating");
    const char *comment = sc_field(req, "comment");
    if (!rating)
        return refuse(req, r, "请选择「满意度」（1 至 5 星）。", 400);
    if (comment && sc_utf8_chars(comment) > COMMENT_MAX)
        return refuse(req, r, "「评价意见」最多 200 个字。", 400);
    const char *id = sc_cell(r, 0, C_ID);
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    long long n = sc_db_exec(req, SQL_RATE, "iss", atoll(rating), comment, id);
    if (n == 0) {
        sc_db_rollback(req);
        return refuse(req, r,
                      sc_cell(r, 0, C_RATING)
                          ? "您已评价过本次处理结果。"
                          : "答复后才能确认和评价处理结果。",
                      409);
    }
    const char *text = sc_printf(req->arena, "满意度 %s 星%s%s", rating,
                                 comment ? "：" : "", comment ? comment : "");
    if (n != 1 ||
        sc_complaint_event(req, id, "confirmed", 1, 0, NULL, NULL) != 0 ||
        sc_complaint_event(req, id, "rated", 1, 0, NULL, text) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("complaints: %s rated %s", sc_cell(r, 0, C_TRACK_NO), rating);
    return to_view(req, sc_cell(r, 0, C_TRACK_NO), "rated");
}
