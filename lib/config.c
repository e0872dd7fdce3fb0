#include "config.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sc_config sc_cfg;

struct load_ctx {
    const char *program;
    char dbsection[64];
    char *err;
    size_t errlen;
    int secret_set;
};

static void set_str(char **dst, const char *value)
{
    free(*dst);
    *dst = strdup(value);
}

void sc_config_defaults(void)
{
    set_str(&sc_cfg.views, "views");
    set_str(&sc_cfg.log_level, "info");
    set_str(&sc_cfg.db_name, "selfcare");
    sc_cfg.cookie_secure = 0;
    sc_cfg.session_idle = 1800;
    sc_cfg.session_absolute = 8 * 3600;
    sc_cfg.max_body = 1024 * 1024;
    sc_cfg.lock_failures = 5;
    sc_cfg.lock_window = 15 * 60;
    sc_cfg.lock_minutes = 30;
    sc_cfg.ip_failures = 50;
    memset(sc_cfg.secret, 0, sizeof sc_cfg.secret);
    set_str(&sc_cfg.notify_smtp_url, "smtp://127.0.0.1:25");
    set_str(&sc_cfg.notify_from, "selfcare <noreply@localhost>");
    set_str(&sc_cfg.notify_sms_url, "http://127.0.0.1:24080/sms");
    sc_cfg.notify_poll_seconds = 5;
    sc_cfg.notify_retry_first = 60;
    sc_cfg.notify_retry_max = 3600;
    sc_cfg.notify_max_attempts = 12;
    set_str(&sc_cfg.provision_endpoint, "http://127.0.0.1:9080/hlr/orders");
    set_str(&sc_cfg.provision_xsd, "schema/provision.xsd");
    sc_cfg.provision_poll_seconds = 5;
    sc_cfg.provision_retry_first = 30;
    sc_cfg.provision_retry_max = 3600;
    sc_cfg.provision_max_attempts = 10;
    sc_cfg.service_plan_freeze_days = 2;
    sc_cfg.sla_poll_seconds = 60;
    sc_cfg.sla_escalate_after = 24 * 3600;
}

static int parse_hex(unsigned char *out, size_t outlen, const char *hex)
{
    if (strlen(hex) != outlen * 2)
        return -1;
    for (size_t i = 0; i < outlen; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1)
            return -1;
        out[i] = (unsigned char)v;
    }
    return 0;
}

