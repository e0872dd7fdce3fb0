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

# CPU time per request of each part of the path, from /proc/PID/stat
# (utime + stime) around every run. Unlike requests/s this hardly moves when
# something else loads the machine, so it says where a page's time goes.
mapfile -t NGINX_WORKERS < <(pgrep -P "$(<"$NGINX_PID")" || true)
CPU_GROUPS=(nginx worker mariadb supervisord)
group_pids() {
  case $1 in
    nginx) echo "${NGINX_WORKERS[*]}" ;;
    worker) echo "${WORKERS[*]} ${HELLO_PIDS[*]}" ;; # only one kind is busy
    mariadb) cat "$DB_PID" 2>/dev/null || true ;;
    supervisord) cat "$SUP_PID" 2>/dev/null || true ;;
  esac
}
group_ticks() { # group: utime + stime of its processes, in clock ticks
  # shellcheck disable=SC2046 # pids are words on purpose
  cpu_ticks $(group_pids "$1")
}
TICK=$(getconf CLK_TCK)
declare -A CPU=() REQS=()

{
  echo "selfcare benchmark $(date '+%Y-%m-%d %H:%M:%S')  $SC_URL"
  echo "wrk: $THREADS threads, $CONNS connections, ${SECS}s x $ROUNDS rounds, interleaved; portal workers: ${#WORKERS[@]}, hello processes: $HELLO_PROCS"
  bench_header
} | tee "$OUT"

sc_say "warm-up: ${WARMUP}s per target"
for t in "${TARGETS[@]}"; do wrk_run "$WARMUP" "$SC_URL${PATHS[$t]}" >/dev/null; done

declare -A RESULTS=()
for ((r = 1; r <= ROUNDS; r++)); do
  for t in "${TARGETS[@]}"; do
    declare -A before=()
    for g in "${CPU_GROUPS[@]}"; do before[$g]=$(group_ticks "$g"); done
    line=$(wrk_run "$SECS" "$SC_URL${PATHS[$t]}")
    for g in "${CPU_GROUPS[@]}"; do
      CPU[$t,$g]=$(( ${CPU[$t,$g]:-0} + $(group_ticks "$g") - before[$g] ))
    done
    RESULTS[$t]+="$line"$'\n'
    read -r rps p50 p99 err reqs <<<"$line"
    REQS[$t]=$(( ${REQS[$t]:-0} + reqs ))
    printf 'round %d  %-7s %10s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' \
      "$r" "$t" "$rps" "$p50" "$p99" "$err" | tee -a "$OUT"
  done
done

declare -A RPS P50 P99 ERR
for t in "${TARGETS[@]}"; do
  RPS[$t]=$(median_of 1 <<<"${RESULTS[$t]%$'\n'}")
  P50[$t]=$(median_of 2 <<<"${RESULTS[$t]%$'\n'}")
  P99[$t]=$(median_of 3 <<<"${RESULTS[$t]%$'\n'}")
  ERR[$t]=$(awk '{ s += $4 } END { print s + 0 }' <<<"${RESULTS[$t]}")
done
base=${RPS[hello]:-0}

{
  echo
  echo "median of $ROUNDS rounds:"
  printf '%-8s %-26s %10s %9s %9s %9s %7s\n' target path 'req/s' 'p50 ms' 'p99 ms' 'x hello' errors
  for t in "${TARGETS[@]}"; do
    ratio=$(awk -v a="${RPS[$t]}" -v b="$base" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
    printf '%-8s %-26s %10.0f %9.2f %9.2f %9s %7s\n' "$t" "${PATHS[$t]}" \
      "${RPS[$t]}" "${P50[$t]}" "${P99[$t]}" "$ratio" "${ERR[$t]}"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (includes this benchmark)"
  echo
  echo "CPU per request, microseconds (all rounds; 'worker' = hello or portal"
  echo "processes; wrk itself not counted; hello/x = hello's total over this one):"
  printf '%-8s' target
  for g in "${CPU_GROUPS[@]}"; do printf ' %11s' "$g"; done
  printf ' %11s %9s\n' total 'hello/x'
  hello_ticks=0
  for g in "${CPU_GROUPS[@]}"; do hello_ticks=$((hello_ticks + ${CPU[hello,$g]:-0})); done
  for t in "${TARGETS[@]}"; do
    printf '%-8s' "$t"
    sum=0
    for g in "${CPU_GROUPS[@]}"; do
      sum=$((sum + ${CPU[$t,$g]:-0}))
      awk -v c="${CPU[$t,$g]:-0}" -v n="${REQS[$t]:-0}" -v k="$TICK" \
        'BEGIN { printf " %11.1f", n ? c / k * 1e6 / n : 0 }'
    done
    # hello's CPU per request over this page's: the throughput ratio to
    # expect when the machine is CPU-bound and nothing else runs.
    awk -v c="$sum" -v n="${REQS[$t]:-0}" -v k="$TICK" \
      -v h="$hello_ticks" -v hn="${REQS[hello]:-0}" 'BEGIN {
        us = n ? c / k * 1e6 / n : 0; hus = hn ? h / k * 1e6 / hn : 0
        printf " %11.1f %9s\n", us, (us > 0 && hus > 0) ? sprintf("%.3f", hus / us) : "-" }'
  done
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
  if [[ -n ${RPS[lookup]:-} && $base != 0 ]]; then
    echo
    echo "goals (issue): lookup >= 0.35 x hello, p99 < 10 ms at $CONNS connections, each worker < 20 MB"
    awk -v l="${RPS[lookup]}" -v b="$base" 'BEGIN {
      printf "  lookup/hello %.3f: %s\n", l / b, (l / b >= 0.35) ? "met" : "MISSED" }'
  fi
  for t in "${TARGETS[@]}"; do
    awk -v t="$t" -v p="${P99[$t]}" 'BEGIN { printf "  %s p99 %.2f ms: %s\n", t, p, (p < 10) ? "under 10 ms" : "OVER 10 ms" }'
  done
  echo
  echo "saved in $OUT"
} | tee -a "$OUT"
