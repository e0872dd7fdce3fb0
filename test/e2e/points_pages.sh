#!/usr/bin/env bash
# Points pages (SPEC Q-06..Q-08): the total is the sum of the kinds, each
# kind equals its ledger sum in the database, the ledger walks completely
# page by page (newest first, no row twice or missing, per kind too), the
# exchange history matches the exchanges table, nobody sees another number's
# points, and a brand whose province withholds points exchange gets the
# explanation page there while still seeing its points.
#
# Read-only: changes nothing, uses no wrong password. Demo data:
# schema/demo/050_points.sql (13800138000 has two ledger pages).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791 # 上海 神州行: no points_exchange


# Number as shown on the pages ("+1,234", "-800", "9,956") -> integer.
num() { local v=${1//,/}; v=${v#+}; echo "$v"; }

# Integer -> as shown on the pages, with thousands separators.
grouped() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

# The page's value of element id="ID" (text up to the next tag).
by_id() { grep -oE "id=\"$1\"[^>]*>[^<]*" <<<"$BODY" | head -n 1 | sed 's/.*>//; s/ 分$//'; }

# shellcheck disable=SC2317 # called through walk
# Ledger rows of the last page: "id<TAB>time<TAB>kind<TAB>points".
ledger_rows() {
  grep -oE '<tr data-id="[0-9]+"><td>[^<]*</td><td[^>]*>[^<]*</td><td>[^<]*</td><td class="num points-(plus|minus)">[^<]*</td></tr>' <<<"$BODY" |
    sed -E 's|<tr data-id="([0-9]+)"><td>([^<]*)</td><td[^>]*>([^<]*)</td><td>[^<]*</td><td class="num points-[a-z]+">([^<]*)</td></tr>|\1\t\2\t\3\t\4|'
}
# shellcheck disable=SC2317 # called through walk
# Exchange history rows: "id<TAB>time<TAB>points".
exchange_rows() {
  grep -oE '<tr data-id="[0-9]+"><td>[^<]*</td><td>[0-9]+</td><td>[^<]*<span class="tag">[^<]*</span></td><td class="num">[^<]*</td>' <<<"$BODY" |
    sed -E 's|<tr data-id="([0-9]+)"><td>([^<]*)</td><td>[0-9]+</td><td>[^<]*<span class="tag">[^<]*</span></td><td class="num">([^<]*)</td>|\1\t\2\t\3|'
}
next_href() { grep -oE '<a href="[^"]*" rel="next">' <<<"$BODY" | head -n 1 | sed 's/<a href="//; s/" rel="next">//; s/&amp;/\&/g'; }

# walk PATH ROWFN OUT: follows "更早的记录" from PATH; all rows into OUT,
# PAGES = pages seen; fails the case on a non-200 page.
walk() {
  local path=$1 fn=$2 out=$3
  : >"$out"
  PAGES=0
  while [[ -n $path ]] && ((PAGES < 50)); do
    get "$path"
    expect_status 200 || return 1
    PAGES=$((PAGES + 1))
    "$fn" >>"$out"
    path=$(next_href)
  done
}

# ------------------------------------------------------------ anonymous

t_begin "anonymous visitors are sent to the login page from every points page"
jar anon
for p in /points/ /points/ledger /points/exchanges /points/exchange '/points/exchange/confirm?reward=1' '/points/exchange/done?id=1'; do
  get "$p"
  expect_status 303
  expect_header_match Location '^/login\?next=/points/'
done
t_end

# ------------------------------------------------------------ summary (Q-06)

check_summary() { # MSISDN: the page's figures against the database
  local who=$1 row ledger k i=0 total=0 shown
  row=$(sql "SELECT tenure, consumption, credit, other FROM points_balances WHERE msisdn = '$who'")
  ledger=$(sql "SELECT COALESCE(SUM(IF(kind='tenure',points,0)),0), COALESCE(SUM(IF(kind='consumption',points,0)),0), COALESCE(SUM(IF(kind='credit',points,0)),0), COALESCE(SUM(IF(kind='other',points,0)),0) FROM points_ledger WHERE msisdn = '$who'")
  expect_eq "$who balances = ledger sums by kind" "$ledger" "$row"
  get /points/
  expect_status 200
  expect_body_has "号码 $who" '在网积分' '消费积分' '信用积分' '其他积分' '积分兑换使用的是<strong>消费积分</strong>' \
    'href="/points/ledger"' 'href="/points/exchanges"'
  read -r -a vals <<<"$row"
  for k in tenure consumption credit other; do
    shown=$(grep -oE "<tr id=\"kind-$k\"><th scope=\"row\">[^<]*</th><td class=\"num\">[^<]*" <<<"$BODY" | sed 's/.*>//; s/ 分$//')
    expect_eq "$who $k on the page" "${vals[$i]}" "$(num "$shown")"
    total=$((total + vals[i]))
    i=$((i + 1))
  done
  expect_eq "$who total = sum of the kinds" "$total" "$(num "$(by_id points-total)")"
}

t_begin "13800138000: total and each kind on /points/ equal the balances and the ledger sums"
jar main
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_status 303
check_summary "$CUST_MAIN"
expect_body_has 'href="/points/exchange"'
t_end

t_begin "15828001234 (四川 动感地带) sees its own figures, whatever the query string says"
jar sc
customer_login "$CUST_SC" "$CUST_SC_PW"
expect_status 303
check_summary "$CUST_SC"
mine=$(by_id points-total)
get "/points/?msisdn=$CUST_MAIN"
expect_status 200
expect_eq "total with ?msisdn= of another number" "$mine" "$(by_id points-total)"
expect_body_lacks "$CUST_MAIN"
t_end

# ------------------------------------------------------------ ledger (Q-07)

t_begin "ledger walks every row of 13800138000 once, newest first, over two pages"
use_jar main
walk /points/ledger ledger_rows "$E2E_TMP/ledger" || true
want_ids=$(sql "SELECT id FROM points_ledger WHERE msisdn = '$CUST_MAIN' ORDER BY at DESC, id DESC")
got_ids=$(cut -f1 "$E2E_TMP/ledger")
expect_eq "pages walked" 2 "$PAGES"
expect_eq "rows" "$(wc -l <<<"$want_ids")" "$(wc -l <"$E2E_TMP/ledger")"
expect_eq "distinct rows" "$(wc -l <"$E2E_TMP/ledger")" "$(sort -u <<<"$got_ids" | wc -l)"
expect_eq "the same ids in the same order (newest first)" "$want_ids" "$got_ids"
expect_eq "sum of the points shown = ledger sum" \
  "$(sql "SELECT SUM(points) FROM points_ledger WHERE msisdn = '$CUST_MAIN'")" \
  "$(cut -f4 "$E2E_TMP/ledger" | while read -r p; do num "$p"; done | paste -sd+ | bc)"
sorted=$(cut -f2 "$E2E_TMP/ledger" | sort -r)
expect_eq "times never increase" "$sorted" "$(cut -f2 "$E2E_TMP/ledger")"
t_end

declare -A KIND_LABEL=([tenure]=在网积分 [consumption]=消费积分 [credit]=信用积分 [other]=其他积分)
for k in tenure consumption credit other; do
  t_begin "ledger filter $k: exactly that kind's rows, sum = the $k balance"
  use_jar main
  walk "/points/ledger?kind=$k" ledger_rows "$E2E_TMP/ledger-$k" || true
  expect_body_has "<h1>积分明细：${KIND_LABEL[$k]}</h1>" "<strong aria-current=\"page\">${KIND_LABEL[$k]}</strong>"
  expect_eq "$k ids" "$(sql "SELECT id FROM points_ledger WHERE msisdn = '$CUST_MAIN' AND kind = '$k' ORDER BY at DESC, id DESC")" \
    "$(cut -f1 "$E2E_TMP/ledger-$k")"
  expect_eq "$k rows all labelled ${KIND_LABEL[$k]}" "${KIND_LABEL[$k]}" "$(cut -f3 "$E2E_TMP/ledger-$k" | sort -u)"
  expect_eq "$k sum = balance" "$(sql "SELECT $k FROM points_balances WHERE msisdn = '$CUST_MAIN'")" \
    "$(cut -f4 "$E2E_TMP/ledger-$k" | while read -r p; do num "$p"; done | paste -sd+ | bc)"
  t_end
done

t_begin "ledger shows exchanges as negative consumption rows (兑换：...)"
use_jar main
get '/points/ledger?kind=consumption'
expect_body_has '兑换：10元话费' '兑换：1GB国内流量包' '<td class="num points-minus">-1,000</td>'
t_end

t_begin "ledger: a kind with no rows and a cursor past the oldest row show empty states"
jar nooffer
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
expect_status 303
get '/points/ledger?kind=other'
expect_status 200
expect_body_has '暂无积分记录。'
use_jar main
get '/points/ledger?before=20000101000000-1'
expect_status 200
expect_body_has '没有更早的记录了。' '回到最新'
t_end

t_begin "ledger: bad kind or cursor -> 400 naming the problem"
use_jar main
get '/points/ledger?kind=bonus'
expect_status 400
expect_body_has '积分类别'
get '/points/ledger?before=yesterday'
expect_status 400
expect_body_has '翻页位置无效'
get "/points/exchanges?before=2026-01-01'--"
expect_status 400
t_end

# ------------------------------------------------------------ history (Q-08)

t_begin "exchange history of 13800138000 = its exchanges rows, newest first, with the totals"
use_jar main
walk /points/exchanges exchange_rows "$E2E_TMP/ex" || true
expect_eq "ids" "$(sql "SELECT id FROM exchanges WHERE msisdn = '$CUST_MAIN' ORDER BY at DESC, id DESC")" \
  "$(cut -f1 "$E2E_TMP/ex")"
get /points/exchanges
read -r n s <<<"$(sql "SELECT COUNT(*), SUM(points) FROM exchanges WHERE msisdn = '$CUST_MAIN'")"
expect_body_has "累计兑换 $n 次，共使用消费积分 $(grouped "$s") 分。" \
  '视频会员月卡' '1GB国内流量包' '兑换成功'
t_end

t_begin "exchange history never shows another number's exchanges; their result pages are 404"
use_jar main
other=$(sql "SELECT id FROM exchanges WHERE msisdn = '$CUST_SC' ORDER BY id LIMIT 1")
expect_ne "another number's exchange exists" "" "$other"
grep -qx "$other" <(cut -f1 "$E2E_TMP/ex") && t_fail "exchange $other of $CUST_SC listed for $CUST_MAIN"
get "/points/exchange/done?id=$other"
expect_status 404
own=$(sql "SELECT id FROM exchanges WHERE msisdn = '$CUST_MAIN' ORDER BY id LIMIT 1")
get "/points/exchange/done?id=$own"
expect_status 200
expect_body_has '兑换成功' "<td id=\"exchange-id\">$own</td>"
t_end

# ------------------------------------------------------------ catalogue

t_begin "catalogue: active rewards with cost and stock; sold out and unaffordable marked"
use_jar main
get /points/exchange
expect_status 200
cons=$(sql "SELECT consumption FROM points_balances WHERE msisdn = '$CUST_MAIN'")
expect_eq "consumption shown" "$cons" "$(num "$(by_id consumption)")"
expect_body_has '10元话费' '1,000' '定制保温杯' '已兑完' '蓝牙耳机' '积分不足，还差' \
  'action="/points/exchange/confirm"' 'name="reward" value="1"'
expect_body_lacks '测试专用兑换券'
t_end

t_begin "confirm page: cost, points before and after, password, fresh request_id per view"
use_jar main
get '/points/exchange/confirm?reward=1'
expect_status 200
expect_body_has '确认兑换' '10元话费' 'name="password"' 'name="request_id"' 'name="csrf"'
expect_eq "before" "$cons" "$(num "$(by_id before)")"
expect_eq "after" "$((cons - 1000))" "$(num "$(by_id after)")"
rid1=$(grep -oE 'name="request_id" value="[A-Za-z0-9_-]{43}"' <<<"$BODY")
get '/points/exchange/confirm?reward=1'
rid2=$(grep -oE 'name="request_id" value="[A-Za-z0-9_-]{43}"' <<<"$BODY")
expect_ne "request_id present" "" "$rid1"
expect_ne "a second view gets another request_id" "$rid1" "$rid2"
get '/points/exchange/confirm?reward=8'
expect_status 200
expect_body_has '该礼品已兑完' && expect_body_lacks 'name="password"'
get '/points/exchange/confirm?reward=99'
expect_status 404
get '/points/exchange/confirm?reward=abc'
expect_status 400
expect_body_has '兑换礼品'
t_end

# ------------------------------------------------------------ not offered

t_begin "13601629999 (上海 神州行) sees its points but gets the explanation page for exchange"
use_jar nooffer
check_summary "$NOT_OFFERED"
expect_body_has '暂不能在网上兑换积分'
expect_body_lacks 'href="/points/exchange"'
for p in /points/exchange '/points/exchange/confirm?reward=1'; do
  get "$p"
  expect_status 403
  expect_body_has '暂未开通此服务' '积分兑换' '上海'
done
get /points/exchanges
expect_status 200
expect_body_has '来电提醒包年'
fetch_csrf /points/
post /points/exchange "csrf=$CSRF" reward=1 password=135791 request_id=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
expect_status 403
expect_body_has '暂未开通此服务'
t_end

e2e_done
