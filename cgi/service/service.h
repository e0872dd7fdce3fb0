/* service: business acceptance (SPEC 4.4): the overview of the line, the
 * acceptance history (B-13), password change (B-12), customer data change
 * (B-08), the PUK query and top-up cards (B-06). Every change writes
 * its acceptance record (业务异动) in the same transaction as the change. */
#ifndef SERVICE_H
#define SERVICE_H

#include <stdbool.h>

#include "selfcare.h"

/* Rows the overview lists, and a page of the history. */
enum { RECENT_ROWS = 5, HISTORY_PAGE_SIZE = 20 };

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

/* Chinese labels of the acceptances' channel and result columns. */
const char *service_channel_label(const char *channel);
const char *service_result_label(const char *result);
/* A keyset cursor "YYYYMMDDhhmmss-ID" parsed into a DATETIME literal and an
 * id; false when malformed. */
bool service_cursor_parse(const char *s, char at[20], long long *id);

#endif
