#!/usr/bin/env bash
# Who may see what on /billing/: anonymous visitors are sent to the login
# with the page to come back to; a customer whose province does not offer a
# service gets the page that says so; a customer only ever sees their own
# number's records, whatever the request says; POSTs need the CSRF token.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

t_begin "anonymous: every billing page redirects to /login?next=<the page>"
jar anon
for p in /billing/ /billing/cdr /billing/cdr.csv /billing/bill /billing/realtime \
  /billing/payments /billing/email /billing/email/confirm /billing/email/done; do
  get "$p"
  expect_status 303
  expect_header Location "/login?next=$p"
done
get "/billing/cdr?from=$MONTH_FIRST&to=$TODAY"
expect_header Location "/login?next=/billing/cdr%3Ffrom%3D$MONTH_FIRST%26to%3D$TODAY"
t_end

t_begin "anonymous POST /billing/email is refused and queues nothing"
before=$(sql "SELECT COUNT(*) FROM outbox")
post /billing/email "email=a@example.com" "month=202601" "request_id=$(printf 'x%.0s' {1..43})"
expect_status 403
fetch_csrf /login
post /billing/email "csrf=$CSRF" "email=a@example.com" "month=202601" "request_id=$(printf 'x%.0s' {1..43})"
expect_status 303
expect_header Location /login
expect_eq "outbox rows" "$before" "$(sql "SELECT COUNT(*) FROM outbox")"
t_end

t_begin "13601629999 (上海 神州行, no email_bill): /billing/email is the 403 explanation"
billing_login none "$NOT_OFFERED" "$NOT_OFFERED_PW"
for p in /billing/email "/billing/email/confirm?email=a@example.com&month=202601"; do
  get "$p"
  expect_status 403
  expect_body_has '暂未开通此服务' '邮寄账单通知服务' '神州行' '上海' '10086'
done
fetch_csrf /billing/
post /billing/email "csrf=$CSRF" "email=a@example.com" "month=202601" "request_id=$(printf 'y%.0s' {1..43})"
expect_status 403
expect_body_has '暂未开通此服务'
t_end

t_begin "13601629999: the menu marks 邮寄账单 as not offered and links the other four"
get /billing/
expect_status 200
expect_body_has 'href="/billing/cdr"' 'href="/billing/bill"' 'href="/billing/realtime"' \
  'href="/billing/payments"' '邮寄账单通知服务 <span class="tag">未开通</span>'
expect_body_lacks '<a href="/billing/email">'
get /billing/bill
expect_status 200
expect_body_lacks '发送到邮箱'
t_end

t_begin "13800138000 (全球通): the menu links all five services and shows the account summary"
billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"
get /billing/
expect_status 200
expect_body_has 'href="/billing/cdr"' 'href="/billing/bill"' 'href="/billing/realtime"' \
  'href="/billing/payments"' 'href="/billing/email"' '全球通88元套餐'
expect_eq "balance" "$(yuan "$(sql "SELECT balance_fen FROM subscribers WHERE msisdn = '$CUST_MAIN'")")" \
  "$(text_of balance)"
expect_body_lacks '未开通'
t_end

# 13800138000's peers that are numbers (service names like CMNET are shared).
MAIN_PEERS=$(sql "SELECT DISTINCT peer FROM cdrs WHERE $(cdr_where "$CUST_MAIN" "$EARLIEST" "$TODAY")
                  AND peer REGEXP '^[0-9]+$'")

t_begin "15828001234 never sees 13800138000's call details, whatever the request says"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
leaks=0
for q in "msisdn=$CUST_MAIN" "msisdn=$CUST_MAIN&from=$EARLIEST&to=$TODAY" "from=$EARLIEST&to=$TODAY&msisdn=$CUST_MAIN&kind=voice"; do
  get "/billing/cdr?$q"
  expect_status 200
  while read -r p; do
    grep -qF ">$p<" <<<"$BODY" && leaks=$((leaks + 1))
  done <<<"$MAIN_PEERS"
done
expect_eq "13800138000 peers shown to 15828001234" 0 "$leaks"
get "/billing/cdr?msisdn=$CUST_MAIN"
want=$(sql "SELECT COUNT(*) FROM cdrs WHERE $(cdr_where "$CUST_SC" "$MONTH_FIRST" "$TODAY")")
expect_eq "count shown is 15828001234's own" "$want" "$(data_of total-count)"
t_end

t_begin "15828001234's CSV is its own, whatever the request says"
get "/billing/cdr.csv?from=$EARLIEST&to=$TODAY&msisdn=$CUST_MAIN"
expect_status 200
expect_header Content-Disposition "attachment; filename=\"cdr-$CUST_SC-$EARLIEST-$TODAY.csv\""
leaks=0
while read -r p; do grep -qF ",$p," <<<"$BODY" && leaks=$((leaks + 1)); done <<<"$MAIN_PEERS"
expect_eq "13800138000 peers in the CSV" 0 "$leaks"
want=$(sql "SELECT COUNT(*) FROM cdrs WHERE $(cdr_where "$CUST_SC" "$EARLIEST" "$TODAY")")
expect_eq "CSV rows" "$want" $(($(wc -l <<<"$BODY") - 2))
t_end

t_begin "a cursor taken from 13800138000's pages shows 15828001234 only its own rows"
billing_login main2 "$CUST_MAIN" "$CUST_MAIN_PW"
get "/billing/cdr?from=$EARLIEST&to=$TODAY"
next=$(link_of 下一页)
use_jar sc
get "$next"
expect_status 200
leaks=0
while read -r p; do grep -qF ">$p<" <<<"$BODY" && leaks=$((leaks + 1)); done <<<"$MAIN_PEERS"
expect_eq "13800138000 peers shown" 0 "$leaks"
t_end

e2e_done
