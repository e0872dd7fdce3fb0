/* What every long-running process shares (the FastCGI loop, notify,
 * provision): stopping cleanly on SIGTERM, waiting, and the retry backoff. */
#ifndef SC_WORKER_H
#define SC_WORKER_H

#include <stdbool.h>

/* A background worker's start: "PROGRAM -c selfcare.ini" parsed, the
 * configuration loaded (with [db.PROGRAM]) and the log opened. Exits with
 * a message on any failure. */
void sc_worker_config(const char *program, int argc, char **argv);
/* Blocks SIGTERM/SIGINT except while idle, so a worker never stops in the
 * middle of a message or an order. */
void sc_worker_signals(void);
/* True once SIGTERM arrived (also one still pending while busy). */
bool sc_worker_stopping(void);
/* Sleeps up to seconds; a SIGTERM ends the wait at once. */
void sc_worker_idle(int seconds);
/* Waits until fd is readable (1) or a SIGTERM arrives (0); -1 on error. */
int sc_worker_wait_readable(int fd);
/* Seconds before the next try after `attempts` earlier ones: first,
 * doubling, capped at max. */
int sc_backoff_seconds(int first, int max, int attempts);
/* Records the outcome of item `id` (what: "outbox", "order") by calling
 * once(ctx) until it stops failing: 1 recorded, 0 the item was no longer
 * pending, -1 the database failed (retried every retry_seconds). A sent item
 * that is not recorded would be sent again once its lease runs out, so only
 * a SIGTERM ends the retrying. */
void sc_worker_record(const char *what, long long id, int retry_seconds,
                      int (*once)(void *ctx), void *ctx);
/* Wall-clock milliseconds, for timing a send. */
double sc_now_ms(void);

#endif
