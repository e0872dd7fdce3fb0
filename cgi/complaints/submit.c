/* The complaint and suggestion forms (S-01, S-02, S-05) and their result.
 *
 * A submission is checked field by field (the form comes back with its
 * values and one message, 400, nothing written), then in one transaction:
 * the number's complaints are locked (so two submissions for one number
 * are serialised and the duplicate and open-limit rules hold under
 * concurrency), a similar complaint of the same kind inside the window
 * returns its tracking number instead of a new row, too many open ones are
 * refused, and otherwise the complaint, its tracking number, its first
 * history event and the SMS/mail with number and password are written
 * together. The password is hashed before the transaction (argon2id takes
 * tens of milliseconds; no lock waits on it). It reaches the result page in
 * a one-time encrypted cookie, never in a URL (lib sends every page
 * no-store). Statements of a new complaint, session included: 13 (session,
 * request_id, segment, BEGIN, lock+count, recent, insert, track_no, event,
 * deadline, 2 outbox, COMMIT), and the corrections' count once a minute. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "complaints.h"

enum {
    TITLE_MAX = 50,
    CONTENT_MAX = 2000,
    RECENT_ROWS = 50,
    ER_DUP_ENTRY = 1062,
    ER_LOCK_WAIT_TIMEOUT = 1205,
    ER_LOCK_DEADLOCK = 1213,
};

static const char SQL_BY_REQUEST[] =
    "SELECT track_no FROM complaints WHERE request_id = ?";
/* The home province and city of the number's segment (SPEC 3). */
static const char SQL_SEGMENT[] =
    "SELECT c.province_id, s.city_id FROM segments s "
    "JOIN cities c ON c.id = s.city_id WHERE s.prefix = ?";
/* Locks every complaint of the number (and the gap after them in
 * ix_complaints_msisdn), so a concurrent submission for the same number
 * waits here until this one commits. */
static const char SQL_OPEN_COUNT[] =
    "SELECT COUNT(*), COALESCE(SUM(status <> 'closed'), 0) FROM complaints "
    "WHERE msisdn = ? FOR UPDATE";
static const char SQL_RECENT[] =
    "SELECT track_no, title, content FROM complaints "
    "WHERE msisdn = ? AND kind = ? AND created_at >= NOW() - INTERVAL ? HOUR "
    "ORDER BY created_at DESC LIMIT ?";
static const char SQL_INSERT[] =
    "INSERT INTO complaints (track_pw_hash, kind, msisdn, email, "
    "contact_phone, title, content, customer_category, auto_category, "
    "category, province_id, city_id, head_office, status, due_at, "
    "request_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', "
    "NOW() + INTERVAL COALESCE((SELECT reply_hours FROM complaint_sla "
    "WHERE category = ?), 72) HOUR, ?, NOW(), NOW())";
static const char SQL_SET_TRACK_NO[] =
    "UPDATE complaints SET track_no = ? WHERE id = ?";
/* A logged-in customer's registered contact data prefills the form. */
static const char SQL_CONTACT[] =
    "SELECT email, contact_phone FROM subscribers WHERE msisdn = ?";
static const char SQL_DONE[] =
    "SELECT id, kind, msisdn, category, DATE_FORMAT(due_at, '%Y-%m-%d "
    "%H:%i'), DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM complaints "
    "WHERE track_no = ?";

static const char *kind_of(const char *kind)
{
    return kind && strcmp(kind, "suggestion") == 0 ? "suggestion" : "complaint";
}

/* The form, with what was typed (NULL = empty) and an optional message;
 * email and phone default to *email and *phone when nothing was typed. */
