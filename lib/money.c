#include "money.h"

const char *sc_yuan_plain(sc_arena *a, long long fen)
{
    long long abs_fen = fen < 0 ? -fen : fen;
    return sc_printf(a, "%s%lld.%02lld", fen < 0 ? "-" : "", abs_fen / 100,
                     abs_fen % 100);
}

const char *sc_yuan(sc_arena *a, long long fen)
{
    long long abs_fen = fen < 0 ? -fen : fen;
    return sc_printf(a, "%s¥%lld.%02lld", fen < 0 ? "-" : "", abs_fen / 100,
                     abs_fen % 100);
}

const char *sc_duration(sc_arena *a, long long s)
{
    if (s < 60)
        return sc_printf(a, "%lld秒", s);
    if (s < 3600)
        return sc_printf(a, "%lld分%02lld秒", s / 60, s % 60);
    return sc_printf(a, "%lld小时%02lld分%02lld秒", s / 3600, s / 60 % 60,
                     s % 60);
}

const char *sc_volume(sc_arena *a, long long kb)
{
    if (kb < 1024)
        return sc_printf(a, "%lldKB", kb);
    if (kb < 1024 * 1024)
        return sc_printf(a, "%lld.%02lldMB", kb / 1024, kb % 1024 * 100 / 1024);
    long long mb = kb / 1024;
    return sc_printf(a, "%lld.%02lldGB", mb / 1024, mb % 1024 * 100 / 1024);
}
