/* notify: sends the outbox (mail queued by the other programs inside their
 * own transactions) to the SMTP relay, with retries and backoff. */
#ifndef NOTIFY_H
#define NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "selfcare.h"

/* One outbox row being sent. */
struct notify_msg {
    long long id;
    const char *channel; /* "email" or "sms" */
    const char *recipient, *subject, *body;
    long long created; /* unix time, part of the stable Message-ID */
    int attempts;      /* before this one */
};

/* The configured sender, split: display name (UTF-8, may be empty) and the
 * addr-spec that goes into MAIL FROM and the From header. */
struct notify_sender {
    char name[256];
    char addr[256];
};

/* What became of one send. */
enum smtp_outcome {
    SMTP_SENT,
    SMTP_UNREACHABLE, /* no SMTP reply at all: the relay is down */
    SMTP_TEMPORARY,   /* the relay answered but did not take it (yet) */
    SMTP_PERMANENT,   /* the relay refused this message or recipient */
};

/* smtp.c: building the message (no I/O, unit-testable). */

/* An address we are willing to put in RCPT TO and a To header: a plain
 * dot-atom local part, an LDH domain with a dot, no spaces or controls. */
bool notify_valid_address(const char *s);
/* "Name <addr>" or a bare addr; 0, or -1 if the address is not valid. */
int notify_parse_sender(const char *from, struct notify_sender *out);
/* RFC 2047 encoded-words (UTF-8, base64) for a header whose name takes
 * name_len columns: folded so that no line exceeds 76 characters, split
 * only between UTF-8 characters. Control characters become spaces, so a
 * value can never start a header line of its own. */
char *notify_encode_header(sc_arena *a, const char *value, size_t name_len);
/* The whole RFC 5322 message: headers and the base64 body, CRLF lines. */
char *notify_build_message(sc_arena *a, const struct notify_sender *from,
                           const struct notify_msg *m, time_t now);

/* smtp.c: the relay (libcurl). The relay gets SMTP_CONNECT_TIMEOUT seconds
 * to answer and SMTP_TOTAL_TIMEOUT for a whole message, so a stuck relay
 * cannot hold the worker, nor outlast the lease on a claimed batch. */
enum { SMTP_CONNECT_TIMEOUT = 10, SMTP_TOTAL_TIMEOUT = 30 };

int smtp_init(void);
void smtp_cleanup(void);
/* Sends one message; err receives a one-line reason on failure. */
enum smtp_outcome smtp_send(const char *url, const struct notify_sender *from,
                            const char *recipient, const char *message,
                            char *err, size_t errlen);

/* sms.c: SMS through the HTTP gateway ([notify] sms_url). */

/* A number we send SMS to: a mainland mobile number. */
bool notify_valid_msisdn(const char *s);
/* The POST body: to=, text= (the row's body) and id=outbox.ID, urlencoded. */
char *notify_sms_form(sc_arena *a, const struct notify_msg *m);
/* What the gateway's answer means: no HTTP answer = unreachable; 2xx sent;
 * 408, 429 and 5xx temporary; any other status permanent. */
enum smtp_outcome notify_sms_outcome(int transport_ok, long http_status);
enum smtp_outcome sms_send(const char *url, const char *form, char *err,
                           size_t errlen);
void sms_cleanup(void);

#endif
