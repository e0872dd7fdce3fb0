/* Keyset pagination: a page's next link carries its last row's (time, id)
 * as "YYYYMMDDhhmmss-ID", and the next page reads the rows strictly below
 * that pair, so no list ever pages with OFFSET. */
#ifndef SC_CURSOR_H
#define SC_CURSOR_H

#include <stdbool.h>

#include "arena.h"

/* Parses a cursor strictly: a real date and time, then 1..19 digits. On
 * success sets *time_out to "YYYY-MM-DD HH:MM:SS" and *id_out. */
bool sc_cursor_parse(sc_arena *a, const char *s, const char **time_out,
                     unsigned long long *id_out);
/* The cursor of a row: its time (any form whose digits are YYYYMMDDhhmmss,
 * e.g. "2026-11-25 12:41:05") and its id. */
const char *sc_cursor_make(sc_arena *a, const char *time, const char *id);

#endif
