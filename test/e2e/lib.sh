# shellcheck shell=bash disable=SC2034 # globals are for the test files
# Shared helpers for the end-to-end tests in test/e2e/*.sh. Sourced, never
# run (scripts/test runs every *.sh here: this file defines functions only,
# prints nothing and exits 0 when run by mistake).
#
# Environment (set by scripts/test, or by hand against a private stack):
#   SC_URL   base URL of the stack, e.g. http://127.0.0.1:18080
#   SC_VAR   the stack's var directory (supervisord.conf, run/, log/ ...)
#   SC_ROOT  the repository root
#
# A test file is a list of cases. Each case is
#     t_begin "behaviour it proves"
#     http GET /path            # or post, as many requests as needed
#     expect_status 200
#     expect_body_has '北京'
#     t_end                     # prints "ok - ..." or "not ok - ..."
# and the file ends with e2e_done, which prints a summary comment and exits
# non-zero if any case failed (or none ran). Diagnostics are "#" lines that
# say what was expected and what came back.

[[ ${BASH_SOURCE[0]} != "$0" ]] || exit 0

set -u
: "${SC_URL:?SC_URL must be set (e.g. http://127.0.0.1:18080)}"
: "${SC_VAR:?SC_VAR must be set (the stack var directory)}"
: "${SC_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)}"
SC_URL=${SC_URL%/}
export SC_URL SC_VAR SC_ROOT

# Demo data (schema/demo/LOGINS.txt). The browser suite logs in as
# CUST_MAIN after e2e: never send it a wrong password, never change it.
CUST_MAIN=13800138000 CUST_MAIN_PW=258369
CUST_SC=15828001234 CUST_SC_PW=246810      # 四川 成都 动感地带
CUST_SH=13601625678 CUST_SH_PW=135790      # 上海 神州行; lockout.sh locks it
CUST_GD=13802501234                        # 广东: routed to the province site
STAFF_ADMIN=admin STAFF_ADMIN_PW='Admin#2026'
STAFF_BJ=bj_agent STAFF_BJ_PW='Agent#2026' # complaint agent, 北京 (11)
STAFF_GD=gd_agent STAFF_GD_PW='Agent#2026' # complaint agent, 广东 (44)

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sc-e2e.XXXXXX")
E2E_PASSED=0
E2E_FAILED=0
E2E_CLEANUPS=()

# on_exit CMD: run CMD when the file exits, whatever happened (later
# registrations run first).
on_exit() { E2E_CLEANUPS=("$1" "${E2E_CLEANUPS[@]}"); }
_e2e_exit() {
  local rc=$? c
  for c in "${E2E_CLEANUPS[@]}"; do eval "$c" || true; done
  rm -rf "$E2E_TMP"
  return "$rc"
}
trap _e2e_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A unique suffix for names created by a run (staff usernames): reruns on
# the same database never collide.
uniq_suffix() { printf '%s%s' "$(date +%s | tail -c 7)" "$$"; }

# ---------------------------------------------------------------- HTTP

# jar NAME: start a fresh cookie jar (one per simulated browser) and use it.
jar() {
  JAR=$E2E_TMP/$1.jar
  rm -f "$JAR"
  : >"$JAR"
}
# use_jar NAME: switch back to an existing jar, keeping its cookies.
use_jar() {
  JAR=$E2E_TMP/$1.jar
  [[ -f $JAR ]] || : >"$JAR"
}
jar default

