#include "worker.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "log.h"

void sc_worker_config(const char *program, int argc, char **argv)
{
    const char *config = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "c:")) != -1) {
        if (opt != 'c')
            break;
        config = optarg;
    }
    if (opt == '?' || !config || optind != argc) {
        fprintf(stderr, "usage: %s -c selfcare.ini\n", argv[0]);
        exit(2);
    }
    char err[512];
    if (sc_config_load(config, program, err, sizeof err) != 0)
        sc_fatal("config: %s", err);
    sc_log_init(program, sc_cfg.log_level);
    if (sc_cfg.log_dir && sc_log_to_dir(sc_cfg.log_dir) != 0)
        sc_fatal("cannot open a log file in %s", sc_cfg.log_dir);
}

static volatile sig_atomic_t stopping;
static sigset_t idle_mask; /* the signal mask while waiting: TERM let in */

static void on_term(int sig)
{
    (void)sig;
    stopping = 1;
}

void sc_worker_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigaddset(&term, SIGINT);
    sigprocmask(SIG_BLOCK, &term, &idle_mask);
    sigdelset(&idle_mask, SIGTERM);
    sigdelset(&idle_mask, SIGINT);
}

/* The pending check matters: under steady load ppoll finds the socket
 * readable and returns without delivering a pending SIGTERM (measured: a
 * worker kept serving until supervisord's SIGKILL cut a request). */
bool sc_worker_stopping(void)
{
    if (stopping)
        return true;
    sigset_t pending;
    sigpending(&pending);
    return sigismember(&pending, SIGTERM) || sigismember(&pending, SIGINT);
}

void sc_worker_idle(int seconds)
{
    struct timespec ts = {.tv_sec = seconds};
    if (ppoll(NULL, 0, &ts, &idle_mask) < 0 && errno != EINTR)
        sc_error("ppoll: %s", strerror(errno));
}

int sc_worker_wait_readable(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int n = ppoll(&p, 1, NULL, &idle_mask);
    if (n < 0)
        return errno == EINTR ? 0 : -1;
    return 1;
}

void sc_worker_record(const char *what, long long id, int retry_seconds,
                      int (*once)(void *ctx), void *ctx)
{
    bool said = false;
    for (;;) {
        int rc = once(ctx);
        if (rc == 0)
            sc_warn("%s %lld was no longer pending; outcome not recorded", what,
                    id);
        if (rc >= 0)
            return;
        if (sc_worker_stopping()) {
            sc_error("%s %lld: outcome not recorded before exit; it is sent "
                     "again after its lease",
                     what, id);
            return;
        }
        if (!said)
            sc_warn("%s %lld: cannot record the outcome yet; retrying every "
                    "%d s",
                    what, id, retry_seconds);
        said = true;
        sc_worker_idle(retry_seconds);
    }
}

int sc_backoff_seconds(int first, int max, int attempts)
{
    long d = first;
    for (int i = 0; i < attempts && d < max; i++)
        d *= 2;
    return (int)(d < max ? d : max);
}

double sc_now_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}
