/* Pure rules of the complaint forms: which numbers are China Mobile's,
 * what content is refused, when two complaints are the same one, and the
 * shape of tracking numbers and passwords. No I/O, so the unit tests cover
 * them. */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaints.h"

enum {
    MIN_CHARS = 5,    /* a complaint says at least this much */
    MAX_RUN = 6,      /* 啊啊啊啊啊啊 */
    SHARE_PCT = 60,   /* one character this much of the text */
    MAX_POINTS = 4096 /* code points compared (content is <= 2000) */
};

bool complaints_cmcc_number(const char *s)
{
    static const char *const PREFIXES[] = {
        "134", "135", "136", "137", "138", "139", "147", "148", "150",
        "151", "152", "157", "158", "159", "165", "172", "178", "182",
        "183", "184", "187", "188", "195", "197", "198", NULL};
    if (!s || strlen(s) != 11 || strspn(s, "0123456789") != 11)
        return false;
    for (const char *const *p = PREFIXES; *p; p++)
        if (strncmp(s, *p, 3) == 0)
            return true;
    return false;
}

/* Next code point of UTF-8 s (advanced), 0 at the end; invalid bytes
 * count as themselves (the field validator has refused bad UTF-8). */
static uint32_t next_point(const unsigned char **s)
{
    const unsigned char *p = *s;
    if (!*p)
        return 0;
    uint32_t c = *p++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more)
        c &= 0x3F >> more;
    for (; more && (*p & 0xC0) == 0x80; more--)
        c = (c << 6) | (*p++ & 0x3F);
    *s = p;
    return c;
}

/* Blanks and punctuation say nothing: ASCII punctuation, the CJK symbols
 * block, full-width ASCII punctuation, general punctuation (…, “ ”). */
static bool meaningful(uint32_t c)
{
    if (c <= ' ' || c == 0x7F || c == 0x3000 || c == 0xA0)
        return false;
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3001 && c <= 0x303F))
        return false;
    if (c >= 0xFF01 && c <= 0xFF0F)
        return false;
    if ((c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65))
        return false;
    return true;
}

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* The meaningful code points of s into out (at most max); their count. */
static int points_of(const char *s, uint32_t *out, int max)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = 0;
    uint32_t c;
    while (n < max && (c = next_point(&p)) != 0)
        if (meaningful(c))
            out[n++] = c;
    return n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

bool complaints_banned_word(const char *text, const char *banned, char *word,
                            size_t wordlen)
{
    const char *p = banned;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n && *p == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n && n < wordlen) {
            memcpy(word, p, n);
            word[n] = '\0';
            if (text && strstr(text, word))
                return true;
        }
        p = end ? end + 1 : NULL;
    }
    return false;
}

const char *complaints_content_problem(const char *text)
{
    static uint32_t pts[MAX_POINTS], sorted[MAX_POINTS];
    int n = points_of(text ? text : "", pts, MAX_POINTS);
    if (n == 0)
        return "「内容」不能为空，也不能只有空格或标点，请描述您遇到的问题。";
    if (n < MIN_CHARS)
        return "「内容」太短，请至少用 5 个字说明情况，以便我们处理。";
    /* Runs of one letter or character (digits excepted: numbers such as
     * 13800000000 have long runs of zeros). */
    int run = 1;
    for (int i = 1; i < n; i++) {
        run = pts[i] == pts[i - 1] && !is_digit(pts[i]) ? run + 1 : 1;
        if (run >= MAX_RUN)
            return "「内容」含有大量重复的字符，请如实描述问题后再提交。";
    }
    memcpy(sorted, pts, (size_t)n * sizeof *pts);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_u32);
    int best = 1, same = 1;
    for (int i = 1; i < n; i++) {
        same = sorted[i] == sorted[i - 1] ? same + 1 : 1;
        if (same > best && !is_digit(sorted[i]))
            best = same;
    }
    if (best * 100 > n * SHARE_PCT)
        return "「内容」含有大量重复的字符，请如实描述问题后再提交。";
    return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted distinct bigrams (two code points in one 64-bit key) of the
 * meaningful characters of s; their count. pts is scratch space. */
static int bigrams_of(const char *s, uint64_t *out, uint32_t *pts)
{
    int n = points_of(s, pts, MAX_POINTS);
    int m = 0;
    for (int i = 0; i + 1 < n; i++)
        out[m++] = (uint64_t)pts[i] << 32 | pts[i + 1];
    if (n == 1)
        out[m++] = pts[0]; /* one character: itself */
    qsort(out, (size_t)m, sizeof *out, cmp_u64);
    int k = 0;
    for (int i = 0; i < m; i++)
        if (k == 0 || out[i] != out[k - 1])
            out[k++] = out[i];
    return k;
}

double complaints_similarity(const char *a, const char *b)
{
    static uint64_t x[MAX_POINTS], y[MAX_POINTS];
    static uint32_t pts[MAX_POINTS];
    int nx = bigrams_of(a ? a : "", x, pts);
    int ny = bigrams_of(b ? b : "", y, pts);
    if (nx + ny == 0)
        return 1.0;
    int i = 0, j = 0, common = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            common++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    return 2.0 * common / (nx + ny);
}

void complaints_track_no(char out[24], const char *kind, const char *yyyymmdd,
                         long long id)
{
    snprintf(out, 24, "%c%.8s%07lld",
             kind && strcmp(kind, "suggestion") == 0 ? 'S' : 'T', yyyymmdd, id);
}

bool complaints_track_no_valid(const char *s)
{
    /* Any capital letter, not only T and S: numbers made elsewhere (the
     * demo data's D000001, a province's own series) are tracked too. */
    size_t n = s ? strlen(s) : 0;
    return n >= 7 && n <= 20 && s[0] >= 'A' && s[0] <= 'Z' &&
           strspn(s + 1, "0123456789") == n - 1;
}

void complaints_track_password(char out[9])
{
    static const char ALPHABET[] = "ABCDEFGHJKMNPQRSTUVWXYZ"
                                   "abcdefghijkmnpqrstuvwxyz23456789";
    for (int i = 0; i < 8; i++)
        out[i] = ALPHABET[randombytes_uniform(sizeof ALPHABET - 1)];
    out[8] = '\0';
}
