/* points: totals and details by kind, exchange history, and the exchange
 * of points for rewards (SPEC Q-06..Q-08; the exchange follows X-02's rules:
 * the password is entered again and points and stock are checked and
 * deducted in one transaction). */
#ifndef POINTS_H
#define POINTS_H

#include <stdbool.h>

#include "selfcare.h"

/* Rows a page shows. The ledger grows a few rows a month; exchanges are
 * rarer, so their page is shorter. */
enum { LEDGER_PAGE_SIZE = 30, EXCHANGES_PAGE_SIZE = 10 };

/* summary.c */
int points_home(struct sc_req *req);
int points_ledger(struct sc_req *req);
int points_exchanges(struct sc_req *req);

/* exchange.c */
int exchange_catalogue(struct sc_req *req);
int exchange_confirm(struct sc_req *req);
int exchange_submit(struct sc_req *req);
int exchange_done(struct sc_req *req);

/* The Chinese name of a ledger kind (tenure -> 在网积分). */
const char *points_kind_label(const char *kind);
/* Points with thousands separators, as customers read them: "12,345". */
const char *points_fmt(sc_arena *a, long long points);

#endif
