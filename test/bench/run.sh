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
HELLO_BIN=$BUILD/selfcare-hello
SNIPPET=$VAR/nginx.d/bench.conf
HELLO_SOCK=$RUN/bench-hello.sock
HELLO_PIDS=()
STARTED_STACK=0
OUT=$LOG/bench-$(date +%Y%m%d-%H%M%S).txt
mkdir -p "$LOG"

# ------------------------------------------------------------ the stack

if [[ -z ${SC_URL:-} ]]; then
  if pid_alive "$NGINX_PID" && [[ -f $NGINX_CONF ]]; then
    port=$(sed -nE 's/^[[:space:]]*listen[[:space:]]+127\.0\.0\.1:([0-9]+);.*/\1/p' "$NGINX_CONF" | head -n 1)
    [[ -n $port ]] || sc_die "cannot find the port in $NGINX_CONF; set SC_URL"
    SC_URL=http://127.0.0.1:$port
  else
    sc_say "no stack running in $VAR: starting one (scripts/run)"
    "$ROOT/scripts/run" >"$LOG/bench-stack.log" 2>&1 ||
      { tail -n 30 "$LOG/bench-stack.log" >&2; sc_die "scripts/run failed"; }
    STARTED_STACK=1
    SC_URL=http://127.0.0.1:$PORT
  fi