# http METHOD PATH [curl args...]: one request through nginx with the
# current jar. Sets STATUS, HEADERS (raw, CRs stripped), BODY, REQ.
# SIZE is the number of body bytes received (0 for HEAD).
# Never follows redirects: Location is asserted instead.
http() {
  local method=$1 path=$2 hf=$E2E_TMP/h bf=$E2E_TMP/b
  shift 2
  local m=(-X "$method")
  [[ $method == HEAD ]] && m=(--head)
  REQ="$method $path"
  : >"$hf"; : >"$bf"
  local w
  w=$(curl -s -g -o "$bf" -D "$hf" -w '%{http_code} %{size_download}' \
    --max-time 20 -b "$JAR" -c "$JAR" "${m[@]}" "$@" "$SC_URL$path" 2>/dev/null) || true
  STATUS=${w%% *}
  SIZE=${w##* }
  [[ $STATUS =~ ^[0-9]{3}$ ]] || STATUS=000
  # With "Expect: 100-continue" curl also records the interim response.
  HEADERS=$(tr -d '\r' <"$hf" | awk '/^HTTP\// {buf = ""} {buf = buf $0 "\n"} END {printf "%s", buf}')
  if [[ $method == HEAD ]]; then BODY=""; else BODY=$(cat "$bf"); fi
}

get() { http GET "$@"; }

# post PATH name=value...: an urlencoded form. Every argument is one field,
# value urlencoded by curl; nothing is added (pass "csrf=$CSRF" yourself).
post() {
  local path=$1 f args=()
  shift
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  ((${#args[@]})) || args=(-d '')
  http POST "$path" -H 'Content-Type: application/x-www-form-urlencoded' "${args[@]}"
}

# header NAME: the value of the last NAME header of the last response.
header() {
  awk -v n="$(tr '[:upper:]' '[:lower:]' <<<"$1")" '
    { i = index($0, ":"); if (!i) next
      k = tolower(substr($0, 1, i - 1))
      if (k == n) { v = substr($0, i + 1); sub(/^[ \t]+/, "", v); last = v; found = 1 } }
    END { if (found) print last }' <<<"$HEADERS"
}

# set_cookie NAME: the whole Set-Cookie value for cookie NAME, if any.
set_cookie() {
  awk -v n="$1" 'tolower($0) ~ /^set-cookie:/ {
      v = substr($0, index($0, ":") + 1); sub(/^[ \t]+/, "", v)
      if (index(v, n "=") == 1) last = v }
    END { if (last != "") print last }' <<<"$HEADERS"
}

# cookie NAME: the cookie's current value in the jar (empty if none).
cookie() {
  awk -v n="$1" -F '\t' 'NF >= 7 && $6 == n {v = $7} END {print v}' "$JAR"
}

# CSRF token of the last page (the hidden "csrf" field), into CSRF.
csrf_of_page() {
  CSRF=$(grep -o 'name="csrf" value="[^"]*"' <<<"$BODY" | head -n 1 |
    sed 's/.*value="//; s/"$//')
}

# fetch_csrf PATH: GET PATH with the current jar and keep its CSRF token.
fetch_csrf() {
  get "$1"
  csrf_of_page
}

# The text of the page's alert/notice (the message a user reads).
alert_text() {
  grep -oE '<p[^>]*role="alert"[^>]*>[^<]*' <<<"$BODY" | sed 's/<[^>]*>//' | head -n 3
}
title_text() { grep -oE '<title>[^<]*' <<<"$BODY" | sed 's/<title>//' | head -n 1; }

# ---------------------------------------------------------------- logins

# customer_login MSISDN PASSWORD [NEXT]: the password step as a browser
# does it (password page for the CSRF token, then the form post).
customer_login() {
  fetch_csrf "/login/password?msisdn=$1"
  if [[ -n ${3:-} ]]; then
    post /login/password "csrf=$CSRF" "msisdn=$1" "password=$2" "next=$3"
  else
    post /login/password "csrf=$CSRF" "msisdn=$1" "password=$2"
  fi
}

# staff_login USERNAME PASSWORD: the back-office login form.
staff_login() {
  fetch_csrf /admin/login
  post /admin/login "csrf=$CSRF" "username=$1" "password=$2"
}

# create_staff USERNAME DISPLAY_NAME ROLE PROVINCE PASSWORD: as the staff
# of the current jar (an administrator). Sets NEW_ID from the redirect to
# the edit page (empty if creation failed; STATUS etc. tell why).
create_staff() {
  NEW_ID=
  fetch_csrf /admin/staff/new
  post /admin/staff/new "csrf=$CSRF" "username=$1" "display_name=$2" "role=$3" \
    "province=$4" "password=$5"
  if [[ $STATUS == 303 && $(header Location) =~ ^/admin/staff/edit\?id=([0-9]+)\&saved=1$ ]]; then
    NEW_ID=${BASH_REMATCH[1]}
  fi
}

# edit_staff ID DISPLAY_NAME ROLE PROVINCE ACTIVE [PASSWORD]: the edit form.
edit_staff() {
  local f=("id=$1" "display_name=$2" "role=$3" "province=$4" "active=$5")
  [[ -n ${6:-} ]] && f+=("password=$6")
  fetch_csrf "/admin/staff/edit?id=$1"
  post /admin/staff/edit "csrf=$CSRF" "${f[@]}"
}

# staff_id USERNAME: the id of a staff account, found on the staff list
# pages of the current (administrator) jar; empty if not listed.
staff_id() {
  local page id
  for ((page = 1; page <= 200; page++)); do
    get "/admin/staff?page=$page"
    [[ $STATUS == 200 ]] || return 0
    id=$(grep -oE "<tr><td>[0-9]+</td><td>$1</td>" <<<"$BODY" | grep -oE '[0-9]+' | head -n 1)
    [[ -n $id ]] && { echo "$id"; return 0; }
    grep -q '>下一页</a>' <<<"$BODY" || return 0
  done
}

# ---------------------------------------------------------------- cases

t_begin() {
  T_NAME=$1
  T_ERRS=()
}

t_fail() { T_ERRS+=("$1"); }

# A short account of the last response, for diagnostics.
_last_response() {
  local t a
  t=$(title_text)
  a=$(alert_text | tr '\n' ' ')
  printf '%s -> %s; title "%s"; alert "%s"; Location "%s"' "${REQ:-?}" \
    "${STATUS:-?}" "$t" "$a" "$(header Location)"
}

t_end() {
  if ((${#T_ERRS[@]} == 0)); then
    echo "ok - $T_NAME"
    E2E_PASSED=$((E2E_PASSED + 1))
  else
    echo "not ok - $T_NAME"
    local e
    for e in "${T_ERRS[@]}"; do printf '#   %s\n' "$e"; done
    E2E_FAILED=$((E2E_FAILED + 1))
  fi
}

# t_skip NAME REASON: a case that cannot run here, said so (counts as ok).
t_skip() {
  echo "ok - $1 # SKIP $2"
  E2E_PASSED=$((E2E_PASSED + 1))
}

expect_status() {
  local want
  for want in "$@"; do [[ $STATUS == "$want" ]] && return 0; done
  t_fail "status: expected $*, got $STATUS ($(_last_response))"
  return 1
}

expect_body_has() {
  local s
  for s in "$@"; do
    grep -qF -- "$s" <<<"$BODY" && continue
    t_fail "body: expected to contain \"$s\"; got $(_last_response)"
    return 1
  done
}

expect_body_lacks() {
  local s
  for s in "$@"; do
    grep -qF -- "$s" <<<"$BODY" || continue
    t_fail "body: expected NOT to contain \"$s\"; got $(_last_response)"
    return 1
  done
}

# expect_header NAME VALUE: exact value (of the last such header).
expect_header() {
  local got
  got=$(header "$1")
  [[ $got == "$2" ]] && return 0
  t_fail "header $1: expected \"$2\", got \"$got\" (${REQ:-?} -> $STATUS)"
  return 1
}

# expect_header_match NAME ERE
expect_header_match() {
  local got
  got=$(header "$1")
  [[ $got =~ $2 ]] && return 0
  t_fail "header $1: expected to match /$2/, got \"$got\" (${REQ:-?} -> $STATUS)"
  return 1
}

expect_no_header() {
  local got
  got=$(header "$1")
  [[ -z $got ]] && return 0
  t_fail "header $1: expected none, got \"$got\" (${REQ:-?} -> $STATUS)"
  return 1
}

# expect_eq LABEL EXPECTED ACTUAL
expect_eq() {
  [[ $3 == "$2" ]] && return 0
  t_fail "$1: expected \"$2\", got \"$3\""
  return 1
}

expect_ne() {
  [[ $3 != "$2" ]] && return 0
  t_fail "$1: expected anything but \"$2\", got it"
  return 1
}

# expect_match LABEL ERE ACTUAL
expect_match() {
  [[ $3 =~ $2 ]] && return 0
  t_fail "$1: expected to match /$2/, got \"$3\""
  return 1
}

# The zh-CN error page of the programs (views/layout/error.tpl) for STATUS,
# with its title and message (lib/app.c error_texts).
expect_error_page() {
  local code=$1 title=$2 message=$3
  expect_status "$code" || return 1
  expect_header_match Content-Type '^text/html; charset=utf-8$'
  expect_body_has '<html lang="zh-CN">' "<h1 id=\"err-title\">$title</h1>" \
    "错误代码 $code" "$message"
}

# ---------------------------------------------------------------- data

# sql QUERY: tab-separated rows, no header, as the database superuser.
sql() {
  (
    # shellcheck source=../../scripts/lib.sh
    . "$SC_ROOT/scripts/lib.sh"
    db_client --default-character-set=utf8mb4 "$DB_NAME" -N -B -e "$1"
  )
}

# ---------------------------------------------------------------- forms and orders

# The request_id (one-submission token) of the last page's first form.
request_id_of_page() {
  grep -o 'name="request_id" value="[^"]*"' <<<"$BODY" | head -n 1 | sed 's/.*value="//; s/"$//'
}

# parallel_post PATH FIELD...: the same form posted twice at once with the
# current jar; LOC1 and LOC2 are the two answers' Location headers.
parallel_post() {
  local path=$1 f i args=()
  shift
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  for i in 1 2; do
    curl -s -o /dev/null -D "$E2E_TMP/par$i" --max-time 20 -b "$JAR" "${args[@]}" "$SC_URL$path" &
  done
  wait
  LOC1=$(tr -d '\r' <"$E2E_TMP/par1" | awk 'tolower($1) == "location:" {print $2}')
  LOC2=$(tr -d '\r' <"$E2E_TMP/par2" | awk 'tolower($1) == "location:" {print $2}')
}

# The order id of the last answer's redirect to /service/order.
order_id_of_location() {
  [[ $(header Location) =~ ^/service/order\?id=([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}"
}

# wait_settled ID: up to 15 s for the provision worker to settle order ID;
# prints its status.
wait_settled() {
  local i s
  for ((i = 0; i < 30; i++)); do
    s=$(sql "SELECT status FROM provision_orders WHERE id = '$1'")
    [[ $s == pending ]] || break
    sleep 0.5
  done
  echo "$s"
}

# The HLR simulator (its own nginx server on the web port + 1000) and
# hlr_mode MODE: how it answers from now on (ok, reject, malformed, error);
# prints the control endpoint's HTTP status.
HLR_PORT_=${SC_URL##*:}
HLR=http://127.0.0.1:$((${HLR_PORT_%%/*} + 1000))
hlr_mode() { curl -s -o /dev/null -w '%{http_code}' -d "mode=$1" -d delay_ms=0 "$HLR/hlr/control"; }

# ---------------------------------------------------------------- stack

# supervisor_pids [GROUP]: "name=pid" lines of RUNNING programs, sorted.
supervisor_pids() {
  supervisorctl -c "$SC_VAR/supervisord.conf" status 2>/dev/null |
    awk -v g="${1:-}" '$2 == "RUNNING" && (g == "" || index($1, g ":") == 1) {
        p = $4; sub(/,$/, "", p); print $1 "=" p }' | sort
}

e2e_done() {
  echo "# $(basename "$0"): $E2E_PASSED passed, $E2E_FAILED failed"
  ((E2E_FAILED == 0 && E2E_PASSED > 0))
  exit $?
}
