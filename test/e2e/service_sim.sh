#!/usr/bin/env bash
# Cross-region SIM replacement (X-01): the request (city, address, contact
# phone, password again) records a new inactive card while the old one
# stays active; the same form sent twice at once is one card; a second
# request while one is in transit is refused; activation (password again)
# is a sim_swap order to the network: a simulator rejection shows the
# failure and changes no card, a confirmation makes the new card active
# and the old one void. Invalid input is a 400 and writes nothing; 上海
# 神州行 gets the explanation page.
#
# Uses 13800138006 (password 482615, schema/demo/075_service_more.sql: one
# active card), reset at the start and the end; 13601629999 (right
# password) for the explanation page.
# Wrong passwords used: 2 (one on the request, one on the activation).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138006 ACCT_PW=482615 WRONG_PW=482616
OLD=89860011202100000061
NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791
FORGED=$(printf 's%.0s' {1..43})
ADDR='浙江省杭州市西湖区文三路90号'

# The line's PUK before the test: a confirmed replacement changes it.
ORIG_PUK=$(sql "SELECT COALESCE(puk, '') FROM subscribers WHERE msisdn = '$ACCT'")
reset_line() {
  sql "UPDATE subscribers SET puk = NULLIF('$ORIG_PUK', '') WHERE msisdn = '$ACCT';
       DELETE FROM provision_orders WHERE msisdn = '$ACCT';
       DELETE FROM acceptances WHERE msisdn = '$ACCT';
       DELETE FROM hlr_lines WHERE msisdn = '$ACCT';
       DELETE FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT';
       DELETE FROM login_locks WHERE kind = 'msisdn' AND subject = '$ACCT';
       DELETE FROM sim_cards WHERE msisdn = '$ACCT' AND iccid <> '$OLD';
       UPDATE sim_cards SET status = 'active', transit_msisdn = NULL, voided_at = NULL WHERE iccid = '$OLD';
       UPDATE subscribers SET status = 'active' WHERE msisdn = '$ACCT'"
}
counts() {
  sql "SELECT (SELECT COUNT(*) FROM sim_cards WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM provision_orders WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT')" | tr '\t' ' '
}
cards() {
  sql "SELECT GROUP_CONCAT(CONCAT(IF(iccid = '$OLD', 'old', 'new'), ':', status) ORDER BY iccid = '$OLD' DESC)
       FROM sim_cards WHERE msisdn = '$ACCT'"
}

CITY=$(sql "SELECT id FROM cities WHERE province_id = 33 AND name = '杭州'")
reset_line
on_exit reset_line
on_exit 'hlr_mode ok >/dev/null'

t_begin "anonymous: the page redirects to the login"
jar anon
get /service/sim
expect_status 303
expect_header_match Location '^/login\?next=/service/sim'
t_end

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the page: the card in use, the procedure, the request form with the cities"
get /service/sim
expect_status 200
expect_body_has '<h1>跨区补卡</h1>' "data-iccid=\"$OLD\"" '补卡说明' 'name="address"' \
  'name="contact_phone"' 'name="password"' "<option value=\"$CITY\">杭州</option>" '<optgroup label="浙江">'
get /service/
expect_body_has 'href="/service/sim"'
expect_body_lacks 'id="pending-sim"'
t_end

t_begin "invalid input: 400 naming the field, no CSRF token: 403; nothing written"
get /service/sim
csrf_of_page
TOKEN=$(request_id_of_page)
before=$(counts)
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" city=999999 "address=$ADDR" contact_phone=057188001234 "password=$ACCT_PW"
expect_status 400
expect_body_has '「所在城市」'
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" address=杭州 contact_phone=057188001234 "password=$ACCT_PW"
expect_status 400
expect_body_has '「收卡地址」'
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" "address=$ADDR" contact_phone=0571-8800 "password=$ACCT_PW"
expect_status 400
expect_body_has '「联系电话」'
expect_body_has "value=\"$ADDR\""
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" "address=$ADDR" contact_phone=057188001234 password=48261
expect_status 400
expect_body_has '服务密码'
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" contact_phone=057188001234 "password=$ACCT_PW"
expect_status 400
expect_body_has '收卡地址'
post /service/sim "csrf=$CSRF" "request_id=short" "city=$CITY" "address=$ADDR" contact_phone=057188001234 "password=$ACCT_PW"
expect_status 400
post /service/sim "request_id=$TOKEN" "city=$CITY" "address=$ADDR" contact_phone=057188001234 "password=$ACCT_PW"
expect_status 403
expect_eq "cards, orders, acceptances" "$before" "$(counts)"
t_end

t_begin "wrong password on the request: refused (403), nothing written"
post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" "address=$ADDR" contact_phone=057188001234 "password=$WRONG_PW"
expect_status 403
expect_body_has '服务密码不正确' "value=\"$ADDR\""
expect_eq "cards, orders, acceptances" "$before" "$(counts)"
t_end

t_begin "the request sent twice at once: one new inactive card, the old one still active"
parallel_post /service/sim "csrf=$CSRF" "request_id=$TOKEN" "city=$CITY" "address=$ADDR" \
  contact_phone=057188001234 "password=$ACCT_PW"
expect_eq "first answer" /service/sim "$LOC1"
expect_eq "second answer" /service/sim "$LOC2"
expect_eq "cards" "old:active,new:inactive" "$(cards)"
expect_eq "cards, orders, acceptances" "2 0 1" "$(counts)"
NEW=$(sql "SELECT iccid FROM sim_cards WHERE msisdn = '$ACCT' AND status = 'inactive'")
expect_match "new ICCID" '^898600[0-9]{14}$' "$NEW"
expect_eq "delivery" "$CITY $ADDR 057188001234" \
  "$(sql "SELECT city_id, delivery_address, contact_phone FROM sim_cards WHERE iccid = '$NEW'" | tr '\t' ' ')"
