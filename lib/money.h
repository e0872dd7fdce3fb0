/* Amounts and quantities as customers read them. */
#ifndef SC_MONEY_H
#define SC_MONEY_H

#include "arena.h"

/* "¥12.34", "-¥0.50" from fen. */
const char *sc_yuan(sc_arena *a, long long fen);
/* "12.34" without the sign of currency, for CSV and inputs. */
const char *sc_yuan_plain(sc_arena *a, long long fen);
/* "1小时02分03秒", "45秒" from seconds. */
const char *sc_duration(sc_arena *a, long long seconds);
/* "512KB", "1.25MB", "2.00GB" from kilobytes. */
const char *sc_volume(sc_arena *a, long long kb);

#endif
