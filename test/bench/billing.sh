#!/usr/bin/env bash
# The billing pages at province scale: call details (/billing/cdr) and the
# monthly bill (/billing/bill) for random generated subscribers, each request
# with one of the sessions made beforehand, read against the bare hello
# program behind the same nginx in the same run. Reports figures and the
# issue's goals, asserts nothing. See test/bench/README.md.
#
#   SC_VAR=/tmp/sc-data SC_PORT=18440 test/bench/billing.sh
#       measures the data loaded now (load it first: scripts/gen-data)
#   SC_BENCH_COMPARE=1 SC_VAR=... test/bench/billing.sh
#       loads the small set (scripts/gen-data --subscribers 1000 --cdrs
#       100000) and measures, then the default set (100,000 subscribers,
#       10,000,000 records) and measures again, and compares the call-detail
#       page's median time between the two; leaves the big set loaded
#
# Start the stack with a buffer pool that holds the data, or the figures
# measure the disk: SC_DB_BUFFER_POOL=4G scripts/run (the script warns).
#
# Knobs: SC_BENCH_ROUNDS (3), SC_BENCH_SECONDS (10), SC_BENCH_CONNECTIONS
# (16), SC_BENCH_THREADS (2), SC_BENCH_WARMUP seconds per target (5),
# SC_BENCH_SESSIONS (5000), SC_BENCH_HELLO_PROCS (1), SC_BENCH_SMALL
# ("1000 100000": subscribers and records of the small set).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"

ROUNDS=${SC_BENCH_ROUNDS:-3}
SECS=${SC_BENCH_SECONDS:-10}
CONNS=${SC_BENCH_CONNECTIONS:-16}
THREADS=${SC_BENCH_THREADS:-2}
WARMUP=${SC_BENCH_WARMUP:-5}
NSESSIONS=${SC_BENCH_SESSIONS:-5000}
read -r SMALL_SUBS SMALL_CDRS <<<"${SC_BENCH_SMALL:-1000 100000}"
TARGETS=(hello cdr bill)
MARK='测试用户'

command -v wrk >/dev/null || sc_die "wrk is not installed (apt-get install wrk)"
command -v python3 >/dev/null || sc_die "python3 is needed to make the session tokens"
# shellcheck source=test/bench/lib.sh
. "$root/test/bench/lib.sh"
LUA=$root/test/bench/billing.lua
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sc-bench-billing.XXXXXX")
OUT=$LOG/bench-billing-$(date +%Y%m%d-%H%M%S).txt
mkdir -p "$LOG"

sql() { db_client -N -B "$DB_NAME" "$@"; }

# The sessions this run inserted go again at the end, whatever happens.
drop_sessions() {
  if [[ -s $WORK/hashes ]]; then
    { echo "DELETE FROM sessions WHERE token_hash IN ("
      paste -sd, "$WORK/hashes"
      echo ");"; } | sql 2>/dev/null || true
    : >"$WORK/hashes"
  fi
}
bench_extra_cleanup() {
  drop_sessions
  rm -rf "$WORK"
}
BENCH_CLEANUP_EXTRA=bench_extra_cleanup

bench_stack
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
db_ping || sc_die "MariaDB of $VAR does not answer"
wait_workers billing
HELLO_PROCS=${SC_BENCH_HELLO_PROCS:-1}
bench_hello_start "$HELLO_PROCS"

# ------------------------------------------------------------ sessions

