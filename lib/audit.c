#include "audit.h"

#include "db.h"

static const char SQL_AUDIT_ADD[] =
    "INSERT INTO audit_log (at, staff_id, username, action, target, detail, "
    "client_ip) VALUES (NOW(), ?, ?, ?, ?, ?, ?)";

int sc_audit(struct sc_req *req, const char *username, const char *action,
             const char *target, const char *detail)
{
    const char *who = req->staff ? req->staff->username : username;
    long long affected;
    if (req->staff)
        affected = sc_db_exec(req, SQL_AUDIT_ADD, "isssss", req->staff->id, who,
                              action, target ? target : "",
                              detail ? detail : "", req->remote_addr);
    else
        affected = sc_db_exec(req, SQL_AUDIT_ADD, "ssssss", (const char *)NULL,
                              who ? who : "", action, target ? target : "",
                              detail ? detail : "", req->remote_addr);
    return affected == 1 ? 0 : -1;
}
