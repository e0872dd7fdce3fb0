/* Complaint statistics (S-06) over a range of submission dates, within the
 * staff member's scope: counts by category, province and status, overdue,
 * escalated, re-complaints, satisfaction (average and distribution) and
 * the average handling time (submitted -> closed), per day, week or month.
 * The page draws server-rendered SVG bar charts (no script: the CSP allows
 * none); the CSV export lists the complaints themselves, streamed in keyset
 * chunks; the XML export is head office's report format
 * (schema/complaint-report.xsd), written with libxml2's xmlTextWriter. */
#include "workorders.h"

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_RANGE_DAYS = 366, DEFAULT_DAYS = 30, CSV_CHUNK = 500 };

#define RANGE " AND c.created_at >= ? AND c.created_at < ? + INTERVAL 1 DAY"

/* One statement for every breakdown but time and rating: at most
 * 4 categories x 31 provinces x 5 statuses rows, folded up in C. */
static const char SQL_GROUPS[] =
    "SELECT c.category, c.province_id, c.status, COUNT(*), SUM(c.overdue), "
    "SUM(c.escalated_at IS NOT NULL), SUM(c.recomplaint_count > 0), "
    "SUM(c.recomplaint_count), SUM(c.rating IS NOT NULL), "
    "IFNULL(SUM(c.rating), 0), SUM(c.closed_at IS NOT NULL), "
    "IFNULL(SUM(TIMESTAMPDIFF(SECOND, c.created_at, c.closed_at)), 0), "
    "SUM(c.kind = 'suggestion') FROM complaints c WHERE " WO_SCOPE RANGE
    " GROUP BY c.category, c.province_id, c.status";
static const char SQL_RATINGS[] =
    "SELECT c.rating, COUNT(*) FROM complaints c WHERE " WO_SCOPE RANGE
    " AND c.rating IS NOT NULL GROUP BY c.rating";
static const char SQL_PERIODS[] =
    "SELECT DATE_FORMAT(c.created_at, ?) AS k, COUNT(*), "
    "SUM(c.closed_at IS NOT NULL), SUM(c.overdue), "
    "SUM(c.recomplaint_count > 0) FROM complaints c WHERE " WO_SCOPE RANGE
    " GROUP BY k ORDER BY k";
static const char SQL_CSV_CHUNK[] =
    "SELECT c.id, c.track_no, c.kind, c.category, c.province_id, c.status, "
    "DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i:%s'), "
    "DATE_FORMAT(c.closed_at, '%Y-%m-%d %H:%i:%s'), "
    "TIMESTAMPDIFF(SECOND, c.created_at, c.closed_at), c.overdue, "
    "c.escalated_at IS NOT NULL, c.recomplaint_count, c.rating "
    "FROM complaints c WHERE " WO_SCOPE RANGE
    " AND c.id > ? ORDER BY c.id LIMIT ?";

/* ------------------------------------------------------------- range */

struct range {
    char from[9], to[9];           /* YYYYMMDD */
    char from_iso[11], to_iso[11]; /* YYYY-MM-DD */
    const char *period, *format;   /* day/week/month, its DATE_FORMAT */
};

/* Days since the epoch of a valid YYYYMMDD (the validator checked it). */
static long day_number(const char *ymd)
{
    int y, m, d;
    sscanf(ymd, "%4d%2d%2d", &y, &m, &d);
    struct tm tm = {
        .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
    return (long)(timegm(&tm) / 86400);
}

static void ymd_of(long day, char out[9])
{
    time_t t = (time_t)day * 86400 + 43200;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 9, "%Y%m%d", &tm);
}

/* The range from the request (default: the last 30 days up to today), or
 * a 400 with the reason. */