# make_sessions N: N sessions for random generated subscribers who can use
# both pages (active, served on this site, cdr and monthly_bill offered to
# their province and brand). Sessions go straight into the table: the
# cookie is 32 random bytes in base64url, the row holds their BLAKE2b-256
# (libsodium's crypto_generichash with a 32-byte output, which is Python's
# blake2b(digest_size=32), not a truncated BLAKE2b-512), as lib/session.c
# sc_token_hash computes it. 5,000 logins over HTTP would cost 5,000
# argon2id checks; this costs a second. Writes $WORK/cookies and
# $WORK/msisdns, appends the hashes to $WORK/hashes.
make_sessions() {
  local n=$1 csrf
  sql -e "SELECT s.msisdn FROM subscribers s JOIN provinces p ON p.id = s.province_id
    WHERE s.name LIKE '${MARK}%' AND s.status = 'active' AND p.site_url IS NULL
      AND (s.brand_code = 'gotone' OR NOT EXISTS (
        SELECT 1 FROM services v
        LEFT JOIN service_availability a ON a.service_code = v.code
          AND a.province_id = s.province_id AND a.brand_code = s.brand_code
        WHERE v.code IN ('cdr', 'monthly_bill') AND COALESCE(a.enabled, v.other_brands) = 0))
    ORDER BY RAND(42) LIMIT $n" >"$WORK/msisdns"
  [[ -s $WORK/msisdns ]] ||
    sc_die "no generated subscribers to log in: load data first (scripts/gen-data)"
  # Any page sets the CSRF cookie a browser would carry along.
  csrf=$(curl -s -o /dev/null -c - "$SC_URL/" | awk '$6 == "sc_csrf" { print $7 }')
  [[ -n $csrf ]] || sc_die "no sc_csrf cookie from $SC_URL/"
  python3 - "$WORK/msisdns" "$WORK/cookies" "$csrf" >"$WORK/sessions.sql" 3>>"$WORK/hashes" <<'PY'
import base64, hashlib, os, sys
msisdns, cookies, csrf = sys.argv[1], sys.argv[2], sys.argv[3]
hashes = os.fdopen(3, "w")
with open(msisdns) as f, open(cookies, "w") as c:
    rows = []
    for line in f:
        m = line.strip()
        raw = os.urandom(32)
        token = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        h = hashlib.blake2b(raw, digest_size=32).hexdigest()
        c.write(f"sc_sid={token}; sc_csrf={csrf}\n")
        hashes.write(f"UNHEX('{h}')\n")
        rows.append(f"(UNHEX('{h}'), '{m}', NOW(), NOW())")
    for i in range(0, len(rows), 1000):
        print("INSERT INTO sessions (token_hash, msisdn, created_at, seen_at) VALUES")
        print(",\n".join(rows[i:i + 1000]) + ";")
PY
  sql <"$WORK/sessions.sql"
}

# ------------------------------------------------------------ queries

# The call-detail page takes at most 6 months back (this month and the 5
# before it): one query string per whole month, and this month so far.
# The bill page: the months every chosen subscriber has a closed bill for.
make_queries() {
  local k first last
  : >"$WORK/cdr"
  for k in 5 4 3 2 1; do
    first=$(date -d "$(date +%Y-%m-01) -$k month" +%Y%m%d)
    last=$(date -d "$(date +%Y-%m-01) -$((k - 1)) month -1 day" +%Y%m%d)
    echo "from=$first&to=$last" >>"$WORK/cdr"
  done
  echo "from=$(date +%Y%m01)&to=$(date +%Y%m%d)" >>"$WORK/cdr"
  local n
  n=$(wc -l <"$WORK/msisdns")
  { echo "SELECT CONCAT('month=', month) FROM bills WHERE closed_on <= CURDATE() AND msisdn IN ("
    sed "s/.*/'&'/" "$WORK/msisdns" | paste -sd,
    echo ") GROUP BY month HAVING COUNT(*) = $n ORDER BY month DESC LIMIT 6"; } | sql >"$WORK/bill"
  [[ -s $WORK/bill ]] || sc_die "no month with a closed bill for every chosen subscriber"
  : >"$WORK/hello"
}

declare -A PATHS=([hello]=/__bench/hello [cdr]=/billing/cdr [bill]=/billing/bill)

# wrk_target SECONDS TARGET [wrk args]: hello is a plain URL; the billing
# pages go through the Lua script with the cookies and queries.
wrk_target() {
  local secs=$1 t=$2
  shift 2
  if [[ $t == hello ]]; then
    wrk_run "$secs" "$@" "$SC_URL${PATHS[hello]}"
  else
    wrk_run "$secs" "$@" -s "$LUA" "$SC_URL" -- "${PATHS[$t]}" "$WORK/cookies" "$WORK/$t"
  fi
}

# ------------------------------------------------------------ measuring

bench_cpu_groups
declare -A RPS=() P50=() P99=() C1=() DATASET=()
LABELS=()

