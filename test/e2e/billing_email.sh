#!/usr/bin/env bash
# Bill by email (Q-05, /billing/email): the form shows the registered
# address and the 6 closed months; a confirmation page shows address and
# month; the POST (CSRF required) registers the address, queues ONE outbox
# row (channel email, the address, subject "中国移动 YYYY年M月 话费账单
# 138****8000", the bill as text) and an acceptance record, in one
# transaction, and a second submission of the same form queues nothing
# more. Sending is the notify worker's (test/e2e/notify_*.sh): here only
# the queue is checked. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

ADDR="billing-e2e-$(uniq_suffix)@example.com"
REGISTERED=$(sql "SELECT bill_email FROM subscribers WHERE msisdn = '$CUST_MAIN'")
on_exit "sql \"UPDATE subscribers SET bill_email = '$REGISTERED' WHERE msisdn = '$CUST_MAIN'\""
MONTHS=$(sql "SELECT month FROM bills WHERE msisdn = '$CUST_MAIN' AND closed_on <= CURDATE()
              ORDER BY month DESC LIMIT 6")
M=$(sed -n 2p <<<"$MONTHS") # the month before the latest: not the default
label() { printf '%d年%d月' $(($1 / 100)) $((10#${1:4:2})); }
outbox_count() { sql "SELECT COUNT(*) FROM outbox WHERE msisdn = '$CUST_MAIN'"; }
accept_count() { sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$CUST_MAIN' AND business = '邮寄账单'"; }

billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"

t_begin "the form shows the registered address and the 6 closed months"
get /billing/email
expect_status 200
expect_body_has "<strong id=\"registered\">$REGISTERED</strong>" "value=\"$REGISTERED\""
expect_eq "month choices" "$MONTHS" "$(grep -o '<option value="[0-9]*"' <<<"$BODY" | tr -dc '0-9\n')"
t_end

t_begin "the confirmation page shows address, month and total, with a 确认发送 button"
get "/billing/email/confirm?email=$ADDR&month=$M"
expect_status 200
expect_body_has "$ADDR" "$(label "$M")" '确认发送' 'name="request_id"' \
  "$(yuan "$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN' AND month = $M")")" \
  "将由 $REGISTERED 更新为 $ADDR"
csrf_of_page
RID=$(grep -o 'name="request_id" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
expect_match "request_id" '^[A-Za-z0-9_-]{43}$' "$RID"
t_end

t_begin "POST without the CSRF token is refused (403) and queues nothing"
before=$(outbox_count)
post /billing/email "email=$ADDR" "month=$M" "request_id=$RID"
expect_status 403
expect_eq "outbox rows" "$before" "$(outbox_count)"
post /billing/email "csrf=wrong$CSRF" "email=$ADDR" "month=$M" "request_id=$RID"
expect_status 403
expect_eq "outbox rows" "$before" "$(outbox_count)"
t_end

t_begin "a month outside the 6 or a bad address gives 400 naming the field and queues nothing"
this_month=$(sql "SELECT DATE_FORMAT(CURDATE(), '%Y%m')")
post /billing/email "csrf=$CSRF" "email=$ADDR" "month=$this_month" "request_id=$RID"
expect_status 400
expect_body_has '「账单月份」'
post /billing/email "csrf=$CSRF" "email=not-an-address" "month=$M" "request_id=$RID"
expect_status 400
expect_body_has '「电子邮箱」'
post /billing/email "csrf=$CSRF" "email=$ADDR" "month=$M" "request_id=short"
expect_status 400
expect_body_has '「请求编号」'
get "/billing/email/confirm?email=$ADDR&month=$this_month"
expect_status 400
expect_body_has '「账单月份」'
expect_eq "outbox rows" "$before" "$(outbox_count)"
t_end

t_begin "confirming queues one email in the outbox and redirects to the confirmation"
acc_before=$(accept_count)
post /billing/email "csrf=$CSRF" "email=$ADDR" "month=$M" "request_id=$RID"
expect_status 303
loc=$(header Location)
expect_match "Location" '^/billing/email/done\?id=[0-9]+$' "$loc"
ID=${loc##*=}
expect_eq "outbox rows" $((before + 1)) "$(outbox_count)"
row=$(sql "SELECT channel, recipient, subject, msisdn, request_id FROM outbox WHERE id = '$ID'")
expect_eq "outbox row" "$(printf 'email\t%s\t中国移动 %s 话费账单 138****8000\t%s\t%s' "$ADDR" "$(label "$M")" "$CUST_MAIN" "$RID")" "$row"
total=$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN' AND month = $M")
body=$(sql "SELECT body FROM outbox WHERE id = '$ID'")
expect_match "mail body" "本月合计：$(plain "$total") 元" "$body"
expect_match "mail body" "月租费：$(plain "$(sql "SELECT amount_fen FROM bill_items WHERE msisdn = '$CUST_MAIN' AND month = $M AND category = 'monthly_fee'")") 元" "$body"
expect_eq "acceptance records" $((acc_before + 1)) "$(accept_count)"
expect_match "acceptance detail" "发送编号 $ID" \
  "$(sql "SELECT detail FROM acceptances WHERE msisdn = '$CUST_MAIN' AND business = '邮寄账单' ORDER BY id DESC LIMIT 1")"
expect_eq "registered address" "$ADDR" "$(sql "SELECT bill_email FROM subscribers WHERE msisdn = '$CUST_MAIN'")"
t_end

t_begin "the confirmation page says where the bill goes, with the reference"
get "$loc"
expect_status 200
expect_body_has "<strong id=\"done-email\">$ADDR</strong>" "<td id=\"done-id\">$ID</td>" '已加入发送队列'
t_end

t_begin "the same form submitted again queues nothing more and lands on the same confirmation"
post /billing/email "csrf=$CSRF" "email=$ADDR" "month=$M" "request_id=$RID"
expect_status 303
expect_header Location "$loc"
expect_eq "outbox rows" $((before + 1)) "$(outbox_count)"
expect_eq "acceptance records" $((acc_before + 1)) "$(accept_count)"
t_end

t_begin "another customer cannot open this confirmation"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
get "$loc"
expect_status 404
expect_body_lacks "$ADDR"
t_end

t_begin "a customer with no address registered is asked for one"
get /billing/email
expect_status 200
expect_body_has '您还没有登记账单邮箱'
t_end

e2e_done
