/* Top-up card payment (B-06): card number and PIN. The PIN is never stored:
 * the card holds SHA-256 of "card_no:pin", compared in constant time. An
 * unknown card and a wrong PIN get the same answer, so the form cannot be
 * used to find which card numbers exist. Wrong PINs are counted per card
 * and per customer (their own lockout kinds, so card guessing never locks
 * the customer's password). The credit is one transaction whose
 * conditional update of the card lets exactly one of any number of
 * concurrent submissions of a card through; the card itself is the key
 * against double submission (a second submission finds it used by this
 * number and says so, with a link to the result).
 * Statements, the session check included: form 1, done 2; a top-up 10: the
 * session, 2 lock checks, the card, BEGIN, 4 writes, COMMIT. */
#include "service.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

enum {
    ER_LOCK_WAIT_TIMEOUT = 1205,
    ER_LOCK_DEADLOCK = 1213,
    /* Wrong PINs before a lock: a card has 10^18 PINs, so a handful of
     * attempts per card is plenty for typos, and a customer trying many
     * cards is stopped too. */
    CARD_FAILURES = 5,
    CUSTOMER_FAILURES = 10
};

static const char SQL_CARD[] =
    "SELECT pin_sha256, value_fen, status, expires_on >= CURDATE(), "
    "used_by, DATE_FORMAT(expires_on, '%Y-%m-%d') FROM topup_cards "
    "WHERE card_no = ?";
static const char SQL_USE_CARD[] =
    "UPDATE topup_cards SET status = 'used', used_at = NOW(), used_by = ? "
    "WHERE card_no = ? AND status = 'unused' AND expires_on >= CURDATE()";
static const char SQL_CREDIT[] =
    "UPDATE subscribers SET balance_fen = balance_fen + ? WHERE msisdn = ?";
static const char SQL_PAYMENT_ADD[] =
    "INSERT INTO payments (msisdn, paid_at, amount_fen, channel, reference) "
    "VALUES (?, NOW(), ?, 'card', ?)";
static const char SQL_DONE[] =
    "SELECT t.card_no, t.value_fen, DATE_FORMAT(t.used_at, '%Y-%m-%d "
    "%H:%i:%s'), s.balance_fen FROM topup_cards t "
    "JOIN subscribers s ON s.msisdn = t.used_by "
    "WHERE t.card_no = ? AND t.used_by = ? AND t.status = 'used'";

static const char WRONG[] =
    "卡号或密码不正确，未进行充值。请核对充值卡背面的卡号和密码后重新输入。";

static void form(struct sc_req *req, const char *error, const char *card_no)
{
    sc_dict *d = sc_view(req, "service/topup.tpl", "话费卡缴费");
    sc_set(d, "MSISDN", req->customer->msisdn);
    sc_set(d, "CARD_NO", card_no ? card_no : "");
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
}

int topup_form(struct sc_req *req)
{
    form(req, NULL, NULL);
    return 200;
}

/* Whether pin is the card's: hex SHA-256 of "card_no:pin" against stored,
 * compared in constant time. stored may be NULL (no such card): the hash is
 * computed all the same so both answers take as long. */
static bool pin_matches(const char *stored, const char *card_no,
                        const char *pin)
{
    char text[17 + 1 + 18 + 1];
    snprintf(text, sizeof text, "%s:%s", card_no, pin);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    if (!stored || strlen(stored) != sizeof hex - 1)
        return false;
    return sodium_memcmp(hex, stored, sizeof hex - 1) == 0;
}

static const char *locked_message(struct sc_req *req, const struct sc_lock *l)
{
    return sc_printf(req->arena,
                     "充值卡密码输错次数过多，已暂停使用充值卡缴费，请于 %s "
                     "之后再试。",
                     l->until);
}

enum outcome { TU_DONE, TU_GONE, TU_FAILED };

static enum outcome topup_once(struct sc_req *req, const char *card_no,
                               long long value)
{
    const char *msisdn = req->customer->msisdn;
    if (sc_db_begin(req) != 0)
        return TU_FAILED;
    enum outcome out = TU_FAILED;
    /* The card first: a concurrent twin waits on its row lock here and
     * then finds it used (0 rows), before it has written anything. */
    long long n = sc_db_exec(req, SQL_USE_CARD, "ss", msisdn, card_no);
    if (n != 1) {
        out = n == 0 ? TU_GONE : TU_FAILED;
        goto undo;
    }
    if (sc_db_exec(req, SQL_CREDIT, "is", value, msisdn) != 1 ||
        sc_db_exec(req, SQL_PAYMENT_ADD, "sis", msisdn, value, card_no) != 1 ||
        sc_acceptance_add(req, msisdn, "话费卡缴费", "done",
                          sc_printf(req->arena, "充值卡 %s 充值 %s 元", card_no,
                                    sc_yuan_plain(req->arena, value))) != 0)
        goto undo;
    if (sc_db_commit(req) != 0)
        return TU_FAILED;
    return TU_DONE;
undo:
    sc_db_rollback(req);
    return out;
}

