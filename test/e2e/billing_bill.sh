#!/usr/bin/env bash
# Monthly bill (Q-02, /billing/bill) against schema/demo/040_billing.sql:
# the last 6 closed months are the choices, each bill's items, total, paid,
# balance and dates are the database's, items add up to the total and agree
# with that month's call records, a month outside the 6 is a 400 naming the
# field, and the inline SVG chart has one bar per month scaled to the
# largest, labelled, the selected month highlighted, with no style=
# attributes (the CSP would block them). Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"
MONTHS=$(sql "SELECT month FROM bills WHERE msisdn = '$CUST_MAIN' AND closed_on <= CURDATE()
              ORDER BY month DESC LIMIT 6")
LATEST=$(head -n 1 <<<"$MONTHS")
label() { printf '%d年%d月' $(($1 / 100)) $((10#${1:4:2})); }

t_begin "every demo customer has 6 closed bills whose items add up to the total"
bad=$(sql "SELECT b.msisdn, b.month FROM bills b JOIN bill_items i USING (msisdn, month)
           WHERE b.msisdn IN ('13800138000','13601625678','15828001234','13905712345','13802501234','13601629999')
           GROUP BY b.msisdn, b.month, b.total_fen HAVING SUM(i.amount_fen) <> b.total_fen OR COUNT(*) <> 8")
expect_eq "bills whose items do not add up" "" "$bad"
expect_eq "closed bills of 13800138000" 6 "$(wc -l <<<"$MONTHS")"
for m in 13601625678 15828001234 13905712345 13802501234 13601629999; do
  expect_eq "closed bills of $m" 6 "$(sql "SELECT COUNT(*) FROM bills WHERE msisdn = '$m' AND closed_on <= CURDATE()")"
done
t_end

t_begin "bill items agree with the month's call records (local, long distance, roaming, sms, data, vas)"
bad=$(sql "SELECT i.month, i.category FROM bill_items i JOIN (
             SELECT DATE_FORMAT(start_time, '%Y%m') + 0 AS month,
               SUM(IF(kind='voice' AND roaming='local' AND peer NOT LIKE '0%', fee_fen, 0)) AS local,
               SUM(IF(kind='voice' AND roaming='local' AND peer LIKE '0%', fee_fen, 0)) AS long_distance,
               SUM(IF(kind='voice' AND roaming<>'local', fee_fen, 0)) AS roaming,
               SUM(IF(kind='sms', fee_fen, 0)) AS sms, SUM(IF(kind='data', fee_fen, 0)) AS data,
               SUM(IF(kind='vas', fee_fen, 0)) AS vas
             FROM cdrs WHERE msisdn = '$CUST_MAIN' GROUP BY month) c ON c.month = i.month
           WHERE i.msisdn = '$CUST_MAIN' AND i.amount_fen <> CASE i.category
             WHEN 'local' THEN c.local WHEN 'long_distance' THEN c.long_distance
             WHEN 'roaming' THEN c.roaming WHEN 'sms' THEN c.sms WHEN 'data' THEN c.data
             WHEN 'vas' THEN c.vas ELSE i.amount_fen END")
expect_eq "items differing from the call records" "" "$bad"
t_end

# expect_bill MONTH: the page shows that month's bill as the database has it.
expect_bill() {
  local m=$1 row cat amt
  expect_body_has "data-month=\"$m\">$(label "$m")账单</h2>"
  while IFS=$'\t' read -r cat amt; do
    expect_body_has "<tr data-category=\"$cat\"><td>" 
    grep -q "data-category=\"$cat\"><td>[^<]*</td><td class=\"num\">$(yuan "$amt")</td>" <<<"$BODY" ||
      t_fail "item $cat of $m: expected $(yuan "$amt")"
  done < <(sql "SELECT category, amount_fen FROM bill_items WHERE msisdn = '$CUST_MAIN' AND month = $m")
  row=$(sql "SELECT total_fen, paid_fen, balance_fen, closed_on, due_on FROM bills
             WHERE msisdn = '$CUST_MAIN' AND month = $m")
  expect_eq "total of $m" "$(yuan "$(cut -f1 <<<"$row")")" "$(text_of bill-total)"
  expect_eq "paid of $m" "$(yuan "$(cut -f2 <<<"$row")")" "$(text_of bill-paid)"
  expect_eq "balance of $m" "$(yuan "$(cut -f3 <<<"$row")")" "$(text_of bill-balance)"
  expect_eq "closing date of $m" "$(cut -f4 <<<"$row")" "$(text_of bill-closed)"
  expect_eq "due date of $m" "$(cut -f5 <<<"$row")" "$(text_of bill-due)"
}

t_begin "without month: the latest closed bill ($LATEST), itemised in the 8 categories"
get /billing/bill
expect_status 200
expect_bill "$LATEST"
expect_body_has '<td>月租费</td>' '<td>本地通话</td>' '<td>长途</td>' '<td>漫游</td>' \
  '<td>短彩信</td>' '<td>上网流量</td>' '<td>增值业务</td>' '<td>优惠及调整</td>' \
  '本月合计' '已缴金额' '出账时账户余额' '出账日期' '缴费截止日期'
t_end

t_begin "the choices are exactly the last 6 closed months"
got=$(grep -o '<option value="[0-9]*"' <<<"$BODY" | tr -dc '0-9\n')
expect_eq "month choices" "$MONTHS" "$got"
expect_body_has "<option value=\"$LATEST\" selected>"
t_end

t_begin "each of the 6 months opens with its own figures"
for m in $MONTHS; do
  get "/billing/bill?month=$m"
  expect_status 200
  expect_bill "$m"
done
t_end

t_begin "a month outside the 6 gives 400 naming 账单月份"
this_month=$(sql "SELECT DATE_FORMAT(CURDATE(), '%Y%m')")
seventh=$(sql "SELECT DATE_FORMAT(CURDATE() - INTERVAL 7 MONTH, '%Y%m')")
for m in "$this_month" "$seventh" 202613 2026 abcdef; do
  get "/billing/bill?month=$m"
  expect_status 400
  expect_body_has '「账单月份」'
  expect_body_lacks 'id="bill-total"' '<svg'
done
t_end

t_begin "the chart: inline SVG with title, desc and aria-label, one labelled bar per month"
get "/billing/bill?month=$LATEST"
svg=$(tr '\n' ' ' <<<"$BODY" | grep -o '<svg.*</svg>')
[[ -n $svg ]] || t_fail "no <svg> on the page"
expect_match "svg opening" 'role="img"' "$svg"
expect_match "svg opening" 'aria-label="[^"]+"' "$svg"
expect_match "svg title" '<title id="chart-title">[^<]+</title>' "$svg"
expect_match "svg desc" '<desc id="chart-desc">[^<]+</desc>' "$svg"
expect_eq "bars" 6 "$(grep -o '<rect ' <<<"$svg" | wc -l)"
for m in $MONTHS; do
  total=$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN' AND month = $m")
  grep -q ">$(plain "$total")</text>" <<<"$svg" || t_fail "no value label $(plain "$total") for $m"
  grep -q ">$((10#${m:4:2}))月</text>" <<<"$svg" || t_fail "no month label for $m"
done
if grep -q 'style=' <<<"$BODY"; then t_fail "style= attribute on the page (blocked by the CSP)"; fi
t_end

t_begin "bars are scaled to the largest total and the selected month is highlighted"
max=$(sql "SELECT MAX(total_fen) FROM (SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN'
           AND closed_on <= CURDATE() ORDER BY month DESC LIMIT 6) t")
heights=$(grep -o '<rect [^>]*height="[0-9]*"' <<<"$svg" | sed 's/.*height="//; s/"//')
tallest=$(sort -n <<<"$heights" | tail -n 1)
for m in $MONTHS; do
  total=$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN' AND month = $m")
  want=$((total * tallest / max))
  h=$(grep -o "data-month=\"$m\">[^/]*<rect [^>]*height=\"[0-9]*\"" <<<"$svg" | sed 's/.*height="//; s/"//')
  expect_eq "height of $m (scaled to $tallest for the largest)" "$want" "$h"
done
((tallest >= 100)) || t_fail "the tallest bar is only $tallest units"
expect_eq "highlighted bars" 1 "$(grep -o 'fill="#003f7a"' <<<"$svg" | wc -l)"
grep -q "data-month=\"$LATEST\">[^/]*<rect [^>]*fill=\"#003f7a\"" <<<"$svg" ||
  t_fail "the selected month $LATEST is not the highlighted bar"
expect_header_match Content-Security-Policy "default-src 'self'"
t_end

t_begin "another customer's bill is never shown, whatever the request says"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
m=$(sql "SELECT MAX(month) FROM bills WHERE msisdn = '$CUST_SC' AND closed_on <= CURDATE()")
get "/billing/bill?month=$m&msisdn=$CUST_MAIN"
expect_status 200
expect_eq "total shown" "$(yuan "$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_SC' AND month = $m")")" \
  "$(text_of bill-total)"
main_total=$(yuan "$(sql "SELECT total_fen FROM bills WHERE msisdn = '$CUST_MAIN' AND month = $m")")
expect_body_lacks "$main_total"
t_end

e2e_done
