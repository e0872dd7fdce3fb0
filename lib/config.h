/* selfcare.ini, read once at start-up. */
#ifndef SC_CONFIG_H
#define SC_CONFIG_H

#include <stddef.h>

struct sc_config {
    char *views;              /* template root, absolute */
    unsigned char secret[32]; /* keys CSRF tokens */
    int cookie_secure;
    char *log_level;
    char *log_dir;    /* where PROGRAM.log goes; NULL = stderr */
    int session_idle; /* seconds */
    int session_absolute;
    char
        *session_epoch; /* shared epoch file of the session cache; NULL = off */
    size_t max_body;    /* bytes of a request body */
    int lock_failures;  /* wrong passwords that lock a number */
    int lock_window;    /* seconds in which they count */
    int lock_minutes;
    int ip_failures; /* wrong passwords from one address in the window */
    char *db_socket, *db_host, *db_name, *db_user, *db_password;
    int db_port;
    /* [notify]: the outbox sender's relay and retry schedule. */
    char *notify_smtp_url;
    char *notify_from;       /* "Display Name <addr@domain>" */
    char *notify_sms_url;    /* the SMS gateway (HTTP POST) */
    int notify_poll_seconds; /* between looks at the outbox */
    int notify_retry_first;  /* seconds before the first retry */
    int notify_retry_max;    /* cap of the doubling backoff */
    int notify_max_attempts; /* then the message is marked failed */
    /* [provision]: where orders go, their schema, and the retry schedule. */
    char *provision_endpoint; /* http(s) URL of the HLR/BOSS interface */
    char *provision_xsd;      /* schema/provision.xsd, absolute */
    int provision_poll_seconds;
    int provision_retry_first;  /* seconds before the first retry */
    int provision_retry_max;    /* cap of the doubling backoff */
    int provision_max_attempts; /* answered but unusable: then failed */
    /* [service]: the last days of a month in which plan changes (B-10) are
     * refused, where a province has no plan_freeze row of its own. */
    int service_plan_freeze_days;
    /* [sla]: the overdue worker's pace and when overdue goes upstairs. */
    int sla_poll_seconds;
    int sla_escalate_after; /* seconds past due before escalation */
};

extern struct sc_config sc_cfg;

/* Loads defaults, then the file; [db.PROGRAM] supplies the program's own
 * database user. Returns 0, or -1 with a message in err. */
int sc_config_load(const char *path, const char *program, char *err,
                   size_t errlen);
void sc_config_defaults(void);

#endif
