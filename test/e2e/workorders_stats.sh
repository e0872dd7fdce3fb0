#!/usr/bin/env bash
# Complaint statistics (S-06): the page's totals and breakdowns, the CSV
# export and the XML report all match what the database holds for the
# range and the staff member's scope (expected figures are computed here
# with SQL: schema/demo/080_complaints.sql gives 40 complaints over the
# last four weeks); the XML is well-formed and valid against
# schema/complaint-report.xsd; bad dates are refused with a message.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/workorders_lib.sh"

TO=$(sql "SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")
FROM=$(sql "SELECT DATE_FORMAT(CURDATE() - INTERVAL 29 DAY, '%Y%m%d')")
RANGE="c.created_at >= '$FROM' AND c.created_at < '$TO' + INTERVAL 1 DAY"
BJ_SCOPE="((c.province_id = 11 AND c.head_office = 0) OR EXISTS (SELECT 1 FROM work_orders w
  WHERE w.complaint_id = c.id AND w.target = 'province' AND w.province_id = 11))"
# Half-up rounding in integers, as the page does.
AVG_RATING="IF(SUM(c.rating IS NOT NULL) = 0, '-', CONCAT(
  (2 * SUM(c.rating) * 100 + SUM(c.rating IS NOT NULL)) DIV (2 * SUM(c.rating IS NOT NULL)) DIV 100, '.',
  LPAD((2 * SUM(c.rating) * 100 + SUM(c.rating IS NOT NULL)) DIV (2 * SUM(c.rating IS NOT NULL)) MOD 100, 2, '0')))"
HOURS_NUM="SUM(IFNULL(TIMESTAMPDIFF(SECOND, c.created_at, c.closed_at), 0))"
HOURS_DEN="SUM(c.closed_at IS NOT NULL) * 3600"
AVG_HOURS="IF($HOURS_DEN = 0, '-', CONCAT(
  (2 * $HOURS_NUM * 10 + $HOURS_DEN) DIV (2 * $HOURS_DEN) DIV 10, '.',
  (2 * $HOURS_NUM * 10 + $HOURS_DEN) DIV (2 * $HOURS_DEN) MOD 10))"

expected_totals() { # SCOPE: "total suggestions closed overdue escalated re/re_total rating hours"
  sql "SELECT CONCAT_WS(' ', COUNT(*), SUM(c.kind = 'suggestion'),
      SUM(c.closed_at IS NOT NULL), SUM(c.overdue), SUM(c.escalated_at IS NOT NULL),
      CONCAT(SUM(c.recomplaint_count > 0), '/', SUM(c.recomplaint_count)),
      $AVG_RATING, $AVG_HOURS) FROM complaints c WHERE $1 AND $RANGE"
}
page_totals() {
  local ids=(t-total t-suggestions t-closed t-overdue t-escalated t-re t-rating t-hours) i out=()
  for i in "${ids[@]}"; do
    out+=("$(grep -o "id=\"$i\">[^<]*" <<<"$BODY" | sed 's/.*">//; s/ //g')")
  done
  echo "${out[*]}"
}
# table_cell TABLE_ID LABEL: the first number of that row.
table_cell() {
  grep -A0 -o "<th scope=\"row\">$2</th><td class=\"num\">[0-9]*" <<<"$(awk -v id="$1" '
    index($0, "id=\"" id "\"") {on = 1} on {print} on && /<\/table>/ {exit}' <<<"$BODY")" |
    grep -o '[0-9]*$'
}

jar hq
staff_login "$STAFF_HQ" "$STAFF_HQ_PW"

t_begin "the demo data is there for the range"
N=$(sql "SELECT COUNT(*) FROM complaints c WHERE c.track_no REGEXP '^D[0-9]{6}\$' AND $RANGE")
expect_eq "demo complaints in range" 40 "$N"
t_end

t_begin "head office totals match the database"
get "$WO/stats?from=$FROM&to=$TO"
expect_status 200
expect_eq "totals" "$(expected_totals 1)" "$(page_totals)"
t_end

