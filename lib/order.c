#include "order.h"

#include <string.h>

#include "db.h"
#include "validate.h"

static const char SQL_ACCEPTANCE_PENDING[] =
    "INSERT INTO acceptances (msisdn, at, business, channel, result, detail) "
    "VALUES (?, NOW(), ?, 'web', 'pending', ?)";
static const char SQL_ORDER_ADD[] =
    "INSERT INTO provision_orders (msisdn, action, feature, enabled, param, "
    "request_xml, status, next_attempt_at, acceptance_id, request_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, '', 'pending', NOW(), ?, ?, NOW())";
static const char SQL_ORDER_XML[] =
    "UPDATE provision_orders SET request_xml = ? WHERE id = ?";

enum { ER_DUP_ENTRY = 1062 };

static const struct {
    const char *name, *label;
} features[] = {
    {"intl_long_distance", "国际长途"}, {"intl_roaming", "国际漫游"},
    {"domestic_roaming", "国内漫游"},   {"call_waiting", "呼叫等待"},
    {"call_forwarding", "呼叫转移"},    {"caller_id", "来电显示"},
    {"voicemail", "语音信箱"},          {"secretary", "秘书台"},
};

const char *sc_feature_label(const char *feature)
{
    for (size_t i = 0; feature && i < sizeof features / sizeof features[0]; i++)
        if (strcmp(features[i].name, feature) == 0)
            return features[i].label;
    return feature ? feature : "";
}

/* What the customer reads in the acceptance history. */
static const char *action_label(const char *action)
{
    if (strcmp(action, "suspend") == 0)
        return "报停";
    if (strcmp(action, "resume") == 0)
        return "恢复开机";
    if (strcmp(action, "loss") == 0)
        return "挂失";
    if (strcmp(action, "sim_swap") == 0)
        return "补卡激活";
    return action;
}

static bool only(const char *s, const char *allowed, size_t max)
{
    size_t n = strlen(s);
    return n <= max && strspn(s, allowed) == n;
}

/* Values go into the XML unescaped, so each is held to the characters the
 * schema allows; nothing else can reach the network. */
const char *sc_order_xml(sc_arena *a, long long id, const char *msisdn,
                         const char *action, const char *feature, int enabled,
                         const char *param)
{
    if (!sc_valid_msisdn(msisdn))
        return NULL;
    if (strcmp(action, "suspend") != 0 && strcmp(action, "resume") != 0 &&
        strcmp(action, "loss") != 0 && strcmp(action, "feature") != 0 &&
        strcmp(action, "sim_swap") != 0)
        return NULL;
    sc_buf b;
    sc_buf_init(&b, a);
    sc_buf_printf(&b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<order xmlns=\"urn:selfcare:provision:1\" id=\"%lld\">"
                  "<msisdn>%s</msisdn><action>%s</action>",
                  id, msisdn, action);
    if (strcmp(action, "feature") == 0) {
        if (!feature || strlen(feature) < 2 ||
            !only(feature, "abcdefghijklmnopqrstuvwxyz_", 32) ||
            (param && !only(param, "0123456789+", 32)))
            return NULL;
        sc_buf_printf(&b, "<feature name=\"%s\" enabled=\"%s\"", feature,
                      enabled ? "true" : "false");
        if (param && *param)
            sc_buf_printf(&b, " param=\"%s\"", param);
        sc_buf_puts(&b, "/>");
    } else if (strcmp(action, "sim_swap") == 0) {
        /* The new card's ICCID: 19 or 20 digits. */
        if (!param || strlen(param) < 19 || !only(param, "0123456789", 20))
            return NULL;
        sc_buf_printf(&b, "<sim iccid=\"%s\"/>", param);
    }
    sc_buf_puts(&b, "</order>\n");
    return b.data;
}

long long sc_order_add(struct sc_req *req, const char *msisdn,
                       const char *action, const char *feature, int enabled,
                       const char *param, const char *business,
                       const char *request_id)
{
    /* Checked before anything is written. */
    if (!sc_order_xml(req->arena, 1, msisdn, action, feature, enabled, param))
        return -1;
    const char *detail =
        feature ? sc_printf(req->arena, "%s%s", enabled ? "开通" : "取消",
                            sc_feature_label(feature))
        : strcmp(action, "sim_swap") == 0
            ? sc_printf(req->arena, "%s（新卡 ICCID 尾号 %s）",
                        action_label(action), param + strlen(param) - 4)
            : action_label(action);
    if (sc_db_exec(req, SQL_ACCEPTANCE_PENDING, "sss", msisdn, business,
                   detail) != 1)
        return -1;
    long long acceptance = sc_db_last_id();
    const char *on = feature ? (enabled ? "1" : "0") : NULL;
    if (sc_db_exec(req, SQL_ORDER_ADD, "sssssis", msisdn, action, feature, on,
                   param, acceptance, request_id) != 1)
        return sc_db_errno() == ER_DUP_ENTRY ? 0 : -1;
    long long id = sc_db_last_id();
    const char *xml =
        sc_order_xml(req->arena, id, msisdn, action, feature, enabled, param);
    if (sc_db_exec(req, SQL_ORDER_XML, "si", xml, id) != 1)
        return -1;
    return id;
}
