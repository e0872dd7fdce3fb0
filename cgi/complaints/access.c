/* Cookies that carry what the complaint pages must remember for one
 * browser without a table: that the tracking password of a complaint was
 * just entered here (HMAC-signed, short-lived, bound to the complaint's
 * id), and the new tracking password on its way from the submission to the
 * result page (encrypted, one use), so the password never appears in a URL
 * and a reload of the result page does not submit again. Both are keyed
 * from the application secret with their own purpose, so neither can be
 * passed off as the other or as a CSRF token. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "complaints.h"

#define COOKIE_TRACK "sc_ctrack"
#define COOKIE_FLASH "sc_cflash"
#define COOKIE_PATH "/complaints/"
enum { FLASH_SECONDS = 600 };

static void key_for(const char *purpose, unsigned char key[32])
{
    crypto_generichash(key, 32, (const unsigned char *)purpose, strlen(purpose),
                       sc_cfg.secret, sizeof sc_cfg.secret);
}

static void mac_hex(const char *text, char out[65])
{
    unsigned char key[32], mac[crypto_auth_hmacsha256_BYTES];
    key_for("selfcare complaints tracking access", key);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, sizeof key);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)text,
                                  strlen(text));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(out, 65, mac, sizeof mac);
    sodium_memzero(key, sizeof key);
}

void complaints_grant(struct sc_req *req, long long id)
{
    long long until =
        (long long)time(NULL) + complaints_cfg.track_cookie_minutes * 60LL;
    char text[64], mac[65];
    snprintf(text, sizeof text, "%lld.%lld", id, until);
    mac_hex(text, mac);
    sc_set_cookie(req, COOKIE_TRACK, sc_printf(req->arena, "%s.%s", text, mac),
                  COOKIE_PATH, complaints_cfg.track_cookie_minutes * 60L);
}

bool complaints_granted(const struct sc_req *req, long long id)
{
    const char *v = sc_cookie(req, COOKIE_TRACK);
    long long cid, until;
    int used = 0;
    if (!v || sscanf(v, "%lld.%lld.%n", &cid, &until, &used) != 2 || !used ||
        strlen(v + used) != 64)
        return false;
    char text[64], mac[65];
    snprintf(text, sizeof text, "%lld.%lld", cid, until);
    mac_hex(text, mac);
    return sodium_memcmp(mac, v + used, 64) == 0 && cid == id &&
           until >= (long long)time(NULL);
}

void complaints_flash_set(struct sc_req *req, long long id,
                          const char *password)
{
    unsigned char key[crypto_secretbox_KEYBYTES];
    key_for("selfcare complaints new password", key);
    char plain[96];
    int n = snprintf(plain, sizeof plain, "%lld:%lld:%s", id,
                     (long long)time(NULL) + FLASH_SECONDS, password);
    unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                      sizeof plain];
    randombytes_buf(box, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES,
                          (const unsigned char *)plain, (size_t)n, box, key);
    size_t len =
        crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + (size_t)n;
    size_t b64len = sodium_base64_ENCODED_LEN(
        len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *b64 = sc_alloc(req->arena, b64len);
    sodium_bin2base64(b64, b64len, box, len,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sc_set_cookie(req, COOKIE_FLASH, b64, COOKIE_PATH, FLASH_SECONDS);
    sodium_memzero(plain, sizeof plain);
    sodium_memzero(key, sizeof key);
}

const char *complaints_flash_take(struct sc_req *req, long long id)
{
    const char *v = sc_cookie(req, COOKIE_FLASH);
    if (!v)
        return NULL;
    /* Shown once: whatever it held, it is gone after this page. */
    sc_set_cookie(req, COOKIE_FLASH, "", COOKIE_PATH, 0);
    unsigned char box[256];
    size_t len;
    if (strlen(v) > 300 ||
        sodium_base642bin(box, sizeof box, v, strlen(v), NULL, &len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        len <= crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return NULL;
    unsigned char key[crypto_secretbox_KEYBYTES];
    key_for("selfcare complaints new password", key);
    char plain[256];
    size_t n = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
    int bad = crypto_secretbox_open_easy(
        (unsigned char *)plain, box + crypto_secretbox_NONCEBYTES,
        len - crypto_secretbox_NONCEBYTES, box, key);
    sodium_memzero(key, sizeof key);
    if (bad)
        return NULL;
    plain[n] = '\0';
    long long cid, until;
    int used = 0;
    if (sscanf(plain, "%lld:%lld:%n", &cid, &until, &used) != 2 || !used ||
        cid != id || until < (long long)time(NULL) || strlen(plain + used) != 8)
        return NULL;
    return sc_strdup(req->arena, plain + used);
}
