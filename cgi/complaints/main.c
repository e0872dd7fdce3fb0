/* complaints: every page it serves is in this table. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "complaints.h"

struct complaints_settings complaints_cfg;

/* The form's fields are declared loosely (bounded, valid UTF-8): their
 * real rules are complaint_submit's, so a mistake comes back as the form
 * with the values kept and a message, not a bare error page. */
static const char *const KINDS[] = {"complaint", "suggestion", NULL};
static const struct sc_field FORM_FIELDS[] = {
    {"kind", "类型", SC_CHOICE, 0, 0, KINDS}, {0}};
static const struct sc_field SUBMIT_FIELDS[] = {
    {"kind", "类型", SC_CHOICE, 0, SC_REQUIRED, KINDS},
    {"msisdn", "手机号码", SC_TEXT, 40, 0, NULL},
    {"email", "电子邮件", SC_TEXT, 300, 0, NULL},
    {"contact_phone", "联系电话", SC_TEXT, 40, 0, NULL},
    {"category", "问题类别", SC_TEXT, 20, 0, NULL},
    {"title", "标题", SC_TEXT, 1000, 0, NULL},
    {"content", "内容", SC_TEXT, 20000, 0, NULL},
    {"request_id", "表单标识", SC_TEXT, 43, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field TRACK_NO_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 24, SC_REQUIRED, NULL}, {0}};
static const char *const NOTICES[] = {"recomplaint", "rated", NULL};
static const struct sc_field VIEW_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 24, SC_REQUIRED, NULL},
    {"done", "提示", SC_CHOICE, 0, 0, NOTICES},
    {0}};
static const struct sc_field TRACK_FORM_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 24, 0, NULL}, {0}};
static const struct sc_field TRACK_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 40, 0, NULL},
    {"track_pw", "查询密码", SC_PASSWORD, 64, 0, NULL},
    {0}};
static const struct sc_field MINE_FIELDS[] = {
    {"page", "页码", SC_UINT, 100000, 0, NULL}, {0}};
static const struct sc_field RECOMPLAIN_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 24, SC_REQUIRED, NULL},
    {"reason", "再投诉理由", SC_TEXT, 20000, 0, NULL},
    {0}};
static const char *const RATINGS[] = {"1", "2", "3", "4", "5", NULL};
static const struct sc_field RATE_FIELDS[] = {
    {"track_no", "受理编号", SC_TEXT, 24, SC_REQUIRED, NULL},
    {"rating", "满意度", SC_CHOICE, 0, 0, RATINGS},
    {"comment", "评价意见", SC_TEXT, 2000, 0, NULL},
    {0}};

/* Open to every visitor (S-01..S-05: login not required); a logged-in
 * customer's session is loaded all the same (lib/app.c loads it on
 * anonymous routes too), which prefills and fixes the number. */
static const struct sc_route routes[] = {
    {"GET", "/complaints/", SC_ANON, 0, complaint_home, NULL, NULL},
    {"GET", "/complaints/new", SC_ANON, 0, complaint_form, FORM_FIELDS, NULL},
    {"POST", "/complaints/new", SC_ANON, 0, complaint_submit, SUBMIT_FIELDS,
     NULL},
    {"GET", "/complaints/done", SC_ANON, 0, complaint_done, TRACK_NO_FIELDS,
     NULL},
    {"GET", "/complaints/track", SC_ANON, 0, track_form, TRACK_FORM_FIELDS,
     NULL},
    {"POST", "/complaints/track", SC_ANON, 0, track_submit, TRACK_FIELDS, NULL},
    {"GET", "/complaints/mine", SC_CUSTOMER, 0, complaint_mine, MINE_FIELDS,
     NULL},
    {"GET", "/complaints/view", SC_ANON, 0, complaint_view, VIEW_FIELDS, NULL},
    {"POST", "/complaints/recomplain", SC_ANON, 0, complaint_recomplain,
     RECOMPLAIN_FIELDS, NULL},
    {"POST", "/complaints/rate", SC_ANON, 0, complaint_rate, RATE_FIELDS, NULL},
    {0}};

static int on_value(void *user, const char *section, const char *name,
                    const char *value)
{
    (void)user;
    struct complaints_settings *c = &complaints_cfg;
    if (strcmp(section, "complaints") != 0)
        return 1;
    if (strcmp(name, "duplicate_hours") == 0)
        c->duplicate_hours = atoi(value);
    else if (strcmp(name, "duplicate_similarity") == 0)
        c->duplicate_similarity = strtod(value, NULL);
    else if (strcmp(name, "open_limit") == 0)
        c->open_limit = atoi(value);
    else if (strcmp(name, "banned_words") == 0)
        snprintf(c->banned_words, sizeof c->banned_words, "%s", value);
    else if (strcmp(name, "training_file") == 0)
        snprintf(c->training_file, sizeof c->training_file, "%s", value);
    else if (strcmp(name, "track_failures") == 0)
        c->track_failures = atoi(value);
    else if (strcmp(name, "track_ip_failures") == 0)
        c->track_ip_failures = atoi(value);
    else if (strcmp(name, "track_cookie_minutes") == 0)
        c->track_cookie_minutes = atoi(value);
    else if (strcmp(name, "relearn_seconds") == 0)
        c->relearn_seconds = atoi(value);
    return 1;
}

int complaints_settings_load(const char *path)
{
    complaints_cfg = (struct complaints_settings){
        .duplicate_hours = 24,
        .duplicate_similarity = 0.6,
        .open_limit = 5,
        .track_failures = 5,
        .track_ip_failures = 30,
        .track_cookie_minutes = 30,
        .relearn_seconds = 60,
    };
    if (ini_parse(path, on_value, NULL) != 0)
        return -1;
    struct complaints_settings *c = &complaints_cfg;
    if (c->duplicate_hours < 0 || c->duplicate_similarity <= 0 ||
        c->duplicate_similarity > 1 || c->open_limit < 1 ||
        c->track_failures < 1 || c->track_ip_failures < 1 ||
        c->track_cookie_minutes < 1 || c->relearn_seconds < 1)
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    /* sc_customer_main reads the common sections; [complaints] is this
     * program's own, from the same file. */
    const char *config = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "-c") == 0)
            config = argv[i + 1];
    if (config && complaints_settings_load(config) != 0) {
        fprintf(stderr,
                "complaints: [complaints] in %s is not valid (need "
                "duplicate_hours >= 0, 0 < duplicate_similarity <= 1, "
                "open_limit, track_failures, track_ip_failures, "
                "track_cookie_minutes and relearn_seconds >= 1)\n",
                config);
        return 1;
    }
    return sc_customer_main("complaints", routes, argc, argv);
}
