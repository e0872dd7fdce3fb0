/* What every long-running process shares (the FastCGI loop, notify,
 * provision): stopping cleanly on SIGTERM, waiting, and the retry backoff. */
#ifndef SC_WORKER_H
#define SC_WORKER_H

#include <stdbool.h>

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
/* Wall-clock milliseconds, for timing a send. */
double sc_now_ms(void);

#endif
