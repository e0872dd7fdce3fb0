#include "complaint.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "records.h"

struct label {
    const char *code, *name;
};

static const struct label STATUS[] = {
    {"submitted", "已受理"}, {"reviewing", "复核中"}, {"dispatched", "处理中"},
    {"replied", "已答复"},   {"closed", "已办结"},    {NULL, NULL}};
static const struct label KIND[] = {
    {"complaint", "投诉"}, {"suggestion", "建议"}, {NULL, NULL}};
static const struct label EVENT[] = {
    {"submitted", "提交"},      {"reviewed", "复核"},
    {"reply", "答复"},          {"note", "内部备注"},
    {"dispatched", "派发工单"}, {"workorder_done", "工单办结"},
    {"overdue", "超时"},        {"escalated", "超时升级"},
    {"recomplaint", "再投诉"},  {"reclassified", "重新分类"},
    {"closed", "办结"},         {"confirmed", "客户确认"},
    {"rated", "满意度评价"},    {NULL, NULL}};

static const char *label_of(const struct label *t, const char *code)
{
    if (!code)
        return "";
    for (; t->code; t++)
        if (strcmp(t->code, code) == 0)
            return t->name;
    return code;
}

const char *sc_complaint_status_label(const char *status)
{
    return label_of(STATUS, status);
}

const char *sc_complaint_kind_label(const char *kind)
{
    return label_of(KIND, kind);
}

const char *sc_complaint_event_label(const char *event)
{
    return label_of(EVENT, event);
}

static const char SQL_EVENT_ADD[] =
    "INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, "
    "status_after, text) VALUES (?, NOW(), ?, ?, ?, ?, ?)";

int sc_complaint_event(struct sc_req *req, const char *complaint_id,
                       const char *event, int visible, long long staff_id,
                       const char *status_after, const char *text)
{
    char staff[24];
    const char *staff_param = NULL;
    if (staff_id > 0) {
        snprintf(staff, sizeof staff, "%lld", staff_id);
        staff_param = staff;
    }
    return sc_db_exec(req, SQL_EVENT_ADD, "ssisss", complaint_id, event,
                      (long long)(visible != 0), staff_param, status_after,
                      text) == 1
               ? 0
               : -1;
}

int sc_complaint_notify(struct sc_req *req, const char *msisdn,
                        const char *email, const char *subject,
                        const char *body)
{
    if (sc_outbox_add(req, "sms", msisdn, subject, body) != 0)
        return -1;
    if (email && *email && sc_outbox_add(req, "email", email, subject, body))
        return -1;
    return 0;
}
