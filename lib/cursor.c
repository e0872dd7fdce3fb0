#include "cursor.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"
#include "validate.h"

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool sc_cursor_parse(sc_arena *a, const char *s, const char **time_out,
                     unsigned long long *id_out)
{
    size_t len = s ? strlen(s) : 0;
    if (len < 16 || len > 14 + 1 + 19 || s[14] != '-' || !digits(s, 14) ||
        !digits(s + 15, len - 15))
        return false;
    char date[9];
    memcpy(date, s, 8);
    date[8] = '\0';
    int hh = (s[8] - '0') * 10 + (s[9] - '0');
    int mi = (s[10] - '0') * 10 + (s[11] - '0');
    int ss = (s[12] - '0') * 10 + (s[13] - '0');
    if (!sc_valid_yyyymmdd(date) || hh > 23 || mi > 59 || ss > 59)
        return false;
    errno = 0;
    char *end;
    unsigned long long id = strtoull(s + 15, &end, 10);
    if (errno || *end || id > (unsigned long long)INT64_MAX)
        return false;
    *time_out = sc_printf(a, "%.4s-%.2s-%.2s %.2s:%.2s:%.2s", s, s + 4, s + 6,
                          s + 8, s + 10, s + 12);
    *id_out = id;
    return true;
}

const char *sc_cursor_make(sc_arena *a, const char *time, const char *id)
{
    char t[15];
    size_t n = 0;
    for (const char *p = time; *p && n < 14; p++)
        if (*p >= '0' && *p <= '9')
            t[n++] = *p;
    t[n] = '\0';
    return sc_printf(a, "%s-%s", t, id);
}

void sc_cursor_pager(struct sc_req *req, sc_dict *d, const char *base,
                     const struct sc_rows *r, int page_size, int time_col,
                     int id_col, bool paged)
{
    if (paged)
        sc_set(sc_section(d, "FIRST"), "HREF", base);
    if (r->n > page_size) {
        const char *cursor =
            sc_cursor_make(req->arena, sc_cell(r, page_size - 1, time_col),
                           sc_cell(r, page_size - 1, id_col));
        sc_set(sc_section(d, "NEXT"), "HREF",
               sc_printf(req->arena, "%s%sbefore=%s", base,
                         strchr(base, '?') ? "&" : "?", cursor));
    }
    if (paged || r->n > page_size)
        sc_show(d, "PAGER");
}
