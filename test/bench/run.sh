#!/usr/bin/env bash
# Throughput and latency of the portal through its own nginx, read against
# a bare libfcgi program (selfcare-hello) behind the same nginx. Reports
# figures, asserts nothing. See test/bench/README.md.
#
#   SC_VAR=/tmp/sc-bench SC_PORT=18300 test/bench/run.sh
#       starts that stack with scripts/run if it is not running (and stops
#       it again at the end unless SC_BENCH_KEEP=1)
#   SC_URL=http://127.0.0.1:18300 SC_VAR=/tmp/sc-bench test/bench/run.sh
#       uses the running stack of SC_VAR (SC_URL must be its nginx)
#
# Knobs: SC_BENCH_ROUNDS (3), SC_BENCH_SECONDS (10), SC_BENCH_CONNECTIONS
# (16), SC_BENCH_THREADS (2), SC_BENCH_WARMUP seconds per target (2),
# SC_BENCH_HELLO_PROCS (1; 2 = as many as the portal's workers),
# SC_BENCH_TARGETS (default: "hello home lookup static").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"

ROUNDS=${SC_BENCH_ROUNDS:-3}
SECS=${SC_BENCH_SECONDS:-10}
CONNS=${SC_BENCH_CONNECTIONS:-16}
THREADS=${SC_BENCH_THREADS:-2}
WARMUP=${SC_BENCH_WARMUP:-2}
read -r -a TARGETS <<<"${SC_BENCH_TARGETS:-hello home lookup static}"

declare -A PATHS=(
  [hello]=/__bench/hello
  [home]=/
  [lookup]='/lookup?prefix=1380013'
  [static]=/static/site.css
)

command -v wrk >/dev/null || sc_die "wrk is not installed (apt-get install wrk)"
# shellcheck source=test/bench/lib.sh
. "$root/test/bench/lib.sh"
OUT=$LOG/bench-$(date +%Y%m%d-%H%M%S).txt
mkdir -p "$LOG"

# ------------------------------------------------------------ the stack

bench_stack
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
wait_workers portal
# One hello process by default, as the issue's reference figure was taken;
# SC_BENCH_HELLO_PROCS=2 matches the portal's worker count instead.
HELLO_PROCS=${SC_BENCH_HELLO_PROCS:-1}

# ------------------------------------------------------------ hello

bench_hello_start "$HELLO_PROCS"

# Every target must answer 200 first: a benchmark of error pages is noise.
for t in "${TARGETS[@]}"; do
  [[ -n ${PATHS[$t]:-} ]] || sc_die "unknown target $t"
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$SC_URL${PATHS[$t]}" || true)
  [[ $code == 200 ]] || sc_die "$SC_URL${PATHS[$t]} answered $code"
done

# ------------------------------------------------------------ wrk

bench_cpu_groups

# wrk_target SECONDS TARGET: every target is a plain URL here.
wrk_target() { wrk_run "$1" "$SC_URL${PATHS[$2]}"; }

{
  echo "selfcare benchmark $(date '+%Y-%m-%d %H:%M:%S')  $SC_URL"
  echo "wrk: $THREADS threads, $CONNS connections, ${SECS}s x $ROUNDS rounds, interleaved; portal workers: ${#WORKERS[@]}, hello processes: $HELLO_PROCS"
  bench_header
} | tee "$OUT"

sc_say "warm-up: ${WARMUP}s per target"
for t in "${TARGETS[@]}"; do wrk_target "$WARMUP" "$t" >/dev/null; done

bench_rounds wrk_target

{
  echo
  echo "median of $ROUNDS rounds:"
  bench_medians_table
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (includes this benchmark)"
  echo
  echo "CPU per request, microseconds (all rounds; 'worker' = hello or portal"
  echo "processes; wrk itself not counted; hello/x = hello's total over this one):"
  bench_cpu_table
  echo
  echo "resident memory after the run (VmRSS; peak VmHWM counts everything since"
  echo "the worker started, e.g. a login's argon2id check, not only this run):"
  for pid in "${WORKERS[@]}"; do
    if [[ -r /proc/$pid/status ]]; then
      awk -v p="$pid" '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 }
        END { printf "  portal worker pid %-8s %6.1f MB  (peak %.1f MB)%s\n", p, r / 1024, h / 1024, r < 20480 ? "" : "  over 20 MB" }' "/proc/$pid/status"
    else
      echo "  portal worker pid $pid is gone (restarted during the run?)"
    fi
  done
  awk -v p="${HELLO_PIDS[0]}" '/^VmRSS:/ { printf "  hello (reference) pid %-5s %6.1f MB\n", p, $2 / 1024 }' "/proc/${HELLO_PIDS[0]}/status" 2>/dev/null || true
  if [[ -n ${MED_RPS[lookup]:-} && ${MED_RPS[hello]:-0} != 0 ]]; then
    echo
    echo "goals (issue): lookup >= 0.35 x hello, p99 < 10 ms at $CONNS connections, each worker < 20 MB"
    awk -v l="${MED_RPS[lookup]}" -v b="${MED_RPS[hello]}" 'BEGIN {
      printf "  lookup/hello %.3f: %s\n", l / b, (l / b >= 0.35) ? "met" : "MISSED" }'
  fi
  for t in "${TARGETS[@]}"; do
    awk -v t="$t" -v p="${MED_P99[$t]}" 'BEGIN { printf "  %s p99 %.2f ms: %s\n", t, p, (p < 10) ? "under 10 ms" : "OVER 10 ms" }'
  done
  echo
  echo "saved in $OUT"
} | tee -a "$OUT"