t_begin "by category, province, status and rating match the database"
for c in network:网络质量 service:服务质量 billing:计费 product:业务; do
  expect_eq "category ${c#*:}" "$(sql "SELECT COUNT(*) FROM complaints c WHERE category = '${c%%:*}' AND $RANGE")" \
    "$(table_cell by-category "${c#*:}")"
done
for p in 11:北京 44:广东 31:上海; do
  expect_eq "province ${p#*:}" "$(sql "SELECT COUNT(*) FROM complaints c WHERE province_id = ${p%%:*} AND $RANGE")" \
    "$(table_cell by-province "${p#*:}")"
done
for s in submitted:已受理 closed:已办结 dispatched:处理中; do
  expect_eq "status ${s#*:}" "$(sql "SELECT COUNT(*) FROM complaints c WHERE status = '${s%%:*}' AND $RANGE")" \
    "$(table_cell by-status "${s#*:}")"
done
for v in 1 3 5; do
  expect_eq "rating $v" "$(sql "SELECT COUNT(*) FROM complaints c WHERE rating = $v AND $RANGE")" \
    "$(table_cell by-rating "${v}分")"
done
expect_body_has '<figure class="chart wo-chart" id="chart-category">' '<svg xmlns="http://www.w3.org/2000/svg"'
expect_body_lacks '<script' 'style="'
t_end

t_begin "per month and per week the periods add up to the total"
get "$WO/stats?from=$FROM&to=$TO&period=month"
expect_status 200
KEYS=$(awk 'index($0, "id=\"by-period\"") {on = 1} on {print} on && /<\/table>/ {exit}' <<<"$BODY" |
  grep -o '<th scope="row">[^<]*' | sed 's/.*>//' | tr '\n' ' ')
expect_eq "month keys" "$(sql "SELECT GROUP_CONCAT(DISTINCT DATE_FORMAT(c.created_at, '%Y-%m') ORDER BY 1 SEPARATOR ' ') FROM complaints c WHERE $RANGE") " "$KEYS"
get "$WO/stats?from=$FROM&to=$TO&period=week"
SUM=$(awk 'index($0, "id=\"by-period\"") {on = 1} on {print} on && /<\/table>/ {exit}' <<<"$BODY" |
  grep -o '</th><td class="num">[0-9]*' | grep -o '[0-9]*$' | paste -sd+ | bc)
expect_eq "sum of weeks" "$(sql "SELECT COUNT(*) FROM complaints c WHERE $RANGE")" "$SUM"
t_end

t_begin "a province agent's statistics cover that province only"
jar bj
staff_login "$STAFF_BJ" "$STAFF_BJ_PW"
get "$WO/stats?from=$FROM&to=$TO"
expect_status 200
expect_eq "totals (北京 scope)" "$(expected_totals "$BJ_SCOPE")" "$(page_totals)"
expect_body_lacks '<th scope="row">广东</th>'
t_end

t_begin "the CSV lists every complaint in scope and range"
use_jar hq
get "$WO/stats.csv?from=$FROM&to=$TO"
expect_status 200
expect_header_match Content-Type '^text/csv; charset=utf-8$'
expect_header_match Content-Disposition "complaints-$FROM-$TO.csv"
ROWS=$(($(printf '%s\n' "$BODY" | wc -l) - 1))
expect_eq "rows" "$(sql "SELECT COUNT(*) FROM complaints c WHERE $RANGE")" "$ROWS"
expect_eq "网络质量 rows" "$(sql "SELECT COUNT(*) FROM complaints c WHERE category = 'network' AND $RANGE")" \
  "$(grep -c ',网络质量,' <<<"$BODY")"
expect_eq "closed rows" "$(sql "SELECT COUNT(*) FROM complaints c WHERE status = 'closed' AND $RANGE")" \
  "$(grep -c ',已办结,' <<<"$BODY")"
expect_body_has '受理编号,类型,分类,省份,状态' 'D000001,'
t_end

t_begin "the XML report is well-formed, valid against the schema, and matches"
get "$WO/stats.xml?from=$FROM&to=$TO&period=week"
expect_status 200
expect_header_match Content-Type '^application/xml'
printf '%s' "$BODY" >"$E2E_TMP/report.xml"
xmllint --noout "$E2E_TMP/report.xml" 2>"$E2E_TMP/wf.err" || t_fail "not well-formed: $(head -3 "$E2E_TMP/wf.err")"
xmllint --noout --schema "$SC_ROOT/schema/complaint-report.xsd" "$E2E_TMP/report.xml" 2>"$E2E_TMP/xsd.err" ||
  t_fail "not valid: $(head -3 "$E2E_TMP/xsd.err")"
X() { xmllint --xpath "string($1)" "$E2E_TMP/report.xml" 2>/dev/null; }
NS='*[local-name()="complaintReport"]'
expect_eq "totals count" "$(sql "SELECT COUNT(*) FROM complaints c WHERE $RANGE")" "$(X "/$NS/*[local-name()='totals']/@count")"
expect_eq "billing count" "$(sql "SELECT COUNT(*) FROM complaints c WHERE category = 'billing' AND $RANGE")" \
  "$(X "/$NS/*[local-name()='byCategory']/*[@code='billing']/@count")"
expect_eq "广东 count" "$(sql "SELECT COUNT(*) FROM complaints c WHERE province_id = 44 AND $RANGE")" \
  "$(X "/$NS/*[local-name()='byProvince']/*[@code='44']/@count")"
expect_eq "from" "${FROM:0:4}-${FROM:4:2}-${FROM:6:2}" "$(X "/$NS/@from")"
t_end

t_begin "an invalid XML document would be caught: the schema rejects a wrong category"
sed 's/code="billing"/code="weather"/' "$E2E_TMP/report.xml" >"$E2E_TMP/bad.xml"
if xmllint --noout --schema "$SC_ROOT/schema/complaint-report.xsd" "$E2E_TMP/bad.xml" 2>/dev/null; then
  t_fail "a report with category weather validated"
fi
t_end

t_begin "bad ranges are refused with a message (400)"
get "$WO/stats?from=20261340&to=$TO"
expect_status 400
expect_body_has '开始日期'
get "$WO/stats?from=$TO&to=$FROM"
expect_status 400
expect_body_has '「开始日期」不能晚于「结束日期」'
get "$WO/stats.csv?from=20240101&to=20251231"
expect_status 400
expect_body_has '统计区间最长366天'
get "$WO/stats.xml?period=year"
expect_status 400
t_end

e2e_done
