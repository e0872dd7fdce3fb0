/* The message on the wire: RFC 5322 headers (RFC 2047 for the Chinese
 * display name and subject), a base64 UTF-8 body, and its delivery to the
 * relay with libcurl's SMTP. Nothing from the outbox row reaches a header
 * unencoded except the recipient, which is validated first: no row can add
 * or alter a header. */
#include "notify.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static CURL *curl;

/* ---------------------------------------------------------------- addresses */

static bool is_atext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool valid_domain(const char *d)
{
    size_t label = 0;
    int labels = 0;
    char prev = '.';
    for (const char *p = d;; p++) {
        char c = *p;
        if (c == '.' || c == '\0') {
            if (label == 0 || label > 63 || prev == '-')
                return false;
            labels++;
            label = 0;
            if (c == '\0')
                break;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
            label++;
        } else {
            return false;
        }
        prev = c;
    }
    return labels >= 2;
}

bool notify_valid_address(const char *s)
{
    /* The site's own rule first (what the email form accepted), then the
     * stricter shape an SMTP envelope needs. */
    if (!s || !sc_valid_email(s))
        return false;
    const char *at = strchr(s, '@');
    if (s[0] == '.' || at[-1] == '.')
        return false;
    for (const char *p = s; p < at; p++)
        if (!(is_atext(*p) || (*p == '.' && p[1] != '.')))
            return false;
    return valid_domain(at + 1);
}

int notify_parse_sender(const char *from, struct notify_sender *out)
{
    memset(out, 0, sizeof *out);
    const char *lt = strrchr(from, '<');
    const char *addr = from, *addr_end = from + strlen(from);
    if (lt) {
        const char *gt = strchr(lt, '>');
        if (!gt || gt[1] != '\0')
            return -1;
        addr = lt + 1;
        addr_end = gt;
        /* The display name, trimmed and unquoted. */
        const char *n = from, *n_end = lt;
        while (n < n_end && (*n == ' ' || *n == '\t'))
            n++;
        while (n_end > n && (n_end[-1] == ' ' || n_end[-1] == '\t'))
            n_end--;
        if (n_end - n >= 2 && *n == '"' && n_end[-1] == '"') {
            n++;
            n_end--;
        }
        if ((size_t)(n_end - n) >= sizeof out->name)
            return -1;
        memcpy(out->name, n, (size_t)(n_end - n));
    }
    while (addr < addr_end && *addr == ' ')
        addr++;
    while (addr_end > addr && addr_end[-1] == ' ')
        addr_end--;
    if ((size_t)(addr_end - addr) >= sizeof out->addr)
        return -1;
    memcpy(out->addr, addr, (size_t)(addr_end - addr));
    return notify_valid_address(out->addr) ? 0 : -1;
}

/* ---------------------------------------------------------------- encoding */

static void put_base64(sc_buf *b, const unsigned char *data, size_t n)
{
    size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *out = sc_alloc(b->arena, cap);
    sodium_bin2base64(out, cap, data, n, sodium_base64_VARIANT_ORIGINAL);
    sc_buf_puts(b, out);
}

/* The value with every control character (CR and LF above all) replaced by
 * a space. */
static char *without_controls(sc_arena *a, const char *s)
{
    char *t = sc_strdup(a, s);
    for (char *p = t; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    return t;
}

static bool needs_encoding(const char *s, size_t name_len)
{
    if (strstr(s, "=?") || name_len + 2 + strlen(s) > 76)
        return true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x7f)
            return true;
    return false;
}

char *notify_encode_header(sc_arena *a, const char *value, size_t name_len)
{
    const char *s = without_controls(a, value);
    if (!needs_encoding(s, name_len))
        return sc_strdup(a, s);
    sc_buf b;
    sc_buf_init(&b, a);
    size_t len = strlen(s), pos = 0;
    size_t col = name_len + 2; /* "Name: " */
    /* "=?UTF-8?B?" + payload + "?=" on a line of at most 76 columns. */
    while (pos < len) {
        size_t room = 76 - col - 12;
        size_t take = room / 4 * 3;
        if (take > len - pos)
            take = len - pos;
        /* Never split a UTF-8 sequence between two encoded-words. */
        while (take > 0 && pos + take < len &&
               ((unsigned char)s[pos + take] & 0xC0) == 0x80)
            take--;
        if (take == 0) /* cannot happen with valid UTF-8; keep moving */
            take = 1;
        if (pos > 0)
            sc_buf_puts(&b, "\r\n ");
        sc_buf_puts(&b, "=?UTF-8?B?");
        put_base64(&b, (const unsigned char *)s + pos, take);
        sc_buf_puts(&b, "?=");
        pos += take;
        col = 1;
    }
    return b.data;
}

/* The display name as a phrase: encoded-words for anything but plain
 * ASCII, a quoted string otherwise (the name may contain specials). */
