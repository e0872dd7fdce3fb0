#!/usr/bin/env bash
# Top-up card payment (B-06): a valid card credits the balance once, with
# the card marked used, a payment (channel card) and the acceptance record
# in one transaction; a second submission of the card credits nothing; an
# unknown card and a wrong PIN get the same answer and count toward the
# card lockouts (per card, per customer), which refuse even the right PIN;
# used, expired and void cards are refused; malformed fields -> 400 and no
# CSRF token -> 403 with nothing written; the same card sent by 10
# requests at once succeeds exactly once.
#
# Uses 13800138001 (password 357913) and cards 1..10 of
# schema/demo/060_service.sql, which it resets to unused on exit.
# Wrong passwords used: 0 (wrong card PINs count under their own kinds).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138001 ACCT_PW=357913
card() { printf '100000000000000%02d' "$1"; }
pin() { printf '2026%014d' $(($1 * 7)); }

reset_cards() {
  sql "UPDATE topup_cards SET status = 'unused', used_at = NULL, used_by = NULL,
         expires_on = CURDATE() + INTERVAL 1 YEAR
       WHERE card_no BETWEEN '10000000000000001' AND '10000000000000010';
       DELETE FROM payments WHERE msisdn = '$ACCT' AND channel = 'card'
         AND reference BETWEEN '10000000000000001' AND '10000000000000010';
       DELETE FROM login_failures WHERE kind IN ('card', 'card_msisdn')
         AND (subject IN ('$ACCT', '19999999999999999')
              OR subject BETWEEN '10000000000000001' AND '10000000000000010');
       DELETE FROM login_locks WHERE kind IN ('card', 'card_msisdn')
         AND (subject IN ('$ACCT', '19999999999999999')
              OR subject BETWEEN '10000000000000001' AND '10000000000000010')"
}
# balance, payments by card, top-up acceptances of the account.
snapshot() {
  sql "SELECT (SELECT balance_fen FROM subscribers WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM payments WHERE msisdn = '$ACCT' AND channel = 'card'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '话费卡缴费')" | tr '\t' ' '
}
card_state() { sql "SELECT status, COALESCE(used_by, '-') FROM topup_cards WHERE card_no = '$(card "$1")'" | tr '\t' ' '; }
submit() { post /service/topup "csrf=$CSRF" "card_no=$1" "card_pin=$2"; }

reset_cards
sql "UPDATE subscribers SET balance_fen = 2000 WHERE msisdn = '$ACCT'"
on_exit reset_cards

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

t_begin "the form asks for the 17-digit card number and the 18-digit PIN"
fetch_csrf /service/topup
expect_status 200
expect_body_has 'name="card_no"' 'pattern="[0-9]{17}"' 'name="card_pin"' 'pattern="[0-9]{18}"'
[[ -n $CSRF ]] || t_fail "no CSRF token on the form"
t_end

# ------------------------------------------------------------ happy path

t_begin "card 1 (50 元): balance +50, card used by the number, payment + acceptance, result page"
before=$(snapshot)
submit "$(card 1)" "$(pin 1)"
expect_status 303
expect_header Location "/service/topup/done?card=$(card 1)"
read -r bal pays accs <<<"$before"
expect_eq "balance, payments, acceptances" "$((bal + 5000)) $((pays + 1)) $((accs + 1))" "$(snapshot)"
expect_eq "card 1" "used $ACCT" "$(card_state 1)"
expect_eq "payment row" "5000 card" "$(sql "SELECT amount_fen, channel FROM payments WHERE msisdn = '$ACCT' AND reference = '$(card 1)'" | tr '\t' ' ')"
get "$(header Location)"
expect_status 200
expect_body_has '充值成功' '<td id="value">¥50.00</td>' '<td id="balance">¥70.00</td>'
t_end

t_begin "the history shows the top-up"
get /service/history
expect_body_has "充值卡 $(card 1) 充值 50.00 元"
t_end

t_begin "the same card again: 409, nothing credited, link to the result"
before=$(snapshot)
submit "$(card 1)" "$(pin 1)"
expect_status 409
expect_body_has '已为本号码充值成功' "/service/topup/done?card=$(card 1)"
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
t_end

