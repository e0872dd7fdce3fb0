#!/usr/bin/env bash
# The workers' session cache (lib/session_cache.h): a page view may be
# served from a worker's memory of the session, but a session ended in any
# program is refused at once by every worker of every program, and form
# submissions and pages that want the password re-entered always ask the
# database. Each program runs several workers: every check is repeated so
# that each worker, which may have cached the session, is asked.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


PAGES=(/account /billing/ /points/ /service/)
REPEAT=8

# all_pages STATUS: GET every page REPEAT times with the current jar; a
# case failure names the first answer that differs.
all_pages() {
  local p i
  for p in "${PAGES[@]}"; do
    for ((i = 0; i < REPEAT; i++)); do
      get "$p"
      if [[ $STATUS != "$1" ]]; then
        t_fail "GET $p (try $((i + 1))): status $STATUS, expected $1"
        return
      fi
    done
  done
}

t_begin "a logged-in customer's pages answer on every worker of every program"
jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
SID=$(cookie sc_sid)
expect_match "session cookie" '^[A-Za-z0-9_-]{43}$' "$SID"
all_pages 200
t_end

t_begin "after logout in the portal, no worker of any program serves the old session"
use_jar cust
fetch_csrf /logout
post /logout "csrf=$CSRF"
expect_status 303
jar replay
for p in "${PAGES[@]}"; do
  for ((i = 0; i < REPEAT; i++)); do
    get "$p" -H "Cookie: sc_sid=$SID"
    if [[ $STATUS != 303 ]]; then
      t_fail "GET $p with the ended session (try $((i + 1))): status $STATUS"
      break 2
    fi
  done
done
t_end

t_begin "a session deleted in the database cannot submit a form or open the PUK page"
jar cust2
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
all_pages 200
fetch_csrf /service/profile
expect_status 200
SID2=$(cookie sc_sid)
# Behind the programs' back: the cache may still show pages for up to a
# minute, but every write and every sensitive page asks the database.
sql "DELETE FROM sessions WHERE msisdn = '$CUST_MAIN'"
for ((i = 0; i < REPEAT; i++)); do
  post /service/profile "csrf=$CSRF" "contact_phone=010-12345678"
  if [[ $STATUS != 303 || $(header Location) != /login* ]]; then
    t_fail "POST /service/profile with a deleted session (try $((i + 1))): status $STATUS, Location $(header Location)"
    break
  fi
  get /service/puk -H "Cookie: sc_sid=$SID2"
  if [[ $STATUS != 303 ]]; then
    t_fail "GET /service/puk with a deleted session (try $((i + 1))): status $STATUS"
    break
  fi
done
t_end

e2e_done
