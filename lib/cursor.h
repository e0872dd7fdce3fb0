/* Keyset pagination: a page's next link carries its last row's (time, id)
 * as "YYYYMMDDhhmmss-ID", and the next page reads the rows strictly below
 * that pair, so no list ever pages with OFFSET. */
#ifndef SC_CURSOR_H
#define SC_CURSOR_H

#include <stdbool.h>

#include "arena.h"
#include "db.h"
#include "view.h"

struct sc_req;

/* Parses a cursor strictly: a real date and time, then 1..19 digits. On
 * success sets *time_out to "YYYY-MM-DD HH:MM:SS" and *id_out. */
bool sc_cursor_parse(sc_arena *a, const char *s, const char **time_out,
                     unsigned long long *id_out);
/* The cursor of a row: its time (any form whose digits are YYYYMMDDhhmmss,
 * e.g. "2026-11-25 12:41:05") and its id. */
const char *sc_cursor_make(sc_arena *a, const char *time, const char *id);

/* The pager of a keyset list whose query asked for page_size + 1 rows of r:
 * a FIRST link to base on a later page (paged), a NEXT link to base with
 * before=<cursor of row page_size - 1's time_col and id_col> when there is
 * more, and the PAGER section shown when either is. */
void sc_cursor_pager(struct sc_req *req, sc_dict *d, const char *base,
                     const struct sc_rows *r, int page_size, int time_col,
                     int id_col, bool paged);

#endif
