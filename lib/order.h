/* Orders to the network (HLR/BOSS): an order is created with its pending
 * acceptance record inside the caller's transaction; the provision worker
 * sends it and settles both when the network answers. */
#ifndef SC_ORDER_H
#define SC_ORDER_H

#include "request.h"

/* action: "suspend", "resume", "loss", "feature" (then feature names it,
 * enabled says on or off, param may carry e.g. a forward-to number) or
 * "sim_swap" (param is the new card's ICCID, X-01).
 * business is the acceptance record's name (e.g. 手机报停); request_id, if
 * not NULL, makes a double submission one order. Returns the order id, 0
 * when request_id was already used, or -1 on bad input or a database
 * failure. */
long long sc_order_add(struct sc_req *req, const char *msisdn,
                       const char *action, const char *feature, int enabled,
                       const char *param, const char *business,
                       const char *request_id);
/* The order's XML (schema/provision.xsd); NULL if a value is outside what
 * the schema allows. */
const char *sc_order_xml(sc_arena *a, long long id, const char *msisdn,
                         const char *action, const char *feature, int enabled,
                         const char *param);

/* Chinese name of a supplementary feature (B-05), or the name itself. */
const char *sc_feature_label(const char *feature);

#endif
