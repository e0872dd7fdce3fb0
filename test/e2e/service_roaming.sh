#!/usr/bin/env bash
# International roaming (B-11) and international direct dial (B-15): the
# status pages with the deposit rule of 北京 全球通 (roaming 500 元, direct
# dial 200 元, schema/009), applying refused until the deposit held or the
# balance covers it (the features page B-05 applies the same rule), then
# accepted; an apply or cancel is one order (the same form sent twice at
# once too); orders go pending -> done through the HLR simulator; a
# simulator rejection shows the failure and leaves the feature unchanged;
# invalid input is a 400 and writes nothing; 上海 神州行 gets the
# explanation page.
#
# Uses 13800138003 (password 482615, schema/demo/075_service_more.sql:
# balance 20.00 元, deposit held 300.00 元), reset at the start and the
# end; 13601629999 (right password) for the explanation page.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138003 ACCT_PW=482615
NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791
FORGED=$(printf 'r%.0s' {1..43})

reset_line() {
  sql "DELETE FROM provision_orders WHERE msisdn = '$ACCT';
       DELETE FROM acceptances WHERE msisdn = '$ACCT';
       DELETE FROM line_features WHERE msisdn = '$ACCT';
       DELETE FROM hlr_lines WHERE msisdn = '$ACCT';
       UPDATE subscribers SET status = 'active', balance_fen = 2000, intl_deposit_fen = 30000
         WHERE msisdn = '$ACCT'"
}
counts() {
  sql "SELECT (SELECT COUNT(*) FROM provision_orders WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT')" | tr '\t' ' '
}
feature_token() {
  sed -n "/id=\"feature-$1\"/,/<\/tr>/p" <<<"$BODY" | grep -o 'name="request_id" value="[^"]*"' |
    head -n 1 | sed 's/.*value="//; s/"$//'
}
feature_on() {
  sql "SELECT COALESCE((SELECT enabled FROM line_features WHERE msisdn = '$ACCT' AND feature = '$1'), 0)"
}

reset_line
on_exit reset_line
on_exit 'hlr_mode ok >/dev/null'

t_begin "anonymous: the pages redirect to the login"
jar anon
for p in /service/roaming /service/idd; do
  get "$p"
  expect_status 303
  expect_header_match Location '^/login\?next=/service/'
done
t_end

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in; the overview links both services"
expect_status 303
get /service/
expect_body_has 'href="/service/roaming"' 'href="/service/idd"' '国际漫游业务' '国际直拨业务'
t_end

t_begin "roaming: status, the 500 元 deposit, refused (held 300, balance 20), no form"
get /service/roaming
expect_status 200
expect_body_has '<h1>国际漫游业务</h1>' 'data-state="off">未开通' \
  '<td id="deposit-required">¥500.00</td>' '<td id="deposit-held">¥300.00</td>' \
  '<td id="balance">¥20.00</td>' '开通国际漫游须有保证金 ¥500.00' '均不足'
expect_body_lacks 'name="request_id"'
t_end

t_begin "roaming apply while the deposit is not covered: 409, nothing written"
csrf_of_page
before=$(counts)
post /service/roaming "csrf=$CSRF" "request_id=$FORGED" action=apply
expect_status 409
expect_body_has '均不足'
expect_eq "orders, acceptances" "$before" "$(counts)"
t_end

