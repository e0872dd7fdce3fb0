#include "csv.h"

#include <string.h>

static bool is_number(const char *s)
{
    const char *p = s + (*s == '-');
    if (!*p)
        return false;
    bool dot = false;
    for (; *p; p++) {
        if (*p == '.' && !dot)
            dot = true;
        else if (*p < '0' || *p > '9')
            return false;
    }
    return true;
}

void sc_csv_cell(sc_buf *b, const char *s, bool last)
{
    if (!s)
        s = "";
    bool formula = *s && strchr("=+-@\t\r", *s) && !is_number(s);
    bool quote = formula || strpbrk(s, "\",\r\n") != NULL;
    if (quote)
        sc_buf_puts(b, "\"");
    if (formula)
        sc_buf_puts(b, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sc_buf_puts(b, "\"\"");
        else
            sc_buf_add(b, p, 1);
    }
    if (quote)
        sc_buf_puts(b, "\"");
    sc_buf_puts(b, last ? "\r\n" : ",");
}