static int on_value(void *user, const char *section, const char *name,
                    const char *value)
{
    struct load_ctx *ctx = user;
    if (strcmp(section, "app") == 0) {
        if (strcmp(name, "views") == 0)
            set_str(&sc_cfg.views, value);
        else if (strcmp(name, "secret") == 0) {
            if (parse_hex(sc_cfg.secret, sizeof sc_cfg.secret, value) != 0) {
                snprintf(ctx->err, ctx->errlen,
                         "[app] secret must be 64 hex digits");
                return 0;
            }
            ctx->secret_set = 1;
        } else if (strcmp(name, "cookie_secure") == 0)
            sc_cfg.cookie_secure = atoi(value);
        else if (strcmp(name, "log_level") == 0)
            set_str(&sc_cfg.log_level, value);
        else if (strcmp(name, "log_dir") == 0)
            set_str(&sc_cfg.log_dir, value);
        else if (strcmp(name, "session_idle") == 0)
            sc_cfg.session_idle = atoi(value);
        else if (strcmp(name, "session_absolute") == 0)
            sc_cfg.session_absolute = atoi(value);
        else if (strcmp(name, "session_epoch") == 0)
            set_str(&sc_cfg.session_epoch, value);
        else if (strcmp(name, "max_body") == 0)
            sc_cfg.max_body = (size_t)strtoul(value, NULL, 10);
        else if (strcmp(name, "lock_failures") == 0)
            sc_cfg.lock_failures = atoi(value);
        else if (strcmp(name, "lock_window") == 0)
            sc_cfg.lock_window = atoi(value);
        else if (strcmp(name, "lock_minutes") == 0)
            sc_cfg.lock_minutes = atoi(value);
        else if (strcmp(name, "ip_failures") == 0)
            sc_cfg.ip_failures = atoi(value);
    } else if (strcmp(section, "notify") == 0) {
        if (strcmp(name, "smtp_url") == 0)
            set_str(&sc_cfg.notify_smtp_url, value);
        else if (strcmp(name, "from") == 0)
            set_str(&sc_cfg.notify_from, value);
        else if (strcmp(name, "sms_url") == 0)
            set_str(&sc_cfg.notify_sms_url, value);
        else if (strcmp(name, "poll_seconds") == 0)
            sc_cfg.notify_poll_seconds = atoi(value);
        else if (strcmp(name, "retry_first_seconds") == 0)
            sc_cfg.notify_retry_first = atoi(value);
        else if (strcmp(name, "retry_max_seconds") == 0)
            sc_cfg.notify_retry_max = atoi(value);
        else if (strcmp(name, "max_attempts") == 0)
            sc_cfg.notify_max_attempts = atoi(value);
    } else if (strcmp(section, "provision") == 0) {
        if (strcmp(name, "endpoint") == 0)
            set_str(&sc_cfg.provision_endpoint, value);
        else if (strcmp(name, "xsd") == 0)
            set_str(&sc_cfg.provision_xsd, value);
        else if (strcmp(name, "poll_seconds") == 0)
            sc_cfg.provision_poll_seconds = atoi(value);
        else if (strcmp(name, "retry_first_seconds") == 0)
            sc_cfg.provision_retry_first = atoi(value);
        else if (strcmp(name, "retry_max_seconds") == 0)
            sc_cfg.provision_retry_max = atoi(value);
        else if (strcmp(name, "max_attempts") == 0)
            sc_cfg.provision_max_attempts = atoi(value);
    } else if (strcmp(section, "service") == 0) {
        if (strcmp(name, "plan_freeze_days") == 0) {
            sc_cfg.service_plan_freeze_days = atoi(value);
            if (sc_cfg.service_plan_freeze_days < 0 ||
                sc_cfg.service_plan_freeze_days > 31) {
                snprintf(ctx->err, ctx->errlen,
                         "[service] plan_freeze_days must be 0 to 31");
                return 0;
            }
        }
    } else if (strcmp(section, "sla") == 0) {
        if (strcmp(name, "poll_seconds") == 0)
            sc_cfg.sla_poll_seconds = atoi(value);
        else if (strcmp(name, "escalate_after_seconds") == 0)
            sc_cfg.sla_escalate_after = atoi(value);
    } else if (strcmp(section, "db") == 0 ||
               strcmp(section, ctx->dbsection) == 0) {
        if (strcmp(name, "socket") == 0)
            set_str(&sc_cfg.db_socket, value);
        else if (strcmp(name, "host") == 0)
            set_str(&sc_cfg.db_host, value);
        else if (strcmp(name, "port") == 0)
            sc_cfg.db_port = atoi(value);
        else if (strcmp(name, "name") == 0)
            set_str(&sc_cfg.db_name, value);
        else if (strcmp(name, "user") == 0)
            set_str(&sc_cfg.db_user, value);
        else if (strcmp(name, "password") == 0)
            set_str(&sc_cfg.db_password, value);
    }
    return 1;
}

int sc_config_load(const char *path, const char *program, char *err,
                   size_t errlen)
{
    sc_config_defaults();
    struct load_ctx ctx = {.program = program, .err = err, .errlen = errlen};
    snprintf(ctx.dbsection, sizeof ctx.dbsection, "db.%s", program);
    err[0] = '\0';
    int rc = ini_parse(path, on_value, &ctx);
    if (rc < 0) {
        snprintf(err, errlen, "cannot read %s", path);
        return -1;
    }
    if (rc > 0) {
        if (!err[0])
            snprintf(err, errlen, "%s: syntax error on line %d", path, rc);
        return -1;
    }
    if (!ctx.secret_set) {
        snprintf(err, errlen, "%s: [app] secret is missing", path);
        return -1;
    }
    return 0;
}
