#!/usr/bin/env bash
# MariaDB outage: with the database stopped, pages that need it answer the
# zh-CN 503 page (fast, with Retry-After) while the programs stay up; pages
# that need no database still work. Once MariaDB is back, the same programs
# (same PIDs) serve again, and sessions made before the outage still hold.
# The database is always started again, even if a case fails or the file is
# interrupted. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB_IS_DOWN=0

# db ACTION: db_stop / db_start of scripts/lib.sh for this stack, output as
# comments. setsid keeps a started mariadbd out of this test's process
# group, so nothing that ends the test (timeout) takes MariaDB with it.
db() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid -w bash -c '. "$SC_ROOT/scripts/lib.sh" && "$0"' "db_$1" </dev/null 2>&1 | sed 's/^/# /'
  return "${PIPESTATUS[0]}"
}
db_ping_ok() {
  bash -c '. "$SC_ROOT/scripts/lib.sh" && db_ping' </dev/null >/dev/null 2>&1
}
# shellcheck disable=SC2317 # run from the EXIT trap
ensure_db_up() {
  if ((DB_IS_DOWN)); then
    echo "# restarting MariaDB (cleanup)"
    db start || echo "# WARNING: MariaDB did not start again"
    DB_IS_DOWN=0
  fi
}
on_exit ensure_db_up

expect_503_page() {
  expect_error_page 503 '服务暂不可用' '系统正在维护或暂时繁忙，请稍后再试。'
  expect_header Retry-After 30
  expect_header X-Frame-Options DENY
}

# ---------------------------------------------------------------- before

jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
CUST_OK=$STATUS
jar staff
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
STAFF_OK=$STATUS
PIDS_BEFORE=$(supervisor_pids "")

t_begin "before the outage: database up, programs running, customer and staff logged in"
expect_eq "customer login status" 303 "$CUST_OK"
expect_eq "staff login status" 303 "$STAFF_OK"
db_ping_ok || t_fail "MariaDB does not answer before the test"
expect_match "running programs" 'portal:.*=[0-9]+' "$(tr '\n' ' ' <<<"$PIDS_BEFORE")"
expect_match "running programs" 'admin:.*=[0-9]+' "$(tr '\n' ' ' <<<"$PIDS_BEFORE")"
jar anon
get '/lookup?prefix=1380013'
expect_status 200
t_end

# ---------------------------------------------------------------- down

t_begin "MariaDB stops (scripts/lib.sh db_stop)"
DB_IS_DOWN=1
db stop
if db_ping_ok; then t_fail "MariaDB still answers after db_stop"; fi
t_end

t_begin "lookup answers the zh-CN 503 page with Retry-After while the database is down"
jar anon
get '/lookup?prefix=1380013'
expect_503_page
expect_body_lacks '<td>北京</td>'
t_end

t_begin "the logged-in account page answers 503 and keeps the session cookie"
use_jar cust
get /account
expect_503_page
expect_eq "sc_sid Set-Cookie" "" "$(set_cookie sc_sid)"
t_end

t_begin "brand pages from the database answer 503"
jar anon
get /brands/
expect_503_page
t_end

t_begin "a login attempt answers 503 and starts no session"
jar login
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_503_page
expect_eq "sc_sid Set-Cookie" "" "$(set_cookie sc_sid)"
t_end

t_begin "back-office pages of a logged-in staff answer 503 in the back-office layout"
use_jar staff
get /admin/staff
expect_503_page
expect_body_has '<title>服务暂不可用 - 网上客服管理后台</title>'
t_end

t_begin "pages that need no database still answer 200 (home, lookup form, staff login form)"
jar anon
get /
expect_status 200
expect_body_has '欢迎使用中国移动网上营业厅'
get /lookup
expect_status 200
get /admin/login
expect_status 200
expect_body_has '<h1>员工登录</h1>'
t_end

t_begin "503 answers come at once, not after a hang (10 requests under 5 s)"
start=$(date +%s%N)
codes=""
for _ in $(seq 10); do
  get '/lookup?prefix=1380013'
  codes+="$STATUS "
done
ms=$((($(date +%s%N) - start) / 1000000))
expect_eq "statuses" "503 503 503 503 503 503 503 503 503 503 " "$codes"
((ms < 5000)) || t_fail "10 requests took $ms ms"
t_end

t_begin "no program died or was restarted during the outage (same PIDs)"
expect_eq "supervisor PIDs" "$(tr '\n' ' ' <<<"$PIDS_BEFORE")" "$(supervisor_pids "" | tr '\n' ' ')"
t_end

# ---------------------------------------------------------------- back

t_begin "MariaDB starts again (scripts/lib.sh db_start)"
db start || t_fail "db_start failed"
DB_IS_DOWN=0
db_ping_ok || t_fail "MariaDB does not answer after db_start"
t_end

t_begin "lookup recovers at once: every request after the restart answers 200 with 北京"
jar anon
codes=""
for _ in $(seq 10); do
  get '/lookup?prefix=1380013'
  codes+="$STATUS "
  [[ $STATUS == 200 ]] && expect_body_has '<td>北京</td>'
done
expect_eq "statuses" "200 200 200 200 200 200 200 200 200 200 " "$codes"
t_end

t_begin "the session made before the outage still shows the account"
use_jar cust
get /account
expect_status 200
expect_body_has "<td id=\"msisdn\">$CUST_MAIN</td>" '<td id="balance">¥128.50</td>'
t_end

t_begin "the staff session made before the outage still works"
use_jar staff
get /admin/staff
expect_status 200
expect_body_has '<h1>员工管理</h1>' '<td>bj_agent</td>'
t_end

t_begin "customers can log in again"
jar login2
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_status 303
expect_header Location /account
t_end

t_begin "recovery needed no program restart (same PIDs as before the outage)"
expect_eq "supervisor PIDs" "$(tr '\n' ' ' <<<"$PIDS_BEFORE")" "$(supervisor_pids "" | tr '\n' ' ')"
t_end

e2e_done