static void put_from(sc_buf *b, sc_arena *a, const struct notify_sender *f)
{
    sc_buf_puts(b, "From: ");
    if (f->name[0]) {
        if (needs_encoding(f->name, 4)) {
            sc_buf_puts(b, notify_encode_header(a, f->name, 4));
        } else {
            sc_buf_puts(b, "\"");
            for (const char *p = without_controls(a, f->name); *p; p++) {
                if (*p == '"' || *p == '\\')
                    sc_buf_puts(b, "\\");
                sc_buf_add(b, p, 1);
            }
            sc_buf_puts(b, "\"");
        }
        sc_buf_puts(b, " ");
    }
    sc_buf_printf(b, "<%s>\r\n", f->addr);
}

/* The body in canonical form (CRLF line ends, as RFC 2045 asks of text
 * before base64), encoded in lines of 76 characters. */
static void put_body(sc_buf *b, sc_arena *a, const char *body)
{
    sc_buf text;
    sc_buf_init(&text, a);
    for (const char *p = body; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue; /* the LF that follows writes the CRLF */
        if (*p == '\r' || *p == '\n')
            sc_buf_add(&text, "\r\n", 2);
        else
            sc_buf_add(&text, p, 1);
    }
    for (size_t pos = 0; pos < text.len; pos += 57) {
        size_t n = text.len - pos < 57 ? text.len - pos : 57;
        put_base64(b, (const unsigned char *)text.data + pos, n);
        sc_buf_puts(b, "\r\n");
    }
}

char *notify_build_message(sc_arena *a, const struct notify_sender *from,
                           const struct notify_msg *m, time_t now)
{
    sc_buf b;
    sc_buf_init(&b, a);
    char date[64];
    struct tm tm;
    localtime_r(&now, &tm);
    /* The C locale (never changed here) gives the English day and month
     * names RFC 5322 requires. */
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", &tm);
    sc_buf_printf(&b, "Date: %s\r\n", date);
    put_from(&b, a, from);
    sc_buf_printf(&b, "To: <%s>\r\n", m->recipient);
    sc_buf_printf(&b, "Subject: %s\r\n",
                  notify_encode_header(a, m->subject, 7));
    /* Stable across retries of the same row, so a receiver can drop the
     * duplicate that at-least-once delivery may produce. */
    const char *domain = strchr(from->addr, '@') + 1;
    sc_buf_printf(&b, "Message-ID: <outbox.%lld.%lld@%s>\r\n", m->id,
                  m->created, domain);
    sc_buf_puts(&b, "Auto-Submitted: auto-generated\r\n"
                    "MIME-Version: 1.0\r\n"
                    "Content-Type: text/plain; charset=UTF-8\r\n"
                    "Content-Transfer-Encoding: base64\r\n"
                    "\r\n");
    put_body(&b, a, m->body);
    return b.data;
}

/* ---------------------------------------------------------------- relay */

struct upload {
    const char *data;
    size_t len, pos;
};

static size_t read_message(char *buf, size_t size, size_t nitems, void *user)
{
    struct upload *u = user;
    size_t n = size * nitems;
    if (n > u->len - u->pos)
        n = u->len - u->pos;
    memcpy(buf, u->data + u->pos, n);
    u->pos += n;
    return n;
}

int smtp_init(void)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return -1;
    /* One handle for the worker's life: libcurl keeps the relay connection
     * open between messages of a batch. */
    curl = curl_easy_init();
    return curl ? 0 : -1;
}

void smtp_cleanup(void)
{
    if (curl)
        curl_easy_cleanup(curl);
    curl = NULL;
    curl_global_cleanup();
}

/* libcurl reports which SMTP command failed only in its message. A 5xx to
 * RCPT (no such mailbox) or to the end of DATA (message refused) is about
 * this message; a 5xx elsewhere (MAIL FROM, AUTH) is about our relay
 * settings, and retrying after the operator fixes them loses nothing. */
static enum smtp_outcome classify(CURLcode rc, long code, const char *detail)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
        return SMTP_UNREACHABLE;
    default:
        break;
    }
    if (code == 0)
        return SMTP_UNREACHABLE; /* no reply at all: not a relay we reach */
    if (code >= 500 && code < 600 &&
        (strncmp(detail, "RCPT failed", 11) == 0 ||
         rc == CURLE_WEIRD_SERVER_REPLY))
        return SMTP_PERMANENT;
    return SMTP_TEMPORARY;
}

enum smtp_outcome smtp_send(const char *url, const struct notify_sender *from,
                            const char *recipient, const char *message,
                            char *err, size_t errlen)
{
    char errbuf[CURL_ERROR_SIZE] = "";
    char mail_from[300], rcpt[300];
    snprintf(mail_from, sizeof mail_from, "<%s>", from->addr);
    snprintf(rcpt, sizeof rcpt, "<%s>", recipient);
    struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
    if (!rcpts) {
        snprintf(err, errlen, "out of memory");
        return SMTP_TEMPORARY;
    }
    struct upload up = {.data = message, .len = strlen(message)};

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(curl, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)up.len);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)SMTP_CONNECT_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)SMTP_TOTAL_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);

    CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpts);
    /* The handle must not keep pointers into this stack frame. */
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, NULL);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, NULL);
    if (rc == CURLE_OK) {
        err[0] = '\0';
        return SMTP_SENT;
    }
    const char *detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    if (code)
        snprintf(err, errlen, "%s (SMTP %ld)", detail, code);
    else
        snprintf(err, errlen, "%s", detail);
    return classify(rc, code, detail);
}
