/* CSV as spreadsheets read it (RFC 4180, CRLF rows), safe to open: a cell
 * a spreadsheet would take for a formula (=, +, -, @, tab or CR first)
 * gets a leading single quote. Plain numbers are left alone so they stay
 * numbers (fees can be negative adjustments). */
#ifndef SC_CSV_H
#define SC_CSV_H

#include <stdbool.h>

#include "arena.h"

/* Appends one cell (NULL is empty), then "," or, for the last, CRLF. */
void sc_csv_cell(sc_buf *b, const char *s, bool last);

#endif
