/* gen-data.c: the generator behind scripts/gen-data. Writes synthetic
 * subscribers, call records, bills, bill items, payments and points as TSV
 * files that the script bulk-loads with LOAD DATA. Deterministic for a given
 * seed and "now"; no database access (the script passes the segments, the
 * numbers to avoid and the id bases in).
 *
 * Built on the fly by scripts/gen-data with cc -O2 (plain C11, libc and libm
 * only): it writes about 10 million rows in seconds where a script language
 * would take minutes.
 *
 * The rules the data follows (and the billing pages rely on):
 *   - months: the K calendar months before the current one (closed) and the
 *     current one up to "now"; records per subscriber and month vary
 *     (log-normal activity, a monthly wobble), the total is exactly --cdrs;
 *   - each month's file is in primary-key order (msisdn, start_time, id)
 *     and ids grow along it, so both of the cdrs table's indexes are
 *     appended to, never split;
 *   - bill categories from call records, as in schema/demo/040_billing.sql:
 *       local          voice, roaming local, peer not starting with '0'
 *       long_distance  voice, roaming local, peer starting with '0'
 *       roaming        voice, roaming domestic or international
 *       sms, data, vas by kind
 *     plus monthly_fee (the plan's) and discount (<= 0); a bill for month M
 *     covers start_time in M and closes on bill_day of M+1; it exists only
 *     when that day has come; every bill has all eight items;
 *   - balance: an opening balance at the start of the first month; each
 *     bill takes its total off when it closes (bills.balance_fen is the
 *     balance then), payments add; subscribers.balance_fen = opening +
 *     payments - bill totals. bills.paid_fen = the payments made between
 *     its closing and the next closing (or now);
 *   - points: for every kind, points_balances = SUM(points_ledger).
 *
 * Progress goes to stdout as "progress DONE TOTAL" lines (the script draws
 * the bar), the summary as "rows FILE N" lines. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen-data: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        die("out of memory", NULL);
    return p;
}

/* splitmix64: small, fast, and good enough for synthetic data. Every
 * subscriber-month has its own stream derived from (seed, subscriber,
 * month), so a cell's records do not depend on the order of generation. */
struct rng {
    uint64_t s;
};

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t next64(struct rng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL;
    return mix64(r->s);
}

static struct rng rng_for(uint64_t seed, uint64_t a, uint64_t b)
{
    struct rng r = {mix64(seed * 0x9e3779b97f4a7c15ULL +
                          a * 0xd1b54a32d192ed03ULL +
                          b * 0x8cb92ba72f3d8dd7ULL + 1)};
    return r;
}

