/* workorders: every page of the complaint back office is in this table.
 * Staff log in through the admin program (/admin/login); the staff cookie's
 * path /admin/ covers these pages too. */
#include "workorders.h"

#include <string.h>

const char *const WO_CATEGORIES[] = {"network", "service", "billing", "product",
                                     NULL};
const char *const WO_STATUSES[] = {"submitted", "reviewing", "dispatched",
                                   "replied",   "closed",    NULL};
static const char *const STATUS_FILTERS[] = {
    "open", "submitted", "reviewing", "dispatched", "replied", "closed", NULL};
static const char *const KINDS[] = {"complaint", "suggestion", NULL};
static const char *const TARGETS[] = {"department", "province", "city", NULL};
static const char *const TRANSFERS[] = {"head_office", "province", NULL};
static const char *const DONE[] = {"review",   "reply",    "note",  "dispatch",
                                   "complete", "transfer", "close", NULL};
static const char *const PERIODS[] = {"day", "week", "month", NULL};
static const char *const YES[] = {"1", NULL};

static const struct sc_field QUEUE_FIELDS[] = {
    {"page", "页码", SC_UINT, WO_MAX_PAGE, 0, NULL},
    {"province", "省份", SC_UINT, 99, 0, NULL},
    {"status", "状态", SC_CHOICE, 0, 0, STATUS_FILTERS},
    {"category", "分类", SC_CHOICE, 0, 0, WO_CATEGORIES},
    {"kind", "类型", SC_CHOICE, 0, 0, KINDS},
    {"overdue", "超时", SC_UINT, 1, 0, NULL},
    {"escalated", "升级", SC_UINT, 1, 0, NULL},
    {"re", "再投诉", SC_UINT, 1, 0, NULL},
    {"q", "受理编号", SC_TEXT, 20, 0, NULL},
    {0}};
static const struct sc_field DETAIL_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"done", "操作结果", SC_CHOICE, 0, 0, DONE},
    {0}};
static const struct sc_field REVIEW_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"category", "分类", SC_CHOICE, 0, 0, WO_CATEGORIES},
    {"text", "复核意见", SC_TEXT, 500, 0, NULL},
    {0}};
static const struct sc_field TEXT_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"text", "内容", SC_TEXT, 2000, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field DISPATCH_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"target", "派发对象", SC_CHOICE, 0, SC_REQUIRED, TARGETS},
    {"department", "部门", SC_USERNAME, 0, 0, NULL},
    {"province", "省公司", SC_UINT, 99, 0, NULL},
    {"city", "地市分公司", SC_UINT, 0, 0, NULL},
    {"text", "处理要求", SC_TEXT, 500, 0, NULL},
    {0}};
static const struct sc_field COMPLETE_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"wo", "工单编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"text", "处理结果", SC_TEXT, 2000, SC_REQUIRED, NULL},
    {0}};
static const struct sc_field TRANSFER_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"to", "移交方向", SC_CHOICE, 0, SC_REQUIRED, TRANSFERS},
    {0}};
static const struct sc_field CLOSE_FIELDS[] = {
    {"id", "投诉编号", SC_UINT, 0, SC_REQUIRED, NULL},
    {"text", "办结结果", SC_TEXT, 2000, SC_REQUIRED, NULL},
    {"confirm", "确认办结", SC_CHOICE, 0, SC_REQUIRED, YES},
    {0}};
static const struct sc_field STATS_FIELDS[] = {
    {"from", "开始日期", SC_YYYYMMDD, 0, 0, NULL},
    {"to", "结束日期", SC_YYYYMMDD, 0, 0, NULL},
    {"period", "统计周期", SC_CHOICE, 0, 0, PERIODS},
    {0}};

/* Who works complaints; analysts read the statistics only. */
#define WORKERS                                                                \
    (SC_ROLE_COMPLAINT_AGENT | SC_ROLE_COMPLAINT_SUPERVISOR | SC_ROLE_ADMIN)
#define READERS (WORKERS | SC_ROLE_ANALYST)

static const struct sc_route routes[] = {
    {"GET", "/admin/complaints/", SC_STAFF, WORKERS, queue_page, QUEUE_FIELDS,
     NULL},
    {"GET", "/admin/complaints/view", SC_STAFF, WORKERS, detail_page,
     DETAIL_FIELDS, NULL},
    {"POST", "/admin/complaints/review", SC_STAFF, WORKERS, action_review,
     REVIEW_FIELDS, NULL},
    {"POST", "/admin/complaints/reply", SC_STAFF, WORKERS, action_reply,
     TEXT_FIELDS, NULL},
    {"POST", "/admin/complaints/note", SC_STAFF, WORKERS, action_note,
     TEXT_FIELDS, NULL},
    {"POST", "/admin/complaints/dispatch", SC_STAFF, WORKERS, action_dispatch,
     DISPATCH_FIELDS, NULL},
    {"POST", "/admin/complaints/complete", SC_STAFF, WORKERS, action_complete,
     COMPLETE_FIELDS, NULL},
    {"POST", "/admin/complaints/transfer", SC_STAFF, WORKERS, action_transfer,
     TRANSFER_FIELDS, NULL},
    {"GET", "/admin/complaints/close", SC_STAFF, WORKERS, close_page,
     DETAIL_FIELDS, NULL},
    {"POST", "/admin/complaints/close", SC_STAFF, WORKERS, action_close,
     CLOSE_FIELDS, NULL},
    {"GET", "/admin/complaints/stats", SC_STAFF, READERS, stats_page,
     STATS_FIELDS, NULL},
    {"GET", "/admin/complaints/stats.csv", SC_STAFF, READERS, stats_csv,
     STATS_FIELDS, NULL},
    {"GET", "/admin/complaints/stats.xml", SC_STAFF, READERS, stats_xml,
     STATS_FIELDS, NULL},
    {0}};

static const char *const view_dirs[] = {"workorders", NULL};

static const struct sc_app workorders = {
    .name = "workorders",
    .routes = routes,
    .layout = "layout/admin.tpl",
    .view_dirs = view_dirs,
    .login_path = "/admin/login",
    .reauth_path = "/admin/login",
    .staff = 1,
};

/* 网络质量 ... from lib/classify.c, which names the categories for the
 * customer side too. */
const char *wo_category_label(const char *code)
{
    int c = code ? sc_category_from_code(code) : -1;
    return c >= 0 ? sc_category_label((enum sc_category)c) : (code ? code : "");
}

int wo_is_hq(const struct sc_req *req)
{
    return req->staff->province_id == 0;
}

int wo_is_city(const struct sc_req *req)
{
    return req->staff->province_id != 0 && req->staff->city_id != 0;
}

const char *wo_unit_name(struct sc_req *req)
{
    if (wo_is_hq(req))
        return "集团公司";
    if (!wo_is_city(req) || sc_reference_load(req) != 0)
        return req->staff->province_name;
    const struct sc_city_ref *c = sc_city_ref(req->staff->city_id);
    return c ? sc_printf(req->arena, "%s·%s", req->staff->province_name,
                         c->name)
             : req->staff->province_name;
}

int main(int argc, char **argv)
{
    return sc_app_main(&workorders, argc, argv);
}
