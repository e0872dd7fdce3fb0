#!/usr/bin/env bash
# Service (business acceptance) read-only pages: the overview (line status,
# contact data, services on offer, recent acceptances), the acceptance
# history of the last 3 months with keyset pages (B-13), the PUK query
# behind the password re-entry with its audit record (Q-09), anonymous
# redirects, and the explanation page for a province/brand without a
# service (13601629999 上海 神州行: no top-up cards, schema/demo/060).
#
# Demo data: schema/demo/060_service.sql. Uses 13800138001 (its own test
# number) and reads 13800138000's history (right password only).
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138001 ACCT_PW=357913
NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791

puk_records() { sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = 'PUK码查询'"; }

# ------------------------------------------------------------ anonymous

t_begin "anonymous: every service page redirects to the login with next"
jar anon
for p in /service/ /service/history /service/password /service/profile /service/topup /service/puk; do
  get "$p"
  expect_status 303
  expect_header_match Location '^/login\?next=/service/'
done
t_end

# ------------------------------------------------------------ overview

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

t_begin "overview: status, contact data, services linked, recent acceptances"
latest=$(sql "SELECT detail FROM acceptances WHERE msisdn = '$ACCT' ORDER BY at DESC, id DESC LIMIT 1")
get /service/
expect_status 200
expect_body_has '<title>业务受理' '<td id="msisdn">13800138001</td>' \
  'data-status="active">正常</td>' '北京市海淀区中关村大街1号' '01062501234' \
  '<td id="contact-email">未填写</td>' \
  'href="/service/topup"' 'href="/service/password"' 'href="/service/profile"' \
  'href="/service/puk"' 'href="/service/history"' \
  '话费卡缴费' "$latest"
expect_body_lacks '本省暂未开放'
t_end

t_begin "overview lists at most 5 recent acceptances"
n=$(grep -c '<tr><td>20[0-9][0-9]-' <<<"$BODY")
[[ $n -ge 1 && $n -le 5 ]] || t_fail "expected 1..5 recent rows, got $n"
t_end

# ------------------------------------------------------------ history

jar main
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
t_begin "history: 20 rows newest first and a next page link"
get /service/history
expect_status 200
expect_body_has '<title>受理结果查询' '受理渠道' '营业厅' '客服热线' 'rel="next"'
rows=$(grep -c '<tr><td>20[0-9][0-9]-' <<<"$BODY")
expect_eq "rows on page 1" 20 "$rows"
dates=$(grep -oE '<tr><td>20[0-9-]{8} [0-9:]{8}' <<<"$BODY" | sed 's/<tr><td>//')
[[ $dates == "$(sort -r <<<"$dates")" ]] || t_fail "rows are not newest first"
NEXT=$(grep -oE 'href="/service/history\?before=[0-9]{14}-[0-9]+"' <<<"$BODY" | sed 's/href="//; s/"$//')
t_end

t_begin "history page 2: the rest, a link back, nothing older than 3 months"
get "$NEXT"
expect_status 200
expect_body_has '回到最新'
rows=$(grep -c '<tr><td>20[0-9][0-9]-' <<<"$BODY")
[[ $rows -ge 4 ]] || t_fail "expected at least 4 rows on page 2, got $rows"
old=$(date -d '-4 months' +%Y-%m-%d)
expect_body_lacks "$old"
t_end

t_begin "history: a malformed cursor is a 400 page"
get '/service/history?before=abc'
expect_status 400
expect_body_has '翻页位置无效'
t_end

# ------------------------------------------------------------ PUK

use_jar acct
t_begin "PUK right after the login: shown, and the view is recorded"
before=$(puk_records)
get /service/puk
expect_status 200
expect_body_has '<td id="puk"><strong>67890123</strong></td>'
expect_eq "PUK acceptance records" $((before + 1)) "$(puk_records)"
t_end

t_begin "PUK after 5 minutes: password re-entry first, PUK not shown, nothing recorded"
sql "UPDATE sessions SET reauth_at = NOW() - INTERVAL 10 MINUTE WHERE msisdn = '$ACCT'"
before=$(puk_records)
get /service/puk
expect_status 303
expect_header_match Location '^/login/confirm\?next=(/|%2F)service(/|%2F)puk'
expect_body_lacks '67890123'
expect_eq "PUK acceptance records" "$before" "$(puk_records)"
t_end

t_begin "PUK after the password re-entry: shown again"
get "$(header Location)"
csrf_of_page
post /login/confirm "csrf=$CSRF" "password=$ACCT_PW" "next=/service/puk"
expect_status 303
get /service/puk
expect_status 200
expect_body_has '67890123'
t_end

# ------------------------------------------------------------ not offered

jar nooffer
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
t_begin "13601629999 (上海 神州行): overview marks top-up as not offered"
get /service/
expect_status 200
expect_body_has '本省暂未开放' '<td id="contact-address">未填写</td>'
expect_body_lacks 'href="/service/topup"'
t_end

t_begin "13601629999: the top-up pages give the explanation page, a POST too"
for p in /service/topup '/service/topup/done?card=10000000000000001'; do
  get "$p"
  expect_status 403
  expect_body_has '暂未开通此服务' '话费卡缴费' '上海'
done
fetch_csrf /service/
post /service/topup "csrf=$CSRF" card_no=10000000000000011 card_pin=202600000000000077
expect_status 403
expect_body_has '暂未开通此服务'
expect_eq "card 11" unused "$(sql "SELECT status FROM topup_cards WHERE card_no = '10000000000000011'")"
t_end

e2e_done
