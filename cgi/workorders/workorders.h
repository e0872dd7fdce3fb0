/* workorders: the complaint back office under /admin/complaints/ (SPEC
 * S-01, S-02, S-06): the queue, a complaint's page with its history and
 * work orders (工单), the staff actions, and the statistics.
 *
 * Scope: head-office staff (province 0) see everything; province staff the
 * complaints of their province that head office does not keep, plus those
 * head office dispatched to them; a city branch (staff.city_id) only the
 * complaints with a work order for its city. A complaint outside the scope
 * does not exist for the staff member: 404, for pages and actions alike. */
#ifndef WORKORDERS_H
#define WORKORDERS_H

#include "selfcare.h"

enum { WO_PAGE_SIZE = 20, WO_MAX_PAGE = 500 };

/* The scope as an SQL condition on `complaints c`, and its six parameters
 * (types "iiiiii"), in this order, from the staff member. */
#define WO_SCOPE                                                               \
    "(? = 1 OR (? = 0 AND ((c.province_id = ? AND c.head_office = 0) OR "      \
    "EXISTS (SELECT 1 FROM work_orders ws WHERE ws.complaint_id = c.id AND "   \
    "ws.target = 'province' AND ws.province_id = ?))) OR (? > 0 AND "          \
    "EXISTS (SELECT 1 FROM work_orders ws WHERE ws.complaint_id = c.id AND "   \
    "ws.target = 'city' AND ws.city_id = ?)))"
#define WO_SCOPE_ARGS(req)                                                     \
    (long long)((req)->staff->province_id == 0),                               \
        (long long)(req)->staff->city_id,                                      \
        (long long)(req)->staff->province_id,                                  \
        (long long)(req)->staff->province_id,                                  \
        (long long)(req)->staff->city_id, (long long)(req)->staff->city_id

int queue_page(struct sc_req *req);
int detail_page(struct sc_req *req);
int close_page(struct sc_req *req);
int action_review(struct sc_req *req);
int action_reply(struct sc_req *req);
int action_note(struct sc_req *req);
int action_dispatch(struct sc_req *req);
int action_complete(struct sc_req *req);
int action_transfer(struct sc_req *req);
int action_close(struct sc_req *req);
int stats_page(struct sc_req *req);
int stats_csv(struct sc_req *req);
int stats_xml(struct sc_req *req);

/* One complaint within the scope, columns as below; for_update locks the
 * row (actions, inside their transaction). 0 and *out, 404 when it does not
 * exist for this staff member, or a failure status. */
enum {
    WC_ID,
    WC_TRACK_NO,
    WC_KIND,
    WC_MSISDN,
    WC_EMAIL,
    WC_CONTACT,
    WC_TITLE,
    WC_CONTENT,
    WC_CUSTOMER_CATEGORY,
    WC_AUTO_CATEGORY,
    WC_CATEGORY,
    WC_PROVINCE,
    WC_CITY,
    WC_HEAD_OFFICE,
    WC_STATUS,
    WC_RECOMPLAINTS,
    WC_DUE,
    WC_OVERDUE,
    WC_ESCALATED,
    WC_RESULT,
    WC_RATING,
    WC_RATING_COMMENT,
    WC_CONFIRMED,
    WC_CREATED,
    WC_CLOSED
};
int wo_complaint_load(struct sc_req *req, int for_update, struct sc_rows **out);

/* 网络质量 ... for a category code, or the code itself. */
const char *wo_category_label(const char *code);
extern const char *const WO_CATEGORIES[]; /* codes, NULL-terminated */
extern const char *const WO_STATUSES[];   /* codes, NULL-terminated */
/* Staff kinds: head office, a province, a city branch. */
int wo_is_hq(const struct sc_req *req);
int wo_is_city(const struct sc_req *req);
/* The unit as people say it: 集团公司, 广东, 广东·广州. */
const char *wo_unit_name(struct sc_req *req);

#endif
