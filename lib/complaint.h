/* Complaint rules shared by the customer program (complaints) and the back
 * office (workorders): names of statuses and events, the history every
 * change leaves, and the messages that tell the customer. */
#ifndef SC_COMPLAINT_H
#define SC_COMPLAINT_H

#include "request.h"

/* Chinese names: status (submitted -> 已受理 ...), kind (complaint -> 投诉,
 * suggestion -> 建议) and event kind (reply -> 答复 ...). Unknown codes
 * come back as they are. */
const char *sc_complaint_status_label(const char *status);
const char *sc_complaint_kind_label(const char *kind);
const char *sc_complaint_event_label(const char *event);

/* Append to the complaint's history inside the caller's transaction.
 * visible: 1 if the customer sees it (an internal note is 0); staff_id 0
 * for the customer or the system; status_after and text may be NULL.
 * 0, or -1 on a database failure. */
int sc_complaint_event(struct sc_req *req, const char *complaint_id,
                       const char *event, int visible, long long staff_id,
                       const char *status_after, const char *text);

/* Tell the customer through the outbox, inside the caller's transaction:
 * an SMS to msisdn, and the same text by email when email is not empty.
 * 0, or -1 on a database failure. */
int sc_complaint_notify(struct sc_req *req, const char *msisdn,
                        const char *email, const char *subject,
                        const char *body);

#endif
