#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

static const char *log_program = "selfcare";
/* Read once: getpid() is a system call, and no program forks after start. */
static int log_pid;
static enum sc_log_level log_min = SC_LOG_INFO;
static const char *const level_names[] = {"debug", "info", "warn", "error"};

void sc_log_init(const char *program, const char *level)
{
    log_program = program;
    log_pid = (int)getpid();
    for (int i = 0; level && i < 4; i++)
        if (strcmp(level, level_names[i]) == 0)
            log_min = (enum sc_log_level)i;
}

size_t sc_log_escape(char *dst, size_t cap, const char *src, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < n && src[i]; i++) {
        unsigned char c = (unsigned char)src[i];
        char esc[4];
        size_t k = 0;
        if (c == '\n' || c == '\r' || c == '\t' || c == '\\') {
            esc[k++] = '\\';
            esc[k++] = c == '\n'   ? 'n'
                       : c == '\r' ? 'r'
                       : c == '\t' ? 't'
                                   : '\\';
        } else if (c < 0x20 || c == 0x7f) {
            esc[k++] = '\\';
            esc[k++] = 'x';
            esc[k++] = hex[c >> 4];
            esc[k++] = hex[c & 15];
        } else {
            esc[k++] = (char)c;
        }
        if (o + k >= cap)
            break; /* never half an escape */
        memcpy(dst + o, esc, k);
        o += k;
    }
    if (cap)
        dst[o] = '\0';
    return o;
}

/* Each line is built in one buffer and written with one write(2): lines of
 * workers sharing a file never interleave, and a line costs one syscall.
 * Values come from requests (a tracking number, a path): the message is
 * escaped whole, so no value can end the line and forge the next one. */
static void log_line(const char *level, const char *fmt, va_list ap)
{
    char line[2048], msg[2048];
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    size_t n = strftime(line, sizeof line, "%Y-%m-%d %H:%M:%S", &tm);
    n +=
        (size_t)snprintf(line + n, sizeof line - n,
                         ".%03ld %s[%d] %s: ", (long)(tv.tv_usec / 1000),
                         log_program, log_pid ? log_pid : (int)getpid(), level);
    int m = vsnprintf(msg, sizeof msg, fmt, ap);
    if (m > 0 && n < sizeof line - 1)
        n += sc_log_escape(line + n, sizeof line - 1 - n, msg,
                           (size_t)m < sizeof msg ? (size_t)m : sizeof msg - 1);
    line[n++] = '\n';
    ssize_t w = write(2, line, n);
    (void)w; /* nowhere left to report a failing log */
}

void sc_log(enum sc_log_level level, const char *fmt, ...)
{
    if (level < log_min)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_line(level_names[level], fmt, ap);
    va_end(ap);
}

void sc_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_line("fatal", fmt, ap);
    va_end(ap);
    exit(1);
}

static void log_access_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_line("access", fmt, ap);
    va_end(ap);
}

void sc_log_access(const char *method, const char *path, int status, double ms)
{
    if (log_min > SC_LOG_INFO)
        return;
    log_access_line("%s %s %s %d %.2fms", log_program, method, path, status,
                    ms);
}

int sc_log_to_dir(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.log", dir, log_program);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0)
        return -1;
    /* stderr becomes the file, so sanitizer reports land there too. */
    int rc = dup2(fd, 2) < 0 ? -1 : 0;
    close(fd);
    return rc;
}
