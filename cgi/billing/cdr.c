/* Call details: the records of a date range, newest first, 50 a page
 * by keyset (start_time, id) on the primary key (msisdn, start_time, id),
 * never OFFSET; the totals of the whole range, summed from the page's own
 * rows when the range fits on one page (most do), else from the database
 * (on later pages within the page's statement); and the whole range as CSV,
 * streamed in keyset chunks. The session check and one statement per page
 * as a rule (three on the first page of a range longer than a page): each
 * statement costs the server more than these short PK ranges do. */
#include "billing.h"

#include <stdio.h>
#include <string.h>

#define PAGE_ROWS 50
#define CSV_CHUNK 1000

/* kind is NULL for every kind. The range is [from 00:00, to+1 00:00).
 * The rows strictly below the cursor (start_time, id). The first page's
 * cursor is (end of range, 0), which the range condition already implies. */
static const char SQL_CDR_ROWS[] =
    "SELECT start_time, id, kind, direction, peer, location, roaming, "
    "duration_s, volume_kb, fee_fen FROM cdrs WHERE msisdn = ? AND "
    "start_time >= ? AND start_time < ? AND (? IS NULL OR kind = ?) AND "
    "(start_time < ? OR (start_time = ? AND id < ?)) "
    "ORDER BY start_time DESC, id DESC LIMIT ?";
/* A later page in one statement: its rows as SQL_CDR_ROWS reads them,
 * each with the range's totals as one more column, "count duration volume
 * fee". The subquery refers to nothing outside it, so the server evaluates
 * it once per execution, not once a row (a join or UNION with the totals
 * would build a temporary table, and cost more). */
static const char SQL_CDR_PAGE[] =
    "SELECT start_time, id, kind, direction, peer, location, roaming, "
    "duration_s, volume_kb, fee_fen, (SELECT CONCAT_WS(' ', COUNT(*), "
    "COALESCE(SUM(duration_s), 0), COALESCE(SUM(volume_kb), 0), "
    "COALESCE(SUM(fee_fen), 0)) FROM cdrs WHERE msisdn = ? AND start_time "
    ">= ? AND start_time < ? AND (? IS NULL OR kind = ?)) FROM cdrs WHERE "
    "msisdn = ? AND start_time >= ? AND start_time < ? AND (? IS NULL OR "
    "kind = ?) AND (start_time < ? OR (start_time = ? AND id < ?)) "
    "ORDER BY start_time DESC, id DESC LIMIT ?";
/* The totals alone: for a first page when the range has more rows than
 * the page shows, and for a later page that came back empty (a stale or
 * edited cursor; the page still shows the whole range's figures). */
static const char SQL_CDR_TOTALS[] =
    "SELECT CONCAT_WS(' ', COUNT(*), COALESCE(SUM(duration_s), 0), "
    "COALESCE(SUM(volume_kb), 0), COALESCE(SUM(fee_fen), 0)) FROM cdrs "
    "WHERE msisdn = ? AND start_time >= ? AND start_time < ? AND (? IS NULL "
    "OR kind = ?)";

enum {
    C_TIME,
    C_ID,
    C_KIND,
    C_DIR,
    C_PEER,
    C_LOC,
    C_ROAM,
    C_DUR,
    C_VOL,
    C_FEE,
    C_TOTALS /* SQL_CDR_PAGE only */
};

struct range {
    const char *from, *to;   /* YYYYMMDD as asked (or the defaults) */
    const char *start, *end; /* "YYYY-MM-DD 00:00:00", end exclusive */
    const char *kind;        /* NULL = all */
    const char *after;       /* cursor text, NULL on the first page */
    const char *cur_time;    /* cursor: below (cur_time, cur_id) */
    unsigned long long cur_id;
};

