/* Cross-region SIM replacement. The customer, wherever they are,
 * asks for a new SIM: the city they are in, the delivery address and a
 * contact phone, confirmed with the password entered again. The new card
 * is recorded at once (a new ICCID, inactive: in transit) while the old
 * card keeps working. On receipt the customer activates it here, the
 * password again: that places a sim_swap order to the network, and only
 * the network's confirmation (the provision worker) makes the new card
 * active and the old one void. A failed activation leaves both as they
 * were; the customer may try again.
 *
 * At most one card in transit per line (uq_sim_cards_transit); the form's
 * request_id makes the same request sent twice one card, and the
 * activation's one order (service_order_place). Wrong passwords count
 * toward the number's lockout like a wrong login.
 * Statements, the session check included: the page 4 (the line with its
 * last activation order, its cards, the cities); a request 11 (2 lock
 * checks, the hash, BEGIN, the locked line, its cards, 2 writes, COMMIT);
 * an activation 12 (the card, then as loss_submit). */
#include "service.h"

#include <sodium.h>
#include <string.h>

static const char SQL_LINE[] =
    "SELECT s.status, o.id, o.param, o.status, o.last_error "
    "FROM subscribers s LEFT JOIN provision_orders o ON o.id = "
    "(SELECT MAX(x.id) FROM provision_orders x WHERE x.msisdn = s.msisdn "
    "AND x.action = 'sim_swap') WHERE s.msisdn = ?";
static const char SQL_CARDS[] =
    "SELECT c.iccid, c.status, COALESCE(ci.name, ''), "
    "COALESCE(c.delivery_address, ''), COALESCE(c.contact_phone, ''), "
    "DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), "
    "DATE_FORMAT(c.activated_at, '%Y-%m-%d %H:%i') FROM sim_cards c "
    "LEFT JOIN cities ci ON ci.id = c.city_id "
    "WHERE c.msisdn = ? AND c.status IN ('inactive', 'active') "
    "ORDER BY c.status = 'inactive' DESC, c.created_at DESC LIMIT 2";
static const char SQL_CITIES[] =
    "SELECT c.id, c.name, p.name FROM cities c "
    "JOIN provinces p ON p.id = c.province_id "
    "ORDER BY c.province_id, c.is_capital DESC, c.name";
static const char SQL_HASH[] =
    "SELECT password_hash FROM subscribers WHERE msisdn = ?";
static const char SQL_LOCK[] =
    "SELECT status FROM subscribers WHERE msisdn = ? FOR UPDATE";
static const char SQL_TRANSIT[] =
    "SELECT iccid, COALESCE(request_id = ?, 0) FROM sim_cards "
    "WHERE msisdn = ? AND (status = 'inactive' OR request_id = ?)";
static const char SQL_INACTIVE[] =
    "SELECT iccid FROM sim_cards WHERE msisdn = ? AND status = 'inactive'";
static const char SQL_ADD[] =
    "INSERT INTO sim_cards (iccid, puk, msisdn, status, city_id, "
    "delivery_address, contact_phone, request_id, transit_msisdn, created_at) "
    "VALUES (?, ?, ?, 'inactive', ?, ?, ?, ?, ?, NOW())";

enum { ER_DUP_ENTRY = 1062 };

/* A new ICCID: 89 (telecom) 86 (China) 00 (China Mobile), the home
 * province, 11 random digits and the Luhn check digit: 20 digits. */
static const char *new_iccid(sc_arena *a, int province_id)
{
    char d[21];
    snprintf(d, sizeof d, "898600%02d", province_id % 100);
    for (int i = 8; i < 19; i++)
        d[i] = (char)('0' + randombytes_uniform(10));
    d[19] = '\0';
    int sum = 0;
    for (int i = 18, dbl = 1; i >= 0; i--, dbl = !dbl) {
        int v = d[i] - '0';
        if (dbl && (v *= 2) > 9)
            v -= 9;
        sum += v;
    }
    d[19] = (char)('0' + (10 - sum % 10) % 10);
    d[20] = '\0';
    return sc_strdup(a, d);
}

static bool valid_phone(const char *s)
{
    size_t n = strlen(s);
    return n >= 7 && n <= 20 && strspn(s, "0123456789") == n;
}

/* The submitted request, kept on the page when it is refused. */
struct request {
    const char *city, *address, *phone;
};

