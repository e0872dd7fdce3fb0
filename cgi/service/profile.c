/* Customer data change (B-08): contact address, contact phone and email.
 * Plan and payment data are never editable here. The acceptance record
 * names the fields that changed, not their values: the history is shown to
 * whoever holds the session, and contact data is personal.
 * Statements, the session check included: form 2, a change 6: the session,
 * the current data, BEGIN, the update, the record, COMMIT. */
#include "service.h"

#include <string.h>

static const char SQL_CONTACT[] =
    "SELECT contact_address, contact_phone, email FROM subscribers "
    "WHERE msisdn = ?";
static const char SQL_SET_CONTACT[] =
    "UPDATE subscribers SET contact_address = ?, contact_phone = ?, "
    "email = ? WHERE msisdn = ?";

static const struct {
    const char *field, *key, *label;
} FIELDS[] = {
    {"contact_address", "ADDRESS", "联系地址"},
    {"contact_phone", "PHONE", "联系电话"},
    {"email", "EMAIL", "电子邮件"},
};
enum { NFIELDS = sizeof FIELDS / sizeof FIELDS[0] };

/* A fixed-line or mobile number as customers write it: digits only, 7 to
 * 20 of them (an area code and extension fit). */
static bool valid_phone(const char *s)
{
    size_t n = strlen(s);
    if (n < 7 || n > 20)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* An empty field and a missing one both mean "none". */
static const char *or_null(const char *s)
{
    return s && *s ? s : NULL;
}

/* The form with values[] (current or submitted) and an optional error. */
static void form(struct sc_req *req, const char *const values[NFIELDS],
                 const char *error)
{
    sc_dict *d = sc_view(req, "service/profile.tpl", "客户资料变更");
    sc_set(d, "MSISDN", req->customer->msisdn);
    for (int i = 0; i < NFIELDS; i++)
        sc_set(d, FIELDS[i].key, values[i] ? values[i] : "");
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

int profile_form(struct sc_req *req)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_CONTACT, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    const char *values[NFIELDS];
    for (int i = 0; i < NFIELDS; i++)
        values[i] = sc_cell(r, 0, i);
    form(req, values, NULL);
    return 200;
}

int profile_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *values[NFIELDS];
    for (int i = 0; i < NFIELDS; i++)
        values[i] = or_null(sc_field(req, FIELDS[i].field));
    if (values[1] && !valid_phone(values[1])) {
        form(req, values,
             "联系电话格式不正确：请只填写数字，7 到 20 位（固定电话请连同区号"
             "一起填写）。");
        return 400;
    }

    struct sc_rows *r = sc_db_query(req, SQL_CONTACT, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    const char *changed = NULL;
    for (int i = 0; i < NFIELDS; i++) {
        const char *was = or_null(sc_cell(r, 0, i));
        bool same =
            was && values[i] ? strcmp(was, values[i]) == 0 : was == values[i];
        if (!same)
            changed = changed ? sc_printf(req->arena, "%s、%s", changed,
                                          FIELDS[i].label)
                              : FIELDS[i].label;
    }
    if (!changed) {
        form(req, values, "您没有修改任何资料，无需提交。");
        return 200;
    }

    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    if (sc_db_exec(req, SQL_SET_CONTACT, "ssss", values[0], values[1],
                   values[2], msisdn) < 0 ||
        sc_acceptance_add(req, msisdn, "客户资料变更", "done",
                          sc_printf(req->arena, "修改了：%s", changed)) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("service: %s changed contact data (%s)", msisdn, changed);
    return sc_redirect(req, "/service/profile/done");
}

int profile_done(struct sc_req *req)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_CONTACT, "s", req->customer->msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    sc_dict *d = sc_view(req, "service/profile_done.tpl", "客户资料已变更");
    sc_set(d, "MSISDN", req->customer->msisdn);
    for (int i = 0; i < NFIELDS; i++) {
        const char *v = sc_cell(r, 0, i);
        sc_set(d, FIELDS[i].key, v && *v ? v : "未填写");
    }
    return 200;
}
