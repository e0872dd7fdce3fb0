/* Passwords (argon2id) and the lockout that stops guessing: five wrong
 * passwords for one subject within the window lock it; too many from one
 * client address are refused too. State lives in the database so every
 * worker sees it. */
#ifndef SC_PASSWORD_H
#define SC_PASSWORD_H

#include <stdbool.h>

#include "request.h"

/* Costs: argon2id, t=2, m=19 MiB, the OWASP minimum; keeps a worker small. */
#define SC_PWHASH_OPS 2ULL
#define SC_PWHASH_MEM (19u * 1024u * 1024u)
#define SC_PWHASH_LEN 128

int sc_password_hash(const char *password, char out[SC_PWHASH_LEN]);
/* hash may be NULL (unknown account): a dummy hash is checked instead so the
 * answer takes as long as for a real one. */
bool sc_password_verify(const char *hash, const char *password);

struct sc_lock {
    bool locked;
    char until[20]; /* "YYYY-MM-DD HH:MM", local time */
};

/* Pure rule: given the unix times of recent failures (newest first), when
 * does the subject unlock? 0 = not locked. */
long long sc_lockout_until(const long long *failures, int n, long long now,
                           int threshold, int window, int minutes);

/* kind: "msisdn", "staff" or "ip". Each returns 0, or -1 on a database
 * failure. */
int sc_lockout_check(struct sc_req *req, const char *kind, const char *subject,
                     struct sc_lock *out);
int sc_lockout_fail(struct sc_req *req, const char *kind, const char *subject,
                    int threshold, struct sc_lock *out);
int sc_lockout_clear(struct sc_req *req, const char *kind, const char *subject);

/* The guard around every password check. Before: 0 to go on (with *lock
 * telling whether the subject is locked), or a status: 429 when the client
 * address is locked, 503/500 on a database failure. After a wrong password:
 * counts it for the subject and the address; 0 or a failure status. */
int sc_login_precheck(struct sc_req *req, const char *kind, const char *subject,
                      struct sc_lock *lock);
int sc_login_failed(struct sc_req *req, const char *kind, const char *subject,
                    struct sc_lock *lock);

#endif
