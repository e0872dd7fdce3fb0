/* Logging by level to stderr (supervisord keeps the file), one access line
 * per request. */
#ifndef SC_LOG_H
#define SC_LOG_H

#include <stddef.h>

enum sc_log_level { SC_LOG_DEBUG, SC_LOG_INFO, SC_LOG_WARN, SC_LOG_ERROR };

void sc_log_init(const char *program, const char *level);
void sc_log(enum sc_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sc_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));
void sc_log_access(const char *method, const char *path, int status, double ms);
/* Sends the log (and stderr) to DIR/PROGRAM.log, appended by every worker,
 * instead of through supervisord's pipe, which cost it ~36 us of CPU per
 * access line (measured). 0, or -1 if the file cannot be opened. */
int sc_log_to_dir(const char *dir);

/* Copies n bytes of src into dst (cap bytes, NUL-terminated) with CR, LF,
 * tab, backslash and other control characters escaped (\n, \x1b), stopping
 * before an escape that would not fit. Returns the length written. */
size_t sc_log_escape(char *dst, size_t cap, const char *src, size_t n);

#define sc_debug(...) sc_log(SC_LOG_DEBUG, __VA_ARGS__)
#define sc_info(...) sc_log(SC_LOG_INFO, __VA_ARGS__)
#define sc_warn(...) sc_log(SC_LOG_WARN, __VA_ARGS__)
#define sc_error(...) sc_log(SC_LOG_ERROR, __VA_ARGS__)

#endif
