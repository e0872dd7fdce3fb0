/* MariaDB through Connector/C: one connection per worker, prepared statements
 * only (each prepared once per connection and reused), transactions, and
 * reconnection after the server comes back. */
#ifndef SC_DB_H
#define SC_DB_H

#include <stddef.h>

struct sc_req;

struct sc_rows {
    int n, cols;
    const char **cell; /* n * cols values as text; NULL for SQL NULL */
    size_t *len;
};

/* Parameters are described by a type string, one letter each:
 *   s  const char *  (NULL binds SQL NULL)
 *   i  long long
 *   b  const void *, size_t   (binary)
 * Results are always text in the request's arena. */
struct sc_rows *sc_db_query(struct sc_req *req, const char *sql,
                            const char *types, ...);
/* Affected rows, or -1 on error. */
long long sc_db_exec(struct sc_req *req, const char *sql, const char *types,
                     ...);
long long sc_db_last_id(void);

int sc_db_begin(struct sc_req *req);
int sc_db_commit(struct sc_req *req);
void sc_db_rollback(struct sc_req *req);

/* After a failed call: 503 when the server is unreachable, else 500. */
int sc_db_failure_status(void);
/* Status of the last failure as an SQL error number (0 if none). */
unsigned sc_db_errno(void);

const char *sc_cell(const struct sc_rows *r, int row, int col);
long long sc_cell_int(const struct sc_rows *r, int row, int col);

/* Closes the connection and all prepared statements (worker exit). */
void sc_db_close(void);

#endif