expect_eq "acceptance" "跨区补卡 done 新 SIM 卡已登记（ICCID 尾号 ${NEW:16}），寄往杭州，收到后激活" \
  "$(sql "SELECT business, result, detail FROM acceptances WHERE msisdn = '$ACCT'" | tr '\t' ' ')"
expect_eq "login failures cleared" 0 \
  "$(sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT'")"
t_end

t_begin "the page shows the card pending delivery and the activation form; the overview too"
get /service/sim
expect_body_has "<td id=\"new-iccid\">$NEW</td>" '待寄送 / 未激活' '杭州' 'id="activate"' "data-iccid=\"$OLD\""
expect_body_lacks 'name="address"'
get /service/
expect_body_has 'id="pending-sim"' "跨区补卡：新卡 $NEW"
t_end

t_begin "a second request while a card is in transit: 409, nothing written"
before=$(counts)
post /service/sim "csrf=$CSRF" "request_id=$FORGED" "city=$CITY" "address=$ADDR" contact_phone=057188001234 "password=$ACCT_PW"
expect_status 409
expect_body_has '已有一张新卡在寄送中'
expect_eq "cards, orders, acceptances" "$before" "$(counts)"
t_end

t_begin "wrong password on the activation: refused (403), no order"
get /service/sim
TOKEN=$(request_id_of_page)
post /service/sim/activate "csrf=$CSRF" "request_id=$TOKEN" "password=$WRONG_PW"
expect_status 403
expect_body_has '服务密码不正确'
expect_eq "cards, orders, acceptances" "$before" "$(counts)"
post /service/sim/activate "csrf=$CSRF" "request_id=short" "password=$ACCT_PW"
expect_status 400
expect_eq "cards, orders, acceptances" "$before" "$(counts)"
t_end

t_begin "the simulator rejects the activation: failure shown, both cards unchanged"
if [[ $(hlr_mode reject) == 200 ]]; then
  post /service/sim/activate "csrf=$CSRF" "request_id=$TOKEN" "password=$ACCT_PW"
  expect_status 303
  ID=$(order_id_of_location)
  expect_eq "order" failed "$(wait_settled "$ID")"
  hlr_mode ok >/dev/null
  expect_eq "cards" "old:active,new:inactive" "$(cards)"
  expect_eq "the line's PUK" "$ORIG_PUK" "$(sql "SELECT COALESCE(puk, '') FROM subscribers WHERE msisdn = '$ACCT'")"
  expect_eq "order" "sim_swap $NEW failed 补卡激活" \
    "$(sql "SELECT o.action, o.param, a.result, a.business FROM provision_orders o JOIN acceptances a ON a.id = o.acceptance_id WHERE o.id = '$ID'" | tr '\t' ' ')"
  expect_match "request XML" "<action>sim_swap</action><sim iccid=\"$NEW\"/>" \
    "$(sql "SELECT request_xml FROM provision_orders WHERE id = '$ID'")"
  get "/service/order?id=$ID"
  expect_body_has 'data-state="failed"' '补卡激活' "$NEW"
  get /service/sim
  expect_body_has 'id="activation-failed"' '网络侧拒绝' 'id="activate"'
else
  t_fail "the simulator's control did not answer at $HLR"
fi
t_end

t_begin "activation sent twice at once: one order; the network confirms: new active, old void"
get /service/sim
TOKEN=$(request_id_of_page)
before=$(sql "SELECT COUNT(*) FROM provision_orders WHERE msisdn = '$ACCT'")
parallel_post /service/sim/activate "csrf=$CSRF" "request_id=$TOKEN" "password=$ACCT_PW"
[[ $LOC1 =~ ^/service/order\?id=[0-9]+$ ]] || t_fail "first answer's Location: '$LOC1'"
expect_eq "both answers name the same order" "$LOC1" "$LOC2"
expect_eq "orders" $((before + 1)) "$(sql "SELECT COUNT(*) FROM provision_orders WHERE msisdn = '$ACCT'")"
ID=${LOC1##*=}
expect_eq "order" "done" "$(wait_settled "$ID")"
expect_eq "cards" "old:void,new:active" "$(cards)"
NEW_PUK=$(sql "SELECT puk FROM sim_cards WHERE iccid = '$NEW'")
expect_match "the new card's PUK" '^[0-9]{8}$' "$NEW_PUK"
expect_eq "the line's PUK is the new card's" "$NEW_PUK" "$(sql "SELECT puk FROM subscribers WHERE msisdn = '$ACCT'")"
expect_match "simulator" "iccid $NEW" "$(curl -s "$HLR/hlr/lines?msisdn=$ACCT")"
get "/service/order?id=$ID"
expect_body_has 'data-state="done"' 'href="/service/sim"'
get /service/sim
expect_body_has "data-iccid=\"$NEW\"" 'name="address"'
expect_body_lacks 'id="new-card"' "$OLD"
get /service/history
expect_body_has '跨区补卡' '补卡激活'
t_end

jar other
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
t_begin "13601629999 (上海 神州行): the explanation page, POSTs too"
get /service/sim
expect_status 403
expect_body_has '暂未开通此服务' '跨区补卡'
get /service/
csrf_of_page
post /service/sim/activate "csrf=$CSRF" "request_id=$FORGED" "password=$NOT_OFFERED_PW"
expect_status 403
expect_eq "cards of 13601629999" 0 "$(sql "SELECT COUNT(*) FROM sim_cards WHERE msisdn = '$NOT_OFFERED'")"
t_end

e2e_done