static int range_get(struct sc_req *req, struct range *r)
{
    const char *from = sc_field(req, "from"), *to = sc_field(req, "to");
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char today[9];
    strftime(today, sizeof today, "%Y%m%d", &tm);
    snprintf(r->to, sizeof r->to, "%s", to ? to : today);
    if (from)
        snprintf(r->from, sizeof r->from, "%s", from);
    else
        ymd_of(day_number(r->to) - (DEFAULT_DAYS - 1), r->from);
    long span = day_number(r->to) - day_number(r->from);
    if (span < 0)
        return sc_bad_request(req, "「开始日期」不能晚于「结束日期」。");
    if (span >= MAX_RANGE_DAYS)
        return sc_bad_request(
            req, sc_printf(req->arena, "统计区间最长%d天，请缩小日期范围。",
                           MAX_RANGE_DAYS));
    snprintf(r->from_iso, sizeof r->from_iso, "%.4s-%.2s-%.2s", r->from,
             r->from + 4, r->from + 6);
    snprintf(r->to_iso, sizeof r->to_iso, "%.4s-%.2s-%.2s", r->to, r->to + 4,
             r->to + 6);
    const char *p = sc_field(req, "period");
    r->period = p ? p : "day";
    r->format = strcmp(r->period, "month") == 0  ? "%Y-%m"
                : strcmp(r->period, "week") == 0 ? "%x-W%v"
                                                 : "%Y-%m-%d";
    return 0;
}

/* ------------------------------------------------------------- totals */

enum { NCAT = 4, NSTATUS = 5, NPROV = 100 };

struct tally {
    long long n, overdue, escalated, re, re_total, rated, rating_sum, closed,
        handling_seconds, suggestions;
};

struct stats {
    struct tally all, cat[NCAT], status[NSTATUS], prov[NPROV];
    long long ratings[6]; /* [1..5] */
    struct sc_rows *periods;
};

static int index_of(const char *const *codes, const char *code)
{
    for (int i = 0; codes[i]; i++)
        if (strcmp(codes[i], code) == 0)
            return i;
    return -1;
}

static void tally_add(struct tally *t, const struct tally *x)
{
    t->n += x->n;
    t->overdue += x->overdue;
    t->escalated += x->escalated;
    t->re += x->re;
    t->re_total += x->re_total;
    t->rated += x->rated;
    t->rating_sum += x->rating_sum;
    t->closed += x->closed;
    t->handling_seconds += x->handling_seconds;
    t->suggestions += x->suggestions;
}

static int stats_load(struct sc_req *req, const struct range *r,
                      struct stats *s, bool periods)
{
    memset(s, 0, sizeof *s);
    struct sc_rows *g = sc_db_query(req, SQL_GROUPS,
                                    "iiiiii"
                                    "ss",
                                    WO_SCOPE_ARGS(req), r->from, r->to);
    struct sc_rows *rt = g ? sc_db_query(req, SQL_RATINGS,
                                         "iiiiii"
                                         "ss",
                                         WO_SCOPE_ARGS(req), r->from, r->to)
                           : NULL;
    if (!rt)
        return -1;
    if (periods) {
        s->periods = sc_db_query(req, SQL_PERIODS,
                                 "s"
                                 "iiiiii"
                                 "ss",
                                 r->format, WO_SCOPE_ARGS(req), r->from, r->to);
        if (!s->periods)
            return -1;
    }
    for (int i = 0; i < g->n; i++) {
        struct tally x = {sc_cell_int(g, i, 3),  sc_cell_int(g, i, 4),
                          sc_cell_int(g, i, 5),  sc_cell_int(g, i, 6),
                          sc_cell_int(g, i, 7),  sc_cell_int(g, i, 8),
                          sc_cell_int(g, i, 9),  sc_cell_int(g, i, 10),
                          sc_cell_int(g, i, 11), sc_cell_int(g, i, 12)};
        tally_add(&s->all, &x);
        int c = index_of(WO_CATEGORIES, sc_cell(g, i, 0));
        int st = index_of(WO_STATUSES, sc_cell(g, i, 2));
        long long p = sc_cell_int(g, i, 1);
        if (c >= 0)
            tally_add(&s->cat[c], &x);
        if (st >= 0)
            tally_add(&s->status[st], &x);
        if (p > 0 && p < NPROV)
            tally_add(&s->prov[p], &x);
    }
    for (int i = 0; i < rt->n; i++) {
        long long v = sc_cell_int(rt, i, 0);
        if (v >= 1 && v <= 5)
            s->ratings[v] = sc_cell_int(rt, i, 1);
    }
    return 0;
}

/* num / den to `places` decimals, rounded half up in integers, so the
 * figure never depends on binary floating point (and equals what SQL's
 * ROUND gives for the same sums). "-" when den is 0. */
static const char *ratio(sc_arena *a, long long num, long long den, int places)
{
    if (den <= 0)
        return "-";
    long long scale = places == 2 ? 100 : 10;
    long long v = (2 * num * scale + den) / (2 * den);
    return places == 2 ? sc_printf(a, "%lld.%02lld", v / 100, v % 100)
                       : sc_printf(a, "%lld.%lld", v / 10, v % 10);
}

