/* billing: call details, monthly bills, real-time charges, payment history
 * and bills by email (SPEC Q-01..Q-05). */
#ifndef BILLING_H
#define BILLING_H

#include "selfcare.h"

int billing_home(struct sc_req *req);
int cdr_page(struct sc_req *req);
int cdr_csv(struct sc_req *req);
int bill_page(struct sc_req *req);
int realtime_page(struct sc_req *req);
int payments_page(struct sc_req *req);
int email_page(struct sc_req *req);
int email_submit(struct sc_req *req);

#endif
