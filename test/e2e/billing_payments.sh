#!/usr/bin/env bash
# Payment history (Q-04, /billing/payments): newest first, 20 a page by a
# (paid_at, id) cursor; walking the pages shows every payment once; a bad
# cursor is a 400; no payments is an empty state. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"
WANT=$(sql "SELECT id FROM payments WHERE msisdn = '$CUST_MAIN' ORDER BY paid_at DESC, id DESC")
N=$(wc -l <<<"$WANT")

t_begin "first page: the 20 newest payments with date, amount, channel and reference"
get /billing/payments
expect_status 200
((N > 20)) || t_fail "demo data has only $N payments for $CUST_MAIN: no second page"
expect_eq "rows" 20 "$(grep -c 'data-id="' <<<"$BODY")"
while IFS=$'\t' read -r id at fen ch ref; do
  grep -q "<tr data-id=\"$id\" data-fen=\"$fen\"><td data-label=\"缴费时间\">$at</td><td data-label=\"金额\" class=\"num\">$(yuan "$fen")</td><td data-label=\"缴费方式\">$ch</td><td data-label=\"流水号\">$ref</td>" <<<"$BODY" ||
    t_fail "payment $id ($at $(yuan "$fen") $ch $ref) not shown as expected"
done < <(sql "SELECT id, paid_at, amount_fen, ELT(FIELD(channel, 'counter','bank','card','online'), '营业厅','银行','充值卡','网上'),
              reference FROM payments WHERE msisdn = '$CUST_MAIN' ORDER BY paid_at DESC, id DESC LIMIT 20")
expect_body_has '>下一页</a>'
expect_body_lacks '>第一页</a>'
t_end

t_begin "the pages walk every payment once, newest first"
url=/billing/payments pages=0 got=""
while [[ -n $url ]] && ((pages < 50)); do
  get "$url"
  [[ $STATUS == 200 ]] || { t_fail "$url answered $STATUS"; break; }
  pages=$((pages + 1))
  got+=$(grep -o 'data-id="[0-9]*"' <<<"$BODY" | tr -dc '0-9\n')$'\n'
  ((pages > 1)) && { [[ $(link_of 第一页) == /billing/payments ]] || t_fail "page $pages has no 第一页 link"; }
  url=$(link_of 下一页)
done
got=$(sed '/^$/d' <<<"$got")
expect_eq "pages" $(((N + 19) / 20)) "$pages"
[[ $got == "$WANT" ]] || t_fail "payments walked differ from the database's ($(wc -l <<<"$got") seen, $N expected)"
t_end

t_begin "a bad cursor gives 400 naming 翻页位置"
for bad in x 20261301000000-1 20260101000000-x; do
  get "/billing/payments?before=$bad"
  expect_status 400
  expect_body_has '「翻页位置」'
  expect_body_lacks 'data-id="'
done
t_end

t_begin "past the oldest payment: an end-of-list message, no rows"
get "/billing/payments?before=19900101000000-1"
expect_status 200
expect_body_has '没有更早的缴费记录了' '>第一页</a>'
expect_body_lacks 'data-id="'
t_end

t_begin "no payments at all: the empty state"
# 13601629999's payments are set aside for this case and put back at exit.
sql "DROP TABLE IF EXISTS e2e_billing_payments;
     CREATE TABLE e2e_billing_payments AS SELECT * FROM payments WHERE msisdn = '$NOT_OFFERED';
     DELETE FROM payments WHERE msisdn = '$NOT_OFFERED'"
on_exit "sql \"INSERT INTO payments SELECT * FROM e2e_billing_payments; DROP TABLE e2e_billing_payments\""
billing_login none "$NOT_OFFERED" "$NOT_OFFERED_PW"
get /billing/payments
expect_status 200
expect_body_has '暂无缴费记录。'
expect_body_lacks 'data-id="' '>下一页</a>'
t_end

t_begin "another customer's payments never appear, whatever the request says"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
get "/billing/payments?msisdn=$CUST_MAIN"
expect_status 200
for ref in $(sql "SELECT reference FROM payments WHERE msisdn = '$CUST_MAIN'"); do
  expect_body_lacks ">$ref<"
done
first=$(sql "SELECT id FROM payments WHERE msisdn = '$CUST_SC' ORDER BY paid_at DESC, id DESC LIMIT 1")
expect_body_has "data-id=\"$first\""
t_end

e2e_done
