# shellcheck shell=bash
# Shared by the benchmarks (test/bench/run.sh, test/bench/billing.sh):
# finding or starting the stack to measure, the bare hello program behind
# the same nginx, wrk runs and medians, CPU time per process group.
# Sourced after scripts/lib.sh; the caller sets THREADS and CONNS.

HELLO_BIN=$BUILD/selfcare-hello
BENCH_SNIPPET=$VAR/nginx.d/bench.conf
HELLO_SOCK=$RUN/bench-hello.sock
HELLO_PIDS=()
STARTED_STACK=0

# bench_stack: sets SC_URL to the nginx of $VAR. When nothing runs there,
# starts the stack with scripts/run (STARTED_STACK=1; bench_cleanup stops
# it again unless SC_BENCH_KEEP=1).
bench_stack() {
  if [[ -z ${SC_URL:-} ]]; then
    if pid_alive "$NGINX_PID" && [[ -f $NGINX_CONF ]]; then
      local listen
      listen=$(sed -nE 's/^[[:space:]]*listen[[:space:]]+127\.0\.0\.1:([0-9]+);.*/\1/p' "$NGINX_CONF" | head -n 1)
      [[ -n $listen ]] || sc_die "cannot find the port in $NGINX_CONF; set SC_URL"
      SC_URL=http://127.0.0.1:$listen
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
}

# bench_cleanup: the EXIT trap. Mid-run config changes must not leave the
# stack half-changed: stops hello, removes its location, reloads nginx.
# A caller with more to undo sets BENCH_CLEANUP_EXTRA to a function name.
bench_cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  set +e
  [[ -n ${BENCH_CLEANUP_EXTRA:-} ]] && "$BENCH_CLEANUP_EXTRA"
  for pid in "${HELLO_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  if [[ -f $BENCH_SNIPPET ]]; then
    rm -f "$BENCH_SNIPPET"
    pid_alive "$NGINX_PID" && sc_nginx -s reload 2>/dev/null
  fi
  rm -f "$HELLO_SOCK"
  if ((STARTED_STACK)) && [[ -z ${SC_BENCH_KEEP:-} ]]; then
    stack_stop >/dev/null
  fi
  exit "$rc"
}

# group_workers GROUP: pids of the RUNNING processes of a supervisord group
# ("portal:portal_00   RUNNING   pid 123, uptime 0:01:02").
group_workers() {
  supctl status "$1:*" 2>/dev/null |
    awk '$2 == "RUNNING" { for (i = 3; i <= NF; i++) if ($i == "pid") { sub(",", "", $(i+1)); print $(i+1) } }'
}

