/* Complaint classification: multinomial naive Bayes over the character
 * unigrams and bigrams of a text, Laplace-smoothed, in log space.
 *
 * Features. The text is decoded as UTF-8 and normalised first: full-width
 * ASCII (Ａ, １, ５Ｇ) becomes ASCII, Latin letters are lowercased, a single
 * digit stays itself (4G and 5G are telling) while a run of two or more
 * digits becomes one '#' (amounts, dates and phone numbers say "a number",
 * not which one). ASCII punctuation and whitespace, CJK and general
 * punctuation and, when classifying, invalid bytes are separators: no
 * bigram spans them. Each remaining character is a unigram feature and each
 * adjacent pair a bigram feature; unigrams are kept because on a few hundred
 * examples they carry much of the evidence (欠, 费, 信, 号) that bigrams
 * spread thin.
 *
 * Memory is bounded: the feature table stops taking new features at
 * MAX_FEATURES (about 6 MB of slots); past that, learning still counts
 * the features it already knows. */
#include "classify.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

/* Distinct features kept at most; the table keeps its load under one half,
 * so it never exceeds 2 * MAX_FEATURES slots of 24 bytes. */
#define MAX_FEATURES (1u << 17)
#define MIN_SLOTS 1024u
/* A shipped or corrected TSV beyond this is not a labelled set. */
#define MAX_TSV_BYTES (64L << 20)
/* Laplace (add-one) smoothing. */
#define ALPHA 1.0
/* Stands for a run of two or more digits; '#' is punctuation, so it can
 * never come out of the text itself. */
#define DIGIT_RUN '#'
#define BIGRAM_FLAG ((uint64_t)1 << 42)

struct feature {
    uint64_t key; /* 0: empty slot */
    uint32_t count[SC_CAT_COUNT];
};

struct sc_classifier {
    struct feature *slots;
    size_t nslots; /* a power of two */
    size_t nfeatures;
    int examples;
    uint64_t docs[SC_CAT_COUNT];  /* examples per category */
    uint64_t total[SC_CAT_COUNT]; /* feature occurrences per category */
};

static const char *const codes[SC_CAT_COUNT] = {"network", "service", "billing",
                                                "product"};
static const char *const labels[SC_CAT_COUNT] = {"网络质量", "服务质量", "计费",
                                                 "业务"};

const char *sc_category_code(enum sc_category c)
{
    return (unsigned)c < SC_CAT_COUNT ? codes[c] : NULL;
}

const char *sc_category_label(enum sc_category c)
{
    return (unsigned)c < SC_CAT_COUNT ? labels[c] : NULL;
}

int sc_category_from_code(const char *code)
{
    for (int i = 0; code && i < SC_CAT_COUNT; i++)
        if (strcmp(code, codes[i]) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------ UTF-8 */

/* Decodes one code point at s (n bytes left, n > 0) into *cp and returns
 * its length, or 0 if the bytes there are not well-formed UTF-8 (overlong
 * forms, surrogates and values past U+10FFFF included). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char b = s[0];
    size_t len;
    uint32_t v, min;
    if (b < 0x80) {
        *cp = b;
        return 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
        len = 2, v = b & 0x1f, min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
        len = 3, v = b & 0x0f, min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
        len = 4, v = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return len;
}

static bool utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text);
    while (n) {
        uint32_t cp;
        size_t len = utf8_decode(s, n, &cp);
        if (!len)
            return false;
        s += len, n -= len;
    }
    return true;
}

/* ------------------------------------------------------------ features */

/* The normalised form of a code point: 0 for a separator. */
static uint32_t normalise(uint32_t cp)
{
    if (cp >= 0xff01 && cp <= 0xff5e) /* full-width ASCII */
        cp -= 0xfee0;
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + 32;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return cp;
        return 0; /* ASCII punctuation, whitespace, controls */
    }
    if (cp <= 0xbf &&
        cp != 0xa5) /* C1 controls, Latin-1 punctuation; ¥ stays */
        return 0;
    if ((cp >= 0x2000 && cp <= 0x206f) || /* general punctuation: “”…— */
        (cp >= 0x3000 && cp <= 0x303f) || /* CJK punctuation: 、。「」 */
        (cp >= 0xfe10 && cp <= 0xfe1f) || /* vertical forms */
        (cp >= 0xfe30 && cp <= 0xfe6f) || /* compatibility, small forms */
        (cp >= 0xff5f && cp <= 0xff65) || /* half-width CJK punctuation */
        cp == 0xfeff)
        return 0;
    return cp;
}

typedef void feature_fn(uint64_t key, void *ctx);

/* Calls fn for every unigram and bigram of text. Invalid bytes are
 * separators (learning rejects them before it gets here). Returns the
 * number of features. */
static size_t each_feature(const char *text, feature_fn *fn, void *ctx)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), count = 0;
    uint32_t prev = 0;
    while (n) {
        uint32_t cp;
        size_t len = utf8_decode(s, n, &cp);
        if (!len) {
            s++, n--;
            prev = 0;
            continue;
        }
        s += len, n -= len;
        uint32_t tok = normalise(cp);
        if (tok >= '0' && tok <= '9') {
            /* Swallow the rest of the run: one token for the whole number. */
            int digits = 1;
            for (;;) {
                uint32_t next;
                size_t l = n ? utf8_decode(s, n, &next) : 0;
                uint32_t t = l ? normalise(next) : 0;
                if (!(t >= '0' && t <= '9'))
                    break;
                s += l, n -= l, digits++;
            }
            if (digits > 1)
                tok = DIGIT_RUN;
        }
        if (!tok) {
            prev = 0;
            continue;
        }
        if (fn)
            fn(tok, ctx);
        count++;
        if (prev) {
            if (fn)
                fn(BIGRAM_FLAG | (uint64_t)prev << 21 | tok, ctx);
            count++;
        }
        prev = tok;
    }
    return count;
}