/* The page; error above the forms. 0, or a status. */
static int page(struct sc_req *req, const struct request *in, const char *error)
{
    const char *msisdn = req->customer->msisdn;
    sc_arena *a = req->arena;
    struct sc_rows *line = sc_db_query(req, SQL_LINE, "s", msisdn);
    if (!line)
        return sc_db_failure_status();
    if (line->n == 0)
        return 404; /* the session outlived its subscriber */
    struct sc_rows *cards = sc_db_query(req, SQL_CARDS, "s", msisdn);
    if (!cards)
        return sc_db_failure_status();

    const char *status = sc_cell(line, 0, 0);
    bool open = strcmp(status, "closed") != 0;
    sc_dict *d = sc_view(req, "service/sim.tpl", "跨区补卡");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "STATUS", service_status_label(status));
    sc_set(d, "STATUS_CLASS", status);
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    const char *transit = NULL;
    bool active = false;
    for (int i = 0; i < cards->n; i++) {
        bool inactive = strcmp(sc_cell(cards, i, 1), "inactive") == 0;
        sc_dict *c = sc_section(d, inactive ? "NEW_CARD" : "OLD_CARD");
        sc_set(c, "ICCID", sc_cell(cards, i, 0));
        sc_set(c, "CITY", sc_cell(cards, i, 2));
        sc_set(c, "ADDRESS", sc_cell(cards, i, 3));
        sc_set(c, "PHONE", sc_cell(cards, i, 4));
        sc_set(c, "CREATED", sc_cell(cards, i, 5));
        if (inactive)
            transit = sc_cell(cards, i, 0);
        else
            active = true;
        if (!inactive && sc_cell(cards, i, 6))
            sc_set(c, "ACTIVATED", sc_cell(cards, i, 6));
    }
    /* A line never replaced has its first card, not recorded here. */
    if (!active)
        sc_show(d, "ORIGINAL_CARD");

    /* The last activation order: pending, or failed for this card. */
    const char *order = sc_cell(line, 0, 1);
    const char *order_state = sc_cell(line, 0, 3);
    bool order_pending = order && strcmp(order_state, "pending") == 0;
    if (order_pending) {
        sc_dict *p = sc_section(d, "ACTIVATING");
        sc_set(p, "HREF", sc_printf(a, "/service/order?id=%s", order));
    } else if (transit && order && strcmp(order_state, "failed") == 0 &&
               strcmp(sc_cell(line, 0, 2), transit) == 0) {
        sc_dict *f = sc_section(d, "ACTIVATION_FAILED");
        const char *why = sc_cell(line, 0, 4);
        sc_set(f, "MESSAGE", why && *why ? why : "网络未能激活新卡");
        sc_set(f, "HREF", sc_printf(a, "/service/order?id=%s", order));
    }
    if (!open) {
        sc_show(d, "CLOSED");
    } else if (transit) {
        if (!order_pending) {
            char token[44];
            sc_token_new(token);
            sc_dict *f = sc_section(d, "ACTIVATE");
            sc_set(f, "REQUEST_ID", token);
            sc_set(f, "ICCID", transit);
        }
    } else {
        struct sc_rows *cities = sc_db_query(req, SQL_CITIES, "");
        if (!cities)
            return sc_db_failure_status();
        char token[44];
        sc_token_new(token);
        sc_dict *f = sc_section(d, "REQUEST");
        sc_set(f, "REQUEST_ID", token);
        sc_set(f, "ADDRESS", in && in->address ? in->address : "");
        sc_set(f, "PHONE", in && in->phone ? in->phone : "");
        /* Cities grouped by province, in province order. */
        const char *province = NULL;
        sc_dict *g = NULL;
        for (int i = 0; i < cities->n; i++) {
            const char *pn = sc_cell(cities, i, 2);
            if (!province || strcmp(province, pn) != 0) {
                g = sc_section(f, "PROVINCE");
                sc_set(g, "NAME", pn);
                province = pn;
            }
            sc_dict *c = sc_section(g, "CITY");
            sc_set(c, "ID", sc_cell(cities, i, 0));
            sc_set(c, "NAME", sc_cell(cities, i, 1));
            if (in && in->city && strcmp(in->city, sc_cell(cities, i, 0)) == 0)
                sc_show(c, "SELECTED");
        }
    }
    return 0;
}

int sim_form(struct sc_req *req)
{
    int st = page(req, NULL, NULL);
    return st ? st : 200;
}

static int refuse(struct sc_req *req, const struct request *in, int code,
                  const char *message)
{
    int st = page(req, in, message);
    return st ? st : code;
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "该号码服务密码连续输错次数过多，已被暂时锁定，请于 %s "
                     "之后再试，或拨打客服热线 10086 办理补卡。",
                     l->until);
}

/* The password entered again: 0 when right, 1 when wrong (counted; the
 * caller shows its page), or a status (locked: the session ends). */
static int password_recheck(struct sc_req *req, const char *what)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_lock lock;
    int status = sc_login_precheck(req, "msisdn", msisdn, &lock);
    if (status)
        return status;
    if (!lock.locked) {
        struct sc_rows *r = sc_db_query(req, SQL_HASH, "s", msisdn);
        if (!r)
            return sc_db_failure_status();
        if (sc_password_verify(r->n ? sc_cell(r, 0, 0) : NULL,
                               sc_field(req, "password"))) {
            if (sc_lockout_clear(req, "msisdn", msisdn) != 0)
                sc_warn("service: could not clear password failures of %s",
                        msisdn);
            return 0;
        }
        status = sc_login_failed(req, "msisdn", msisdn, &lock);
        if (status)
            return status;
        sc_info("service: wrong password for %s on %s", msisdn, what);
        if (!lock.locked)
            return 1;
    }
    sc_session_end_customer(req);
    req->error_message = locked_message(req, &lock);
    return 403;
}