t_begin "features page (B-05): international roaming on follows the same rule (409)"
get /service/features
tok=$(feature_token intl_roaming)
[[ ${#tok} == 43 ]] || t_fail "no token for intl_roaming: '$tok'"
post /service/features "csrf=$CSRF" "request_id=$tok" feature=intl_roaming enabled=1
expect_status 409
expect_body_has '开通国际漫游须有保证金 ¥500.00'
expect_eq "orders, acceptances" "$before" "$(counts)"
t_end

t_begin "invalid input: 400, no CSRF token: 403, nothing written"
post /service/roaming "csrf=$CSRF" "request_id=$FORGED" action=bogus
expect_status 400
post /service/roaming "csrf=$CSRF" "request_id=short" action=cancel
expect_status 400
post /service/idd "csrf=$CSRF" action=apply
expect_status 400
expect_body_has '表单标识'
post /service/idd "request_id=$FORGED" action=apply
expect_status 403
expect_eq "orders, acceptances" "$before" "$(counts)"
t_end

t_begin "direct dial: 200 元 covered by the 300 元 deposit held: the apply form"
get /service/idd
expect_status 200
expect_body_has '<h1>国际直拨业务</h1>' '<td id="deposit-required">¥200.00</td>' 'value="apply"' 'id="confirm"'
expect_body_lacks '均不足'
t_end

t_begin "direct dial applied twice at once with one form: one order, one acceptance"
TOKEN=$(request_id_of_page)
parallel_post /service/idd "csrf=$CSRF" "request_id=$TOKEN" action=apply
[[ $LOC1 =~ ^/service/order\?id=[0-9]+$ ]] || t_fail "first answer's Location: '$LOC1'"
expect_eq "both answers name the same order" "$LOC1" "$LOC2"
expect_eq "orders, acceptances" "1 1" "$(counts)"
IDD_ID=${LOC1##*=}
expect_eq "order" "feature intl_long_distance 1 国际直拨申请" \
  "$(sql "SELECT o.action, o.feature, o.enabled, a.business FROM provision_orders o JOIN acceptances a ON a.id = o.acceptance_id WHERE o.id = '$IDD_ID'" | tr '\t' ' ')"
expect_match "request XML" '<feature name="intl_long_distance" enabled="true"/>' \
  "$(sql "SELECT request_xml FROM provision_orders WHERE id = '$IDD_ID'")"
t_end

t_begin "direct dial: pending -> done through the simulator; the page says 已开通 with a cancel form"
expect_eq "order" "done" "$(wait_settled "$IDD_ID")"
expect_eq "line feature" 1 "$(feature_on intl_long_distance)"
expect_match "simulator" 'intl_long_distance=on' "$(curl -s "$HLR/hlr/lines?msisdn=$ACCT")"
get /service/idd
expect_body_has 'data-state="on">已开通' 'value="cancel"'
get "/service/order?id=$IDD_ID"
expect_body_has 'data-state="done"' '开通国际长途' '<a href="/service/idd">返回国际直拨业务</a>'
t_end

t_begin "balance raised to 600 元: roaming can be applied; one order, done by the network"
sql "UPDATE subscribers SET balance_fen = 60000 WHERE msisdn = '$ACCT'"
get /service/roaming
expect_body_has '<td id="balance">¥600.00</td>' 'value="apply"'
expect_body_lacks '均不足'
post /service/roaming "csrf=$CSRF" "request_id=$(request_id_of_page)" action=apply
expect_status 303
ROAM_ID=$(order_id_of_location)
[[ -n $ROAM_ID ]] || t_fail "Location is '$(header Location)'"
expect_eq "orders, acceptances" "2 2" "$(counts)"
expect_eq "business" "国际漫游申请" \
  "$(sql "SELECT a.business FROM provision_orders o JOIN acceptances a ON a.id = o.acceptance_id WHERE o.id = '$ROAM_ID'")"
expect_eq "order" "done" "$(wait_settled "$ROAM_ID")"
expect_eq "line feature" 1 "$(feature_on intl_roaming)"
get /service/roaming
expect_body_has 'data-state="on">已开通'
t_end

t_begin "simulator rejects the roaming cancel: the failure is shown, roaming stays on"
if [[ $(hlr_mode reject) == 200 ]]; then
  get /service/roaming
  post /service/roaming "csrf=$CSRF" "request_id=$(request_id_of_page)" action=cancel
  expect_status 303
  ID=$(order_id_of_location)
  expect_eq "order" failed "$(wait_settled "$ID")"
  hlr_mode ok >/dev/null
  expect_eq "acceptance" "failed 国际漫游取消" \
    "$(sql "SELECT a.result, a.business FROM provision_orders o JOIN acceptances a ON a.id = o.acceptance_id WHERE o.id = '$ID'" | tr '\t' ' ')"
  expect_eq "line feature" 1 "$(feature_on intl_roaming)"
  get "/service/order?id=$ID"
  expect_body_has 'data-state="failed"' '网络侧拒绝'
  get /service/roaming
  expect_body_has 'data-state="on">已开通' 'value="cancel"'
else
  t_fail "the simulator's control did not answer at $HLR"
fi
t_end

t_begin "roaming cancelled: done, off; the history shows its acceptances"
get /service/roaming
post /service/roaming "csrf=$CSRF" "request_id=$(request_id_of_page)" action=cancel
ID=$(order_id_of_location)
expect_eq "order" "done" "$(wait_settled "$ID")"
expect_eq "line feature" 0 "$(feature_on intl_roaming)"
get /service/history
expect_body_has '国际直拨申请' '国际漫游申请' '国际漫游取消'
t_end

jar other
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
t_begin "13601629999 (上海 神州行): the explanation page, a POST too"
for p in /service/roaming /service/idd; do
  get "$p"
  expect_status 403
  expect_body_has '暂未开通此服务' '上海'
done
get /service/
expect_body_lacks 'href="/service/roaming"' 'href="/service/idd"'
csrf_of_page
post /service/roaming "csrf=$CSRF" "request_id=$FORGED" action=apply
expect_status 403
expect_eq "orders of 13601629999" 0 "$(sql "SELECT COUNT(*) FROM provision_orders WHERE msisdn = '$NOT_OFFERED'")"
t_end

e2e_done
