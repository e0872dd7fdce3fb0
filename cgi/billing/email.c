/* Bill by email: the customer confirms or enters an address and
 * picks one of the last 6 closed months (GET /billing/email), checks both on
 * a confirmation page (GET /billing/email/confirm), and sends. The POST
 * registers the address (if it changed), queues the mail in the outbox and
 * writes the acceptance record in one transaction; the notify worker sends
 * it. A hidden request_id made for each confirmation page is stored on the
 * outbox row (UNIQUE, migration 004), so a double submission queues one
 * message and lands on the same confirmation. */
#include "billing.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_REGISTERED[] =
    "SELECT bill_email FROM subscribers WHERE msisdn = ?";
/* <=> so that registering over NULL counts as a change. */
static const char SQL_REGISTER[] =
    "UPDATE subscribers SET bill_email = ? WHERE msisdn = ? AND NOT "
    "(bill_email <=> ?)";
static const char SQL_BY_REQUEST[] =
    "SELECT id, msisdn FROM outbox WHERE request_id = ?";
static const char SQL_QUEUE[] =
    "INSERT INTO outbox (channel, recipient, subject, body, status, "
    "attempts, next_attempt_at, created_at, msisdn, request_id) VALUES "
    "('email', ?, ?, ?, 'pending', 0, NOW(), NOW(), ?, ?)";
static const char SQL_QUEUED[] =
    "SELECT id, recipient, subject, status, created_at FROM outbox WHERE id "
    "= ? AND msisdn = ?";

#define ER_DUP_ENTRY 1062

/* Reads the month field against the closed bills. Returns the bill, or
 * NULL with req->error_message set (a month outside the last 6). */
static const struct bill *month_of(struct sc_req *req, const struct bill *b,
                                   int n)
{
    const char *m = sc_field(req, "month");
    const struct bill *found = m ? bill_find(b, n, atoi(m)) : n ? &b[0] : NULL;
    if (!found)
        req->error_message =
            n ? sc_printf(
                    req->arena,
                    "「账单月份」只能选择最近%d个已出账的月份（%s至%s）。", n,
                    month_label(req->arena, b[n - 1].month),
                    month_label(req->arena, b[0].month))
              : "您还没有已出账的月账单，暂时无法邮寄。";
    return found;
}

static void month_options(struct sc_req *req, sc_dict *d, const struct bill *b,
                          int n, int selected)
{
    for (int i = 0; i < n; i++) {
        sc_dict *o = sc_section(d, "MONTH_OPTION");
        sc_set_int(o, "VALUE", b[i].month);
        sc_set(o, "LABEL", month_label(req->arena, b[i].month));
        if (b[i].month == selected)
            sc_show(o, "SELECTED");
    }
}

