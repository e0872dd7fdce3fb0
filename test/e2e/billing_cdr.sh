#!/usr/bin/env bash
# Call details (Q-01, /billing/cdr and /billing/cdr.csv) for 13800138000
# against the demo data of schema/demo/040_billing.sql: totals of the range
# equal the database's, pages walk the whole range newest first with no row
# twice or missing, bad dates give a 400 page with no records, and the CSV
# has every row once, a totals row equal to the screen's, and escaped cells.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/billing_lib.sh"

billing_login main "$CUST_MAIN" "$CUST_MAIN_PW"

# expect_totals MSISDN FROM TO [KIND]: the page's totals are the database's.
expect_totals() {
  local want
  want=$(sql "SELECT COUNT(*), COALESCE(SUM(duration_s),0), COALESCE(SUM(volume_kb),0),
                     COALESCE(SUM(fee_fen),0) FROM cdrs WHERE $(cdr_where "$@")")
  local got
  got=$(printf '%s\t%s\t%s\t%s' "$(data_of total-count)" "$(data_of total-duration)" \
    "$(data_of total-volume)" "$(data_of total-fee)")
  expect_eq "totals (count, seconds, KB, fen)" "$want" "$got"
  expect_body_has "$(yuan "$(cut -f4 <<<"$want")")"
}

t_begin "default range is this month so far, with the database's totals and 50 rows"
get /billing/cdr
expect_status 200
expect_body_has "value=\"$MONTH_FIRST\"" "value=\"$TODAY\"" '话费详单查询'
expect_totals "$CUST_MAIN" "$MONTH_FIRST" "$TODAY"
expect_eq "rows on the first page" 50 "$(grep -c 'data-id="' <<<"$BODY")"
newest=$(sql "SELECT id FROM cdrs WHERE $(cdr_where "$CUST_MAIN" "$MONTH_FIRST" "$TODAY")
              ORDER BY start_time DESC, id DESC LIMIT 1")
expect_eq "first row is the newest record" "$newest" \
  "$(grep -o 'data-id="[0-9]*"' <<<"$BODY" | head -n 1 | tr -dc 0-9)"
expect_body_has '>下一页</a>' '下载全部详单（CSV）'
expect_body_lacks '>第一页</a>'
t_end

t_begin "the columns: 时间, 类型, 对方号码/业务, 通话地/漫游, 时长或流量, 费用"
expect_body_has '<th scope="col">时间</th>' '<th scope="col">类型</th>' \
  '<th scope="col">对方号码/业务</th>' '<th scope="col">通话地/漫游</th>' \
  '<th scope="col">时长或流量</th>' '>费用</th>'
row=$(sql "SELECT start_time, peer FROM cdrs WHERE $(cdr_where "$CUST_MAIN" "$MONTH_FIRST" "$TODAY")
           ORDER BY start_time DESC, id DESC LIMIT 1")
expect_body_has "<td>$(cut -f1 <<<"$row")</td>" "<td>$(cut -f2 <<<"$row")</td>"
t_end

for kind in voice sms data vas; do
  t_begin "kind=$kind: totals of that kind only, every row of that kind"
  get "/billing/cdr?from=$EARLIEST&to=$TODAY&kind=$kind"
  expect_status 200
  expect_totals "$CUST_MAIN" "$EARLIEST" "$TODAY" "$kind"
  other=$(grep -o 'data-kind="[a-z]*"' <<<"$BODY" | grep -vc "\"$kind\"")
  expect_eq "rows of another kind" 0 "$other"
  t_end
done

# ------------------------------------------------------------ bad dates

# expect_400_no_records FIELD_LABEL
expect_400_no_records() {
  expect_status 400
  expect_body_has "「$1」"
  expect_body_lacks 'data-id="' 'id="total-count"' '下载全部详单'
}

t_begin "from=20231340 (no such date) gives 400 naming 起始日期, no records"
get "/billing/cdr?from=20231340&to=$TODAY"
expect_400_no_records 起始日期
t_end

t_begin "to before from gives 400 naming 结束日期, no records"
get "/billing/cdr?from=$TODAY&to=$MONTH_FIRST"
if [[ $TODAY == "$MONTH_FIRST" ]]; then
  get "/billing/cdr?from=$TODAY&to=$EARLIEST"
fi
expect_400_no_records 结束日期
expect_body_has '不能早于「起始日期」'
t_end

t_begin "from older than 6 months ($BEFORE_EARLIEST) gives 400 naming 起始日期, no records"
get "/billing/cdr?from=$BEFORE_EARLIEST&to=$TODAY"
expect_400_no_records 起始日期
expect_body_has '最近6个月'
t_end

t_begin "to in the future ($TOMORROW) gives 400 naming 结束日期, no records"
get "/billing/cdr?from=$MONTH_FIRST&to=$TOMORROW"
expect_400_no_records 结束日期
t_end

t_begin "the oldest allowed day ($EARLIEST) is accepted"
get "/billing/cdr?from=$EARLIEST&to=$EARLIEST"
expect_status 200
expect_totals "$CUST_MAIN" "$EARLIEST" "$EARLIEST"
t_end

t_begin "garbage cursor and unknown kind give 400 naming the field"
for bad in 'after=abc' 'after=20261340000000-5' 'after=20260101000000-' 'after=20260101250000-1' \
  'after=20260101000000-1%3BDROP' 'after=%2020260101000000-1' 'after=20260101000000-99999999999999999999'; do
  get "/billing/cdr?from=$MONTH_FIRST&to=$TODAY&$bad"
  expect_400_no_records 翻页位置
done
get "/billing/cdr?kind=fax"
expect_400_no_records 通信类型
t_end

t_begin "the CSV of a bad range is a 400 page, not a file"
get "/billing/cdr.csv?from=$BEFORE_EARLIEST&to=$TODAY"
expect_status 400
expect_header_match Content-Type '^text/html'
expect_no_header Content-Disposition
t_end

# ------------------------------------------------------------ pagination

t_begin "pagination walks 6 months newest first: every record once, none missing"
want_ids=$(sql "SELECT id FROM cdrs WHERE $(cdr_where "$CUST_MAIN" "$EARLIEST" "$TODAY")
                ORDER BY start_time DESC, id DESC")
want_n=$(wc -l <<<"$want_ids")
url="/billing/cdr?from=$EARLIEST&to=$TODAY"
pages=0 got_ids="" first_link_ok=1
while [[ -n $url ]] && ((pages < 200)); do
  get "$url"
  [[ $STATUS == 200 ]] || { t_fail "page $((pages + 1)) ($url) answered $STATUS"; break; }
  pages=$((pages + 1))
  got_ids+=$(grep -o 'data-id="[0-9]*"' <<<"$BODY" | tr -dc '0-9\n')$'\n'
  if ((pages > 1)) && [[ $(link_of 第一页) != "/billing/cdr?from=$EARLIEST&to=$TODAY" ]]; then
    first_link_ok=0
  fi
  url=$(link_of 下一页)
  [[ $(data_of total-count) == "$want_n" ]] || t_fail "page $pages shows count $(data_of total-count)"
done
got_ids=$(sed '/^$/d' <<<"$got_ids")
expect_eq "pages" $(((want_n + 49) / 50)) "$pages"
expect_eq "records seen" "$want_n" "$(wc -l <<<"$got_ids")"
expect_eq "distinct records seen" "$want_n" "$(sort -u <<<"$got_ids" | wc -l)"
[[ $got_ids == "$want_ids" ]] || t_fail "the records walked differ from the database's, in order"
expect_eq "第一页 link on later pages" 1 "$first_link_ok"
((want_n > 1000)) || t_fail "demo data too small to span several CSV chunks ($want_n)"
t_end

# ------------------------------------------------------------------- CSV

t_begin "the CSV: UTF-8 with BOM, attachment named by number and range"
get "/billing/cdr.csv?from=$EARLIEST&to=$TODAY"
expect_status 200
expect_header Content-Type 'text/csv; charset=utf-8'
expect_header Content-Disposition "attachment; filename=\"cdr-$CUST_MAIN-$EARLIEST-$TODAY.csv\""
expect_eq "first bytes" "efbbbf" "$(head -c 3 "$E2E_TMP/b" | od -An -tx1 | tr -d ' \n')"
t_end

# csv_check FILE: rows, sums and the totals row against the screen's totals
# (of the page fetched just before). Quoted cells are parsed properly.
csv_check() {
  python3 - "$1" "$(data_of total-count)" "$(data_of total-duration)" \
    "$(data_of total-volume)" "$(data_of total-fee)" <<'PY'
import csv, sys
path, count, dur, vol, fee = sys.argv[1], *map(int, sys.argv[2:])
with open(path, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
head, body, total = rows[0], rows[1:-1], rows[-1]
errs = []
if head[0] != '时间': errs.append(f'header {head}')
def fen(s):
    neg = s.startswith('-'); s = s.lstrip('-'); y, f_ = s.split('.')
    return (-1 if neg else 1) * (int(y) * 100 + int(f_))
got = (len(body), sum(int(r[5]) for r in body), sum(int(r[6]) for r in body),
       sum(fen(r[7]) for r in body))
if got != (count, dur, vol, fee): errs.append(f'rows/sums {got} != screen {(count, dur, vol, fee)}')
tot = (total[0], total[1], int(total[5]), int(total[6]), fen(total[7]))
if tot != ('合计', f'{count}条', dur, vol, fee): errs.append(f'totals row {total}')
print('\n'.join(errs))
PY
}

t_begin "CSV of 6 months: row count equals the screen's count, sums and totals row equal the screen's totals"
cp "$E2E_TMP/b" "$E2E_TMP/cdr.csv"
get "/billing/cdr?from=$EARLIEST&to=$TODAY"
errs=$(csv_check "$E2E_TMP/cdr.csv")
[[ -z $errs ]] || t_fail "$errs"
ids_csv=$(($(wc -l <"$E2E_TMP/cdr.csv") - 2))
expect_eq "CSV data lines" "$(data_of total-count)" "$ids_csv"
t_end

t_begin "CSV with kind=voice equals the voice totals"
get "/billing/cdr.csv?from=$EARLIEST&to=$TODAY&kind=voice"
cp "$E2E_TMP/b" "$E2E_TMP/voice.csv"
get "/billing/cdr?from=$EARLIEST&to=$TODAY&kind=voice"
errs=$(csv_check "$E2E_TMP/voice.csv")
[[ -z $errs ]] || t_fail "$errs"
t_end

# A record whose peer would be a spreadsheet formula, with a comma and
# quotes: on 15828001234 (so 13800138000's figures stay as loaded), removed
# again at exit.
sql "INSERT INTO cdrs (msisdn, start_time, kind, direction, peer, location, roaming, fee_fen)
     VALUES ('$CUST_SC', CURDATE(), 'vas', 'out', '=1+2,\"x\"', '-@成都', 'local', 0)"
on_exit "sql \"DELETE FROM cdrs WHERE msisdn = '$CUST_SC' AND peer = '=1+2,\\\"x\\\"'\""

t_begin "CSV cells are escaped: quotes doubled, formula-like text prefixed with '"
billing_login sc "$CUST_SC" "$CUST_SC_PW"
get "/billing/cdr.csv?from=$TODAY&to=$TODAY&kind=vas"
expect_status 200
expect_body_has '"'"'"'=1+2,""x"""' '"'"'"'-@成都"'
get "/billing/cdr?from=$TODAY&to=$TODAY&kind=vas"
expect_body_has '=1+2,&quot;x&quot;'
t_end

# More than a CSV chunk (1,000) of records in one second, on 15828001234:
# the next chunk's cursor is (that second, last id), and its second half
# once was bound as an integer, so every record of that second after the
# first chunk was lost (1,292 exported as 1,181 on a real month).
SAME_SECOND_DAY=$(sql "SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 DAY, '%Y%m%d')")
sql "INSERT INTO cdrs (msisdn, start_time, kind, direction, peer, location, roaming, duration_s, fee_fen)
     SELECT '$CUST_SC', CURDATE() - INTERVAL 1 DAY + INTERVAL 12 HOUR, 'voice', 'out',
            'same-second', '成都', 'local', seq, 1 FROM seq_1_to_1292"
on_exit "sql \"DELETE FROM cdrs WHERE msisdn = '$CUST_SC' AND peer = 'same-second'\""

t_begin "CSV of a day with 1,292 records in one second has every one, totals equal to the page's"
get "/billing/cdr.csv?from=$SAME_SECOND_DAY&to=$SAME_SECOND_DAY"
expect_status 200
cp "$E2E_TMP/b" "$E2E_TMP/same-second.csv"
get "/billing/cdr?from=$SAME_SECOND_DAY&to=$SAME_SECOND_DAY"
expect_status 200
errs=$(csv_check "$E2E_TMP/same-second.csv")
[[ -z $errs ]] || t_fail "$errs"
expect_eq "records of that second in the CSV" 1292 \
  "$(grep -c ',same-second,' "$E2E_TMP/same-second.csv")"
expect_eq "the page's count is the database's" \
  "$(sql "SELECT COUNT(*) FROM cdrs WHERE $(cdr_where "$CUST_SC" "$SAME_SECOND_DAY" "$SAME_SECOND_DAY")")" \
  "$(data_of total-count)"
t_end

t_begin "pages of that day walk every record of the second once"
seen=0 next="/billing/cdr?from=$SAME_SECOND_DAY&to=$SAME_SECOND_DAY" pages=0
while [[ -n $next ]] && ((pages < 40)); do
  get "$next"
  seen=$((seen + $(grep -c 'data-id="' <<<"$BODY")))
  next=$(link_of 下一页) pages=$((pages + 1))
done
expect_eq "rows over all pages" "$(data_of total-count)" "$seen"
t_end

e2e_done
