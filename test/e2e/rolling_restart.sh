#!/usr/bin/env bash
# `scripts/svc restart portal` replaces the portal workers one at a time
# while the FastCGI socket stays open: under concurrent load (wrk against
# 127.0.0.1 only, bounded: 2 threads, 16 connections, stopped 1 s after
# the restart) not one request may fail, and every portal PID changes.
# (Restarting the whole group at once does drop requests; that is not run
# here because it would disturb the other suites.) Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

URL_PATH='/lookup?prefix=1380013'
WRK_OUT=$E2E_TMP/wrk.out
SVC_OUT=$E2E_TMP/svc.out
NGINX_ERR=$SC_VAR/log/nginx-error.log
WRK_PID=

# Stops our own wrk by its PID (SIGINT: wrk still prints its summary).
stop_wrk() {
  [[ -n $WRK_PID ]] || return 0
  kill -INT "$WRK_PID" 2>/dev/null
  wait "$WRK_PID" 2>/dev/null
  WRK_PID=
}
on_exit stop_wrk

t_begin "before: portal workers running and the lookup answers 200"
PORTAL_BEFORE=$(supervisor_pids portal)
ADMIN_BEFORE=$(supervisor_pids admin)
expect_match "portal workers" '^portal:[^=]+=[0-9]+' "$PORTAL_BEFORE"
get "$URL_PATH"
expect_status 200
expect_body_has '<td>北京</td>'
command -v wrk >/dev/null || t_fail "wrk is not installed"
t_end

errors_before=$(grep -c '\[error\]' "$NGINX_ERR" 2>/dev/null || true)

# Load first, then the restart in the middle of it; wrk stops (SIGINT, it
# still prints its summary) one second after the restart finished.
wrk -t2 -c16 -d60s --timeout 10s "$SC_URL$URL_PATH" >"$WRK_OUT" 2>&1 &
WRK_PID=$!
sleep 1.5
start=$(date +%s)
restart_rc=0
SC_VAR=$SC_VAR timeout 50 "$SC_ROOT/scripts/svc" restart portal >"$SVC_OUT" 2>&1 || restart_rc=$?
restart_s=$(($(date +%s) - start))
sleep 1
stop_wrk
sed 's/^/# /' "$SVC_OUT"
grep -E 'requests in|Socket errors|Non-2xx|Requests/sec' "$WRK_OUT" | sed 's/^ */# wrk: /'

t_begin "scripts/svc restart portal completes, worker by worker"
expect_eq "exit status" 0 "$restart_rc"
n_workers=$(wc -l <<<"$PORTAL_BEFORE")
expect_eq "workers restarted" "$n_workers" "$(grep -c ' restarted$' "$SVC_OUT" || true)"
((restart_s <= 45)) || t_fail "restart took ${restart_s}s"
t_end

requests=$(awk '/requests in/ {print $1}' "$WRK_OUT")
non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' "$WRK_OUT")
sockerr=$(grep -oE 'Socket errors: .*' "$WRK_OUT")

t_begin "the load really ran during the restart (wrk made requests)"
expect_match "wrk requests" '^[0-9]+$' "${requests:-}"
((${requests:-0} >= 100)) || t_fail "only ${requests:-0} requests; wrk output: $(tr '\n' ' ' <"$WRK_OUT" | head -c 400)"
t_end

t_begin "no request failed during the rolling restart (no non-2xx/3xx answer)"
expect_eq "Non-2xx or 3xx responses" "" "${non2xx:-}"
t_end

t_begin "no connection failed during the rolling restart (no socket errors)"
expect_eq "socket errors" "" "${sockerr:-}"
t_end

t_begin "nginx logged no upstream error during the restart"
errors_after=$(grep -c '\[error\]' "$NGINX_ERR" 2>/dev/null || true)
if ((${errors_after:-0} > ${errors_before:-0})); then
  t_fail "new nginx errors: $(grep '\[error\]' "$NGINX_ERR" | tail -n "$((errors_after - errors_before))" | head -n 3 | tr '\n' ' ')"
fi
t_end

t_begin "every portal worker was replaced (all PIDs changed), all running"
PORTAL_AFTER=$(supervisor_pids portal)
expect_eq "number of running portal workers" "$(wc -l <<<"$PORTAL_BEFORE")" "$(wc -l <<<"$PORTAL_AFTER")"
old_pids=$(cut -d= -f2 <<<"$PORTAL_BEFORE" | sort)
new_pids=$(cut -d= -f2 <<<"$PORTAL_AFTER" | sort)
common=$(comm -12 <(echo "$old_pids") <(echo "$new_pids"))
expect_eq "PIDs present before and after" "" "$common"
t_end

t_begin "the admin workers were not touched"
expect_eq "admin PIDs" "$ADMIN_BEFORE" "$(supervisor_pids admin)"
t_end

t_begin "after the restart the new workers serve pages with database access"
get "$URL_PATH"
expect_status 200
expect_body_has '<td>北京</td>'
jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_status 303
get /account
expect_status 200
t_end

e2e_done
