#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "request.h"

/* Statements are keyed by the address of their SQL text: every statement is
 * a static const array next to the code that runs it. */
struct cached_stmt {
    const char *sql;
    MYSQL_STMT *stmt;
};

enum { MAX_STMTS = 128, MAX_PARAMS = 32, MAX_COLS = 64, INLINE_CELL = 256 };

static MYSQL *conn;
static struct cached_stmt stmts[MAX_STMTS];
static int nstmts;
static bool in_tx;
static bool server_down;
static unsigned last_errno;

static bool is_connection_error(unsigned e)
{
    return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
           e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
           e == ER_SERVER_SHUTDOWN || e == ER_CONNECTION_KILLED ||
           e == CR_SERVER_LOST_EXTENDED || e == CR_COMMANDS_OUT_OF_SYNC;
}

void sc_db_close(void)
{
    for (int i = 0; i < nstmts; i++)
        mysql_stmt_close(stmts[i].stmt);
    nstmts = 0;
    if (conn)
        mysql_close(conn);
    conn = NULL;
    in_tx = false;
}

static bool db_connect(void)
{
    if (conn)
        return true;
    conn = mysql_init(NULL);
    if (!conn)
        return false;
    unsigned timeout = 2;
    mysql_optionsv(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    unsigned rw_timeout = 10;
    mysql_optionsv(conn, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
    mysql_optionsv(conn, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
    mysql_optionsv(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    if (!mysql_real_connect(conn, sc_cfg.db_host, sc_cfg.db_user,
                            sc_cfg.db_password, sc_cfg.db_name,
                            (unsigned)sc_cfg.db_port, sc_cfg.db_socket, 0)) {
        last_errno = mysql_errno(conn);
        if (!server_down)
            sc_error("db: connect failed: %s", mysql_error(conn));
        server_down = true;
        mysql_close(conn);
        conn = NULL;
        return false;
    }
    if (server_down)
        sc_info("db: connected again");
    server_down = false;
    /* Session times are local to the operator, matching what pages show. */
    mysql_query(conn, "SET time_zone = SYSTEM");
    return true;
}

static MYSQL_STMT *prepared(const char *sql)
{
    for (int i = 0; i < nstmts; i++)
        if (stmts[i].sql == sql)
            return stmts[i].stmt;
    MYSQL_STMT *st = mysql_stmt_init(conn);
    if (!st)
        return NULL;
    if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
        last_errno = mysql_stmt_errno(st);
        if (!is_connection_error(last_errno))
            sc_error("db: prepare failed (%u %s): %s", last_errno,
                     mysql_stmt_error(st), sql);
        mysql_stmt_close(st);
        return NULL;
    }
    if (nstmts == MAX_STMTS) { /* more distinct statements than expected */
        mysql_stmt_close(stmts[0].stmt);
        memmove(stmts, stmts + 1, sizeof stmts[0] * (MAX_STMTS - 1));
        nstmts--;
    }
    stmts[nstmts].sql = sql;
    stmts[nstmts].stmt = st;
    nstmts++;
    return st;
}

struct params {
    MYSQL_BIND bind[MAX_PARAMS];
    long long ints[MAX_PARAMS];
    unsigned long lens[MAX_PARAMS];
    my_bool nulls[MAX_PARAMS];
    int n;
};

static int collect_params(struct params *p, const char *types, va_list ap)
{
    memset(p, 0, sizeof *p);
    for (p->n = 0; types && types[p->n]; p->n++) {
        int i = p->n;
        if (i == MAX_PARAMS)
            return -1;
        MYSQL_BIND *b = &p->bind[i];
        switch (types[i]) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            b->buffer_type = MYSQL_TYPE_STRING;
            if (!s) {
                p->nulls[i] = 1;
                b->is_null = &p->nulls[i];
                break;
            }
            b->buffer = (void *)s;
            p->lens[i] = strlen(s);
            b->buffer_length = p->lens[i];
            b->length = &p->lens[i];
            break;
        }
        case 'i':
            p->ints[i] = va_arg(ap, long long);
            b->buffer_type = MYSQL_TYPE_LONGLONG;
            b->buffer = &p->ints[i];
            break;
        case 'b':
            b->buffer_type = MYSQL_TYPE_BLOB;
            b->buffer = (void *)va_arg(ap, const void *);
            p->lens[i] = (unsigned long)va_arg(ap, size_t);
            b->buffer_length = p->lens[i];
            b->length = &p->lens[i];
            break;
        default:
            return -1;
        }
    }
    return 0;
}

static struct sc_rows *fetch_rows(struct sc_req *req, MYSQL_STMT *st)
{
    struct sc_rows *rows = sc_alloc(req->arena, sizeof *rows);
    MYSQL_RES *meta = mysql_stmt_result_metadata(st);
    if (!meta)
        return rows; /* statement returns no result set */
    int cols = (int)mysql_num_fields(meta);
    mysql_free_result(meta);
    if (cols > MAX_COLS)
        return NULL;
    rows->cols = cols;

    MYSQL_BIND bind[MAX_COLS];
    char buf[MAX_COLS][INLINE_CELL];
    unsigned long lens[MAX_COLS];
    my_bool nulls[MAX_COLS], errs[MAX_COLS];
    memset(bind, 0, sizeof bind[0] * (size_t)cols);
    for (int c = 0; c < cols; c++) {
        bind[c].buffer_type = MYSQL_TYPE_STRING;
        bind[c].buffer = buf[c];
        bind[c].buffer_length = INLINE_CELL;
        bind[c].length = &lens[c];
        bind[c].is_null = &nulls[c];
        bind[c].error = &errs[c];
    }
    if (mysql_stmt_bind_result(st, bind) != 0 ||
        mysql_stmt_store_result(st) != 0)
        return NULL;
    int n = (int)mysql_stmt_num_rows(st);
    rows->cell = sc_alloc(req->arena, sizeof(char *) * (size_t)(n * cols + 1));
    rows->len = sc_alloc(req->arena, sizeof(size_t) * (size_t)(n * cols + 1));
    int r = 0;
    for (;;) {
        int rc = mysql_stmt_fetch(st);
        if (rc == MYSQL_NO_DATA)
            break;
        if (rc == 1 || r >= n)
            return NULL;
        for (int c = 0; c < cols; c++) {
            int k = r * cols + c;
            if (nulls[c])
                continue;
            char *v = sc_alloc(req->arena, lens[c] + 1);
            if (lens[c] > INLINE_CELL) { /* truncated: fetch it whole */
                MYSQL_BIND one;
                memset(&one, 0, sizeof one);
                one.buffer_type = MYSQL_TYPE_STRING;
                one.buffer = v;
                one.buffer_length = lens[c];
                if (mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0)
                    return NULL;
            } else {
                memcpy(v, buf[c], lens[c]);
            }
            rows->cell[k] = v;
            rows->len[k] = lens[c];
        }
        r++;
    }
    rows->n = r;
    mysql_stmt_free_result(st);
    return rows;
}

/* Runs one statement; want_rows selects query vs exec. On a lost connection
 * outside a transaction, reconnects and tries once more. */
static int run(struct sc_req *req, const char *sql, const char *types,
               va_list ap, struct sc_rows **rows_out, long long *affected)
{
    struct params p;
    if (collect_params(&p, types, ap) != 0) {
        sc_error("db: bad parameter types for: %s", sql);
        last_errno = 0;
        return -1;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!db_connect())
            return -1;
        MYSQL_STMT *st = prepared(sql);
        /* A type string longer or shorter than the statement once went
         * unnoticed (the extra argument was read from nowhere): refuse. */
        if (st && mysql_stmt_param_count(st) != (unsigned long)p.n) {
            sc_error("db: %d parameters for %lu placeholders: %s", p.n,
                     mysql_stmt_param_count(st), sql);
            last_errno = 0;
            return -1;
        }
        if (st && (p.n == 0 || mysql_stmt_bind_param(st, p.bind) == 0) &&
            mysql_stmt_execute(st) == 0) {
            if (rows_out) {
                *rows_out = fetch_rows(req, st);
                if (*rows_out)
                    return 0;
            } else {
                *affected = (long long)mysql_stmt_affected_rows(st);
                return 0;
            }
        }
        if (st)
            last_errno = mysql_stmt_errno(st);
        if (!is_connection_error(last_errno)) {
            /* A duplicate key is often the answer a caller expects (a
             * double submission, a taken username): not an error here. */
            if (st)
                sc_log(last_errno == ER_DUP_ENTRY ? SC_LOG_INFO : SC_LOG_ERROR,
                       "db: %u %s: %s", last_errno, mysql_stmt_error(st), sql);
            if (st)
                mysql_stmt_reset(st);
            return -1;
        }
        bool was_tx = in_tx;
        sc_warn("db: connection lost (%u), reconnecting", last_errno);
        sc_db_close();
        server_down = true;
        if (was_tx)
            return -1; /* the transaction is gone; the caller must fail */
    }
    return -1;
}

