/* service: business acceptance (SPEC 4.4): the overview of the line, the
 * acceptance history (B-13), password change (B-12), customer data change
 * (B-08), the PUK query and top-up cards (B-06). Every change writes
 * its acceptance record (业务异动) in the same transaction as the change. */
#ifndef SERVICE_H
#define SERVICE_H

#include <stdbool.h>

#include "selfcare.h"

/* Rows the overview lists, and a page of the history. ORDER_ROWS bounds
 * the orders read for the overview: the pending ones (at most one per line
 * action and feature) and RECENT_ROWS finished ones. */
enum { RECENT_ROWS = 5, HISTORY_PAGE_SIZE = 20, ORDER_ROWS = 15 };

/* overview.c */
int service_overview(struct sc_req *req);
int service_history(struct sc_req *req);
int service_puk(struct sc_req *req);

/* password.c */
int password_form(struct sc_req *req);
int password_submit(struct sc_req *req);
int password_done(struct sc_req *req);

/* profile.c */
int profile_form(struct sc_req *req);
int profile_submit(struct sc_req *req);
int profile_done(struct sc_req *req);

/* topup.c */
int topup_form(struct sc_req *req);
int topup_submit(struct sc_req *req);
int topup_done(struct sc_req *req);

/* line.c: suspension and resumption (B-04), loss report (B-14), and the
 * result page of any order to the network. */
int suspend_form(struct sc_req *req);
int suspend_submit(struct sc_req *req);
int resume_form(struct sc_req *req);
int resume_submit(struct sc_req *req);
int loss_form(struct sc_req *req);
int loss_submit(struct sc_req *req);
int order_page(struct sc_req *req);

/* features.c: supplementary features on and off (B-05). */
int features_page(struct sc_req *req);
int features_submit(struct sc_req *req);

/* The outcome of placing an order (service_order_place). */
enum order_outcome {
    ORDER_PLACED,  /* *id is the new order */
    ORDER_EXISTS,  /* request_id was used: *id is that order */
    ORDER_STATE,   /* the line's status does not allow it (*status) */
    ORDER_PENDING, /* a conflicting order is pending: *id */
    ORDER_FAILED   /* database failure, rolled back */
};
/* One transaction: locks the subscriber row (so concurrent submissions
 * for the line are serialized), checks the status against allowed
 * (space-separated codes), refuses while a pending order conflicts (any
 * order of the line, or only one for the same feature when feature is set)
 * and creates the order with its pending acceptance record. status gets
 * the line's status code (arena memory). */
enum order_outcome service_order_place(struct sc_req *req, const char *allowed,
                                       const char *action, const char *feature,
                                       int enabled, const char *param,
                                       const char *business,
                                       const char *request_id, long long *id,
                                       const char **status);
/* Whether s has the shape of a form token from sc_token_new. */
bool service_token_valid(const char *s);
/* The customer's name of an order (手机报停, 开通呼叫转移, ...). */
const char *service_order_label(sc_arena *a, const char *action,
                                const char *feature, const char *enabled);
/* The Chinese name of a feature code, or NULL for an unknown one. */
const char *service_feature_label(const char *feature);
/* The Chinese label of a line status code. */
const char *service_status_label(const char *status);

/* Chinese labels of the acceptances' channel and result columns. */
const char *service_channel_label(const char *channel);
const char *service_result_label(const char *result);

#endif