static const char *avg_rating(sc_arena *a, const struct tally *t)
{
    return ratio(a, t->rating_sum, t->rated, 2);
}

static const char *avg_hours(sc_arena *a, const struct tally *t)
{
    return ratio(a, t->handling_seconds, t->closed * 3600, 1);
}

/* ------------------------------------------------------------- page */

/* A horizontal bar chart in SVG user units: one row per item. */
enum { CH_W = 420, CH_LABEL = 96, CH_ROW = 24, CH_BAR = 16, CH_VALUE = 40 };

static sc_dict *chart_begin(sc_dict *d, const char *id, const char *title)
{
    sc_dict *c = sc_section(d, "CHART");
    sc_set(c, "CHART_ID", id);
    sc_set(c, "CHART_TITLE", title);
    sc_set_int(c, "W", CH_W);
    sc_set_int(c, "LABEL_X", CH_LABEL - 6);
    return c;
}

static void chart_bars(struct sc_req *req, sc_dict *c, int n,
                       const char *const *labels, const long long *values)
{
    long long max = 0;
    for (int i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    int span = CH_W - CH_LABEL - CH_VALUE;
    sc_buf desc;
    sc_buf_init(&desc, req->arena);
    sc_buf_puts(&desc, "");
    for (int i = 0; i < n; i++) {
        sc_dict *b = sc_section(c, "BAR");
        long long w = max ? values[i] * span / max : 0;
        if (values[i] > 0 && w < 2)
            w = 2;
        int y = 4 + i * CH_ROW;
        sc_set(b, "LABEL", labels[i]);
        sc_set_int(b, "VALUE", values[i]);
        sc_set_int(b, "X", CH_LABEL);
        sc_set_int(b, "Y", y);
        sc_set_int(b, "BW", w);
        sc_set_int(b, "BH", CH_BAR);
        sc_set_int(b, "TY", y + CH_BAR - 3);
        sc_set_int(b, "VX", CH_LABEL + w + 6);
        sc_buf_printf(&desc, "%s%s %lld", i ? "；" : "", labels[i], values[i]);
    }
    sc_set_int(c, "H", 8 + n * CH_ROW);
    sc_set(c, "DESC", desc.data);
}

static void tally_row(struct sc_req *req, sc_dict *row, const char *label,
                      const struct tally *t)
{
    sc_set(row, "LABEL", label);
    sc_set_int(row, "N", t->n);
    sc_set_int(row, "OVERDUE", t->overdue);
    sc_set_int(row, "ESCALATED", t->escalated);
    sc_set_int(row, "RE", t->re);
    sc_set_int(row, "CLOSED", t->closed);
    sc_set(row, "AVG_RATING", avg_rating(req->arena, t));
    sc_set(row, "AVG_HOURS", avg_hours(req->arena, t));
}

int stats_page(struct sc_req *req)
{
    struct range r;
    int status = range_get(req, &r);
    if (status)
        return status;
    struct stats s;
    if (stats_load(req, &r, &s, true) != 0 || sc_reference_load(req) != 0)
        return sc_db_failure_status();
    sc_arena *a = req->arena;

    sc_dict *d = sc_view(req, "workorders/stats.tpl", "投诉统计");
    sc_set(d, "UNIT", wo_unit_name(req));
    sc_set(d, "FROM", r.from);
    sc_set(d, "TO", r.to);
    sc_set(d, "FROM_ISO", r.from_iso);
    sc_set(d, "TO_ISO", r.to_iso);
    const char *periods[] = {"day", "week", "month"};
    const char *plabels[] = {"按日", "按周", "按月"};
    for (int i = 0; i < 3; i++) {
        sc_dict *o = sc_section(d, "PERIOD_OPTION");
        sc_set(o, "VALUE", periods[i]);
        sc_set(o, "LABEL", plabels[i]);
        if (strcmp(r.period, periods[i]) == 0)
            sc_show(o, "SELECTED");
    }
    const char *q =
        sc_printf(a, "from=%s&to=%s&period=%s", r.from, r.to, r.period);
    sc_set(d, "QUERY", q);

    sc_set_int(d, "TOTAL", s.all.n);
    sc_set_int(d, "SUGGESTIONS", s.all.suggestions);
    sc_set_int(d, "OVERDUE", s.all.overdue);
    sc_set_int(d, "ESCALATED", s.all.escalated);
    sc_set_int(d, "RE", s.all.re);
    sc_set_int(d, "RE_TOTAL", s.all.re_total);
    sc_set_int(d, "CLOSED", s.all.closed);
    sc_set_int(d, "RATED", s.all.rated);
    sc_set(d, "AVG_RATING", avg_rating(a, &s.all));
    sc_set(d, "AVG_HOURS", avg_hours(a, &s.all));
    if (s.all.n == 0)
        sc_show(d, "EMPTY");

    const char *labels[NPROV];
    long long values[NPROV];
    for (int i = 0; i < NCAT; i++) {
        tally_row(req, sc_section(d, "CATEGORY_ROW"),
                  wo_category_label(WO_CATEGORIES[i]), &s.cat[i]);
        labels[i] = wo_category_label(WO_CATEGORIES[i]);
        values[i] = s.cat[i].n;
    }
    chart_bars(req, chart_begin(d, "chart-category", "按分类"), NCAT, labels,
               values);
    for (int i = 0; i < NSTATUS; i++) {
        tally_row(req, sc_section(d, "STATUS_ROW"),
                  sc_complaint_status_label(WO_STATUSES[i]), &s.status[i]);
        labels[i] = sc_complaint_status_label(WO_STATUSES[i]);
        values[i] = s.status[i].n;
    }
    chart_bars(req, chart_begin(d, "chart-status", "按状态"), NSTATUS, labels,
               values);
    int np = 0;
    for (int p = 1; p < NPROV; p++) {
        if (!s.prov[p].n)
            continue;
        sc_dict *row = sc_section(d, "PROVINCE_ROW");
        tally_row(req, row, sc_province_name(p), &s.prov[p]);
        sc_set_int(row, "PROVINCE_ID", p);
        labels[np] = sc_province_name(p);
        values[np++] = s.prov[p].n;
    }
    if (np)
        chart_bars(req, chart_begin(d, "chart-province", "按省份"), np, labels,
                   values);
    for (int v = 5; v >= 1; v--) {
        sc_dict *row = sc_section(d, "RATING_ROW");
        sc_set_int(row, "STARS", v);
        sc_set_int(row, "COUNT", s.ratings[v]);
        labels[5 - v] = sc_printf(a, "%d分", v);
        values[5 - v] = s.ratings[v];
    }
    chart_bars(req, chart_begin(d, "chart-rating", "满意度分布"), 5, labels,
               values);

    struct sc_rows *pr = s.periods;
    int n = pr->n < NPROV ? pr->n : NPROV;
    for (int i = 0; i < pr->n; i++) {
        sc_dict *row = sc_section(d, "PERIOD_ROW");
        sc_set(row, "KEY", sc_cell(pr, i, 0));
        sc_set(row, "N", sc_cell(pr, i, 1));
        sc_set(row, "CLOSED", sc_cell(pr, i, 2));
        sc_set(row, "OVERDUE", sc_cell(pr, i, 3));
        sc_set(row, "RE", sc_cell(pr, i, 4));
        if (i < n) {
            labels[i] = sc_cell(pr, i, 0);
            values[i] = sc_cell_int(pr, i, 1);
        }
    }
    /* A year by day is too many bars to read: the table says it all. */
    if (n && n == pr->n)
        chart_bars(req, chart_begin(d, "chart-period", "按时间"), n, labels,
                   values);
    else if (pr->n)
        sc_show(d, "PERIOD_TOO_MANY");
    return 200;
}

/* -------------------------------------------------------------- CSV */

static void csv_row(sc_buf *b, sc_arena *a, struct sc_rows *r, int i)
{
    sc_csv_cell(b, sc_cell(r, i, 1), false);
    sc_csv_cell(b, sc_complaint_kind_label(sc_cell(r, i, 2)), false);
    sc_csv_cell(b, wo_category_label(sc_cell(r, i, 3)), false);
    sc_csv_cell(b, sc_province_name((int)sc_cell_int(r, i, 4)), false);
    sc_csv_cell(b, sc_complaint_status_label(sc_cell(r, i, 5)), false);
    sc_csv_cell(b, sc_cell(r, i, 6), false);
    sc_csv_cell(b, sc_cell(r, i, 7), false);
    sc_csv_cell(b,
                sc_cell(r, i, 8)
                    ? sc_printf(a, "%.1f", sc_cell_int(r, i, 8) / 3600.0)
                    : "",
                false);
    sc_csv_cell(b, sc_cell_int(r, i, 9) ? "是" : "否", false);
    sc_csv_cell(b, sc_cell_int(r, i, 10) ? "是" : "否", false);
    sc_csv_cell(b, sc_cell(r, i, 11), false);
    sc_csv_cell(b, sc_cell(r, i, 12), true);
}

int stats_csv(struct sc_req *req)
{
    struct range r;
    int status = range_get(req, &r);
    if (status)
        return status;
    if (sc_reference_load(req) != 0)
        return sc_db_failure_status();
    /* One snapshot for the whole file (repeatable read). */
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    sc_arena *req_arena = req->arena;
    sc_arena *chunk = sc_arena_new();
    req->arena = chunk;
    struct sc_rows *rows = sc_db_query(req, SQL_CSV_CHUNK,
                                       "iiiiii"
                                       "ss"
                                       "ii",
                                       WO_SCOPE_ARGS(req), r.from, r.to, 0LL,
                                       (long long)CSV_CHUNK);
    req->arena = req_arena;
    if (!rows) {
        sc_db_rollback(req);
        sc_arena_free(chunk);
        return sc_db_failure_status();
    }
    sc_header(req, "Content-Type", "text/csv; charset=utf-8");
    sc_header(req, "Content-Disposition",
              sc_printf(req->arena,
                        "attachment; filename=\"complaints-%s-%s.csv\"", r.from,
                        r.to));
    int rc = sc_stream_begin(req);
    sc_buf out;
    sc_buf_init(&out, req->arena);
    sc_buf_puts(&out, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    sc_buf_puts(&out, "受理编号,类型,分类,省份,状态,提交时间,办结时间,"
                      "处理时长(小时),超时,升级,再投诉次数,满意度\r\n");
    if (rc == 0)
        rc = sc_stream_write(req, out.data, out.len);
    if (req->head_only)
        rows = NULL;
    while (rc == 0 && rows && rows->n > 0) {
        req->arena = chunk;
        sc_buf_init(&out, chunk);
        for (int i = 0; i < rows->n; i++)
            csv_row(&out, chunk, rows, i);
        rc = sc_stream_write(req, out.data, out.len);
        bool more = rows->n == CSV_CHUNK;
        long long last = sc_cell_int(rows, rows->n - 1, 0);
        sc_arena_reset(chunk);
        rows = NULL;
        if (rc == 0 && more) {
            rows = sc_db_query(req, SQL_CSV_CHUNK,
                               "iiiiii"
                               "ss"
                               "ii",
                               WO_SCOPE_ARGS(req), r.from, r.to, last,
                               (long long)CSV_CHUNK);
            if (!rows) {
                sc_error("stats.csv: database failed after id %lld", last);
                rc = -1;
            }
        }
        req->arena = req_arena;
    }
    sc_db_rollback(req); /* read-only */
    sc_arena_free(chunk);
    return 200;
}

/* -------------------------------------------------------------- XML */

#define XNS "urn:selfcare:complaint-report:1"

static void x_tally(xmlTextWriterPtr w, sc_arena *a, const struct tally *t)
{
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "count", "%lld", t->n);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "overdue", "%lld",
                                      t->overdue);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "escalated", "%lld",
                                      t->escalated);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "recomplained", "%lld",
                                      t->re);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "closed", "%lld", t->closed);
    if (t->rated)
        xmlTextWriterWriteAttribute(w, BAD_CAST "averageRating",
                                    BAD_CAST avg_rating(a, t));
    if (t->closed)
        xmlTextWriterWriteAttribute(w, BAD_CAST "averageHandlingHours",
                                    BAD_CAST avg_hours(a, t));
}