# measure LABEL: the whole measurement against the data loaded now.
measure() {
  local label=$1 t line rps p50 p99 err reqs code
  LABELS+=("$label")
  local subs cdrs pool data
  read -r subs cdrs pool data < <(sql -e "SELECT
      (SELECT COUNT(*) FROM subscribers WHERE name LIKE '${MARK}%'),
      (SELECT COUNT(*) FROM cdrs), @@innodb_buffer_pool_size,
      (SELECT SUM(data_length + index_length) FROM information_schema.tables
        WHERE table_schema = DATABASE()
          AND table_name IN ('cdrs', 'bills', 'bill_items', 'subscribers', 'sessions'))")
  DATASET[$label]="$cdrs call records, $subs generated subscribers"
  {
    echo
    echo "== $label: ${DATASET[$label]}"
    awk -v p="$pool" -v d="$data" 'BEGIN {
      printf "buffer pool %.0f MB, data the pages read %.0f MB%s\n", p / 1048576, d / 1048576,
        (p < d * 1.1) ? "  WARNING: the pool is smaller than the data; restart with SC_DB_BUFFER_POOL=4G" : "" }'
  } | tee -a "$OUT"

  drop_sessions
  make_sessions "$NSESSIONS"
  make_queries
  echo "sessions: $(wc -l <"$WORK/cookies") random subscribers; cdr ranges: $(paste -sd' ' "$WORK/cdr" | sed 's/from=//g; s/&to=/-/g'); bill months: $(paste -sd' ' "$WORK/bill" | sed 's/month=//g')" | tee -a "$OUT"

  # Every target must answer 200 first: a benchmark of error pages is noise.
  for t in cdr bill; do
    code=$(curl -s -o "$WORK/page.html" -w '%{http_code}' --max-time 10 \
      -H "Cookie: $(head -n 1 "$WORK/cookies")" \
      "$SC_URL${PATHS[$t]}?$(head -n 1 "$WORK/$t")" || true)
    [[ $code == 200 ]] || sc_die "$SC_URL${PATHS[$t]} answered $code with a bench session"
  done

  sc_say "warm-up: ${WARMUP}s per target"
  for t in "${TARGETS[@]}"; do wrk_target "$WARMUP" "$t" >/dev/null; done

  bench_rounds wrk_target
  # The call-detail page alone: one connection, so its median is the
  # page's own time rather than a share of a busy machine.
  line=$(THREADS=1 CONNS=1 wrk_target "$SECS" cdr)
  read -r rps p50 p99 err reqs <<<"$line"
  C1[$label]=$p50
  printf 'cdr at 1 connection: %s req/s  p50 %s ms  p99 %s ms  errors %s\n' \
    "$rps" "$p50" "$p99" "$err" | tee -a "$OUT"

  for t in "${TARGETS[@]}"; do
    RPS[$label,$t]=${MED_RPS[$t]}
    P50[$label,$t]=${MED_P50[$t]}
    P99[$label,$t]=${MED_P99[$t]}
  done
  local base=${RPS[$label,hello]}
  {
    echo
    echo "median of $ROUNDS rounds ($label):"
    bench_medians_table
    echo
    echo "CPU per request, microseconds ('worker' = hello or billing processes;"
    echo "wrk not counted; hello/x = hello's total over this one):"
    bench_cpu_table
    echo
    echo "goals (issue): >= 0.25 x hello, p99 < 20 ms at $CONNS connections"
    for t in cdr bill; do
      awk -v t="$t" -v a="${RPS[$label,$t]}" -v b="$base" -v p="${P99[$label,$t]}" 'BEGIN {
        r = b > 0 ? a / b : 0
        printf "  %-4s %.3f x hello: %s; p99 %.2f ms: %s\n", t, r, (r >= 0.25) ? "met" : "MISSED",
          p, (p < 20) ? "met" : "MISSED" }'
    done
  } | tee -a "$OUT"
  drop_sessions
}

# ------------------------------------------------------------ run

{
  echo "selfcare billing benchmark $(date '+%Y-%m-%d %H:%M:%S')  $SC_URL"
  echo "wrk: $THREADS threads, $CONNS connections, ${SECS}s x $ROUNDS rounds, interleaved; billing workers: ${#WORKERS[@]}, hello processes: $HELLO_PROCS"
  bench_header
} | tee "$OUT"

if [[ -n ${SC_BENCH_COMPARE:-} ]]; then
  sc_say "loading the small data set: $SMALL_SUBS subscribers, $SMALL_CDRS call records"
  "$ROOT/scripts/gen-data" --subscribers "$SMALL_SUBS" --cdrs "$SMALL_CDRS" 2>&1 | tail -n 3
  measure small
  sc_say "loading the default data set: 100000 subscribers, 10000000 call records"
  "$ROOT/scripts/gen-data" 2>&1 | tail -n 14
  measure big
  {
    echo
    echo "call-detail page, 10,000,000 records against 100,000 (goal: median within 1.3x):"
    echo "  small: ${DATASET[small]}"
    echo "  big:   ${DATASET[big]}"
    awk -v a="${P50[small,cdr]}" -v b="${P50[big,cdr]}" -v c="$CONNS" 'BEGIN {
      printf "  p50 at %d connections: %.2f ms -> %.2f ms = %.2fx: %s\n", c, a, b, b / a, (b / a <= 1.3) ? "met" : "MISSED" }'
    awk -v a="${C1[small]}" -v b="${C1[big]}" 'BEGIN {
      printf "  p50 at 1 connection:   %.2f ms -> %.2f ms = %.2fx: %s\n", a, b, b / a, (b / a <= 1.3) ? "met" : "MISSED" }'
  } | tee -a "$OUT"
else
  measure loaded
fi
echo | tee -a "$OUT"
echo "saved in $OUT"