/* ------------------------------------------------------------ table */

static size_t slot_of(uint64_t key, size_t nslots)
{
    /* splitmix64's finaliser: code points cluster, slots must not. */
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ull;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebull;
    key ^= key >> 31;
    return (size_t)key & (nslots - 1);
}

static struct feature *table_find(const sc_classifier *m, uint64_t key)
{
    if (!m->nslots)
        return NULL;
    for (size_t i = slot_of(key, m->nslots);; i = (i + 1) & (m->nslots - 1)) {
        if (m->slots[i].key == key)
            return &m->slots[i];
        if (!m->slots[i].key)
            return NULL;
    }
}

/* The slot for key, claimed if new; NULL when the table is full. */
static struct feature *table_claim(sc_classifier *m, uint64_t key)
{
    size_t i = slot_of(key, m->nslots);
    for (; m->slots[i].key; i = (i + 1) & (m->nslots - 1))
        if (m->slots[i].key == key)
            return &m->slots[i];
    if (m->nfeatures >= MAX_FEATURES || 2 * (m->nfeatures + 1) > m->nslots)
        return NULL;
    m->slots[i].key = key;
    m->nfeatures++;
    return &m->slots[i];
}

/* Makes room for `more` new features (as far as MAX_FEATURES allows)
 * before anything is counted, so running out of memory leaves the model
 * as it was. */
static int table_reserve(sc_classifier *m, size_t more)
{
    size_t want = m->nfeatures + more;
    if (want > MAX_FEATURES)
        want = MAX_FEATURES;
    size_t nslots = m->nslots ? m->nslots : MIN_SLOTS;
    while (nslots < 2 * want)
        nslots *= 2;
    if (nslots == m->nslots)
        return 0;
    struct feature *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = slot_of(m->slots[i].key, nslots);
        while (slots[j].key)
            j = (j + 1) & (nslots - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = nslots;
    return 0;
}

/* ------------------------------------------------------------ model */

sc_classifier *sc_classifier_new(void)
{
    return calloc(1, sizeof(sc_classifier));
}

void sc_classifier_free(sc_classifier *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m);
}

int sc_classifier_examples(const sc_classifier *m)
{
    return m ? m->examples : 0;
}

size_t sc_classifier_features(const sc_classifier *m)
{
    return m ? m->nfeatures : 0;
}

struct learning {
    sc_classifier *m;
    enum sc_category c;
};

static void count_feature(uint64_t key, void *ctx)
{
    struct learning *l = ctx;
    struct feature *f = table_claim(l->m, key);
    if (!f || f->count[l->c] == UINT32_MAX)
        return; /* table full, or saturated: bounded beats exact */
    f->count[l->c]++;
    l->m->total[l->c]++;
}

int sc_classifier_learn(sc_classifier *m, enum sc_category c, const char *text)
{
    if (!m || (unsigned)c >= SC_CAT_COUNT || !text || !utf8_valid(text))
        return -1;
    if (m->examples == INT32_MAX)
        return -1;
    if (table_reserve(m, each_feature(text, NULL, NULL)) < 0)
        return -1;
    struct learning l = {m, c};
    each_feature(text, count_feature, &l);
    m->docs[c]++;
    m->examples++;
    return 0;
}

struct scoring {
    const sc_classifier *m;
    double logp[SC_CAT_COUNT];
    double log_denominator[SC_CAT_COUNT];
    size_t known;
};

static void score_feature(uint64_t key, void *ctx)
{
    struct scoring *s = ctx;
    const struct feature *f = table_find(s->m, key);
    /* A feature never seen in training says nothing about the category;
     * scoring it would only favour the categories with less text. */
    if (!f)
        return;
    s->known++;
    for (int c = 0; c < SC_CAT_COUNT; c++)
        s->logp[c] += log(f->count[c] + ALPHA) - s->log_denominator[c];
}

