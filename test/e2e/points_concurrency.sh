#!/usr/bin/env bash
# Exchange concurrency (issue: "50 parallel exchanges on an account with
# points for 10 -> exactly 10 succeed, points and stock never go negative"),
# and the same with the stock as the limit (stock 3, plenty of points ->
# exactly 3). Each of the 50 requests comes from its own confirm page (its
# own request_id) and carries the right password, all fired at once.
# A sampler watches the balance and the stock while they run.
#
# Uses its own number 15828009999 (四川 成都 动感地带, password 975310) and
# the test-only reward 99 (100 points), both from schema/demo/050_points.sql;
# it resets their points and stock itself and leaves reward 99 inactive.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=15828009999 ACCT_PW=975310 REWARD=99 COST=100 N=50


# Starts from no exchanges, POINTS consumption points (one ledger row) and
# STOCK items of the reward (and the reward on offer).
reset() { # POINTS STOCK
  sql "DELETE FROM points_ledger WHERE msisdn = '$ACCT';
       DELETE FROM exchanges WHERE msisdn = '$ACCT';
       DELETE FROM acceptances WHERE msisdn = '$ACCT' AND business = '积分兑换';
       DELETE FROM login_locks WHERE kind = 'msisdn' AND subject = '$ACCT';
       REPLACE INTO points_balances (msisdn, tenure, consumption, credit, other)
         VALUES ('$ACCT', 0, $1, 0, 0);
       INSERT INTO points_ledger (msisdn, at, kind, points, description)
         VALUES ('$ACCT', NOW() - INTERVAL 1 DAY, 'consumption', $1, '测试初始积分');
       UPDATE rewards SET stock = $2, active = 1 WHERE id = $REWARD"
}
on_exit "sql 'UPDATE rewards SET active = 0, stock = 0 WHERE id = $REWARD'"

# run_parallel DIR: N confirm pages (N request_ids), then N POSTs at once.
# Leaves DIR/code.I and DIR/body.I; OK = 303s, REFUSED_BODIES = bodies.
run_parallel() {
  local dir=$1 i
  mkdir -p "$dir"
  for ((i = 1; i <= N; i++)); do
    get "/points/exchange/confirm?reward=$REWARD"
    csrf_of_page
    grep -oE 'name="request_id" value="[A-Za-z0-9_-]{43}"' <<<"$BODY" |
      sed 's/.*value="//; s/"$//' >"$dir/rid.$i"
  done
  # The sampler: the smallest balance and stock seen while the POSTs run.
  (
    while [[ ! -e $dir/stop ]]; do
      sql "SELECT (SELECT consumption FROM points_balances WHERE msisdn = '$ACCT'), (SELECT stock FROM rewards WHERE id = $REWARD)"
      sleep 0.05
    done >"$dir/samples"
  ) &
  local sampler=$! pids=()
  for ((i = 1; i <= N; i++)); do
    curl -s -o "$dir/body.$i" -w '%{http_code}\n' -b "$JAR" --max-time 60 \
      --data-urlencode "csrf=$CSRF" --data-urlencode "reward=$REWARD" \
      --data-urlencode "password=$ACCT_PW" --data-urlencode "request_id=$(<"$dir/rid.$i")" \
      "$SC_URL/points/exchange" >"$dir/code.$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  touch "$dir/stop"
  wait "$sampler"
  OK=$(cat "$dir"/code.* | grep -c '^303$' || true)
}

state() { # consumption stock exchanges ledger-rows acceptances
  sql "SELECT (SELECT consumption FROM points_balances WHERE msisdn = '$ACCT'),
              (SELECT stock FROM rewards WHERE id = $REWARD),
              (SELECT COUNT(*) FROM exchanges WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM points_ledger WHERE msisdn = '$ACCT' AND points < 0),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '积分兑换')" | tr '\t' ' '
}

jar conc
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

# ------------------------------------------------------------ points limit