int email_page(struct sc_req *req)
{
    struct bill bills[BILL_MONTHS];
    int n = bills_recent(req, bills);
    if (n < 0)
        return sc_db_failure_status();
    struct sc_rows *r =
        sc_db_query(req, SQL_REGISTERED, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    const char *registered = r->n ? sc_cell(r, 0, 0) : NULL;

    if (n == 0) {
        sc_dict *d = sc_view(req, "billing/email.tpl", "邮寄账单通知服务");
        billing_nav(req, d, "email");
        sc_show(d, "NO_BILLS");
        return 200;
    }
    const struct bill *b = month_of(req, bills, n);
    if (!b)
        return 400;
    sc_dict *d = sc_view(req, "billing/email.tpl", "邮寄账单通知服务");
    billing_nav(req, d, "email");
    sc_dict *f = sc_section(d, "FORM");
    if (registered)
        sc_set(sc_section(f, "REGISTERED"), "EMAIL", registered);
    else
        sc_show(f, "UNREGISTERED");
    const char *email = sc_field(req, "email");
    sc_set(f, "EMAIL", email ? email : registered ? registered : "");
    month_options(req, f, bills, n, b->month);
    return 200;
}

int email_confirm(struct sc_req *req)
{
    struct bill bills[BILL_MONTHS];
    int n = bills_recent(req, bills);
    if (n < 0)
        return sc_db_failure_status();
    const struct bill *b = month_of(req, bills, n);
    if (!b)
        return 400;
    struct sc_rows *r =
        sc_db_query(req, SQL_REGISTERED, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    const char *registered = r->n ? sc_cell(r, 0, 0) : NULL;
    const char *email = sc_field(req, "email");

    sc_dict *d = sc_view(req, "billing/email_confirm.tpl", "确认邮寄账单");
    billing_nav(req, d, "email");
    sc_set(d, "EMAIL", email);
    sc_set_int(d, "MONTH", b->month);
    sc_set(d, "MONTH_LABEL", month_label(req->arena, b->month));
    sc_set(d, "TOTAL", sc_yuan(req->arena, b->total));
    if (!registered || strcmp(registered, email) != 0)
        sc_set(sc_section(d, "CHANGE"), "OLD",
               registered ? registered : "（未登记）");
    char token[44];
    sc_token_new(token);
    sc_set(d, "REQUEST_ID", token);
    sc_set(d, "BACK",
           sc_printf(req->arena, "/billing/email?email=%s&month=%d",
                     sc_url_encode(req->arena, email), b->month));
    return 200;
}

/* The mail: plain UTF-8 text of that month's bill. */
static const char *mail_body(struct sc_req *req, const struct bill *b,
                             const long long amounts[BILL_CATEGORIES])
{
    sc_arena *a = req->arena;
    sc_buf t;
    sc_buf_init(&t, a);
    sc_buf_printf(&t,
                  "尊敬的客户：\n\n"
                  "您好！以下是您的号码 %s 的 %s 话费账单。\n\n"
                  "账单月份：%s\n出账日期：%s\n缴费截止日期：%s\n\n"
                  "费用明细\n",
                  msisdn_masked(a, req->customer->msisdn),
                  month_label(a, b->month), month_label(a, b->month),
                  b->closed_on, b->due_on);
    for (int c = 0; c < BILL_CATEGORIES; c++)
        sc_buf_printf(&t, "  %s：%s 元\n", bill_category_label[c],
                      sc_yuan_plain(a, amounts[c]));
    sc_buf_printf(&t, "\n本月合计：%s 元\n已缴金额：%s 元\n",
                  sc_yuan_plain(a, b->total), sc_yuan_plain(a, b->paid));
    if (b->total > b->paid)
        sc_buf_printf(&t, "未缴金额：%s 元（请于%s前缴清）\n",
                      sc_yuan_plain(a, b->total - b->paid), b->due_on);
    sc_buf_printf(&t,
                  "出账时账户余额：%s 元\n\n"
                  "本邮件由系统自动发送，请勿直接回复。账单以营业厅系统记录"
                  "为准，如有疑问请拨打客服热线 10086。\n\n"
                  "中国移动网上营业厅\n",
                  sc_yuan_plain(a, b->balance));
    return t.data;
}

static bool valid_request_id(const char *s)
{
    if (strlen(s) != 43)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return false;
    return true;
}

/* The request was queued before (a double submission): its confirmation,
 * if it is this customer's. */
static int already_queued(struct sc_req *req, const char *request_id)
{
    struct sc_rows *r = sc_db_query(req, SQL_BY_REQUEST, "s", request_id);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 0;
    const char *owner = sc_cell(r, 0, 1);
    if (!owner || strcmp(owner, req->customer->msisdn) != 0)
        return sc_bad_request(req, "「请求编号」无效，请重新填写。");
    return sc_redirect(req, sc_printf(req->arena, "/billing/email/done?id=%s",
                                      sc_cell(r, 0, 0)));
}

int email_submit(struct sc_req *req)
{
    const char *request_id = sc_field(req, "request_id");
    if (!valid_request_id(request_id))
        return sc_bad_request(req, "「请求编号」无效，请返回重新确认。");
    int st = already_queued(req, request_id);
    if (st)
        return st;

    struct bill bills[BILL_MONTHS];
    int n = bills_recent(req, bills);
    if (n < 0)
        return sc_db_failure_status();
    const struct bill *b = month_of(req, bills, n);
    if (!b)
        return 400;
    long long amounts[BILL_CATEGORIES];
    if (bill_items(req, b->month, amounts) < 0)
        return sc_db_failure_status();

    sc_arena *a = req->arena;
    const char *msisdn = req->customer->msisdn;
    const char *email = sc_field(req, "email");
    const char *subject =
        sc_printf(a, "中国移动 %s 话费账单 %s", month_label(a, b->month),
                  msisdn_masked(a, msisdn));
    const char *body = mail_body(req, b, amounts);

    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    long long changed =
        sc_db_exec(req, SQL_REGISTER, "sss", email, msisdn, email);
    if (changed < 0)
        goto fail;
    if (sc_db_exec(req, SQL_QUEUE, "sssss", email, subject, body, msisdn,
                   request_id) != 1) {
        if (sc_db_errno() == ER_DUP_ENTRY) {
            /* The same form submitted at the same moment: the other one
             * queued it. */
            sc_db_rollback(req);
            st = already_queued(req, request_id);
            return st ? st : 500;
        }
        goto fail;
    }
    long long id = sc_db_last_id();
    const char *detail = sc_printf(a, "%s账单发送至 %s（发送编号 %lld）%s",
                                   month_label(a, b->month), email, id,
                                   changed > 0 ? "，已更新账单邮箱" : "");
    if (sc_acceptance_add(req, msisdn, "邮寄账单", "done", detail) != 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        goto fail;
    return sc_redirect(req, sc_printf(a, "/billing/email/done?id=%lld", id));
fail:;
    int status = sc_db_failure_status();
    sc_db_rollback(req);
    return status;
}

int email_done(struct sc_req *req)
{
    struct sc_rows *r = sc_db_query(req, SQL_QUEUED, "ss", sc_field(req, "id"),
                                    req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404; /* not this customer's message */
    sc_dict *d = sc_view(req, "billing/email_done.tpl", "账单已提交发送");
    billing_nav(req, d, "email");
    sc_set(d, "ID", sc_cell(r, 0, 0));
    sc_set(d, "EMAIL", sc_cell(r, 0, 1));
    sc_set(d, "SUBJECT", sc_cell(r, 0, 2));
    const char *status = sc_cell(r, 0, 3);
    sc_set(d, "STATUS",
           strcmp(status, "sent") == 0     ? "已发送"
           : strcmp(status, "failed") == 0 ? "发送失败"
                                           : "排队发送中");
    sc_set(d, "AT", sc_cell(r, 0, 4));
    return 200;
}
