#include "records.h"

#include "db.h"

static const char SQL_ACCEPTANCE_ADD[] =
    "INSERT INTO acceptances (msisdn, at, business, channel, result, detail) "
    "VALUES (?, NOW(), ?, 'web', ?, ?)";
static const char SQL_OUTBOX_ADD[] =
    "INSERT INTO outbox (channel, recipient, subject, body, status, attempts, "
    "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, NOW(), "
    "NOW())";

int sc_acceptance_add(struct sc_req *req, const char *msisdn,
                      const char *business, const char *result,
                      const char *detail)
{
    return sc_db_exec(req, SQL_ACCEPTANCE_ADD, "ssss", msisdn, business, result,
                      detail ? detail : "") == 1
               ? 0
               : -1;
}

int sc_outbox_add(struct sc_req *req, const char *channel,
                  const char *recipient, const char *subject, const char *body)
{
    return sc_db_exec(req, SQL_OUTBOX_ADD, "ssss", channel, recipient,
                      subject ? subject : "", body) == 1
               ? 0
               : -1;
}