/* Counts a wrong PIN for the card and the customer; 0 or a status. */
static int count_failure(struct sc_req *req, const char *card_no)
{
    struct sc_lock a, b;
    if (sc_lockout_fail(req, "card", card_no, CARD_FAILURES, &a) != 0 ||
        sc_lockout_fail(req, "card_msisdn", req->customer->msisdn,
                        CUSTOMER_FAILURES, &b) != 0)
        return sc_db_failure_status();
    if (a.locked || b.locked) {
        req->error_message = locked_message(req, a.locked ? &a : &b);
        return 429;
    }
    form(req, WRONG, card_no);
    return 403;
}

int topup_submit(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    const char *card_no = sc_field(req, "card_no");
    struct sc_lock lock;
    if (sc_lockout_check(req, "card", card_no, &lock) != 0)
        return sc_db_failure_status();
    if (!lock.locked &&
        sc_lockout_check(req, "card_msisdn", msisdn, &lock) != 0)
        return sc_db_failure_status();
    if (lock.locked) {
        req->error_message = locked_message(req, &lock);
        return 429;
    }

    struct sc_rows *r = sc_db_query(req, SQL_CARD, "s", card_no);
    if (!r)
        return sc_db_failure_status();
    if (!pin_matches(r->n ? sc_cell(r, 0, 0) : NULL, card_no,
                     sc_field(req, "card_pin"))) {
        sc_info("service: wrong card PIN from %s", msisdn);
        return count_failure(req, card_no);
    }
    /* From here on the customer has proved they hold the card: its state
     * may be told. */
    const char *status = sc_cell(r, 0, 2);
    long long value = sc_cell_int(r, 0, 1);
    const char *used_by = sc_cell(r, 0, 4);
    const char *why = NULL;
    if (strcmp(status, "void") == 0)
        why = "该充值卡已作废，不能使用。如有疑问请拨打 10086。";
    else if (strcmp(status, "used") == 0)
        why = NULL; /* below */
    else if (sc_cell_int(r, 0, 3) != 1)
        why = sc_printf(req->arena, "该充值卡已于 %s 过期，不能再充值。",
                        sc_cell(r, 0, 5));

    enum outcome out = TU_GONE;
    if (!why && strcmp(status, "unused") == 0) {
        /* InnoDB may pick this transaction as a deadlock victim or time out
         * a lock wait under load; both roll back everything, so trying
         * again is safe. */
        for (int attempt = 0; attempt < 3; attempt++) {
            out = topup_once(req, card_no, value);
            if (out != TU_FAILED || (sc_db_errno() != ER_LOCK_DEADLOCK &&
                                     sc_db_errno() != ER_LOCK_WAIT_TIMEOUT))
                break;
            sc_warn("service: top-up by %s retried after lock error %u", msisdn,
                    sc_db_errno());
        }
        if (out == TU_FAILED)
            return sc_db_failure_status();
        if (out == TU_DONE) {
            sc_info("service: %s topped up %lld fen with card %s", msisdn,
                    value, card_no);
            return sc_redirect(
                req,
                sc_printf(req->arena, "/service/topup/done?card=%s", card_no));
        }
        /* TU_GONE: used (or expired at midnight) since it was read. */
        r = sc_db_query(req, SQL_CARD, "s", card_no);
        if (!r)
            return sc_db_failure_status();
        used_by = r->n ? sc_cell(r, 0, 4) : NULL;
        if (r->n && strcmp(sc_cell(r, 0, 2), "unused") == 0)
            why = "该充值卡已过期，不能再充值。";
    }
    if (!why) {
        if (used_by && strcmp(used_by, msisdn) == 0) {
            sc_dict *d = sc_view(req, "service/topup_used.tpl", "充值卡已使用");
            sc_set(d, "CARD_NO", card_no);
            return 409;
        }
        why = "该充值卡已被使用，不能重复充值。";
    }
    form(req, why, NULL);
    return 409;
}

int topup_done(struct sc_req *req)
{
    const char *msisdn = req->customer->msisdn;
    struct sc_rows *r =
        sc_db_query(req, SQL_DONE, "ss", sc_field(req, "card"), msisdn);
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404; /* not a card this number used */
    sc_dict *d = sc_view(req, "service/topup_done.tpl", "充值成功");
    sc_set(d, "MSISDN", msisdn);
    sc_set(d, "CARD_NO", sc_cell(r, 0, 0));
    sc_set(d, "VALUE", sc_yuan(req->arena, sc_cell_int(r, 0, 1)));
    sc_set(d, "AT", sc_cell(r, 0, 2));
    sc_set(d, "BALANCE", sc_yuan(req->arena, sc_cell_int(r, 0, 3)));
    return 200;
}
