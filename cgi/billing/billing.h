/* billing: call details, monthly bills, real-time charges, payment history
 * and bills by email (SPEC Q-01..Q-05). Every query is scoped by the
 * session's number (req->customer->msisdn), never by one from the request. */
#ifndef BILLING_H
#define BILLING_H

#include <stdbool.h>
#include <time.h>

#include "selfcare.h"

int billing_home(struct sc_req *req);
int cdr_page(struct sc_req *req);
int cdr_csv(struct sc_req *req);
int bill_page(struct sc_req *req);
int realtime_page(struct sc_req *req);
int payments_page(struct sc_req *req);
int email_page(struct sc_req *req);
int email_confirm(struct sc_req *req);
int email_submit(struct sc_req *req);
int email_done(struct sc_req *req);

/* ------------------------------------------------------------ bills */

/* Bill item categories, in the order a bill lists them. */
enum {
    BILL_MONTHLY_FEE,
    BILL_LOCAL,
    BILL_LONG_DISTANCE,
    BILL_ROAMING,
    BILL_SMS,
    BILL_DATA,
    BILL_VAS,
    BILL_DISCOUNT,
    BILL_CATEGORIES
};
extern const char *const bill_category_code[BILL_CATEGORIES]; /* ENUM value */
extern const char *const bill_category_label[BILL_CATEGORIES]; /* 月租费 ... */

#define BILL_MONTHS 6 /* how many closed bills a customer may look at */

struct bill {
    int month; /* YYYYMM */
    long long total, paid, balance;
    const char *closed_on, *due_on; /* YYYY-MM-DD */
};

/* The customer's last BILL_MONTHS closed bills, newest first, into out.
 * Returns how many (0..BILL_MONTHS), or -1 on a database failure. */
int bills_recent(struct sc_req *req, struct bill out[BILL_MONTHS]);
/* The amounts of one bill by category (0 where the bill has no such item).
 * 0, or -1 on a database failure. */
int bill_items(struct sc_req *req, int month,
               long long amounts[BILL_CATEGORIES]);
/* The bill of `month` among bills[0..n), or NULL. */
const struct bill *bill_find(const struct bill *bills, int n, int month);

/* ----------------------------------------------------------- shared */

/* "2026年10月" from 202610. */
const char *month_label(sc_arena *a, int yyyymm);
/* "138****8000": the number as mail subjects and screens may show it. */
const char *msisdn_masked(sc_arena *a, const char *msisdn);
/* Today as a broken-down local time (the server's time zone, the one the
 * database's NOW() uses). */
void today_tm(struct tm *out);
/* Sets the billing sub-menu (the services this customer may use) in the
 * page's dict, `current` marked. */
void billing_nav(struct sc_req *req, sc_dict *d, const char *current);

#endif
