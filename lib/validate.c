#include "validate.h"

#include <stdio.h>
#include <string.h>

static bool all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool sc_valid_digits(const char *s, int n)
{
    return n > 0 && all_digits(s, (size_t)n);
}

bool sc_valid_msisdn(const char *s)
{
    return all_digits(s, 11) && s[0] == '1' && s[1] >= '3';
}

bool sc_valid_prefix7(const char *s)
{
    return all_digits(s, 7) && s[0] == '1' && s[1] >= '3';
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool sc_valid_yyyymm(const char *s)
{
    if (!all_digits(s, 6))
        return false;
    int y = num(s, 4), m = num(s + 4, 2);
    return y >= 1990 && y <= 2999 && m >= 1 && m <= 12;
}

bool sc_valid_yyyymmdd(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!all_digits(s, 8))
        return false;
    int y = num(s, 4), m = num(s + 4, 2), d = num(s + 6, 2);
    if (y < 1990 || y > 2999 || m < 1 || m > 12 || d < 1)
        return false;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

bool sc_valid_email(const char *s)
{
    size_t len = strlen(s);
    const char *at = strchr(s, '@');
    if (len < 3 || len > 254 || !at || at == s || strchr(at + 1, '@'))
        return false;
    if (at - s > 64)
        return false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 0x7f || strchr("<>()[]\\,;:\"", c))
            return false;
    }
    const char *domain = at + 1;
    const char *dot = strrchr(domain, '.');
    if (!dot || dot == domain || dot[1] == '\0' || domain[0] == '.' ||
        strstr(domain, ".."))
        return false;
    return strlen(dot + 1) >= 2;
}

bool sc_valid_username(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 32)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '.' || *s == '-'))
            return false;
    return true;
}

bool sc_valid_localpath(const char *s)
{
    /* "//host" and "/\host" would leave the site. */
    if (s[0] != '/' || s[1] == '/' || s[1] == '\\' || strlen(s) > 512)
        return false;
    for (; *s; s++)
        if ((unsigned char)*s <= ' ' || *s == 0x7f || *s == '\\')
            return false;
    return true;
}

long sc_utf8_chars(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long n = 0;
    while (*p) {
        unsigned c = *p;
        int extra;
        unsigned min;
        if (c < 0x80) {
            extra = 0;
            min = 0;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            min = 0x80;
            c &= 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            min = 0x800;
            c &= 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return -1;
        }
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return -1;
            c = (c << 6) | (*p & 0x3f);
        }
        /* Overlong forms, surrogates and values past Unicode are invalid. */
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
            return -1;
        n++;
    }
    return n;
}

bool sc_valid_text(const char *s, int max_chars)
{
    long n = sc_utf8_chars(s);
    if (n < 0 || n > max_chars)
        return false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c < ' ' && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
            return false;
        /* C1 controls U+0080..U+009F are 0xC2 0x80..0x9F in UTF-8. */
        if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
            (unsigned char)s[1] <= 0x9f)
            return false;
    }
    return true;
}

static bool valid_password(const char *s, int max)
{
    size_t n = strlen(s);
    if (n == 0 || (max > 0 && n > (size_t)max))
        return false;
    for (; *s; s++)
        if ((unsigned char)*s < ' ' || *s == 0x7f)
            return false;
    return true;
}

static bool valid_uint(const char *s, int max)
{
    size_t n = strlen(s);
    if (n == 0 || n > 9)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    long v = 0;
    sscanf(s, "%ld", &v);
    return max <= 0 || v <= max;
}

bool sc_field_valid(const struct sc_field *f, const char *v, char *buf,
                    size_t buflen)
{
    bool ok = false;
    const char *hint = "";
    switch (f->check) {
    case SC_MSISDN:
        ok = sc_valid_msisdn(v);
        hint = "请输入11位手机号码";
        break;
    case SC_PREFIX7:
        ok = sc_valid_prefix7(v);
        hint = "请输入手机号码的前7位数字";
        break;
    case SC_YYYYMMDD:
        ok = sc_valid_yyyymmdd(v);
        hint = "请按“年月日”格式输入8位日期，例如20260101";
        break;
    case SC_YYYYMM:
        ok = sc_valid_yyyymm(v);
        hint = "请按“年月”格式输入6位月份，例如202601";
        break;
    case SC_EMAIL:
        ok = sc_valid_email(v);
        hint = "请输入有效的电子邮件地址";
        break;
    case SC_DIGITS:
        ok = sc_valid_digits(v, f->arg);
        snprintf(buf, buflen, "「%s」应为%d位数字", f->label, f->arg);
        return ok;
    case SC_TEXT:
        ok = sc_valid_text(v, f->arg);
        snprintf(buf, buflen, "「%s」最多%d个字，且不能包含控制字符", f->label,
                 f->arg);
        return ok;
    case SC_PASSWORD:
        ok = valid_password(v, f->arg);
        hint = "密码含有无效字符或过长";
        break;
    case SC_UINT:
        ok = valid_uint(v, f->arg);
        hint = "请输入有效的数字";
        break;
    case SC_USERNAME:
        ok = sc_valid_username(v);
        hint = "用户名为3至32位小写字母、数字或“_ . -”";
        break;
    case SC_LOCALPATH:
        ok = sc_valid_localpath(v);
        hint = "跳转地址无效";
        break;
    case SC_CHOICE:
        for (const char *const *c = f->choices; c && *c; c++)
            if (strcmp(*c, v) == 0)
                ok = true;
        hint = "请从列表中选择";
        break;
    }
    snprintf(buf, buflen, "「%s」格式不正确：%s", f->label, hint);
    return ok;
}
