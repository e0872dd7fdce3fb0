#!/usr/bin/env bash
# Real-time charges (Q-03, /billing/realtime) against the database: the
# period starts on the 1st of the month after the latest closed bill, its
# charges are the unbilled call records by category plus the plan's whole
# monthly fee, the balance is the account's, and the next bill closes on
# the bill day of next month. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

# check_realtime MSISDN
check_realtime() {
  local num=$1 start cat fen total fee
  start=$(sql "SELECT DATE_FORMAT(STR_TO_DATE(CONCAT(MAX(month), '01'), '%Y%m%d') + INTERVAL 1 MONTH, '%Y-%m-%d')
               FROM bills WHERE msisdn = '$num' AND closed_on <= CURDATE()")
  expect_match "period" "^$start 至 " "$(text_of period)"
  expect_eq "last closing date" \
    "$(sql "SELECT closed_on FROM bills WHERE msisdn = '$num' ORDER BY month DESC LIMIT 1")" \
    "$(text_of last-closed | cut -c1-10)"
  expect_eq "next closing date" \
    "$(sql "SELECT DATE_FORMAT(CURDATE() + INTERVAL 1 MONTH, '%Y-%m-') FROM DUAL")$(printf %02d "$(sql "SELECT bill_day FROM subscribers WHERE msisdn = '$num'")")" \
    "$(text_of next-close)"
  fee=$(sql "SELECT plan_fee_fen FROM subscribers WHERE msisdn = '$num'")
  grep -q "data-category=\"monthly_fee\" data-fen=\"$fee\"" <<<"$BODY" || t_fail "monthly fee is not $fee fen"
  total=$fee
  for cat in local long_distance roaming sms data vas; do
    fen=$(sql "SELECT COALESCE(SUM(fee_fen), 0) FROM cdrs WHERE msisdn = '$num' AND start_time >= '$start'
               AND start_time <= NOW() AND CASE WHEN kind <> 'voice' THEN kind WHEN roaming <> 'local'
               THEN 'roaming' WHEN peer LIKE '0%' THEN 'long_distance' ELSE 'local' END = '$cat'")
    grep -q "data-category=\"$cat\" data-fen=\"$fen\"" <<<"$BODY" || t_fail "$cat: expected $fen fen"
    grep -q "data-category=\"$cat\" data-fen=\"$fen\"><td>[^<]*</td><td>[^<]*</td><td class=\"num\">$(yuan "$fen")<" <<<"$BODY" ||
      t_fail "$cat: amount $(yuan "$fen") not shown"
    total=$((total + fen))
  done
  expect_eq "total" "$(yuan "$total")" "$(text_of rt-total)"
  expect_eq "balance" "$(yuan "$(sql "SELECT balance_fen FROM subscribers WHERE msisdn = '$num'")")" \
    "$(text_of balance)"
}

t_begin "13800138000: unbilled charges by category, monthly fee, total, balance, closing dates"
billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"
get /billing/realtime
expect_status 200
expect_body_has '实时话费查询' '整月计收' '月租费' '本地通话' '长途' '漫游' '短彩信' '上网流量' '增值业务'
check_realtime "$CUST_MAIN"
t_end

t_begin "15828001234 sees its own figures, whatever the request says"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
get "/billing/realtime?msisdn=$CUST_MAIN"
expect_status 200
check_realtime "$CUST_SC"
expect_body_lacks "$(yuan "$(sql "SELECT balance_fen FROM subscribers WHERE msisdn = '$CUST_MAIN'")")"
t_end

e2e_done
