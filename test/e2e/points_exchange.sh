#!/usr/bin/env bash
# Points exchange (X-02's rules on the home site): a successful exchange
# takes exactly the cost from the consumption points and one from the stock
# and writes the exchange, its ledger row and the acceptance record; a wrong
# password, too few points or no stock change nothing; the same form sent
# twice (one after the other, or at the same moment) is one exchange; no
# CSRF token -> 403; malformed fields -> 400.
#
# Uses its own number 15828009990 (四川 成都 动感地带, password 802468) and
# the test-only reward 98, both from schema/demo/050_points.sql; it resets
# their points and stock itself and leaves reward 98 inactive again.
# Wrong passwords used: 2 (then a right one clears the number's count).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=15828009990 ACCT_PW=802468 REWARD=98 COST=500
REWARD_NAME='测试专用兑换券（功能）'


# consumption, stock, exchanges, ledger rows, acceptances of the account.
snapshot() {
  sql "SELECT (SELECT consumption FROM points_balances WHERE msisdn = '$ACCT'),
              (SELECT stock FROM rewards WHERE id = $REWARD),
              (SELECT COUNT(*) FROM exchanges WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM points_ledger WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '积分兑换')" | tr '\t' ' '
}
ledger_sum() { sql "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE msisdn = '$ACCT' AND kind = 'consumption'"; }
failures() { sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT'"; }

# Sets the consumption points to N, with a ledger row for the difference so
# the balance stays the ledger's sum.
set_points() {
  sql "INSERT INTO points_ledger (msisdn, at, kind, points, description)
         SELECT msisdn, NOW(), 'consumption', $1 - consumption, '测试调整'
         FROM points_balances WHERE msisdn = '$ACCT';
       UPDATE points_balances SET consumption = $1 WHERE msisdn = '$ACCT'"
}
set_stock() { sql "UPDATE rewards SET stock = $1, active = 1 WHERE id = $REWARD"; }

# The confirm page of the reward: CSRF and REQUEST_ID from its form.
confirm_page() {
  get "/points/exchange/confirm?reward=$REWARD"
  csrf_of_page
  REQUEST_ID=$(grep -oE 'name="request_id" value="[A-Za-z0-9_-]{43}"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
}
submit() { # PASSWORD [REQUEST_ID]
  post /points/exchange "csrf=$CSRF" "reward=$REWARD" "password=$1" "request_id=${2:-$REQUEST_ID}"
}

# ------------------------------------------------------------ setup

sql "DELETE FROM points_ledger WHERE msisdn = '$ACCT';
     DELETE FROM exchanges WHERE msisdn = '$ACCT';
     DELETE FROM acceptances WHERE msisdn = '$ACCT' AND business = '积分兑换';
     DELETE FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT';
     DELETE FROM login_locks WHERE kind = 'msisdn' AND subject = '$ACCT';
     REPLACE INTO points_balances (msisdn, tenure, consumption, credit, other)
       VALUES ('$ACCT', 0, 2000, 0, 0);
     INSERT INTO points_ledger (msisdn, at, kind, points, description)
       VALUES ('$ACCT', NOW() - INTERVAL 1 DAY, 'consumption', 2000, '测试初始积分')"
set_stock 5
on_exit "sql 'UPDATE rewards SET active = 0, stock = 0 WHERE id = $REWARD'"

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

# ------------------------------------------------------------ happy path

t_begin "exchange: points -cost, stock -1, exchange + ledger + acceptance written, result page"
confirm_page
expect_status 200
expect_body_has "$REWARD_NAME" '确认兑换'
expect_eq "request_id on the page" 43 "${#REQUEST_ID}"
read -r c0 s0 e0 l0 a0 <<<"$(snapshot)"
submit "$ACCT_PW"
expect_status 303
loc=$(header Location)
expect_match "redirect to the result" '^/points/exchange/done\?id=[0-9]+$' "$loc"
EX_ID=${loc##*=}
read -r c1 s1 e1 l1 a1 <<<"$(snapshot)"
expect_eq "consumption" "$((c0 - COST))" "$c1"
expect_eq "stock" "$((s0 - 1))" "$s1"
expect_eq "exchanges" "$((e0 + 1))" "$e1"
expect_eq "ledger rows" "$((l0 + 1))" "$l1"
expect_eq "acceptances" "$((a0 + 1))" "$a1"
expect_eq "exchange row" "$ACCT $REWARD $COST $REQUEST_ID" \
  "$(sql "SELECT msisdn, reward_id, points, request_id FROM exchanges WHERE id = ${EX_ID:-0}" | tr '\t' ' ')"
expect_eq "ledger row" "consumption -$COST 兑换：$REWARD_NAME" \
  "$(sql "SELECT kind, points, description FROM points_ledger WHERE msisdn = '$ACCT' ORDER BY id DESC LIMIT 1" | tr '\t' ' ')"
expect_eq "acceptance" "done web 兑换「$REWARD_NAME」，扣减消费积分 $COST 分，兑换单号 $EX_ID" \
  "$(sql "SELECT result, channel, detail FROM acceptances WHERE msisdn = '$ACCT' ORDER BY id DESC LIMIT 1" | tr '\t' ' ')"
expect_eq "balance = ledger sum" "$c1" "$(ledger_sum)"
get "$loc"
expect_status 200
expect_body_has '兑换成功' "$REWARD_NAME" "<td id=\"exchange-id\">$EX_ID</td>" "<td id=\"points\">$COST 分</td>" \
  "<td id=\"consumption\">$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$c1") 分</td>"
get /points/exchanges
expect_body_has "<tr data-id=\"$EX_ID\">"
t_end

t_begin "the same form submitted again shows the same exchange and changes nothing"
before=$(snapshot)
submit "$ACCT_PW"
expect_status 303
expect_header Location "/points/exchange/done?id=$EX_ID"
expect_eq "nothing changed" "$before" "$(snapshot)"
t_end

t_begin "the same form submitted twice at the same moment is one exchange"
confirm_page
before=$(snapshot)
for i in 1 2; do
  curl -s -o /dev/null -D "$E2E_TMP/twin$i.h" -b "$JAR" --max-time 20 \
    --data-urlencode "csrf=$CSRF" --data-urlencode "reward=$REWARD" \
    --data-urlencode "password=$ACCT_PW" --data-urlencode "request_id=$REQUEST_ID" \
    "$SC_URL/points/exchange" &
done
wait
read -r c0 s0 e0 l0 a0 <<<"$before"
read -r c1 s1 e1 l1 a1 <<<"$(snapshot)"
expect_eq "exchanges with this request_id" 1 "$(sql "SELECT COUNT(*) FROM exchanges WHERE request_id = '$REQUEST_ID'")"
expect_eq "consumption" "$((c0 - COST))" "$c1"
expect_eq "stock" "$((s0 - 1))" "$s1"
expect_eq "ledger rows" "$((l0 + 1))" "$l1"
expect_eq "acceptances" "$((a0 + 1))" "$a1"
twin=$(sql "SELECT id FROM exchanges WHERE request_id = '$REQUEST_ID'")
for i in 1 2; do
  expect_eq "response $i" "/points/exchange/done?id=$twin" \
    "$(tr -d '\r' <"$E2E_TMP/twin$i.h" | awk -F': ' 'tolower($1) == "location" {print $2}')"
done
t_end

# ------------------------------------------------------------ refusals

t_begin "wrong password: 403, the form again with the message, nothing changed, counted"
confirm_page
before=$(snapshot)
f0=$(failures)
submit 000000
expect_status 403
expect_body_has '服务密码不正确，未进行兑换' 'name="request_id"' "$REWARD_NAME"
expect_eq "nothing changed" "$before" "$(snapshot)"
expect_eq "failures counted for the number" "$((f0 + 1))" "$(failures)"
csrf_of_page
submit 111111 "$(grep -oE 'name="request_id" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')"
expect_status 403
expect_eq "nothing changed after the second" "$before" "$(snapshot)"
expect_eq "second failure counted" "$((f0 + 2))" "$(failures)"
get /points/
expect_status 200 # two wrong passwords do not end the session
t_end

t_begin "the right password after wrong ones exchanges and clears the number's failures"
confirm_page
submit "$ACCT_PW"
expect_status 303
expect_eq "failures" 0 "$(failures)"
t_end

t_begin "too few points (spent between page and submit): 积分不足, nothing changed"
confirm_page
set_points $((COST - 1))
before=$(snapshot)
submit "$ACCT_PW"
expect_status 409
expect_body_has '积分不足：兑换「' '未进行兑换' '还差 1 分'
expect_body_lacks 'name="password"'
expect_eq "nothing changed" "$before" "$(snapshot)"
expect_eq "no exchange for the request" 0 "$(sql "SELECT COUNT(*) FROM exchanges WHERE request_id = '$REQUEST_ID'")"
get "/points/exchange/confirm?reward=$REWARD"
expect_body_has '您的消费积分不足，还差 1 分'
expect_body_lacks 'name="password"'
get /points/exchange
expect_body_has '积分不足，还差 1 分'
t_end

t_begin "out of stock (sold out between page and submit): 已兑完, nothing changed"
set_points 1500
confirm_page
set_stock 0
before=$(snapshot)
submit "$ACCT_PW"
expect_status 409
expect_body_has '已兑完：「' '也未扣减积分' '该礼品已兑完'
expect_eq "nothing changed" "$before" "$(snapshot)"
get /points/exchange
expect_body_has '已兑完'
t_end

t_begin "exact balance: the last points can be spent, never below zero"
set_stock 5
set_points "$COST"
confirm_page
submit "$ACCT_PW"
expect_status 303
expect_eq "consumption" 0 "$(snapshot | cut -d' ' -f1)"
confirm_page
expect_body_lacks 'name="password"'
t_end

# ------------------------------------------------------------ CSRF, validation

t_begin "no CSRF token or a wrong one: 403, nothing changed"
set_points 1500
confirm_page
before=$(snapshot)
post /points/exchange "reward=$REWARD" "password=$ACCT_PW" "request_id=$REQUEST_ID"
expect_status 403
expect_body_has '页面安全校验失败'
post /points/exchange "csrf=${CSRF}x" "reward=$REWARD" "password=$ACCT_PW" "request_id=$REQUEST_ID"
expect_status 403
expect_eq "nothing changed" "$before" "$(snapshot)"
t_end

t_begin "malformed fields: 400 naming the field, nothing changed"
before=$(snapshot)
post /points/exchange "csrf=$CSRF" "reward=abc" "password=$ACCT_PW" "request_id=$REQUEST_ID"
expect_status 400
expect_body_has '兑换礼品'
post /points/exchange "csrf=$CSRF" "reward=-1" "password=$ACCT_PW" "request_id=$REQUEST_ID"
expect_status 400
post /points/exchange "csrf=$CSRF" "reward=$REWARD" "password=$ACCT_PW" "request_id=short"
expect_status 400
expect_body_has '兑换请求编号无效'
post /points/exchange "csrf=$CSRF" "reward=$REWARD" "password=$ACCT_PW" "request_id=$(printf '!%.0s' {1..43})"
expect_status 400
post /points/exchange "csrf=$CSRF" "reward=$REWARD" "password=12ab" "request_id=$REQUEST_ID"
expect_status 400
expect_body_has '服务密码'
post /points/exchange "csrf=$CSRF" "reward=$REWARD" "request_id=$REQUEST_ID"
expect_status 400
post /points/exchange "csrf=$CSRF" "reward=123456" "password=$ACCT_PW" "request_id=$REQUEST_ID"
expect_status 404
expect_body_has '不存在或已下架'
expect_eq "nothing changed" "$before" "$(snapshot)"
expect_eq "no password counted" 0 "$(failures)"
t_end

t_begin "the account's balance still equals its ledger"
expect_eq "consumption = ledger sum" "$(snapshot | cut -d' ' -f1)" "$(ledger_sum)"
t_end

e2e_done
