/* Orders on the wire: one HTTP POST per order with libcurl, reusing the
 * connection between orders of a batch. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "provision.h"

enum { MAX_ANSWER = 64 * 1024 };

static CURL *curl;

struct answer {
    sc_buf buf;
    bool truncated;
};

static size_t on_data(char *p, size_t size, size_t n, void *user)
{
    struct answer *ans = user;
    size_t len = size * n;
    size_t room = MAX_ANSWER - ans->buf.len;
    if (len > room) {
        ans->truncated = true;
        len = room;
    }
    sc_buf_add(&ans->buf, p, len);
    return size * n; /* the rest is read and dropped, not an error */
}

int prov_http_init(void)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return -1;
    curl = curl_easy_init();
    return curl ? 0 : -1;
}

void prov_http_cleanup(void)
{
    if (curl)
        curl_easy_cleanup(curl);
    curl = NULL;
    curl_global_cleanup();
}

long prov_post(sc_arena *a, const char *url, const char *xml, char **body,
               size_t *len, char *err, size_t errlen)
{
    struct answer ans = {0};
    sc_buf_init(&ans.buf, a);
    struct curl_slist *headers = NULL;
    headers = curl_slist_append(headers,
                                "Content-Type: application/xml; charset=utf-8");
    headers = curl_slist_append(headers, "Accept: application/xml");
    /* curl would otherwise wait a second for "100 Continue". */
    headers = curl_slist_append(headers, "Expect:");
    char curl_err[CURL_ERROR_SIZE] = "";

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, xml);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)strlen(xml));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)PROV_CONNECT_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)PROV_TOTAL_TIMEOUT);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ans);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_err);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "selfcare-provision");

    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    long status = 0;
    if (rc != CURLE_OK) {
        snprintf(err, errlen, "no answer from the network: %s",
                 curl_err[0] ? curl_err : curl_easy_strerror(rc));
        return 0;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    sc_buf_add(&ans.buf, "", 1); /* NUL, not counted */
    *body = ans.buf.data;
    *len = ans.buf.len - 1;
    if (ans.truncated)
        snprintf(err, errlen, "answer longer than %d bytes", MAX_ANSWER);
    else
        err[0] = '\0';
    return status;
}