struct sc_rows *sc_db_query(struct sc_req *req, const char *sql,
                            const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    struct sc_rows *rows = NULL;
    int rc = run(req, sql, types, ap, &rows, NULL);
    va_end(ap);
    return rc == 0 ? rows : NULL;
}

long long sc_db_exec(struct sc_req *req, const char *sql, const char *types,
                     ...)
{
    va_list ap;
    va_start(ap, types);
    long long affected = -1;
    int rc = run(req, sql, types, ap, NULL, &affected);
    va_end(ap);
    return rc == 0 ? affected : -1;
}

long long sc_db_last_id(void)
{
    return conn ? (long long)mysql_insert_id(conn) : 0;
}

int sc_db_begin(struct sc_req *req)
{
    (void)req;
    if (!db_connect())
        return -1;
    if (mysql_query(conn, "START TRANSACTION") != 0) {
        last_errno = mysql_errno(conn);
        if (is_connection_error(last_errno)) {
            sc_warn("db: connection lost (%u), reconnecting", last_errno);
            sc_db_close();
            if (!db_connect() || mysql_query(conn, "START TRANSACTION") != 0)
                return -1;
        } else {
            return -1;
        }
    }
    in_tx = true;
    return 0;
}

int sc_db_commit(struct sc_req *req)
{
    (void)req;
    in_tx = false;
    if (!conn || mysql_commit(conn) != 0) {
        if (conn)
            last_errno = mysql_errno(conn);
        return -1;
    }
    return 0;
}

void sc_db_rollback(struct sc_req *req)
{
    (void)req;
    if (conn && in_tx)
        mysql_rollback(conn);
    in_tx = false;
}

int sc_db_failure_status(void)
{
    return (server_down || is_connection_error(last_errno)) ? 503 : 500;
}

unsigned sc_db_errno(void)
{
    return last_errno;
}

const char *sc_cell(const struct sc_rows *r, int row, int col)
{
    if (!r || row < 0 || row >= r->n || col < 0 || col >= r->cols)
        return NULL;
    return r->cell[row * r->cols + col];
}

long long sc_cell_int(const struct sc_rows *r, int row, int col)
{
    const char *v = sc_cell(r, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}