reset $((10 * COST)) 100
t_begin "$N parallel exchanges with points for 10: exactly 10 succeed, balance 0, stock -10"
run_parallel "$E2E_TMP/points"
read -r cons stock ex led acc <<<"$(state)"
expect_eq "303 responses" 10 "$OK"
expect_eq "exchange rows" 10 "$ex"
expect_eq "ledger debits" 10 "$led"
expect_eq "acceptances" 10 "$acc"
expect_eq "balance" 0 "$cons"
expect_eq "stock" 90 "$stock"
expect_eq "refusals with 积分不足" $((N - 10)) "$(grep -l '积分不足：兑换「' "$E2E_TMP"/points/body.* | wc -l)"
expect_eq "refusal status" $((N - 10)) "$(cat "$E2E_TMP"/points/code.* | grep -c '^409$')"
expect_eq "balance = ledger sum" 0 "$(sql "SELECT SUM(points) FROM points_ledger WHERE msisdn = '$ACCT' AND kind = 'consumption'")"
expect_eq "distinct request_ids among the exchanges" 10 "$(sql "SELECT COUNT(DISTINCT request_id) FROM exchanges WHERE msisdn = '$ACCT'")"
neg=$(awk '$1 < 0 || $2 < 0' "$E2E_TMP/points/samples" | wc -l)
expect_eq "negative balance or stock ever seen ($(wc -l <"$E2E_TMP/points/samples") samples)" 0 "$neg"
t_end

# ------------------------------------------------------------ stock limit

# Keeps the 10 exchanges above (the history walk below needs two pages):
# plenty of points through a ledger row, and 3 items.
sql "INSERT INTO points_ledger (msisdn, at, kind, points, description)
       VALUES ('$ACCT', NOW(), 'consumption', 100000, '测试调整');
     UPDATE points_balances SET consumption = 100000 WHERE msisdn = '$ACCT';
     UPDATE rewards SET stock = 3 WHERE id = $REWARD"
t_begin "$N parallel exchanges with stock 3 and plenty of points: exactly 3 succeed"
run_parallel "$E2E_TMP/stock"
read -r cons stock ex led acc <<<"$(state)"
expect_eq "303 responses" 3 "$OK"
expect_eq "exchange rows (10 before)" 13 "$ex"
expect_eq "ledger debits" 13 "$led"
expect_eq "acceptances" 13 "$acc"
expect_eq "stock" 0 "$stock"
expect_eq "balance" $((100000 - 3 * COST)) "$cons"
expect_eq "refusals with 已兑完" $((N - 3)) "$(grep -l '已兑完：「' "$E2E_TMP"/stock/body.* | wc -l)"
expect_eq "balance = ledger sum" "$cons" "$(sql "SELECT SUM(points) FROM points_ledger WHERE msisdn = '$ACCT' AND kind = 'consumption'")"
neg=$(awk '$1 < 0 || $2 < 0' "$E2E_TMP/stock/samples" | wc -l)
expect_eq "negative balance or stock ever seen" 0 "$neg"
t_end

# ------------------------------------------------------------ history pages

t_begin "exchange history walks 13 exchanges over two pages, none twice"
sql "UPDATE exchanges SET at = at - INTERVAL 1 DAY WHERE msisdn = '$ACCT' AND id % 2 = 0" # two times, ties too
: >"$E2E_TMP/hist"
path=/points/exchanges pages=0
while [[ -n $path ]] && ((pages < 10)); do
  get "$path"
  expect_status 200 || break
  pages=$((pages + 1))
  grep -oE '<tr data-id="[0-9]+">' <<<"$BODY" | grep -oE '[0-9]+' >>"$E2E_TMP/hist"
  path=$(grep -oE '<a href="[^"]*" rel="next">' <<<"$BODY" | sed 's/<a href="//; s/" rel="next">//; s/&amp;/\&/g')
done
expect_eq "pages" 2 "$pages"
expect_eq "ids in order" "$(sql "SELECT id FROM exchanges WHERE msisdn = '$ACCT' ORDER BY at DESC, id DESC")" "$(cat "$E2E_TMP/hist")"
expect_eq "distinct" 13 "$(sort -u "$E2E_TMP/hist" | wc -l)"
t_end

e2e_done
