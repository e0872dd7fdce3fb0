/* points: totals and details by kind, exchange history, and the exchange
 * of points for rewards (SPEC Q-06..Q-08). */
#ifndef POINTS_H
#define POINTS_H

#include "selfcare.h"

int points_home(struct sc_req *req);

#endif
