/* A worker's memory of the customer sessions it has read, so that a plain
 * page view (GET of a customer page) costs no session query. Every process
 * on the machine shares one counter, the epoch, in a small mapped file
 * ([app] session_epoch): ending or changing sessions anywhere advances it,
 * and every cached entry older than the epoch is dropped at once. Entries
 * also expire after a minute, which bounds what a change made outside the
 * programs (straight in the database) can go unseen. Without the file the
 * cache is off and every request reads the database. */
#ifndef SC_SESSION_CACHE_H
#define SC_SESSION_CACHE_H

#include <stdbool.h>

struct sc_session_row {
    char msisdn[12];
    char brand_code[17];
    int province_id;
    long long created, seen, reauth; /* unix times */
};

/* The row cached for this token hash if it is still good at now: the epoch
 * has not moved since it was stored, it is under a minute old, and the
 * session is within its idle and absolute limits. On a miss, *epoch_now
 * gets the epoch to store a row read after this call with. */
bool sc_session_cache_get(const unsigned char hash[32], long long now,
                          struct sc_session_row *out,
                          unsigned long long *epoch_now);
/* Stores a row read from the database after sc_session_cache_get returned
 * epoch_before: a change in between leaves the row already outdated. */
void sc_session_cache_put(const unsigned char hash[32],
                          const struct sc_session_row *row, long long now,
                          unsigned long long epoch_before);
/* The session's seen time was written to the database just now. */
void sc_session_cache_seen(const unsigned char hash[32], long long now);

/* Sessions were ended or changed (logout, password change, re-entry of the
 * password): every process forgets what it cached. */
void sc_sessions_changed(void);

#endif