/* Uniform in [0, n). */
static uint32_t below(struct rng *r, uint32_t n)
{
    return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

static double unif(struct rng *r)
{
    return (double)(next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double normal(struct rng *r)
{
    double u = unif(r), v = unif(r);
    if (u < 1e-300)
        u = 1e-300;
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Log-normal with the given median, capped. */
static uint32_t lognorm(struct rng *r, double median, double sigma, double lo,
                        double hi)
{
    double x = median * exp(sigma * normal(r));
    if (x < lo)
        x = lo;
    if (x > hi)
        x = hi;
    return (uint32_t)x;
}

/* Pick an index by integer weights (small tables). */
static int pick(struct rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = (int)below(r, (uint32_t)total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* ------------------------------------------------------------ calendar */

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant). */
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
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* ------------------------------------------------------------ output */

struct out {
    FILE *f;
    char *buf;
    size_t len;
    uint64_t rows;
    char name[64];
};

#define OUTBUF (1 << 20)

static char outdir[4096];

static void out_open(struct out *o, const char *name)
{
    char path[4200];
    snprintf(o->name, sizeof o->name, "%s", name);
    snprintf(path, sizeof path, "%s/%s", outdir, name);
    o->f = fopen(path, "wb");
    if (!o->f)
        die("cannot write", path);
    o->buf = xmalloc(OUTBUF + 4096);
    o->len = 0;
    o->rows = 0;
}

static void out_flush(struct out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
        die("write failed (disk full?)", o->name);
    o->len = 0;
}

static void out_close(struct out *o)
{
    out_flush(o);
    if (fclose(o->f) != 0)
        die("write failed (disk full?)", o->name);
    free(o->buf);
    printf("rows %s %llu\n", o->name, (unsigned long long)o->rows);
}

/* Called after each row: rows are short (< 4 KiB), so checking once per
 * row keeps every append below unchecked. */
static void out_row(struct out *o)
{
    o->buf[o->len++] = '\n';
    o->rows++;
    if (o->len >= OUTBUF)
        out_flush(o);
}

static void put(struct out *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void tab(struct out *o)
{
    o->buf[o->len++] = '\t';
}

static void putu(struct out *o, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        o->buf[o->len++] = tmp[--n];
}

static void puti(struct out *o, int64_t v)
{
    if (v < 0) {
        o->buf[o->len++] = '-';
        putu(o, (uint64_t)(-v));
    } else {
        putu(o, (uint64_t)v);
    }
}

/* Zero-padded to w digits. */
static void putz(struct out *o, uint64_t v, int w)
{
    for (int i = w - 1; i >= 0; i--) {
        o->buf[o->len + (size_t)i] = (char)('0' + v % 10);
        v /= 10;
    }
    o->len += (size_t)w;
}

static void put_date(struct out *o, long day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    putz(o, (uint64_t)y, 4);
    o->buf[o->len++] = '-';
    putz(o, (uint64_t)m, 2);
    o->buf[o->len++] = '-';
    putz(o, (uint64_t)d, 2);
}

/* A DATETIME from seconds since the epoch (local time, no zone). */
static void put_time(struct out *o, int64_t t)
{
    put_date(o, (long)(t / 86400));
    long s = (long)(t % 86400);
    o->buf[o->len++] = ' ';
    putz(o, (uint64_t)(s / 3600), 2);
    o->buf[o->len++] = ':';
    putz(o, (uint64_t)(s / 60 % 60), 2);
    o->buf[o->len++] = ':';
    putz(o, (uint64_t)(s % 60), 2);
}

/* ------------------------------------------------------------ reference */

enum { GOTONE, EASYOWN, MZONE, NBRANDS };
static const char *const brand_code[NBRANDS] = {"gotone", "easyown", "mzone"};

struct plan {
    const char *name;
    int fee_fen;
};
/* Plans per brand, with how common each is. */
static const struct plan plans[NBRANDS][4] = {
    {{"全球通58元套餐", 5800},
     {"全球通88元套餐", 8800},
     {"全球通128元套餐", 12800},
     {"全球通188元套餐", 18800}},
    {{"神州行轻松卡", 500},
     {"神州行畅听卡", 1000},
     {"神州行家园卡", 1500},
     {"神州行大众卡", 2000}},
    {{"动感地带音乐套餐18元", 1800},
     {"动感地带校园套餐28元", 2800},
     {"动感地带网聊套餐38元", 3800},
     {"动感地带畅享套餐58元", 5800}},
};
static const int plan_weight[NBRANDS][4] = {
    {35, 35, 20, 10}, {30, 35, 25, 10}, {25, 40, 25, 10}};

/* Record kinds per brand: voice, sms, data, vas (percent). */
static const int kind_weight[NBRANDS][4] = {
    {55, 15, 25, 5}, {60, 20, 15, 5}, {30, 35, 30, 5}};
static const char *const kind_name[4] = {"voice", "sms", "data", "vas"};

/* Local voice per started minute (fen); out-of-city adds 11. */
static const int local_rate[NBRANDS] = {19, 25, 20};
/* Data included in the plan per month (KB); beyond it 0.10 元/MB. */
static const uint32_t data_quota_kb[NBRANDS] = {1048576, 102400, 512000};

static const int hour_weight[24] = {2,  1,  1,  1,  1,  2,  4,  7,
                                    10, 11, 12, 12, 11, 10, 10, 10,
                                    10, 10, 11, 13, 14, 13, 9,  5};
static int hour_cum[24], hour_total;

static const char *const abroad[] = {"香港", "澳门",   "台北", "东京",
                                     "首尔", "新加坡", "曼谷", "纽约",
                                     "伦敦", "悉尼",   "巴黎", "法兰克福"};
static const char *const area_codes[] = {
    "010",  "021",  "022",  "023",  "020",  "0571", "025",  "027",  "028",
    "029",  "024",  "0431", "0451", "0531", "0371", "0731", "0791", "0551",
    "0591", "0771", "0898", "0851", "0871", "0891", "0311", "0351", "0471",
    "0931", "0971", "0951", "0991", "0755", "0532", "0592", "0512", "0574"};
struct vas {
    const char *name;
    int fee_fen;
};
static const struct vas vas_items[] = {
    {"彩铃", 500},     {"手机报", 300},         {"139邮箱", 500},
    {"飞信会员", 500}, {"无线音乐俱乐部", 600}, {"天气预报", 300},
    {"手机阅读", 200}, {"游戏点播", 800},       {"手机视频", 1000},
    {"号簿管家", 200}};
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

struct segment {
    uint32_t prefix; /* 7 digits */
    int city_id, province_id, brand, city;
};
static struct segment *segs;
static int nsegs;
static char **city_names; /* distinct names; segment.city indexes this */
static int ncities;

static int city_index(const char *name)
{
    for (int i = ncities - 1; i >= 0; i--)
        if (strcmp(city_names[i], name) == 0)
            return i;
    if ((ncities & 511) == 0)
        city_names =
            realloc(city_names, sizeof *city_names * (size_t)(ncities + 512));
    if (!city_names)
        die("out of memory", NULL);
    city_names[ncities] = strdup(name);
    return ncities++;
}

static void load_segments(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read", path);
    char line[512], city[256], brand[32];
    int cap = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned prefix;
        int city_id, province_id;
        if (sscanf(line, "%u\t%d\t%d\t%31[^\t]\t%255[^\t\n]", &prefix, &city_id,
                   &province_id, brand, city) != 5)
            continue;
        int b = -1;
        for (int i = 0; i < NBRANDS; i++)
            if (strcmp(brand, brand_code[i]) == 0)
                b = i;
        if (b < 0 || prefix < 1300000 || prefix > 1999999)
            continue;
        if (nsegs == cap) {
            cap = cap ? cap * 2 : 4096;
            segs = realloc(segs, sizeof *segs * (size_t)cap);
            if (!segs)
                die("out of memory", NULL);
        }
        segs[nsegs++] =
            (struct segment){prefix, city_id, province_id, b, city_index(city)};
    }
    fclose(f);
    if (!nsegs)
        die("no usable segments in", path);
}

static uint64_t *excluded;
static size_t nexcluded;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void load_excluded(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read", path);
    size_t cap = 0;
    char line[64];
    while (fgets(line, sizeof line, f)) {
        uint64_t v = strtoull(line, NULL, 10);
        if (!v)
            continue;
        if (nexcluded == cap) {
            cap = cap ? cap * 2 : 1024;
            excluded = realloc(excluded, sizeof *excluded * cap);
            if (!excluded)
                die("out of memory", NULL);
        }
        excluded[nexcluded++] = v;
    }
    fclose(f);
    qsort(excluded, nexcluded, sizeof *excluded, cmp_u64);
}

static int is_excluded(uint64_t v)
{
    return nexcluded &&
           bsearch(&v, excluded, nexcluded, sizeof v, cmp_u64) != NULL;
}

/* ------------------------------------------------------------ model */

enum { C_FEE, C_LOCAL, C_LD, C_ROAM, C_SMS, C_DATA, C_VAS, C_DISC, NCAT };
static const char *const cat_name[NCAT] = {
    "monthly_fee", "local", "long_distance", "roaming",
    "sms",         "data",  "vas",           "discount"};

struct sub {
    uint64_t msisdn;
    int seg, brand, plan, bill_day, disc_pct, tenure_years, postpaid;
    double weight;
    char status; /* 'a' active, 's' suspended */
    char email;  /* has a 139.com bill address */
    long created_day;
    int64_t opening; /* balance at the start of the first month */
};

struct month {
    int y, m;
    long first_day; /* day number of the 1st */
    int64_t start;  /* seconds */
    int64_t end;    /* exclusive: the 1st of the next month, or now */
    double span;    /* days covered */
};

static struct sub *subs;
static int nsubs;
static struct month *months;
static int nmonths;   /* closed months + the current one */
static int32_t *sums; /* [sub][closed month][category] */
static uint64_t seed;
static int64_t now_s;
static long today;

static int32_t *sum_at(int s, int m)
{
    return sums + ((size_t)s * (size_t)(nmonths - 1) + (size_t)m) * NCAT;
}

static int cmp_sub(const void *a, const void *b)
{
    uint64_t x = ((const struct sub *)a)->msisdn,
             y = ((const struct sub *)b)->msisdn;
    return (x > y) - (x < y);
}

static void make_subscribers(void)
{
    subs = xmalloc(sizeof *subs * (size_t)nsubs);
    uint64_t *nums = xmalloc(sizeof *nums * (size_t)nsubs);
    int have = 0;
    struct rng r = rng_for(seed, 0xabc, 1);
    /* Draw, sort, drop duplicates and excluded numbers, draw again for the
     * shortfall: a handful of rounds even when the segments are crowded. */
    for (int round = 0; have < nsubs; round++) {
        if (round > 50)
            die("cannot find enough free numbers in the segments", NULL);
        while (have < nsubs) {
            const struct segment *sg = &segs[below(&r, (uint32_t)nsegs)];
            nums[have++] = (uint64_t)sg->prefix * 10000 + below(&r, 10000);
        }
        qsort(nums, (size_t)have, sizeof *nums, cmp_u64);
        int w = 0;
        for (int i = 0; i < have; i++) {
            if ((w && nums[w - 1] == nums[i]) || is_excluded(nums[i]))
                continue;
            nums[w++] = nums[i];
        }
        have = w;
    }
    /* Segment of each number: binary search on the sorted prefixes. */
    for (int i = 0; i < nsubs; i++) {
        struct sub *s = &subs[i];
        s->msisdn = nums[i];
        uint32_t prefix = (uint32_t)(nums[i] / 10000);
        int lo = 0, hi = nsegs - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (segs[mid].prefix < prefix)
                lo = mid + 1;
            else
                hi = mid;
        }
        s->seg = lo;
    }
    free(nums);
    qsort(subs, (size_t)nsubs, sizeof *subs, cmp_sub);
    for (int i = 0; i < nsubs; i++) {
        struct sub *s = &subs[i];
        struct rng q = rng_for(seed, s->msisdn, 2);
        s->brand = segs[s->seg].brand;
        s->plan = pick(&q, plan_weight[s->brand], 4);
        static const int day_w[6] = {80, 4, 4, 4, 4, 4};
        static const int days[6] = {1, 5, 8, 10, 15, 20};
        s->bill_day = days[pick(&q, day_w, 6)];
        static const int disc_w[5] = {40, 20, 20, 15, 5};
        static const int discs[5] = {0, 5, 10, 20, 30};
        s->disc_pct = discs[pick(&q, disc_w, 5)];
        s->weight = exp(0.8 * normal(&q));
        s->status = below(&q, 100) < 2 ? 's' : 'a';
        s->email = below(&q, 100) < 30;
        s->tenure_years = (int)below(&q, 15);
        s->created_day = months[0].first_day - 1 - s->tenure_years * 365L -
                         (long)below(&q, 365);
        s->postpaid = s->brand == GOTONE || below(&q, 100) < 20;
        s->opening = s->postpaid ? (int64_t)below(&q, 20000)
                                 : 2000 + (int64_t)below(&q, 8000);
    }
}

/* ------------------------------------------------------------ call records */

static int64_t sample_time(struct rng *r, const struct month *mo)
{
    for (;;) {
        long span_days = (long)((mo->end - mo->start + 86399) / 86400);
        long day = (long)below(r, (uint32_t)span_days);
        int x = (int)below(r, (uint32_t)hour_total), h = 0;
        while (hour_cum[h] <= x)
            h++;
        int64_t t = mo->start + day * 86400L + h * 3600L + below(r, 3600);
        if (t < mo->end)
            return t;
    }
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void put_mobile(struct out *o, struct rng *r)
{
    putu(o, (uint64_t)segs[below(r, (uint32_t)nsegs)].prefix * 10000 +
                below(r, 10000));
}

/* One subscriber's records of one month, in start_time order. */
static void write_cell(struct out *o, int si, int mi, uint32_t n,
                       uint64_t *next_id, int64_t **times, uint32_t *cap)
{
    const struct sub *s = &subs[si];
    const struct month *mo = &months[mi];
    const struct segment *home = &segs[s->seg];
    struct rng r = rng_for(seed, s->msisdn, 100 + (uint64_t)mi);
    if (n > *cap) {
        *cap = n * 2;
        free(*times);
        *times = xmalloc(sizeof **times * *cap);
    }
    for (uint32_t i = 0; i < n; i++)
        (*times)[i] = sample_time(&r, mo);
    qsort(*times, n, sizeof **times, cmp_i64);
    int32_t *sum = mi < nmonths - 1 ? sum_at(si, mi) : NULL;
    uint32_t data_used = 0;
    char msisdn[12];
    snprintf(msisdn, sizeof msisdn, "%llu", (unsigned long long)s->msisdn);
    /* How often this subscriber roams: most never leave home. */
    struct rng sr = rng_for(seed, s->msisdn, 3);
    int roam_pct = below(&sr, 100) < 70 ? 1 : 5 + (int)below(&sr, 25);
    int intl_pct = s->brand == GOTONE && below(&sr, 100) < 10 ? 15 : 0;

    for (uint32_t i = 0; i < n; i++) {
        int kind = pick(&r, kind_weight[s->brand], 4);
        int out = kind >= 2 || below(&r, 100) < 55;
        int roaming = 0; /* local, domestic, international */
        if (kind != 3 && (int)below(&r, 100) < roam_pct)
            roaming = (int)below(&r, 100) < intl_pct ? 2 : 1;
        uint32_t dur = 0, vol = 0;
        int64_t fee = 0;
        int cat = C_VAS, peer_kind = 0; /* 0 mobile, 1 local fixed, 2 area */
        const char *peer_text = NULL;

        put(o, msisdn);
        tab(o);
        put_time(o, (*times)[i]);
        tab(o);
        putu(o, (*next_id)++);
        tab(o);
        put(o, kind_name[kind]);
        tab(o);
        put(o, out ? "out" : "in");
        tab(o);
        switch (kind) {
        case 0: { /* voice */
            dur = lognorm(&r, 55, 1.1, 3, 7200);
            uint32_t mins = (dur + 59) / 60;
            uint32_t p = below(&r, 100);
            peer_kind = p < 70 ? 0 : p < 85 ? 1 : 2;
            if (roaming == 2)
                fee = mins * (out ? 299 : 199);
            else if (roaming == 1)
                fee = mins * (out ? 60 : 40);
            else if (!out)
                fee = 0;
            else if (peer_kind == 2)
                fee = mins * (local_rate[s->brand] + 11);
            else
                fee = mins * local_rate[s->brand];
            cat = roaming ? C_ROAM : peer_kind == 2 ? C_LD : C_LOCAL;
            break;
        }
        case 1: /* SMS, or MMS when it carries a volume */
            peer_kind = 0;
            if (below(&r, 100) < 15)
                vol = 10 + below(&r, 290);
            fee = !out ? 0 : roaming == 2 ? 100 : vol ? 30 : 10;
            cat = C_SMS;
            break;
        case 2: /* data session */
            dur = lognorm(&r, 600, 1.2, 5, 86399);
            vol = lognorm(&r, 1500, 1.6, 1, 2 * 1048576);
            peer_text = below(&r, 100) < 85 ? "CMNET" : "CMWAP";
            if (roaming == 2) {
                fee = (vol + 1023) / 1024 * 500;
            } else {
                /* Free within the plan's monthly quota. */
                uint32_t before = data_used;
                data_used += vol;
                uint32_t q = data_quota_kb[s->brand];
                if (data_used > q) {
                    uint32_t over = data_used - (before > q ? before : q);
                    fee = (over + 1023) / 1024 * 10;
                }
            }
            cat = C_DATA;
            break;
        default: { /* value-added service */
            const struct vas *v = &vas_items[below(&r, COUNT(vas_items))];
            peer_text = v->name;
            fee = v->fee_fen;
            cat = C_VAS;
            break;
        }
        }
        if (peer_text) {
            put(o, peer_text);
        } else if (peer_kind == 0) {
            put_mobile(o, &r);
        } else if (peer_kind == 1) {
            putu(o, 20000000 + below(&r, 70000000));
        } else {
            const char *ac = area_codes[below(&r, COUNT(area_codes))];
            put(o, ac);
            putu(o, strlen(ac) == 3 ? 20000000 + below(&r, 70000000)
                                    : 2000000 + below(&r, 7000000));
        }
        tab(o);
        if (roaming == 2)
            put(o, abroad[below(&r, COUNT(abroad))]);
        else if (roaming == 1)
            put(o, city_names[below(&r, (uint32_t)ncities)]);
        else
            put(o, city_names[home->city]);
        tab(o);
        put(o, roaming == 2 ? "international" : roaming ? "domestic" : "local");
        tab(o);
        putu(o, dur);
        tab(o);
        putu(o, vol);
        tab(o);
        puti(o, fee);
        out_row(o);
        if (sum)
            sum[cat] += (int32_t)fee;
    }
}

/* Expected records of a cell before scaling: activity x days x wobble. */
static double cell_weight(int si, int mi)
{
    struct rng r = rng_for(seed, subs[si].msisdn, 50 + (uint64_t)mi);
    return subs[si].weight * months[mi].span * (0.8 + 0.4 * unif(&r));
}

static void make_cdrs(uint64_t total, uint64_t first_id)
{
    double wsum = 0;
    for (int mi = 0; mi < nmonths; mi++)
        for (int si = 0; si < nsubs; si++)
            wsum += cell_weight(si, mi);
    double scale = (double)total / wsum, cum = 0;
    uint64_t emitted = 0, next_id = first_id;
    int64_t *times = NULL;
    uint32_t cap = 0;
    uint64_t step = total / 200 + 1, shown = 0;
    /* The last month with time in it takes the rounding remainder. */
    int last_month = nmonths - 1;
    while (last_month > 0 && months[last_month].span <= 0)
        last_month--;
    for (int mi = 0; mi < nmonths; mi++) {
        struct out o;
        char name[64];
        snprintf(name, sizeof name, "cdrs-%04d%02d.tsv", months[mi].y,
                 months[mi].m);
        out_open(&o, name);
        for (int si = 0; si < nsubs; si++) {
            /* Systematic rounding of the running sum: the counts vary per
             * cell and still add up to exactly `total`. */
            cum += cell_weight(si, mi) * scale;
            uint64_t upto = (mi == last_month && si == nsubs - 1)
                                ? total
                                : (uint64_t)floor(cum);
            if (upto > total)
                upto = total;
            uint32_t n = (uint32_t)(upto - emitted);
            if (n)
                write_cell(&o, si, mi, n, &next_id, &times, &cap);
            emitted = upto;
            if (emitted - shown >= step) {
                shown = emitted;
                printf("progress %llu %llu\n", (unsigned long long)emitted,
                       (unsigned long long)total);
                fflush(stdout);
            }
        }
        out_close(&o);
    }
    free(times);
    printf("progress %llu %llu\n", (unsigned long long)total,
           (unsigned long long)total);
    printf("last_cdr_id %llu\n", (unsigned long long)(next_id - 1));
}

/* ------------------------------------------------------------ accounts */

static void put_ymd_text(struct out *o, int y, int m)
{
    /* "2026年5月" as the demo data writes it. */
    putu(o, (uint64_t)y);
    put(o, "年");
    putu(o, (uint64_t)m);
    put(o, "月");
}

static void make_accounts(const char *hash, uint64_t pay_id, uint64_t ledger_id)
{
    struct out fs, fb, fi, fp, fpb, fl;
    out_open(&fs, "subscribers.tsv");
    out_open(&fb, "bills.tsv");
    out_open(&fi, "bill_items.tsv");
    out_open(&fp, "payments.tsv");
    out_open(&fpb, "points_balances.tsv");
    out_open(&fl, "points_ledger.tsv");
    int closed = nmonths - 1;
    for (int si = 0; si < nsubs; si++) {
        struct sub *s = &subs[si];
        struct rng r = rng_for(seed, s->msisdn, 7);
        const struct plan *pl = &plans[s->brand][s->plan];
        char msisdn[12];
        snprintf(msisdn, sizeof msisdn, "%llu", (unsigned long long)s->msisdn);
        int64_t bal = s->opening;
        /* Points: opening balances, carried over from before the first
         * month, then monthly postings. */
        int64_t pts[4];
        pts[0] = s->tenure_years * 120 + below(&r, 100);
        pts[1] = below(&r, 100) < 10 ? 0 : below(&r, 6000);
        pts[2] = s->brand == GOTONE ? 200 + below(&r, 1800)
                 : below(&r, 2)     ? below(&r, 300)
                                    : 0;
        pts[3] = below(&r, 100) < 20 ? 50 + below(&r, 450) : 0;
        static const char *const pkind[4] = {"tenure", "consumption", "credit",
                                             "other"};
        for (int k = 0; k < 4; k++) {
            if (!pts[k])
                continue;
            putu(&fl, ledger_id++);
            tab(&fl);
            put(&fl, msisdn);
            tab(&fl);
            put_time(&fl, months[0].start);
            tab(&fl);
            put(&fl, pkind[k]);
            tab(&fl);
            puti(&fl, pts[k]);
            tab(&fl);
            put(&fl, "上期结余");
            out_row(&fl);
        }

        for (int mi = 0; mi < closed; mi++) {
            const struct month *mo = &months[mi];
            const struct month *nx = &months[mi + 1];
            long close_day = nx->first_day + s->bill_day - 1;
            if (close_day > today)
                break; /* not closed yet: its records are unbilled */
            int32_t *sum = sum_at(si, mi);
            sum[C_FEE] = pl->fee_fen;
            int64_t usage = 0;
            for (int c = C_LOCAL; c <= C_VAS; c++)
                usage += sum[c];
            int64_t disc = (int64_t)pl->fee_fen * s->disc_pct / 100;
            if (below(&r, 100) < 5)
                disc += 100 + below(&r, 1900); /* a one-off adjustment */
            if (disc > usage + pl->fee_fen)
                disc = usage + pl->fee_fen;
            sum[C_DISC] = (int32_t)-disc;
            int64_t total = 0;
            for (int c = 0; c < NCAT; c++)
                total += sum[c];
            bal -= total;
            int64_t bal_at_close = bal;

            /* Payments between this closing and the next one (or now). */
            int64_t window_end = now_s;
            if (mi + 2 < nmonths) {
                long next_close = months[mi + 2].first_day + s->bill_day - 1;
                if (next_close * 86400L < window_end)
                    window_end = next_close * 86400L;
            }
            int64_t paid = 0;
            int64_t at = close_day * 86400L + 3600L * (8 + below(&r, 13)) +
                         below(&r, 3600);
            if (s->postpaid) {
                at += 86400L * below(&r, 18);
                if (bal < 0 && at < window_end) {
                    static const int cw[3] = {45, 35, 20};
                    static const char *const ch[3] = {"bank", "online",
                                                      "counter"};
                    int c = pick(&r, cw, 3);
                    putu(&fp, pay_id++);
                    tab(&fp);
                    put(&fp, msisdn);
                    tab(&fp);
                    put_time(&fp, at);
                    tab(&fp);
                    puti(&fp, -bal);
                    tab(&fp);
                    put(&fp, ch[c]);
                    tab(&fp);
                    put(&fp, c == 0 ? "BANK" : c == 1 ? "WEB" : "YYT");
                    putz(&fp, (uint64_t)(mo->y * 100 + mo->m), 6);
                    putz(&fp, s->msisdn % 10000000, 7);
                    out_row(&fp);
                    paid += -bal;
                    bal = 0;
                }
            } else {
                /* Prepaid style: top up in round amounts when low. */
                at += 86400L * below(&r, 10);
                while (bal < 3000 && at < window_end) {
                    static const int cw[3] = {40, 40, 20};
                    static const char *const ch[3] = {"card", "online",
                                                      "counter"};
                    static const int amounts[4] = {3000, 5000, 10000, 20000};
                    int c = pick(&r, cw, 3);
                    int64_t amount = amounts[below(&r, 4)];
                    while (bal + amount < 3000)
                        amount += 5000;
                    putu(&fp, pay_id++);
                    tab(&fp);
                    put(&fp, msisdn);
                    tab(&fp);
                    put_time(&fp, at);
                    tab(&fp);
                    puti(&fp, amount);
                    tab(&fp);
                    put(&fp, ch[c]);
                    tab(&fp);
                    put(&fp, c == 0 ? "CARD" : c == 1 ? "WEB" : "YYT");
                    putz(&fp, (uint64_t)(at / 60 % 100000000), 8);
                    putz(&fp, s->msisdn % 10000, 4);
                    out_row(&fp);
                    paid += amount;
                    bal += amount;
                    at += 3600L * (1 + below(&r, 48));
                }
            }

            put(&fb, msisdn);
            tab(&fb);
            putz(&fb, (uint64_t)(mo->y * 100 + mo->m), 6);
            tab(&fb);
            puti(&fb, total);
            tab(&fb);
            puti(&fb, paid);
            tab(&fb);
            puti(&fb, bal_at_close);
            tab(&fb);
            put_date(&fb, close_day);
            tab(&fb);
            put_date(&fb, close_day + 19);
            out_row(&fb);
            for (int c = 0; c < NCAT; c++) {
                put(&fi, msisdn);
                tab(&fi);
                putz(&fi, (uint64_t)(mo->y * 100 + mo->m), 6);
                tab(&fi);
                put(&fi, cat_name[c]);
                tab(&fi);
                puti(&fi, sum[c]);
                out_row(&fi);
            }

            /* Points of the month, posted when the bill closes. */
            int64_t at_pts = close_day * 86400L + 2 * 3600L;
            int64_t earned[3] = {(s->tenure_years + 1) * 10,
                                 total > 0 ? total / 100 : 0,
                                 s->brand == GOTONE ? (total / 100) / 10 : 0};
            static const int ek[3] = {0, 1, 3};
            static const char *const what[3] = {"在网积分", "消费积分",
                                                "全球通俱乐部加赠"};
            for (int e = 0; e < 3; e++) {
                if (!earned[e])
                    continue;
                putu(&fl, ledger_id++);
                tab(&fl);
                put(&fl, msisdn);
                tab(&fl);
                put_time(&fl, at_pts + e * 60);
                tab(&fl);
                put(&fl, pkind[ek[e]]);
                tab(&fl);
                puti(&fl, earned[e]);
                tab(&fl);
                put_ymd_text(&fl, mo->y, mo->m);
                put(&fl, what[e]);
                out_row(&fl);
                pts[ek[e]] += earned[e];
            }
            /* The yearly credit award falls in one of the months. */
            if (mi == (int)(s->msisdn % (uint64_t)closed) &&
                (s->brand == GOTONE || below(&r, 100) < 30)) {
                int64_t c = s->brand == GOTONE ? 500 + below(&r, 1000)
                                               : 100 + below(&r, 300);
                putu(&fl, ledger_id++);
                tab(&fl);
                put(&fl, msisdn);
                tab(&fl);
                put_time(&fl, at_pts + 300);
                tab(&fl);
                put(&fl, "credit");
                tab(&fl);
                puti(&fl, c);
                tab(&fl);
                put(&fl, s->brand == GOTONE ? "年度信用积分（全球通客户）"
                                            : "年度信用积分（按时缴费）");
                out_row(&fl);
                pts[2] += c;
            }
        }

        /* subscribers: msisdn brand province city name status hash plan
         * balance created bill_email bill_day plan_fee */
        const struct segment *sg = &segs[s->seg];
        put(&fs, msisdn);
        tab(&fs);
        put(&fs, brand_code[s->brand]);
        tab(&fs);
        putu(&fs, (uint64_t)sg->province_id);
        tab(&fs);
        putu(&fs, (uint64_t)sg->city_id);
        tab(&fs);
        put(&fs, "测试用户");
        putz(&fs, (uint64_t)si + 1, 6);
        tab(&fs);
        put(&fs, s->status == 's' ? "suspended" : "active");
        tab(&fs);
        put(&fs, hash);
        tab(&fs);
        put(&fs, pl->name);
        tab(&fs);
        puti(&fs, bal);
        tab(&fs);
        put_time(&fs, s->created_day * 86400L + 3600L * (9 + below(&r, 9)) +
                          below(&r, 3600));
        tab(&fs);
        if (s->email) {
            put(&fs, msisdn);
            put(&fs, "@139.com");
        } else {
            put(&fs, "\\N");
        }
        tab(&fs);
        putu(&fs, (uint64_t)s->bill_day);
        tab(&fs);
        putu(&fs, (uint64_t)pl->fee_fen);
        out_row(&fs);

        put(&fpb, msisdn);
        for (int k = 0; k < 4; k++) {
            tab(&fpb);
            puti(&fpb, pts[k]);
        }
        out_row(&fpb);
    }
    out_close(&fs);
    out_close(&fb);
    out_close(&fi);
    out_close(&fp);
    out_close(&fpb);
    out_close(&fl);
}

/* ------------------------------------------------------------ main */

static const char *arg_value(int argc, char **argv, const char *name,
                             const char *def)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return argv[i + 1];
    if (!def)
        die("missing argument", name);
    return def;
}

static uint64_t arg_u64(int argc, char **argv, const char *name,
                        const char *def)
{
    const char *v = arg_value(argc, argv, name, def);
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 10);
    if (errno || *end || end == v)
        die("not a number", name);
    return x;
}

int main(int argc, char **argv)
{
    snprintf(outdir, sizeof outdir, "%s", arg_value(argc, argv, "--out", NULL));
    nsubs = (int)arg_u64(argc, argv, "--subscribers", "100000");
    uint64_t ncdrs = arg_u64(argc, argv, "--cdrs", "10000000");
    int closed = (int)arg_u64(argc, argv, "--months", "6");
    seed = arg_u64(argc, argv, "--seed", "1");
    const char *hash = arg_value(argc, argv, "--hash", NULL);
    const char *now = arg_value(argc, argv, "--now", NULL);
    if (nsubs < 1 || nsubs > 5000000 || closed < 1 || closed > 24)
        die("--subscribers must be 1..5000000 and --months 1..24", NULL);
    if (strchr(hash, '\t') || strchr(hash, '\\') || strchr(hash, '\n'))
        die("unexpected character in --hash", NULL);

    int y, m, d, hh, mm, ss;
    if (sscanf(now, "%d-%d-%d %d:%d:%d", &y, &m, &d, &hh, &mm, &ss) != 6)
        die("--now must be 'YYYY-MM-DD HH:MM:SS'", now);
    today = days_from_civil(y, m, d);
    now_s = today * 86400L + hh * 3600L + mm * 60L + ss;

    for (int h = 0; h < 24; h++) {
        hour_total += hour_weight[h];
        hour_cum[h] = hour_total;
    }

    nmonths = closed + 1;
    months = xmalloc(sizeof *months * (size_t)nmonths);
    for (int i = 0; i < nmonths; i++) {
        int k = y * 12 + (m - 1) - closed + i;
        struct month *mo = &months[i];
        mo->y = k / 12;
        mo->m = k % 12 + 1;
        mo->first_day = days_from_civil(mo->y, mo->m, 1);
        mo->start = mo->first_day * 86400L;
        int ny = (k + 1) / 12, nm = (k + 1) % 12 + 1;
        mo->end = days_from_civil(ny, nm, 1) * 86400L;
        if (mo->end > now_s)
            mo->end = now_s;
        mo->span = (double)(mo->end - mo->start) / 86400.0;
    }
    if (months[nmonths - 1].span < 1.0 / 24) {
        /* The first hour of a month: keep the current month out of it
         * rather than crowd its records into minutes. */
        months[nmonths - 1].span = 0;
    }

    load_segments(arg_value(argc, argv, "--segments", NULL));
    load_excluded(arg_value(argc, argv, "--exclude", NULL));
    make_subscribers();
    sums = xmalloc(sizeof *sums * (size_t)nsubs * (size_t)closed * NCAT);

    make_cdrs(ncdrs, arg_u64(argc, argv, "--cdr-id", "1"));
    make_accounts(hash, arg_u64(argc, argv, "--payment-id", "1"),
                  arg_u64(argc, argv, "--ledger-id", "1"));
    return 0;
}