static void form_with(struct sc_req *req, const char *kind, const char *error,
                      const char *email, const char *phone)
{
    kind = kind_of(kind);
    bool suggestion = strcmp(kind, "suggestion") == 0;
    sc_dict *d = sc_view(req, "complaints/form.tpl",
                         suggestion ? "我要提建议" : "我要投诉");
    sc_set(d, "KIND", kind);
    sc_set(d, "KIND_LABEL", sc_complaint_kind_label(kind));
    sc_show(d, suggestion ? "SUGGESTION" : "COMPLAINT");
    char token[44];
    sc_token_new(token);
    sc_set(d, "REQUEST_ID", token);
    if (req->customer) {
        sc_dict *m = sc_section(d, "MSISDN_FIXED");
        sc_set(m, "MSISDN", req->customer->msisdn);
    } else {
        sc_dict *m = sc_section(d, "MSISDN_FREE");
        const char *v = sc_field(req, "msisdn");
        sc_set(m, "MSISDN", v ? v : "");
    }
    const char *v;
    sc_set(d, "EMAIL", (v = sc_field(req, "email")) ? v : email ? email : "");
    sc_set(d, "CONTACT_PHONE",
           (v = sc_field(req, "contact_phone")) ? v
           : phone                              ? phone
                                                : "");
    sc_set(d, "TITLE_VALUE", (v = sc_field(req, "title")) ? v : "");
    sc_set(d, "CONTENT", (v = sc_field(req, "content")) ? v : "");
    const char *picked = sc_field(req, "category");
    for (int i = 0; i < SC_CAT_COUNT; i++) {
        sc_dict *o = sc_section(d, "CATEGORY");
        sc_set(o, "CODE", sc_category_code((enum sc_category)i));
        sc_set(o, "LABEL", sc_category_label((enum sc_category)i));
        if (picked &&
            strcmp(picked, sc_category_code((enum sc_category)i)) == 0)
            sc_show(o, "SELECTED");
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

static void form(struct sc_req *req, const char *kind, const char *error)
{
    form_with(req, kind, error, NULL, NULL);
}

int complaint_home(struct sc_req *req)
{
    sc_dict *d = sc_view(req, "complaints/home.tpl", "投诉与建议");
    if (req->customer) {
        sc_dict *c = sc_section(d, "CUSTOMER");
        sc_set(c, "MSISDN", req->customer->msisdn);
    }
    return 200;
}

int complaint_form(struct sc_req *req)
{
    const char *email = NULL, *phone = NULL;
    if (req->customer) {
        struct sc_rows *r =
            sc_db_query(req, SQL_CONTACT, "s", req->customer->msisdn);
        if (!r)
            return sc_db_failure_status();
        if (r->n) {
            email = sc_cell(r, 0, 0);
            phone = sc_cell(r, 0, 1);
        }
    }
    form_with(req, sc_field(req, "kind"), NULL, email, phone);
    return 200;
}

static bool valid_phone(const char *s)
{
    size_t n = strlen(s);
    return n >= 7 && n <= 20 && strspn(s, "0123456789-") == n && s[0] != '-';
}

/* The first problem of the submitted fields, or NULL. */
static const char *field_problem(struct sc_req *req, const char **msisdn)
{
    const char *v;
    if (req->customer) {
        /* Fixed to the session's number, whatever was posted. */
        *msisdn = req->customer->msisdn;
    } else {
        *msisdn = v = sc_field(req, "msisdn");
        if (!v)
            return "请填写「手机号码」。";
        if (!complaints_cmcc_number(v))
            return "「手机号码」应为 11 位中国移动手机号码（如 138、139、150、"
                   "188 等号段），请检查后重新填写。";
    }
    if ((v = sc_field(req, "email")) && (strlen(v) > 254 || !sc_valid_email(v)))
        return "「电子邮件」格式不正确，请填写如 name@example.com "
               "的地址，或留空。";
    if ((v = sc_field(req, "contact_phone")) && !valid_phone(v))
        return "「联系电话」应为 7 至 20 位数字（固定电话可带区号和“-”），"
               "或留空。";
    if ((v = sc_field(req, "category")) && sc_category_from_code(v) < 0)
        return "请从列表中选择「问题类别」，或选“自动识别”。";
    v = sc_field(req, "title");
    if (!v || sc_utf8_chars(v) < 0 || strspn(v, " \t\r\n") == strlen(v))
        return "请填写「标题」。";
    if (sc_utf8_chars(v) > TITLE_MAX)
        return "「标题」最多 50 个字。";
    const char *content = sc_field(req, "content");
    if (content && sc_utf8_chars(content) > CONTENT_MAX)
        return "「内容」最多 2000 个字。";
    const char *why = complaints_content_problem(content);
    if (why)
        return why;
    char word[128];
    if (complaints_banned_word(v, complaints_cfg.banned_words, word,
                               sizeof word) ||
        complaints_banned_word(content, complaints_cfg.banned_words, word,
                               sizeof word))
        return sc_printf(req->arena,
                         "「标题」或「内容」含有不允许使用的词语「%s」，"
                         "请修改后再提交。",
                         word);
    return NULL;
}

/* What became of a submission. */
enum outcome { SUBMIT_NEW, SUBMIT_DUPLICATE, SUBMIT_LIMIT, SUBMIT_FAILED };

struct submission {
    const char *kind, *msisdn, *email, *phone, *title, *content;
    const char *customer_category, *category, *auto_category;
    long long province_id;
    const char *city_id;
    int head_office;
    const char *request_id;
    char pw_hash[SC_PWHASH_LEN];
    char password[9];
    /* out */
    long long id;
    char track_no[24];
    long long open;
};

static const char *due_text(struct sc_req *req, long long id)
{
    static const char SQL_DUE[] =
        "SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM complaints "
        "WHERE id = ?";
    struct sc_rows *r = sc_db_query(req, SQL_DUE, "i", id);
    return r && r->n ? sc_cell(r, 0, 0) : NULL;
}

static int notify_new(struct sc_req *req, struct submission *s)
{
    const char *what = sc_complaint_kind_label(s->kind);
    const char *due = due_text(req, s->id);
    if (!due)
        return -1;
    const char *subject =
        sc_printf(req->arena, "您的%s已受理（受理编号 %s）", what, s->track_no);
    const char *body = sc_printf(
        req->arena,
        "【中国移动】您的%s「%s」已受理。受理编号：%s，查询密码：%s。"
        "我们将于 %s 前答复您。凭受理编号和查询密码可在网上营业厅“投诉与建议”"
        "中查询处理进度，请妥善保管。",
        what, s->title, s->track_no, s->password, due);
    return sc_complaint_notify(req, s->msisdn, s->email, subject, body);
}

static enum outcome submit_once(struct sc_req *req, struct submission *s)
{
    if (sc_db_begin(req) != 0)
        return SUBMIT_FAILED;
    struct sc_rows *r = sc_db_query(req, SQL_OPEN_COUNT, "s", s->msisdn);
    if (!r)
        goto fail;
    s->open = sc_cell_int(r, 0, 1);
    r = sc_db_query(req, SQL_RECENT, "ssii", s->msisdn, s->kind,
                    (long long)complaints_cfg.duplicate_hours,
                    (long long)RECENT_ROWS);
    if (!r)
        goto fail;
    const char *mine = sc_printf(req->arena, "%s\n%s", s->title, s->content);
    for (int i = 0; i < r->n; i++) {
        const char *theirs =
            sc_printf(req->arena, "%s\n%s", sc_cell(r, i, 1), sc_cell(r, i, 2));
        if (complaints_similarity(mine, theirs) >=
            complaints_cfg.duplicate_similarity) {
            snprintf(s->track_no, sizeof s->track_no, "%s", sc_cell(r, i, 0));
            sc_db_rollback(req);
            return SUBMIT_DUPLICATE;
        }
    }
    if (s->open >= complaints_cfg.open_limit) {
        sc_db_rollback(req);
        return SUBMIT_LIMIT;
    }
    if (sc_db_exec(req, SQL_INSERT, "ssssssssssisiss", s->pw_hash, s->kind,
                   s->msisdn, s->email, s->phone, s->title, s->content,
                   s->customer_category, s->auto_category, s->category,
                   s->province_id, s->city_id, (long long)s->head_office,
                   s->category, s->request_id) != 1)
        goto fail;
    s->id = sc_db_last_id();
    char today[9];
    time_t now = time(NULL);
    strftime(today, sizeof today, "%Y%m%d", localtime(&now));
    complaints_track_no(s->track_no, s->kind, today, s->id);
    char id[24];
    snprintf(id, sizeof id, "%lld", s->id);
    if (sc_db_exec(req, SQL_SET_TRACK_NO, "si", s->track_no, s->id) != 1 ||
        sc_complaint_event(req, id, "submitted", 1, 0, "submitted", NULL) !=
            0 ||
        notify_new(req, s) != 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        return SUBMIT_FAILED;
    return SUBMIT_NEW;
fail:
    sc_db_rollback(req);
    return SUBMIT_FAILED;
}

static bool token_valid(const char *s)
{
    static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "abcdefghijklmnopqrstuvwxyz0123456789-_";
    return s && strlen(s) == 43 && strspn(s, B64URL) == 43;
}

static int to_done(struct sc_req *req, const char *track_no)
{
    return sc_redirect(req,
                       sc_printf(req->arena, "/complaints/done?track_no=%s",
                                 sc_url_encode(req->arena, track_no)));
}

/* The earlier submission of this form, if any: 1 (redirected), 0, or a
 * failure status (negative). */
static int earlier_submission(struct sc_req *req, const char *request_id)
{
    struct sc_rows *r = sc_db_query(req, SQL_BY_REQUEST, "s", request_id);
    if (!r)
        return -sc_db_failure_status();
    if (r->n == 0 || !sc_cell(r, 0, 0))
        return 0;
    to_done(req, sc_cell(r, 0, 0));
    return 1;
}

static int locate(struct sc_req *req, struct submission *s)
{
    struct sc_rows *r = sc_db_query(req, SQL_SEGMENT, "s",
                                    sc_strndup(req->arena, s->msisdn, 7));
    if (!r)
        return -1;
    if (r->n) {
        s->province_id = sc_cell_int(r, 0, 0);
        s->city_id = sc_cell(r, 0, 1);
        s->head_office = 0;
    } else {
        /* A segment the site does not know (a range newer than its
         * segment table): no province can own it, so head office keeps
         * it (province 0, shown as 集团公司) and routes it by hand. */
        s->province_id = 0;
        s->city_id = NULL;
        s->head_office = 1;
    }
    return 0;
}

int complaint_submit(struct sc_req *req)
{
    const char *kind = kind_of(sc_field(req, "kind"));
    const char *request_id = sc_field(req, "request_id");
    if (!token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    const char *msisdn;
    const char *problem = field_problem(req, &msisdn);
    if (problem) {
        form(req, kind, problem);
        return 400;
    }
    int rc = earlier_submission(req, request_id);
    if (rc)
        return rc > 0 ? 303 : -rc;

    struct submission s = {
        .kind = kind,
        .msisdn = msisdn,
        .email = sc_field(req, "email"),
        .phone = sc_field(req, "contact_phone"),
        .title = sc_field(req, "title"),
        .content = sc_field(req, "content"),
        .customer_category = sc_field(req, "category"),
        .request_id = request_id,
    };
    if (locate(req, &s) != 0)
        return sc_db_failure_status();
    enum sc_category c = complaints_classify(
        req, sc_printf(req->arena, "%s\n%s", s.title, s.content));
    s.auto_category = sc_category_code(c);
    s.category = s.customer_category ? s.customer_category : s.auto_category;
    complaints_track_password(s.password);
    if (sc_password_hash(s.password, s.pw_hash) != 0)
        return 500;

    enum outcome out = SUBMIT_FAILED;
    for (int attempt = 0; attempt < 3; attempt++) {
        out = submit_once(req, &s);
        if (out != SUBMIT_FAILED || (sc_db_errno() != ER_LOCK_DEADLOCK &&
                                     sc_db_errno() != ER_LOCK_WAIT_TIMEOUT))
            break;
        sc_warn("complaints: submission retried after lock error %u",
                sc_db_errno());
    }
    if (out == SUBMIT_FAILED) {
        /* The same form sent twice at once: the twin has committed. */
        if (sc_db_errno() == ER_DUP_ENTRY &&
            earlier_submission(req, request_id) == 1)
            return 303;
        return sc_db_failure_status();
    }
    if (out == SUBMIT_DUPLICATE) {
        sc_info("complaints: duplicate of %s from %.3s****%s", s.track_no,
                msisdn, msisdn + 7);
        sc_dict *d = sc_view(req, "complaints/duplicate.tpl", "已有相同的受理");
        sc_set(d, "TRACK_NO", s.track_no);
        sc_set(d, "KIND_LABEL", sc_complaint_kind_label(kind));
        sc_set_int(d, "HOURS", complaints_cfg.duplicate_hours);
        return 200;
    }
    if (out == SUBMIT_LIMIT) {
        form(req, kind,
             sc_printf(req->arena,
                       "号码 %s 尚有 %lld 件投诉或建议正在处理中（每个号码最多 "
                       "%d 件），暂不能再提交。请等待已受理的办结，或在“查询"
                       "进度”中补充说明。",
                       msisdn, s.open, complaints_cfg.open_limit));
        return 409;
    }
    sc_info("complaints: %s filed (category %s, auto %s, province %lld)",
            s.track_no, s.category, s.auto_category, s.province_id);
    complaints_flash_set(req, s.id, s.password);
    return to_done(req, s.track_no);
}

int complaint_done(struct sc_req *req)
{
    const char *track_no = sc_field(req, "track_no");
    struct sc_rows *r = complaints_track_no_valid(track_no)
                            ? sc_db_query(req, SQL_DONE, "s", track_no)
                            : NULL;
    if (complaints_track_no_valid(track_no) && !r)
        return sc_db_failure_status();
    const char *password =
        r && r->n ? complaints_flash_take(req, sc_cell_int(r, 0, 0)) : NULL;
    sc_dict *d = sc_view(req, "complaints/done.tpl", "提交成功");
    sc_set(d, "TRACK_NO", track_no);
    if (!password) {
        /* Shown once: a reload, another browser or a guessed number learns
         * nothing here (not even whether the number exists). */
        sc_show(d, "SHOWN_BEFORE");
        return 200;
    }
    sc_dict *p = sc_section(d, "FIRST");
    sc_set(p, "KIND_LABEL", sc_complaint_kind_label(sc_cell(r, 0, 1)));
    sc_set(p, "PASSWORD", password);
    sc_set(p, "CATEGORY",
           sc_category_label(
               (enum sc_category)sc_category_from_code(sc_cell(r, 0, 3))));
    sc_set(p, "DUE", sc_cell(r, 0, 4));
    sc_set(p, "CREATED", sc_cell(r, 0, 5));
    const char *m = sc_cell(r, 0, 2);
    sc_set(p, "MSISDN_MASKED", sc_printf(req->arena, "%.3s****%s", m, m + 7));
    /* Whoever filed it may follow it from here without typing it again. */
    complaints_grant(req, sc_cell_int(r, 0, 0));
    return 200;
}