# wait_workers GROUP: fills WORKERS with the group's pids once every
# process is RUNNING (a fresh stack's workers stay STARTING for
# supervisord's startsecs).
wait_workers() {
  local i total
  for ((i = 0; i < 100; i++)); do
    mapfile -t WORKERS < <(group_workers "$1")
    total=$(supctl status "$1:*" 2>/dev/null | grep -c "^$1:" || true)
    ((${#WORKERS[@]} > 0 && ${#WORKERS[@]} == total)) && return 0
    sleep 0.1
  done
  ((${#WORKERS[@]})) || sc_die "no RUNNING $1 workers (scripts/svc status)"
}

# bench_hello_start PROCS: PROCS selfcare-hello processes behind
# /__bench/hello on the stack's nginx. One process is how the issue's
# reference figure was taken (nginx -> libfcgi hello, about 14,600 req/s);
# 2 matches a program's worker count instead, for a like-for-like reading.
bench_hello_start() {
  local procs=$1 i ok=0
  sc_say "starting $procs selfcare-hello process(es) on $HELLO_SOCK"
  if ((procs == 1)); then
    "$HELLO_BIN" -s "$HELLO_SOCK" </dev/null >/dev/null &
    HELLO_PIDS=($!)
  else
    # Like supervisord's [fcgi-program]: one listening socket on fd 0
    # shared by the processes (-s would give each its own socket). perl
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
      }' "$HELLO_SOCK" "$procs" "$HELLO_BIN")
  fi
  ((${#HELLO_PIDS[@]} == procs)) || sc_die "selfcare-hello did not start"

  cat >"$BENCH_SNIPPET" <<EOF
# Written by test/bench for the length of a benchmark; removed after.
location = /__bench/hello {
    fastcgi_pass unix:$HELLO_SOCK;
}
EOF
  sc_nginx -t -q || sc_die "nginx rejects the bench location"
  sc_nginx -s reload
  for ((i = 0; i < 50; i++)); do
    [[ $(curl -s --max-time 2 "$SC_URL/__bench/hello" || true) == hello ]] && { ok=1; break; }
    sleep 0.1
  done
  ((ok)) || sc_die "$SC_URL/__bench/hello does not answer: is SC_URL the nginx of $VAR?"
}

# wrk_run SECONDS [wrk args...] URL [-- script args]: prints
# "rps p50_ms p99_ms errors requests". Errors are non-2xx/3xx answers and
# socket errors.
wrk_run() {
  local secs=$1
  shift
  wrk -t"$THREADS" -c"$CONNS" -d"$secs"s --latency "$@" 2>&1 | awk '
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

# median_of COLUMN: the median of that column of the lines on stdin (plain
# POSIX awk: no asort).
median_of() {
  awk -v c="$1" '{ print $c }' | sort -g | awk '{ v[NR] = $1 } END {
    if (!NR) { print 0; exit }
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# cpu_ticks PID...: utime + stime of the processes, in clock ticks. Unlike
# requests/s this hardly moves when something else loads the machine.
cpu_ticks() {
  local p t=0
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] || continue
    t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$t"
}

# bench_header: the lines every report starts with.
bench_header() {
  echo "machine: $(nproc) cpu, $(awk '/^model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
  echo "build: $(cat "$BUILD/.sc-configure-flags" 2>/dev/null || true) (configure flags; empty = no sanitizers)"
  # wrk, nginx, the workers and MariaDB share these CPUs: anything else
  # running (a test suite) shows here and skews every figure.
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# ------------------------------------------------------------ measuring

# CPU time per request of each part of the path, from /proc/PID/stat
# (utime + stime) around every run. Unlike requests/s this hardly moves when
# something else loads the machine, so it says where a page's time goes.
# WORKERS (wait_workers) and HELLO_PIDS must be set first.
CPU_GROUPS=(nginx worker mariadb supervisord)
TICK=$(getconf CLK_TCK)
bench_cpu_groups() {
  mapfile -t NGINX_WORKERS < <(pgrep -P "$(<"$NGINX_PID")" || true)
}
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

# bench_rounds RUNNER: ROUNDS interleaved rounds over TARGETS, each target
# for SECS seconds; `RUNNER SECONDS TARGET` prints wrk_run's line. Appends
# each round's line to $OUT and fills BENCH_LINES[t] (a line per round),
# BENCH_CPU[t,group] (ticks) and BENCH_REQS[t], then the medians MED_RPS,
# MED_P50, MED_P99 and the errors' sum MED_ERR, per target.
bench_rounds() {
  local runner=$1 r t g line rps p50 p99 err reqs
  declare -gA BENCH_LINES=() BENCH_CPU=() BENCH_REQS=()
  declare -gA MED_RPS=() MED_P50=() MED_P99=() MED_ERR=()
  for ((r = 1; r <= ROUNDS; r++)); do
    for t in "${TARGETS[@]}"; do
      local -A before=()
      for g in "${CPU_GROUPS[@]}"; do before[$g]=$(group_ticks "$g"); done
      line=$("$runner" "$SECS" "$t")
      for g in "${CPU_GROUPS[@]}"; do
        BENCH_CPU[$t,$g]=$((${BENCH_CPU[$t,$g]:-0} + $(group_ticks "$g") - before[$g]))
      done
      BENCH_LINES[$t]+="$line"$'\n'
      read -r rps p50 p99 err reqs <<<"$line"
      BENCH_REQS[$t]=$((${BENCH_REQS[$t]:-0} + reqs))
      printf 'round %d  %-7s %10s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' \
        "$r" "$t" "$rps" "$p50" "$p99" "$err" | tee -a "$OUT"
    done
  done
  for t in "${TARGETS[@]}"; do
    MED_RPS[$t]=$(median_of 1 <<<"${BENCH_LINES[$t]%$'\n'}")
    MED_P50[$t]=$(median_of 2 <<<"${BENCH_LINES[$t]%$'\n'}")
    MED_P99[$t]=$(median_of 3 <<<"${BENCH_LINES[$t]%$'\n'}")
    MED_ERR[$t]=$(awk '{ s += $4 } END { print s + 0 }' <<<"${BENCH_LINES[$t]}")
  done
}

# bench_medians_table: the medians of bench_rounds, with each target's
# requests/s over hello's.
bench_medians_table() {
  local t base=${MED_RPS[hello]:-0}
  printf '%-8s %-26s %10s %9s %9s %9s %7s\n' target path 'req/s' 'p50 ms' 'p99 ms' 'x hello' errors
  for t in "${TARGETS[@]}"; do
    printf '%-8s %-26s %10.0f %9.2f %9.2f %9s %7s\n' "$t" "${PATHS[$t]}" \
      "${MED_RPS[$t]}" "${MED_P50[$t]}" "${MED_P99[$t]}" \
      "$(awk -v a="${MED_RPS[$t]}" -v b="$base" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')" \
      "${MED_ERR[$t]}"
  done
}

# bench_cpu_table: CPU microseconds per request of each group and target
# from bench_rounds, and hello's total over each target's: the throughput
# ratio to expect when the machine is CPU-bound and nothing else runs.
bench_cpu_table() {
  local t g sum hello_ticks=0
  printf '%-8s' target
  for g in "${CPU_GROUPS[@]}"; do printf ' %11s' "$g"; done
  printf ' %11s %9s\n' total 'hello/x'
  for g in "${CPU_GROUPS[@]}"; do hello_ticks=$((hello_ticks + ${BENCH_CPU[hello,$g]:-0})); done
  for t in "${TARGETS[@]}"; do
    printf '%-8s' "$t"
    sum=0
    for g in "${CPU_GROUPS[@]}"; do
      sum=$((sum + ${BENCH_CPU[$t,$g]:-0}))
      awk -v c="${BENCH_CPU[$t,$g]:-0}" -v n="${BENCH_REQS[$t]:-0}" -v k="$TICK" \
        'BEGIN { printf " %11.1f", n ? c / k * 1e6 / n : 0 }'
    done
    awk -v c="$sum" -v n="${BENCH_REQS[$t]:-0}" -v k="$TICK" \
      -v h="$hello_ticks" -v hn="${BENCH_REQS[hello]:-0}" 'BEGIN {
        us = n ? c / k * 1e6 / n : 0; hus = hn ? h / k * 1e6 / hn : 0
        printf " %11.1f %9s\n", us, (us > 0 && hus > 0) ? sprintf("%.3f", hus / us) : "-" }'
  done
}
