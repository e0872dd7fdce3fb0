#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *log_program = "selfcare";
static enum sc_log_level log_min = SC_LOG_INFO;
static const char *const level_names[] = {"debug", "info", "warn", "error"};

void sc_log_init(const char *program, const char *level)
{
    log_program = program;
    for (int i = 0; level && i < 4; i++)
        if (strcmp(level, level_names[i]) == 0)
            log_min = (enum sc_log_level)i;
}

static void log_prefix(const char *level)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ld %s[%d] %s: ", when, (long)(tv.tv_usec / 1000),
            log_program, (int)getpid(), level);
}

void sc_log(enum sc_log_level level, const char *fmt, ...)
{
    if (level < log_min)
        return;
    log_prefix(level_names[level]);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
}

void sc_fatal(const char *fmt, ...)
{
    log_prefix("fatal");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void sc_log_access(const char *method, const char *path, int status, double ms)
{
    if (log_min > SC_LOG_INFO)
        return;
    log_prefix("access");
    fprintf(stderr, "%s %s %s %d %.2fms\n", log_program, method, path, status,
            ms);
    fflush(stderr);
}
