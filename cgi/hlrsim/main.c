/* hlrsim: the local stack's HLR/BOSS simulator. It receives orders the way
 * the network interface would (POST /hlr/orders, XML per
 * schema/provision.xsd), validates them against the same schema as the
 * provision worker, keeps its own line state (hlr_lines, apart from
 * selfcare's subscribers) and answers. hlr_control makes it reject, answer
 * garbage, fail with 503 or stall, so the tests can show what the worker
 * does then; every request is kept in hlr_requests for the tests to look
 * at. Its nginx server listens on a loopback port only. */
#include <fcgiapp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../provision/provision.h"

enum { MAX_DELAY_MS = 60000, FEATURES_CHARS = 512 };

static const char SQL_CONTROL[] =
    "SELECT mode, delay_ms FROM hlr_control WHERE id = 1";
static const char SQL_CONTROL_SET[] =
    "UPDATE hlr_control SET mode = COALESCE(?, mode), "
    "delay_ms = COALESCE(?, delay_ms) WHERE id = 1";
static const char SQL_REQUEST_LOG[] =
    "INSERT INTO hlr_requests (at, order_id, valid, body) "
    "VALUES (NOW(), ?, ?, ?)";
static const char SQL_LINE_STATE[] =
    "INSERT INTO hlr_lines (msisdn, state, features, updated_at) "
    "VALUES (?, ?, '', NOW()) ON DUPLICATE KEY UPDATE state = VALUES(state), "
    "updated_at = NOW()";
static const char SQL_LINE_LOCK[] =
    "SELECT features FROM hlr_lines WHERE msisdn = ? FOR UPDATE";
static const char SQL_LINE_FEATURES[] =
    "INSERT INTO hlr_lines (msisdn, state, features, updated_at) "
    "VALUES (?, 'active', ?, NOW()) ON DUPLICATE KEY UPDATE "
    "features = VALUES(features), updated_at = NOW()";
static const char SQL_LINE_SIM[] =
    "INSERT INTO hlr_lines (msisdn, state, features, iccid, updated_at) "
    "VALUES (?, 'active', '', ?, NOW()) ON DUPLICATE KEY UPDATE "
    "iccid = VALUES(iccid), updated_at = NOW()";
static const char SQL_LINE[] =
    "SELECT state, features, updated_at, COALESCE(iccid, '') FROM hlr_lines "
    "WHERE msisdn = ?";

static bool schema_ready;

/* The schema is parsed once per worker, on its first order. */
static bool schema_load(void)
{
    if (schema_ready)
        return true;
    char err[512];
    if (prov_xml_init(sc_cfg.provision_xsd, err, sizeof err) != 0) {
        sc_error("%s", err);
        return false;
    }
    schema_ready = true;
    return true;
}

/* An XML answer with any status. lib renders its HTML error page for a 4xx
 * or 5xx a handler returns, so a 400 that must carry a <result> is written
 * to the web server here, whole, and marked as sent. */
static int answer(struct sc_req *req, int status, const char *xml)
{
    sc_header(req, "Content-Type", "application/xml; charset=utf-8");
    sc_write(req, xml, strlen(xml));
    return status;
}

static const char *result_xml(sc_arena *a, const char *order, int code,
                              const char *message)
{
    return sc_printf(a,
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<result xmlns=\"" PROV_NS "\"%s%s%s>"
                     "<code>%d</code><message>%s</message></result>\n",
                     order ? " order=\"" : "", order ? order : "",
                     order ? "\"" : "", code, message);
}

static bool all_digits(const char *s)
{
    return s && *s && strspn(s, "0123456789") == strlen(s) && strlen(s) <= 19;
}

/* features is "name=on|off[:param];..." (hlr_lines.features): the named
 * feature replaced or appended. */
static const char *features_set(sc_arena *a, const char *old, const char *name,
                                bool on, const char *param)
{
    sc_buf b;
    sc_buf_init(&b, a);
    size_t nlen = strlen(name);
    const char *p = old ? old : "";
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool same = len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=';
        if (len > 0 && !same) {
            sc_buf_add(&b, p, len);
            sc_buf_puts(&b, ";");
        }
        p += len + (end ? 1 : 0);
    }
    sc_buf_printf(&b, "%s=%s%s%s;", name, on ? "on" : "off",
                  param && *param ? ":" : "", param ? param : "");
    return b.data;
}