# ------------------------------------------------------------ refusals

t_begin "wrong PIN and unknown card: the same 403 answer, nothing written, failures counted"
before=$(snapshot)
submit "$(card 2)" 111111111111111111
expect_status 403
expect_body_has '卡号或密码不正确'
msg1=$(alert_text)
submit 19999999999999999 "$(pin 2)"
expect_status 403
expect_eq "messages" "$msg1" "$(alert_text)"
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
expect_eq "card 2" "unused -" "$(card_state 2)"
expect_eq "card failures" 1 "$(sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'card' AND subject = '$(card 2)'")"
expect_eq "customer card failures" 2 "$(sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'card_msisdn' AND subject = '$ACCT'")"
expect_eq "password failures" 0 "$(sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT'")"
t_end

t_begin "a locked card (5 wrong PINs) is refused even with the right PIN"
sql "INSERT INTO login_failures (kind, subject, at) VALUES
       ('card', '$(card 4)', NOW()), ('card', '$(card 4)', NOW()),
       ('card', '$(card 4)', NOW()), ('card', '$(card 4)', NOW())"
before=$(snapshot)
submit "$(card 4)" 222222222222222222
expect_status 429
expect_body_has '充值卡密码输错次数过多'
submit "$(card 4)" "$(pin 4)"
expect_status 429
expect_eq "card 4" "unused -" "$(card_state 4)"
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
t_end

t_begin "a card used by another number, an expired and a void card are refused"
sql "UPDATE topup_cards SET status = 'used', used_by = '13800138000', used_at = NOW() WHERE card_no = '$(card 3)'"
before=$(snapshot)
submit "$(card 3)" "$(pin 3)"
expect_status 409
expect_body_has '该充值卡已被使用'
submit 10000000000000022 "$(pin 22)"
expect_status 409
expect_body_has '过期'
submit 10000000000000023 "$(pin 23)"
expect_status 409
expect_body_has '已作废'
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
t_end

t_begin "malformed fields: 400 and nothing written"
before=$(snapshot)
for f in "card_no=1000000000000000 card_pin=$(pin 6)" "card_no=$(card 6) card_pin=20260000000000004x" "card_no=$(card 6)"; do
  # shellcheck disable=SC2086 # one word per field
  post /service/topup "csrf=$CSRF" $f
  expect_status 400
done
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
expect_eq "card 6" "unused -" "$(card_state 6)"
t_end

t_begin "no CSRF token: 403 and nothing written"
before=$(snapshot)
post /service/topup "card_no=$(card 6)" "card_pin=$(pin 6)"
expect_status 403
expect_eq "balance, payments, acceptances" "$before" "$(snapshot)"
expect_eq "card 6" "unused -" "$(card_state 6)"
t_end

t_begin "another customer cannot see this number's top-up result"
jar other
customer_login 15828001236 468024
get "/service/topup/done?card=$(card 1)"
expect_status 404
use_jar acct
t_end

# ------------------------------------------------------------ concurrency

t_begin "card 5 sent by 10 requests at once: one success, credited once, one payment"
fetch_csrf /service/topup
before=$(snapshot)
read -r bal pays accs <<<"$before"
for i in $(seq 1 10); do
  curl -s -o /dev/null -w '%{http_code}\n' -b "$JAR" --max-time 30 \
    --data-urlencode "csrf=$CSRF" --data-urlencode "card_no=$(card 5)" \
    --data-urlencode "card_pin=$(pin 5)" "$SC_URL/service/topup" >"$E2E_TMP/par.$i" &
done
wait
codes=$(cat "$E2E_TMP"/par.* | sort | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ')
expect_eq "status codes" "303x1 409x9 " "$codes"
expect_eq "balance, payments, acceptances" "$((bal + 5000)) $((pays + 1)) $((accs + 1))" "$(snapshot)"
expect_eq "payments of card 5" 1 "$(sql "SELECT COUNT(*) FROM payments WHERE reference = '$(card 5)'")"
t_end

e2e_done
