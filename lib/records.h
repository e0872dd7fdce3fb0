/* What a change leaves behind: the acceptance record (业务异动) the customer
 * sees in the history, and messages to the customer in the outbox, which the
 * notify worker sends. Both are written inside the caller's transaction, so
 * they exist exactly when the change does. */
#ifndef SC_RECORDS_H
#define SC_RECORDS_H

#include "request.h"

/* result: "done", "pending" or "failed". 0, or -1 on a database failure. */
int sc_acceptance_add(struct sc_req *req, const char *msisdn,
                      const char *business, const char *result,
                      const char *detail);
/* channel: "email" or "sms". 0, or -1 on a database failure. */
int sc_outbox_add(struct sc_req *req, const char *channel,
                  const char *recipient, const char *subject, const char *body);

#endif
