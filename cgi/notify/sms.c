/* SMS through the operator's gateway: one HTTP POST per message to
 * [notify] sms_url, urlencoded to= (the number), text= and id= (the outbox
 * row, stable across retries so the gateway can tell a repeat), with
 * libcurl. What the answer means for the message is notify_sms_outcome's,
 * a pure rule the unit tests cover. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "notify.h"

static CURL *curl;

bool notify_valid_msisdn(const char *s)
{
    return s && sc_valid_msisdn(s);
}

char *notify_sms_form(sc_arena *a, const struct notify_msg *m)
{
    return sc_printf(a, "to=%s&text=%s&id=outbox.%lld",
                     sc_url_encode(a, m->recipient),
                     sc_url_encode(a, m->body ? m->body : ""), m->id);
}

enum smtp_outcome notify_sms_outcome(int transport_ok, long http_status)
{
    if (!transport_ok || http_status == 0)
        return SMTP_UNREACHABLE;
    if (http_status >= 200 && http_status < 300)
        return SMTP_SENT;
    /* Busy or throttled, or the gateway's own trouble: try again later. */
    if (http_status == 408 || http_status == 429 || http_status >= 500)
        return SMTP_TEMPORARY;
    return SMTP_PERMANENT;
}

static size_t discard(char *p, size_t size, size_t n, void *ctx)
{
    (void)p;
    (void)ctx;
    return size * n;
}

enum smtp_outcome sms_send(const char *url, const char *form, char *err,
                           size_t errlen)
{
    err[0] = '\0';
    if (!curl && !(curl = curl_easy_init())) {
        snprintf(err, errlen, "libcurl handle not available");
        return SMTP_UNREACHABLE;
    }
    curl_easy_reset(curl);
    char curl_err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_err);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)SMTP_CONNECT_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)SMTP_TOTAL_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    if (rc == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    enum smtp_outcome out = notify_sms_outcome(rc == CURLE_OK, status);
    if (rc != CURLE_OK)
        snprintf(err, errlen, "SMS gateway: %s",
                 curl_err[0] ? curl_err : curl_easy_strerror(rc));
    else if (out != SMTP_SENT)
        snprintf(err, errlen, "SMS gateway answered HTTP %ld", status);
    return out;
}

void sms_cleanup(void)
{
    if (curl)
        curl_easy_cleanup(curl);
    curl = NULL;
}
