/* The audit log: every staff action, with who, what, on what, and from where.
 */
#ifndef SC_AUDIT_H
#define SC_AUDIT_H

#include "request.h"

/* Uses req->staff when set; username names the actor otherwise (a failed
 * login). Returns 0, or -1 on a database failure. */
int sc_audit(struct sc_req *req, const char *username, const char *action,
             const char *target, const char *detail);

#endif
