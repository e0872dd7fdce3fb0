/* Sessions and CSRF. Customers and staff have separate cookies and tables,
 * so a customer session is never accepted in the back office and a staff
 * session never on customer pages. Tokens are 256-bit random values; only
 * their hash is stored. */
#ifndef SC_SESSION_H
#define SC_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "request.h"

#define SC_COOKIE_CUSTOMER "sc_sid"
#define SC_COOKIE_STAFF "sc_staff"
#define SC_COOKIE_CSRF "sc_csrf"

/* Token <-> cookie text (base64url, 43 chars) and stored hash. */
void sc_token_new(char out[44]);
int sc_token_hash(const char *cookie_value, unsigned char hash[32]);

/* Loads the session named by the request's cookie into req->customer or
 * req->staff. Returns 0 (a missing or expired session is not an error), or
 * -1 when the database failed. */
int sc_session_load_customer(struct sc_req *req);
int sc_session_load_staff(struct sc_req *req);
/* Creates a new session (rotating away any old one) and sets the cookie. */
int sc_session_start_customer(struct sc_req *req, const char *msisdn);
int sc_session_start_staff(struct sc_req *req, long long staff_id);
int sc_session_end_customer(struct sc_req *req);
int sc_session_end_staff(struct sc_req *req);
/* Marks that the customer re-entered the password just now. */
int sc_session_reauth(struct sc_req *req);

/* The CSRF token for this client, derived from its sc_csrf cookie (set here
 * when missing) with the application secret. */
const char *sc_csrf_prepare(struct sc_req *req);
bool sc_csrf_valid(const struct sc_req *req, const char *submitted);
/* Pure form of the derivation, for tests. */
void sc_csrf_token_for(const char *cookie_value, char out[44]);

#endif
