/* Input validators. Each route declares its fields with one of these checks;
 * a value that fails never reaches the handler. */
#ifndef SC_VALIDATE_H
#define SC_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

enum sc_check {
    SC_MSISDN,   /* mainland mobile number, 11 digits starting 1[3-9] */
    SC_PREFIX7,  /* first 7 digits of a mobile number */
    SC_YYYYMMDD, /* a real calendar date */
    SC_YYYYMM,
    SC_EMAIL,
    SC_DIGITS,    /* exactly arg digits */
    SC_TEXT,      /* valid UTF-8, at most arg characters, no control chars */
    SC_PASSWORD,  /* any printable text up to arg bytes; never echoed */
    SC_UINT,      /* non-negative integer up to arg */
    SC_USERNAME,  /* [a-z0-9_.-], 3..32 */
    SC_LOCALPATH, /* a same-site path for redirects: starts with one '/' */
    SC_CHOICE,    /* one of choices[] */
};

enum { SC_REQUIRED = 1 };

struct sc_field {
    const char *name;  /* form/query name, stable once published */
    const char *label; /* Chinese label used in error messages */
    enum sc_check check;
    int arg;
    unsigned flags;
    const char *const *choices; /* NULL-terminated, for SC_CHOICE */
};

bool sc_valid_msisdn(const char *s);
bool sc_valid_prefix7(const char *s);
bool sc_valid_yyyymmdd(const char *s);
bool sc_valid_yyyymm(const char *s);
bool sc_valid_email(const char *s);
bool sc_valid_digits(const char *s, int n);
bool sc_valid_username(const char *s);
bool sc_valid_localpath(const char *s);
/* Characters in a UTF-8 string, or -1 if it is not valid UTF-8. */
long sc_utf8_chars(const char *s);
bool sc_valid_text(const char *s, int max_chars);

/* Checks one value against its field. On failure returns false and sets *why
 * to a Chinese message that names the field's label (static or from buf). */
bool sc_field_valid(const struct sc_field *f, const char *value, char *buf,
                    size_t buflen);

#endif