static const char *ymd(sc_arena *a, const struct tm *t)
{
    return sc_printf(a, "%04d%02d%02d", t->tm_year + 1900, t->tm_mon + 1,
                     t->tm_mday);
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
 * Hinnant's civil calendar algorithms). Plain arithmetic where mktime()
 * would re-read the time zone file on every call: dates here carry no
 * time of day, so no zone is involved. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* "YYYYMMDD" + days as "YYYY-MM-DD 00:00:00". */
static const char *day_start(sc_arena *a, const char *yyyymmdd, int days)
{
    int y = 0, m = 0, d = 0;
    sscanf(yyyymmdd, "%4d%2d%2d", &y, &m, &d);
    civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
    return sc_printf(a, "%04d-%02d-%02d 00:00:00", y, m, d);
}

static const char *ymd_label(sc_arena *a, const char *s)
{
    return sc_printf(a, "%.4s年%.2s月%.2s日", s, s + 4, s + 6);
}

/* Reads and checks the range. 0, or 400 with req->error_message set. */
static int range_get(struct sc_req *req, struct range *r)
{
    sc_arena *a = req->arena;
    struct tm now;
    today_tm(&now);
    const char *today = ymd(a, &now);
    struct tm first = now;
    first.tm_mday = 1;
    const char *month_start = ymd(a, &first);
    /* "At most 6 months back": this month and the 5 before it, from the 1st
     * of the month 5 months before this one (in November: from 1 June). */
    int oldest = (now.tm_year + 1900) * 12 + now.tm_mon - 5; /* months */
    const char *earliest =
        sc_printf(a, "%04d%02d01", oldest / 12, oldest % 12 + 1);

    memset(r, 0, sizeof *r);
    r->from = sc_field(req, "from");
    r->to = sc_field(req, "to");
    if (!r->from)
        r->from = month_start;
    if (!r->to)
        r->to = today;
    r->kind = sc_field(req, "kind");
    r->after = sc_field(req, "after");

    /* YYYYMMDD strings compare like the dates they are. */
    if (strcmp(r->to, r->from) < 0)
        req->error_message = "「结束日期」不能早于「起始日期」。";
    else if (strcmp(r->from, earliest) < 0)
        req->error_message = sc_printf(
            a,
            "「起始日期」不能早于%s：网上只能查询最近6个月（含本月）的详单。",
            ymd_label(a, earliest));
    else if (strcmp(r->to, today) > 0)
        req->error_message = sc_printf(a, "「结束日期」不能晚于今天（%s）。",
                                       ymd_label(a, today));
    else if (r->after &&
             !sc_cursor_parse(a, r->after, &r->cur_time, &r->cur_id))
        req->error_message = "「翻页位置」无效，请从第一页重新查询。";
    if (req->error_message)
        return 400;

    r->start = day_start(a, r->from, 0);
    r->end = day_start(a, r->to, 1);
    if (!r->after) {
        r->cur_time = r->end;
        r->cur_id = 0;
    }
    return 0;
}

static struct sc_rows *rows_below(struct sc_req *req, const struct range *r,
                                  const char *cur_time,
                                  unsigned long long cur_id, long long limit)
{
    const char *msisdn = req->customer->msisdn;
    return sc_db_query(req, SQL_CDR_ROWS, "sssssssii", msisdn, r->start, r->end,
                       r->kind, r->kind, cur_time, cur_time, (long long)cur_id,
                       limit);
}

static const char *kind_label(const char *kind, const char *dir)
{
    bool in = strcmp(dir, "in") == 0;
    if (strcmp(kind, "voice") == 0)
        return in ? "语音被叫" : "语音主叫";
    if (strcmp(kind, "sms") == 0)
        return in ? "短信接收" : "短信发送";
    if (strcmp(kind, "data") == 0)
        return "上网";
    return "增值业务";
}

static const char *roaming_label(const char *roaming)
{
    if (strcmp(roaming, "domestic") == 0)
        return "国内漫游";
    if (strcmp(roaming, "international") == 0)
        return "国际漫游";
    return "本地";
}

/* 时长或流量 as a customer reads it. */
static const char *amount_text(sc_arena *a, const struct sc_rows *rows, int i)
{
    const char *kind = sc_cell(rows, i, C_KIND);
    if (strcmp(kind, "voice") == 0)
        return sc_duration(a, sc_cell_int(rows, i, C_DUR));
    if (strcmp(kind, "data") == 0)
        return sc_volume(a, sc_cell_int(rows, i, C_VOL));
    if (strcmp(kind, "sms") == 0)
        return "1条";
    return "—";
}

static const char *query_of(sc_arena *a, const struct range *r)
{
    return sc_printf(a, "from=%s&to=%s%s%s", r->from, r->to,
                     r->kind ? "&kind=" : "", r->kind ? r->kind : "");
}

static const struct {
    const char *value, *label;
} KIND_OPTIONS[] = {
    {"", "全部"},     {"voice", "语音"},   {"sms", "短信/彩信"},
    {"data", "上网"}, {"vas", "增值业务"},
};

static sc_dict *page_start(struct sc_req *req, const struct range *r)
{
    sc_dict *d = sc_view(req, "billing/cdr.tpl", "话费详单查询");
    billing_nav(req, d, "cdr");
    /* Echo what was asked (validated, or the defaults) into the form. */
    sc_set(d, "FROM", sc_field(req, "from") ? sc_field(req, "from") : r->from);
    sc_set(d, "TO", sc_field(req, "to") ? sc_field(req, "to") : r->to);
    const char *kind = sc_field(req, "kind") ? sc_field(req, "kind") : "";
    for (size_t i = 0; i < sizeof KIND_OPTIONS / sizeof KIND_OPTIONS[0]; i++) {
        sc_dict *o = sc_section(d, "KIND_OPTION");
        sc_set(o, "VALUE", KIND_OPTIONS[i].value);
        sc_set(o, "LABEL", KIND_OPTIONS[i].label);
        if (strcmp(kind, KIND_OPTIONS[i].value) == 0)
            sc_show(o, "SELECTED");
    }
    return d;
}

int cdr_page(struct sc_req *req)
{
    struct range r;
    if (range_get(req, &r) != 0) {
        /* The form again with the message; no records, no totals. */
        const char *why = req->error_message;
        sc_dict *d = page_start(req, &r);
        sc_set(sc_section(d, "ERROR"), "MESSAGE", why);
        return 400;
    }
    const char *msisdn = req->customer->msisdn;
    long long count = 0, dur = 0, vol = 0, fee = 0;
    const char *totals = NULL; /* "count duration volume fee" from the DB */
    struct sc_rows *rows;
    if (!r.after) {
        rows = rows_below(req, &r, r.cur_time, r.cur_id, PAGE_ROWS + 1);
        if (!rows)
            return sc_db_failure_status();
        /* Most ranges fit on one page: then the page's rows are the whole
         * range, and their sums are its totals, with no second scan. */
        for (int i = 0; i < rows->n && rows->n <= PAGE_ROWS; i++) {
            count++;
            dur += sc_cell_int(rows, i, C_DUR);
            vol += sc_cell_int(rows, i, C_VOL);
            fee += sc_cell_int(rows, i, C_FEE);
        }
    } else {
        rows = sc_db_query(req, SQL_CDR_PAGE, "ssssssssssssii", msisdn, r.start,
                           r.end, r.kind, r.kind, msisdn, r.start, r.end,
                           r.kind, r.kind, r.cur_time, r.cur_time,
                           (long long)r.cur_id, (long long)(PAGE_ROWS + 1));
        if (!rows)
            return sc_db_failure_status();
        if (rows->n > 0)
            totals = sc_cell(rows, 0, C_TOTALS);
    }
    if (r.after ? rows->n == 0 : rows->n > PAGE_ROWS) {
        struct sc_rows *t = sc_db_query(req, SQL_CDR_TOTALS, "sssss", msisdn,
                                        r.start, r.end, r.kind, r.kind);
        if (!t)
            return sc_db_failure_status();
        totals = sc_cell(t, 0, 0);
    }
    bool summed = !r.after && rows->n <= PAGE_ROWS;
    if (!summed && (!totals || sscanf(totals, "%lld %lld %lld %lld", &count,
                                      &dur, &vol, &fee) != 4)) {
        sc_error("cdr: totals unreadable: %s", totals ? totals : "NULL");
        return 500;
    }

    sc_arena *a = req->arena;
    sc_dict *d = page_start(req, &r);
    sc_dict *res = sc_section(d, "RESULT");
    sc_set(res, "RANGE",
           sc_printf(a, "%s至%s", ymd_label(a, r.from), ymd_label(a, r.to)));
    sc_set_int(res, "COUNT", count);
    sc_set_int(res, "DURATION_S", dur);
    sc_set(res, "DURATION", sc_duration(a, dur));
    sc_set_int(res, "VOLUME_KB", vol);
    sc_set(res, "VOLUME", sc_volume(a, vol));
    sc_set(res, "FEE_FEN", sc_printf(a, "%lld", fee));
    sc_set(res, "FEE", sc_yuan(a, fee));
    const char *q = query_of(a, &r);
    sc_set(res, "CSV_HREF", sc_printf(a, "/billing/cdr.csv?%s", q));

    int shown = rows->n > PAGE_ROWS ? PAGE_ROWS : rows->n;
    if (shown == 0)
        sc_show(res, "EMPTY");
    else
        sc_show(res, "TABLE");
    for (int i = 0; i < shown; i++) {
        sc_dict *row = sc_section(res, "ROW");
        sc_set(row, "ID", sc_cell(rows, i, C_ID));
        sc_set(row, "TIME", sc_cell(rows, i, C_TIME));
        sc_set(row, "KIND", sc_cell(rows, i, C_KIND));
        sc_set(row, "KIND_LABEL",
               kind_label(sc_cell(rows, i, C_KIND), sc_cell(rows, i, C_DIR)));
        sc_set(row, "PEER", sc_cell(rows, i, C_PEER));
        const char *roam = sc_cell(rows, i, C_ROAM);
        sc_set(row, "PLACE",
               strcmp(roam, "local") == 0
                   ? sc_cell(rows, i, C_LOC)
                   : sc_printf(a, "%s（%s）", sc_cell(rows, i, C_LOC),
                               roaming_label(roam)));
        sc_set(row, "AMOUNT", amount_text(a, rows, i));
        sc_set(row, "FEE", sc_yuan(a, sc_cell_int(rows, i, C_FEE)));
    }
    if (r.after)
        sc_set(sc_section(res, "FIRST"), "HREF",
               sc_printf(a, "/billing/cdr?%s", q));
    if (rows->n > PAGE_ROWS) {
        const char *next =
            sc_cursor_make(a, sc_cell(rows, PAGE_ROWS - 1, C_TIME),
                           sc_cell(rows, PAGE_ROWS - 1, C_ID));
        sc_set(sc_section(res, "NEXT"), "HREF",
               sc_printf(a, "/billing/cdr?%s&after=%s", q, next));
    }
    if (r.after || rows->n > PAGE_ROWS)
        sc_show(res, "PAGER");
    return 200;
}

/* ----------------------------------------------------------------- CSV */

int cdr_csv(struct sc_req *req)
{
    struct range r;
    if (range_get(req, &r) != 0)
        return 400; /* the error page with the message; no file */
    const char *msisdn = req->customer->msisdn;

    /* One snapshot for the whole file (InnoDB repeatable read), so records
     * arriving meanwhile cannot make the chunks overlap or the totals row
     * disagree with the rows. */
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    /* Each chunk's rows live in their own arena, reset after the chunk is
     * written: memory stays one chunk deep however long the range. */
    sc_arena *req_arena = req->arena;
    sc_arena *chunk = sc_arena_new();
    req->arena = chunk;
    struct sc_rows *rows = rows_below(req, &r, r.cur_time, r.cur_id, CSV_CHUNK);
    req->arena = req_arena;
    if (!rows) {
        sc_db_rollback(req);
        sc_arena_free(chunk);
        return sc_db_failure_status();
    }

    sc_header(req, "Content-Type", "text/csv; charset=utf-8");
    sc_header(req, "Content-Disposition",
              sc_printf(req->arena, "attachment; filename=\"cdr-%s-%s-%s.csv\"",
                        msisdn, r.from, r.to));
    int rc = sc_stream_begin(req);
    sc_buf out;
    sc_buf_init(&out, req->arena);
    sc_buf_puts(&out, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    sc_buf_puts(&out, "时间,类型,对方号码/业务,通话地,漫游,时长(秒),流量(KB),"
                      "费用(元)\r\n");
    if (rc == 0)
        rc = sc_stream_write(req, out.data, out.len);

    long long count = 0, dur = 0, vol = 0, fee = 0;
    if (req->head_only)
        rows = NULL; /* HEAD: the headers were all it asked for */
    while (rc == 0 && rows && rows->n > 0) {
        req->arena = chunk;
        sc_buf_init(&out, chunk);
        for (int i = 0; i < rows->n; i++) {
            long long d = sc_cell_int(rows, i, C_DUR),
                      v = sc_cell_int(rows, i, C_VOL),
                      f = sc_cell_int(rows, i, C_FEE);
            count++;
            dur += d;
            vol += v;
            fee += f;
            sc_csv_cell(&out, sc_cell(rows, i, C_TIME), false);
            sc_csv_cell(
                &out,
                kind_label(sc_cell(rows, i, C_KIND), sc_cell(rows, i, C_DIR)),
                false);
            sc_csv_cell(&out, sc_cell(rows, i, C_PEER), false);
            sc_csv_cell(&out, sc_cell(rows, i, C_LOC), false);
            sc_csv_cell(&out, roaming_label(sc_cell(rows, i, C_ROAM)), false);
            sc_csv_cell(&out, sc_printf(chunk, "%lld", d), false);
            sc_csv_cell(&out, sc_printf(chunk, "%lld", v), false);
            sc_csv_cell(&out, sc_yuan_plain(chunk, f), true);
        }
        rc = sc_stream_write(req, out.data, out.len);
        bool more = rows->n == CSV_CHUNK;
        const char *t = NULL;
        unsigned long long id = 0;
        if (more) {
            /* The next cursor outlives this chunk's arena. */
            t = sc_strdup(req_arena, sc_cell(rows, rows->n - 1, C_TIME));
            id = (unsigned long long)sc_cell_int(rows, rows->n - 1, C_ID);
        }
        sc_arena_reset(chunk);
        rows = NULL;
        if (rc == 0 && more)
            rows = rows_below(req, &r, t, id, CSV_CHUNK);
        req->arena = req_arena;
        if (more && rc == 0 && !rows) {
            /* Headers are gone: end the file without its totals row, so a
             * cut-off file is recognisable. */
            sc_error("cdr.csv: database failed after %lld rows", count);
            rc = -1;
        }
    }
    sc_db_rollback(req); /* read-only: nothing to commit */
    sc_arena_free(chunk);
    if (rc == 0 && !req->head_only) {
        sc_buf_init(&out, req->arena);
        sc_buf_printf(&out, "合计,%lld条,,,,%lld,%lld,%s\r\n", count, dur, vol,
                      sc_yuan_plain(req->arena, fee));
        sc_stream_write(req, out.data, out.len);
    }
    return 200;
}
