# shellcheck shell=bash disable=SC2034 # globals are for the test files
# Helpers shared by test/e2e/billing_*.sh. Sourced after lib.sh, never run
# (scripts/test runs every *.sh here: run by mistake it prints nothing and
# exits 0). Expected figures always come from the database itself, so the
# tests hold whatever day schema/demo/040_billing.sql was loaded on.

[[ ${BASH_SOURCE[0]} != "$0" ]] || exit 0

NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791 # 上海 神州行: no email_bill


# yuan FEN: as sc_yuan shows it ("¥12.34", "-¥0.50").
yuan() {
  local f=$1 sign=""
  if ((f < 0)); then sign="-"; f=$((-f)); fi
  printf '%s¥%d.%02d' "$sign" $((f / 100)) $((f % 100))
}
# plain FEN: as sc_yuan_plain ("12.34").
plain() {
  local f=$1 sign=""
  if ((f < 0)); then sign="-"; f=$((-f)); fi
  printf '%s%d.%02d' "$sign" $((f / 100)) $((f % 100))
}

# text_of ID: the text of the page's element id="ID" up to the next tag.
text_of() {
  grep -o "id=\"$1\"[^>]*>[^<]*" <<<"$BODY" | head -n 1 | sed 's/^[^>]*>//'
}
# data_of ID: the data-value attribute of element id="ID".
data_of() {
  grep -o "id=\"$1\" data-value=\"[^\"]*\"" <<<"$BODY" | head -n 1 |
    sed 's/.*data-value="//; s/"$//'
}

# The href of the page's "下一页" / "第一页" link, HTML entities undone.
link_of() {
  grep -oE "<a href=\"[^\"]*\"( rel=\"next\")?>$1</a>" <<<"$BODY" | head -n 1 |
    sed 's/^<a href="//; s/".*//; s/&amp;/\&/g'
}

# billing_login JAR MSISDN PASSWORD: a fresh jar, logged in.
billing_login() {
  jar "$1"
  customer_login "$2" "$3"
  [[ $STATUS == 303 ]] || echo "# login of $2 answered $STATUS"
}

# Dates as the pages use them, from the database's clock.
read -r TODAY MONTH_FIRST EARLIEST TOMORROW BEFORE_EARLIEST < <(sql "SELECT
  DATE_FORMAT(CURDATE(), '%Y%m%d'), DATE_FORMAT(CURDATE(), '%Y%m01'),
  DATE_FORMAT(DATE_SUB(DATE_FORMAT(CURDATE(), '%Y-%m-01'), INTERVAL 5 MONTH), '%Y%m%d'),
  DATE_FORMAT(CURDATE() + INTERVAL 1 DAY, '%Y%m%d'),
  DATE_FORMAT(DATE_SUB(DATE_FORMAT(CURDATE(), '%Y-%m-01'), INTERVAL 5 MONTH) - INTERVAL 1 DAY, '%Y%m%d')")

# cdr_where MSISDN FROM TO [KIND]: the SQL condition of a call-detail range.
cdr_where() {
  local w="msisdn = '$1' AND start_time >= '$2' AND start_time < DATE('$3') + INTERVAL 1 DAY"
  [[ -n ${4:-} ]] && w+=" AND kind = '$4'"
  printf '%s' "$w"
}