static void x_group(xmlTextWriterPtr w, sc_arena *a, const char *element,
                    const char *code, const char *name, const struct tally *t)
{
    xmlTextWriterStartElement(w, BAD_CAST element);
    xmlTextWriterWriteAttribute(w, BAD_CAST "code", BAD_CAST code);
    xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name);
    x_tally(w, a, t);
    xmlTextWriterEndElement(w);
}

/* The report document; NULL if libxml2 failed. */
static xmlBufferPtr report_xml(struct sc_req *req, const struct range *r,
                               const struct stats *s)
{
    sc_arena *a = req->arena;
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    if (!w) {
        if (buf)
            xmlBufferFree(buf);
        return NULL;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char generated[32];
    strftime(generated, sizeof generated, "%Y-%m-%dT%H:%M:%S", &tm);
    xmlTextWriterSetIndent(w, 1);
    int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElementNS(w, NULL, BAD_CAST "complaintReport",
                                BAD_CAST XNS);
    xmlTextWriterWriteAttribute(w, BAD_CAST "from", BAD_CAST r->from_iso);
    xmlTextWriterWriteAttribute(w, BAD_CAST "to", BAD_CAST r->to_iso);
    xmlTextWriterWriteAttribute(w, BAD_CAST "period", BAD_CAST r->period);
    xmlTextWriterWriteAttribute(w, BAD_CAST "generated", BAD_CAST generated);
    xmlTextWriterWriteAttribute(w, BAD_CAST "unit", BAD_CAST wo_unit_name(req));

    xmlTextWriterStartElement(w, BAD_CAST "totals");
    x_tally(w, a, &s->all);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "suggestions", "%lld",
                                      s->all.suggestions);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "recomplaints", "%lld",
                                      s->all.re_total);
    xmlTextWriterEndElement(w);

    xmlTextWriterStartElement(w, BAD_CAST "byCategory");
    for (int i = 0; i < NCAT; i++)
        x_group(w, a, "category", WO_CATEGORIES[i],
                wo_category_label(WO_CATEGORIES[i]), &s->cat[i]);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "byProvince");
    for (int p = 1; p < NPROV; p++)
        if (s->prov[p].n)
            x_group(w, a, "province", sc_printf(a, "%02d", p),
                    sc_province_name(p), &s->prov[p]);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "byStatus");
    for (int i = 0; i < NSTATUS; i++)
        x_group(w, a, "status", WO_STATUSES[i],
                sc_complaint_status_label(WO_STATUSES[i]), &s->status[i]);
    xmlTextWriterEndElement(w);

    xmlTextWriterStartElement(w, BAD_CAST "satisfaction");
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "rated", "%lld",
                                      s->all.rated);
    if (s->all.rated)
        xmlTextWriterWriteAttribute(w, BAD_CAST "average",
                                    BAD_CAST avg_rating(a, &s->all));
    for (int v = 1; v <= 5; v++) {
        xmlTextWriterStartElement(w, BAD_CAST "rating");
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "value", "%d", v);
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "count", "%lld",
                                          s->ratings[v]);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);

    xmlTextWriterStartElement(w, BAD_CAST "periods");
    for (int i = 0; s->periods && i < s->periods->n; i++) {
        xmlTextWriterStartElement(w, BAD_CAST "period");
        xmlTextWriterWriteAttribute(w, BAD_CAST "key",
                                    BAD_CAST sc_cell(s->periods, i, 0));
        const char *names[] = {"count", "closed", "overdue", "recomplained"};
        for (int k = 0; k < 4; k++)
            xmlTextWriterWriteAttribute(w, BAD_CAST names[k],
                                        BAD_CAST sc_cell(s->periods, i, k + 1));
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w); /* complaintReport */
    if (rc < 0 || xmlTextWriterEndDocument(w) < 0) {
        xmlFreeTextWriter(w);
        xmlBufferFree(buf);
        return NULL;
    }
    xmlFreeTextWriter(w);
    return buf;
}

int stats_xml(struct sc_req *req)
{
    struct range r;
    int status = range_get(req, &r);
    if (status)
        return status;
    struct stats s;
    if (stats_load(req, &r, &s, true) != 0 || sc_reference_load(req) != 0)
        return sc_db_failure_status();
    xmlBufferPtr buf = report_xml(req, &r, &s);
    if (!buf)
        return 500;
    sc_header(req, "Content-Type", "application/xml; charset=utf-8");
    sc_header(req, "Content-Disposition",
              sc_printf(req->arena,
                        "attachment; filename=\"complaint-report-%s-%s.xml\"",
                        r.from, r.to));
    sc_write(req, (const char *)xmlBufferContent(buf),
             (size_t)xmlBufferLength(buf));
    xmlBufferFree(buf);
    return 200;
}