static const char *wrong_message(struct sc_req *req, const char *what)
{
    return sc_printf(req->arena,
                     "服务密码不正确，%s未办理，请重新输入。连续输错 %d 次，"
                     "号码将被锁定 %d 分钟。",
                     what, sc_cfg.lock_failures, sc_cfg.lock_minutes);
}

int sim_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct request in = {sc_field(req, "city"), sc_field(req, "address"),
                         sc_field(req, "contact_phone")};
    const char *request_id = sc_field(req, "request_id");
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    if (sc_reference_load(req) != 0)
        return sc_db_failure_status();
    const struct sc_city_ref *city =
        sc_city_ref((int)strtol(in.city, NULL, 10));
    if (!city)
        return refuse(req, &in, 400, "「所在城市」请从列表中选择。");
    if (sc_utf8_chars(in.address) < 6)
        return refuse(req, &in, 400,
                      "「收卡地址」请填写完整的邮寄地址（至少 6 个字）。");
    if (!valid_phone(in.phone))
        return refuse(req, &in, 400,
                      "「联系电话」格式不正确：请只填写数字，7 到 20 位（固定"
                      "电话请连同区号一起填写）。");
    int pw = password_recheck(req, "补卡申请");
    if (pw == 1)
        return refuse(req, &in, 403, wrong_message(req, "补卡"));
    if (pw)
        return pw;

    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    struct sc_rows *line = sc_db_query(req, SQL_LOCK, "s", msisdn);
    if (!line || line->n == 0)
        goto fail;
    struct sc_rows *transit =
        sc_db_query(req, SQL_TRANSIT, "sss", request_id, msisdn, request_id);
    if (!transit)
        goto fail;
    for (int i = 0; i < transit->n; i++)
        if (sc_cell_int(transit, i, 1)) { /* the same form sent again */
            sc_db_rollback(req);
            return sc_redirect(req, "/service/sim");
        }
    const char *why = NULL;
    if (strcmp(sc_cell(line, 0, 0), "closed") == 0)
        why = "本号码已销号，不能办理补卡。";
    else if (transit->n > 0)
        why = "您已有一张新卡在寄送中，请收到后在本页激活；如需重新补卡，请拨"
              "打 10086。";
    if (why) {
        sc_db_rollback(req);
        return refuse(req, &in, 409, why);
    }
    const char *iccid = new_iccid(req->arena, req->customer->province_id);
    /* The card's PUK: printed on the card, the line's once it is active. */
    char puk[9];
    for (int i = 0; i < 8; i++)
        puk[i] = (char)('0' + randombytes_uniform(10));
    puk[8] = '\0';
    if (sc_db_exec(req, SQL_ADD, "sssissss", iccid, puk, msisdn,
                   (long long)city->id, in.address, in.phone, request_id,
                   msisdn) != 1) {
        if (sc_db_errno() == ER_DUP_ENTRY) {
            sc_db_rollback(req);
            return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
        }
        goto fail;
    }
    if (sc_acceptance_add(req, msisdn, "跨区补卡", "done",
                          sc_printf(req->arena,
                                    "新 SIM 卡已登记（ICCID 尾号 %s），寄往%s，"
                                    "收到后激活",
                                    iccid + 16, city->name)) != 0)
        goto fail;
    if (sc_db_commit(req) != 0)
        return sc_db_failure_status();
    sc_info("service: %s new SIM recorded (city %d)", msisdn, city->id);
    return sc_redirect(req, "/service/sim");
fail:
    sc_db_rollback(req);
    return sc_db_failure_status();
}

int sim_activate(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *request_id = sc_field(req, "request_id");
    if (!service_token_valid(request_id))
        return sc_bad_request(req, "表单已失效，请重新打开页面后再提交。");
    struct sc_rows *card = sc_db_query(req, SQL_INACTIVE, "s", msisdn);
    if (!card)
        return sc_db_failure_status();
    if (card->n == 0)
        return refuse(req, NULL, 409, "没有待激活的新卡。");
    const char *iccid = sc_cell(card, 0, 0);
    int pw = password_recheck(req, "补卡激活");
    if (pw == 1)
        return refuse(req, NULL, 403, wrong_message(req, "新卡激活"));
    if (pw)
        return pw;

    long long id = 0;
    const char *status = "";
    enum order_outcome out =
        service_order_place(req, "active suspended lost", "sim_swap", NULL, 0,
                            iccid, "补卡激活", request_id, &id, &status);
    switch (out) {
    case ORDER_PLACED:
        sc_info("service: %s order %lld (sim_swap)", msisdn, id);
        /* fall through */
    case ORDER_EXISTS:
        return sc_redirect(req,
                           sc_printf(req->arena, "/service/order?id=%lld", id));
    case ORDER_STATE:
        return refuse(req, NULL, 409,
                      sc_printf(req->arena,
                                "本号码当前状态为%s，不能激活新卡。",
                                service_status_label(status)));
    case ORDER_PENDING:
        return refuse(
            req, NULL, 409,
            "本号码有一笔业务正在处理中，请等待网络确认后再激活新卡。");
    case ORDER_FAILED:
        break;
    }
    return sc_db_failure_status();
}