fi
SC_URL=${SC_URL%/}
# Benchmark traffic goes to this machine only.
[[ $SC_URL =~ ^http://(127\.0\.0\.1|localhost)(:[0-9]+)?$ ]] ||
  sc_die "SC_URL must be http://127.0.0.1:PORT (got $SC_URL)"
[[ -x $HELLO_BIN ]] || sc_die "$HELLO_BIN missing: build the stack first (scripts/run)"
grep -q "include $VAR/nginx.d/\*.conf;" "$NGINX_CONF" ||
  sc_die "$NGINX_CONF has no 'include $VAR/nginx.d/*.conf' (re-render with scripts/run)"
pid_alive "$NGINX_PID" || sc_die "nginx of $VAR is not running"

# Mid-run config changes must not leave the stack half-changed.
cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  set +e
  for pid in "${HELLO_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  if [[ -f $SNIPPET ]]; then
    rm -f "$SNIPPET"
    pid_alive "$NGINX_PID" && sc_nginx -s reload 2>/dev/null
  fi
  rm -f "$HELLO_SOCK"
  if ((STARTED_STACK)) && [[ -z ${SC_BENCH_KEEP:-} ]]; then
    stack_stop >/dev/null
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Portal workers: "portal:portal_00   RUNNING   pid 123, uptime 0:01:02".
portal_pids() {
  supctl status 'portal:*' 2>/dev/null |
    awk '$2 == "RUNNING" { for (i = 3; i <= NF; i++) if ($i == "pid") { sub(",", "", $(i+1)); print $(i+1) } }'
}
# A fresh stack's workers stay STARTING for supervisord's startsecs.
for ((i = 0; i < 100; i++)); do
  mapfile -t WORKERS < <(portal_pids)
  total=$(supctl status 'portal:*' 2>/dev/null | grep -c '^portal:' || true)
  ((${#WORKERS[@]} > 0 && ${#WORKERS[@]} == total)) && break
  sleep 0.1
done
((${#WORKERS[@]})) || sc_die "no RUNNING portal workers (scripts/svc status)"
# One hello process, as the issue's reference figure (nginx -> libfcgi hello,
# about 14,600 req/s) was taken; SC_BENCH_HELLO_PROCS=2 matches the portal's
# worker count instead, for a like-for-like reading.
HELLO_PROCS=${SC_BENCH_HELLO_PROCS:-1}

# ------------------------------------------------------------ hello

sc_say "starting $HELLO_PROCS selfcare-hello process(es) on $HELLO_SOCK"
if ((HELLO_PROCS == 1)); then
  "$HELLO_BIN" -s "$HELLO_SOCK" </dev/null >/dev/null &
  HELLO_PIDS=($!)
else
# Like supervisord's [fcgi-program]: one listening socket on fd 0 shared by
# HELLO_PROCS processes (-s would give each its own socket). perl
# (perl-base, always there) binds, forks, prints the pids and leaves.
mapfile -t HELLO_PIDS < <(perl -MIO::Socket::UNIX -MSocket -e '
  my ($path, $n, $prog) = @ARGV;
  unlink $path;
  my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $path, Listen => 1024)
    or die "listen on $path: $!\n";
  for (1 .. $n) {
    my $pid = fork() // die "fork: $!\n";
    if (!$pid) {
      open(STDIN, "<&", $s) or die "dup: $!\n";
      open(STDOUT, ">", "/dev/null"); setpgrp(0, 0);
      exec { $prog } $prog or die "exec $prog: $!\n";
    }
    print "$pid\n";
  }' "$HELLO_SOCK" "$HELLO_PROCS" "$HELLO_BIN")
fi
((${#HELLO_PIDS[@]} == HELLO_PROCS)) || sc_die "selfcare-hello did not start"

cat >"$SNIPPET" <<EOF
# Written by test/bench/run.sh for the length of a benchmark; removed after.
location = /__bench/hello {
    fastcgi_pass unix:$HELLO_SOCK;
}
EOF
sc_nginx -t -q || sc_die "nginx rejects the bench location"
sc_nginx -s reload
ok=0
for ((i = 0; i < 50; i++)); do
  [[ $(curl -s --max-time 2 "$SC_URL/__bench/hello" || true) == hello ]] && { ok=1; break; }
  sleep 0.1
done
((ok)) || sc_die "$SC_URL/__bench/hello does not answer: is SC_URL the nginx of $VAR?"

# Every target must answer 200 first: a benchmark of error pages is noise.
for t in "${TARGETS[@]}"; do
  [[ -n ${PATHS[$t]:-} ]] || sc_die "unknown target $t"
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$SC_URL${PATHS[$t]}" || true)
  [[ $code == 200 ]] || sc_die "$SC_URL${PATHS[$t]} answered $code"
done

# ------------------------------------------------------------ wrk

# wrk_run URL SECONDS: prints "rps p50_ms p99_ms errors requests".
wrk_run() {
  wrk -t"$THREADS" -c"$CONNS" -d"$2"s --latency "$1" 2>&1 | awk '
    function ms(v) {
      if (v ~ /us$/) return v * 0.001   # awk reads the leading number
      if (v ~ /ms$/) return v * 1
      if (v ~ /m$/)  return v * 60000
      if (v ~ /s$/)  return v * 1000
      return v
    }
    $1 == "Requests/sec:" { rps = $2 }
    $2 == "requests" && $3 == "in" { reqs = $1 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { err += $NF }
    /Socket errors:/ { for (i = 3; i <= NF; i++) { v = $i; sub(",", "", v); if (v ~ /^[0-9]+$/) err += v } }
    END { printf "%.1f %.3f %.3f %d %d\n", rps, p50, p99, err, reqs }'
}

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
cpu_ticks() { # group: utime + stime of its processes, in clock ticks
  local p t=0
  for p in $(group_pids "$1"); do
    [[ -r /proc/$p/stat ]] || continue
    t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$t"
}
TICK=$(getconf CLK_TCK)
declare -A CPU=() REQS=()

{
  echo "selfcare benchmark $(date '+%Y-%m-%d %H:%M:%S')  $SC_URL"
  echo "machine: $(nproc) cpu, $(awk '/^model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
  echo "wrk: $THREADS threads, $CONNS connections, ${SECS}s x $ROUNDS rounds, interleaved; portal workers: ${#WORKERS[@]}, hello processes: $HELLO_PROCS"
  echo "build: $(cat "$BUILD/.sc-configure-flags" 2>/dev/null || true) (configure flags; empty = no sanitizers)"
  # wrk, nginx, the workers and MariaDB share these CPUs: anything else
  # running (a test suite) shows here and skews every figure.
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

sc_say "warm-up: ${WARMUP}s per target"
for t in "${TARGETS[@]}"; do wrk_run "$SC_URL${PATHS[$t]}" "$WARMUP" >/dev/null; done

declare -A RESULTS=()
for ((r = 1; r <= ROUNDS; r++)); do
  for t in "${TARGETS[@]}"; do
    declare -A before=()
    for g in "${CPU_GROUPS[@]}"; do before[$g]=$(cpu_ticks "$g"); done
    line=$(wrk_run "$SC_URL${PATHS[$t]}" "$SECS")
    for g in "${CPU_GROUPS[@]}"; do
      CPU[$t,$g]=$(( ${CPU[$t,$g]:-0} + $(cpu_ticks "$g") - before[$g] ))
    done
    RESULTS[$t]+="$line"$'\n'
    read -r rps p50 p99 err reqs <<<"$line"
    REQS[$t]=$(( ${REQS[$t]:-0} + reqs ))
    printf 'round %d  %-7s %10s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' \
      "$r" "$t" "$rps" "$p50" "$p99" "$err" | tee -a "$OUT"
  done
done

# Median of the rounds, per column.
median_of() { # column number, lines on stdin (plain POSIX awk: no asort)
  awk -v c="$1" '{ print $c }' | sort -g | awk '{ v[NR] = $1 } END {
    if (!NR) { print 0; exit }
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
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