enum sc_category sc_classify(const sc_classifier *m, const char *text,
                             double *confidence)
{
    if (confidence)
        *confidence = 0;
    if (!m || !m->examples || !text)
        return SC_CAT_SERVICE;
    struct scoring s = {.m = m};
    for (int c = 0; c < SC_CAT_COUNT; c++) {
        s.logp[c] = log((m->docs[c] + 1.0) / (m->examples + SC_CAT_COUNT));
        s.log_denominator[c] =
            log((double)m->total[c] + ALPHA * (double)m->nfeatures);
    }
    each_feature(text, score_feature, &s);
    if (!s.known)
        return SC_CAT_SERVICE; /* nothing to go on: same as untrained */
    int best = 0;
    for (int c = 1; c < SC_CAT_COUNT; c++)
        if (s.logp[c] > s.logp[best])
            best = c;
    /* Posterior of the best by log-sum-exp: the sum of exp(logp[c] - max)
     * cannot overflow, and the best term is exactly 1. */
    double sum = 0;
    for (int c = 0; c < SC_CAT_COUNT; c++)
        sum += exp(s.logp[c] - s.logp[best]);
    if (confidence)
        *confidence = 1.0 / sum;
    return (enum sc_category)best;
}

/* ------------------------------------------------------------ TSV */

bool sc_classifier_is_holdout(int index, int holdout_every)
{
    return holdout_every > 1 && index % holdout_every == holdout_every - 1;
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sc_warn("%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            if ((long)cap > MAX_TSV_BYTES) {
                sc_warn("%s: larger than %ld bytes", path, MAX_TSV_BYTES);
                goto fail;
            }
            cap = cap ? 2 * cap : 65536;
            char *p = realloc(buf, cap);
            if (!p)
                goto fail;
            buf = p;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                sc_warn("%s: read error", path);
                goto fail;
            }
            break;
        }
    }
    fclose(f);
    buf[len] = '\0';
    *size = len;
    return buf;
fail:
    fclose(f);
    free(buf);
    return NULL;
}

/* Checks one line (NUL-terminated, without its newline); visits it with
 * fn unless fn is NULL. 1 for an example, 0 for a comment or blank line,
 * -1 for a malformed line (logged) or when fn stops. */
static int tsv_line(const char *path, int lineno, char *line, int index,
                    sc_example_fn *fn, void *ctx)
{
    if (!line[0] || line[0] == '#')
        return 0;
    char *tab = strchr(line, '\t');
    int c = -1;
    if (tab) {
        *tab = '\0';
        c = sc_category_from_code(line);
        *tab = '\t';
    }
    const char *why = !tab               ? "no tab after the code"
                      : c < 0            ? "unknown category code"
                      : !tab[1]          ? "empty text"
                      : !utf8_valid(tab) ? "invalid UTF-8"
                                         : NULL;
    if (why) {
        sc_warn("%s:%d: %s", path, lineno, why);
        return -1;
    }
    if (fn && fn(ctx, index, (enum sc_category)c, tab + 1) < 0)
        return -1;
    return 1;
}

/* Walks buf's lines, terminating each in place for the visit and putting
 * the byte back after it, so the buffer can be walked again. */
static int tsv_walk(const char *path, char *buf, size_t size, sc_example_fn *fn,
                    void *ctx)
{
    int index = 0;
    char *p = buf, *end = buf + size;
    for (int lineno = 1; p < end; lineno++) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        char *line = p;
        size_t n = (size_t)((eol ? eol : end) - line);
        p = eol ? eol + 1 : end;
        if (n && line[n - 1] == '\r')
            n--;
        char saved = line[n];
        line[n] = '\0';
        int r = tsv_line(path, lineno, line, index, fn, ctx);
        line[n] = saved;
        if (r < 0)
            return -1;
        index += r;
    }
    return index;
}

int sc_classifier_tsv_each(const char *path, sc_example_fn *fn, void *ctx)
{
    size_t size;
    char *buf = read_file(path, &size);
    if (!buf)
        return -1;
    /* Check every line before the first visit, so a bad file teaches
     * nothing rather than half of itself. */
    int n = tsv_walk(path, buf, size, NULL, NULL);
    if (n >= 0)
        n = tsv_walk(path, buf, size, fn, ctx);
    free(buf);
    return n;
}

struct tsv_learning {
    sc_classifier *m;
    int holdout_every;
    int learned;
};

static int learn_example(void *ctx, int index, enum sc_category c,
                         const char *text)
{
    struct tsv_learning *l = ctx;
    if (sc_classifier_is_holdout(index, l->holdout_every))
        return 0;
    if (sc_classifier_learn(l->m, c, text) < 0) {
        sc_warn("classifier: out of memory at example %d", index);
        return -1;
    }
    l->learned++;
    return 0;
}

int sc_classifier_learn_tsv(sc_classifier *m, const char *path,
                            int holdout_every)
{
    if (!m || !path)
        return -1;
    struct tsv_learning l = {m, holdout_every, 0};
    if (sc_classifier_tsv_each(path, learn_example, &l) < 0)
        return -1;
    return l.learned;
}