/* The order's effect on the simulator's own line. 0, or a status.
 * element is the order's <feature> or, for sim_swap, its <sim>. */
static int apply(struct sc_req *req, const char *msisdn, const char *action,
                 xmlNodePtr feature)
{
    if (strcmp(action, "sim_swap") == 0) {
        const char *iccid = prov_xml_attr(req->arena, feature, "iccid");
        if (!iccid)
            return 400; /* the schema requires it: cannot happen */
        return sc_db_exec(req, SQL_LINE_SIM, "ss", msisdn, iccid) < 0
                   ? sc_db_failure_status()
                   : 0;
    }
    const char *state = strcmp(action, "suspend") == 0  ? "suspended"
                        : strcmp(action, "loss") == 0   ? "lost"
                        : strcmp(action, "resume") == 0 ? "active"
                                                        : NULL;
    if (state)
        return sc_db_exec(req, SQL_LINE_STATE, "ss", msisdn, state) < 0
                   ? sc_db_failure_status()
                   : 0;
    const char *name = prov_xml_attr(req->arena, feature, "name");
    const char *enabled = prov_xml_attr(req->arena, feature, "enabled");
    const char *param = prov_xml_attr(req->arena, feature, "param");
    if (!name || !enabled)
        return 400; /* the schema requires both: cannot happen */
    bool on = strcmp(enabled, "true") == 0 || strcmp(enabled, "1") == 0;
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    struct sc_rows *r = sc_db_query(req, SQL_LINE_LOCK, "s", msisdn);
    if (!r)
        goto fail;
    const char *features =
        features_set(req->arena, r->n ? sc_cell(r, 0, 0) : "", name, on, param);
    if (strlen(features) > FEATURES_CHARS) {
        sc_db_rollback(req);
        return 400;
    }
    if (sc_db_exec(req, SQL_LINE_FEATURES, "ss", msisdn, features) < 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    return 0;
fail:
    sc_db_rollback(req);
    return sc_db_failure_status();
}

/* POST /hlr/orders */
static int orders_receive(struct sc_req *req)
{
    sc_arena *a = req->arena;
    if (!schema_load())
        return 500;
    struct sc_rows *c = sc_db_query(req, SQL_CONTROL, "");
    if (!c)
        return sc_db_failure_status();
    const char *mode = c->n ? sc_cell(c, 0, 0) : "ok";
    long long delay = c->n ? sc_cell_int(c, 0, 1) : 0;

    char err[512];
    xmlDocPtr invalid = NULL;
    xmlDocPtr doc = prov_xml_read(req->raw_body, req->raw_len, "order", err,
                                  sizeof err, &invalid);
    xmlNodePtr root = xmlDocGetRootElement(doc ? doc : invalid);
    const char *id = root ? prov_xml_attr(a, root, "id") : NULL;
    if (!all_digits(id))
        id = NULL;
    const char *body =
        req->raw_body ? sc_strndup(a, req->raw_body, req->raw_len) : "";
    if (sc_db_exec(req, SQL_REQUEST_LOG, "sis", id, (long long)(doc != NULL),
                   body) < 0)
        sc_warn("request not recorded (database error %u)", sc_db_errno());

    int status = 200;
    const char *reply = NULL;
    if (!doc) {
        sc_info("order %s refused: %s", id ? id : "(no id)", err);
        status = 400;
        reply = result_xml(a, id, 2, "invalid order");
    } else if (strcmp(mode, "error") == 0) {
        status = 503;
    } else if (strcmp(mode, "malformed") == 0) {
        reply = "this is not <result> XML &";
    } else if (strcmp(mode, "reject") == 0) {
        reply = result_xml(a, id, 1, "网络侧拒绝：号码状态不允许此操作");
    } else {
        const char *msisdn = prov_xml_child(a, root, "msisdn");
        const char *action = prov_xml_child(a, root, "action");
        /* <feature> for a feature order, <sim> for a sim_swap. */
        const char *want = strcmp(action, "sim_swap") == 0 ? "sim" : "feature";
        xmlNodePtr feature = NULL;
        for (xmlNodePtr n = root->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE &&
                strcmp((const char *)n->name, want) == 0)
                feature = n;
        if ((strcmp(action, "feature") == 0 ||
             strcmp(action, "sim_swap") == 0) &&
            !feature) {
            status = 400;
            reply = result_xml(a, id, 2, "invalid order");
        } else {
            status = apply(req, msisdn, action, feature);
            if (status == 0) {
                status = 200;
                reply = result_xml(a, id, 0, "OK");
            } else if (status == 400) {
                reply = result_xml(a, id, 2, "invalid order");
            }
        }
    }
    if (doc)
        xmlFreeDoc(doc);
    if (invalid)
        xmlFreeDoc(invalid);

    /* Stalls after the work, before the answer: what a slow network looks
     * like to the worker. */
    if (delay > 0)
        usleep((useconds_t)(delay > MAX_DELAY_MS ? MAX_DELAY_MS : delay) *
               1000);
    if (!reply)
        return status; /* 503 (mode error) or a database failure */
    return answer(req, status, reply);
}

static int control_show(struct sc_req *req)
{
    struct sc_rows *c = sc_db_query(req, SQL_CONTROL, "");
    if (!c)
        return sc_db_failure_status();
    sc_header(req, "Content-Type", "text/plain; charset=utf-8");
    sc_buf_printf(&req->body, "mode %s\ndelay_ms %s\n",
                  c->n ? sc_cell(c, 0, 0) : "ok",
                  c->n ? sc_cell(c, 0, 1) : "0");
    return 200;
}

/* POST /hlr/control: mode and/or delay_ms (tests only). */
static int control_set(struct sc_req *req)
{
    const char *mode = sc_field(req, "mode");
    const char *delay = sc_field(req, "delay_ms");
    if (!mode && !delay)
        return sc_bad_request(req, "请填写 mode 或 delay_ms。");
    if (sc_db_exec(req, SQL_CONTROL_SET, "ss", mode, delay) < 0)
        return sc_db_failure_status();
    sc_info("control: mode %s, delay_ms %s", mode ? mode : "(kept)",
            delay ? delay : "(kept)");
    return control_show(req);
}

/* GET /hlr/lines?msisdn=: the line as the simulated network holds it. */
static int line_show(struct sc_req *req)
{
    const char *msisdn = sc_field(req, "msisdn");
    struct sc_rows *r = sc_db_query(req, SQL_LINE, "s", msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0) {
        req->error_message = "模拟网络侧没有这个号码的记录。";
        return 404;
    }
    sc_header(req, "Content-Type", "text/plain; charset=utf-8");
    sc_buf_printf(&req->body,
                  "msisdn %s\nstate %s\nfeatures %s\nupdated %s\niccid %s\n",
                  msisdn, sc_cell(r, 0, 0), sc_cell(r, 0, 1), sc_cell(r, 0, 2),
                  sc_cell(r, 0, 3));
    return 200;
}

static const char *const modes[] = {"ok", "reject", "malformed", "error", NULL};
static const struct sc_field control_fields[] = {
    {"mode", "mode", SC_CHOICE, 0, 0, modes},
    {"delay_ms", "delay_ms", SC_UINT, MAX_DELAY_MS, 0, NULL},
    {0}};
static const struct sc_field line_fields[] = {
    {"msisdn", "号码", SC_MSISDN, 0, SC_REQUIRED, NULL}, {0}};

static const struct sc_route routes[] = {
    {"POST", "/hlr/orders", SC_API, 0, orders_receive, NULL, NULL},
    {"GET", "/hlr/control", SC_API, 0, control_show, NULL, NULL},
    {"POST", "/hlr/control", SC_API, 0, control_set, control_fields, NULL},
    {"GET", "/hlr/lines", SC_API, 0, line_show, line_fields, NULL},
    {0}};

static const struct sc_app hlrsim = {
    .name = "hlrsim",
    .routes = routes,
    .layout = "layout/page.tpl",
    .view_dirs = NULL,
    .login_path = "/",
    .reauth_path = "/",
};

int main(int argc, char **argv)
{
    return sc_app_main(&hlrsim, argc, argv);
}
