#!/usr/bin/env bash
# Orders to the network: the provision worker sends pending orders to the
# stack's HLR simulator and settles them. Confirmed (code 0): the order
# done, the subscriber's status or line_features changed and the acceptance
# record done, all at once; simulator down (503): the order stays pending,
# its attempts grow on the backoff, and it completes once the simulator is
# back; rejected (code 1): the order and the acceptance failed with the
# network's message, the line unchanged; a malformed answer: the order
# failed and the worker keeps its PID; an order whose XML violates
# schema/provision.xsd: failed and never sent. The simulator itself refuses
# invalid XML with a 400 <result> and never resolves an external entity.
# The simulator's programs are stopped for a moment (nginx answers 502) and
# the worker is restarted once at the end.
# Orders are created with the database superuser the way sc_order_add does
# (a pending acceptance and the order in one transaction). Uses 15828001237
# (schema/demo/070_provision.sql). Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NUM=15828001237
if ((EUID == 0)); then DB_USER=root; else DB_USER=$(id -un); fi

sql() {
  mariadb --no-defaults --default-character-set=utf8mb4 -S "$SC_VAR/run/mysqld.sock" \
    -u"$DB_USER" -N -B selfcare -e "$1"
}

on_exit 'hlr_mode ok >/dev/null'

# The line back to its demo state, nothing pending for it.
reset_line() {
  sql "UPDATE subscribers SET status = 'active' WHERE msisdn = '$NUM';
       UPDATE provision_orders SET status = 'failed', last_error = 'test reset'
         WHERE msisdn = '$NUM' AND status = 'pending';
       DELETE FROM line_features WHERE msisdn = '$NUM';"
}
reset_line
on_exit reset_line

# order ACTION [FEATURE ENABLED PARAM] [XML-MSISDN]: a pending order and its
# pending acceptance, due now; prints the order id. XML-MSISDN replaces the
# number inside the XML only (to make it violate the schema).
order() {
  local action=$1 feature=${2:-} enabled=${3:-} param=${4:-} xnum=${5:-$NUM}
  local fcol=NULL ecol=NULL pcol=NULL fx=''
  if [[ $action == feature ]]; then
    fcol="'$feature'" ecol=$enabled pcol="'$param'"
    fx="<feature name=\"$feature\" enabled=\"$([[ $enabled == 1 ]] && echo true || echo false)\""
    [[ -n $param ]] && fx+=" param=\"$param\""
    fx+="/>"
  fi
  sql "BEGIN;
       INSERT INTO acceptances (msisdn, at, business, channel, result, detail)
         VALUES ('$NUM', NOW(), '测试业务', 'web', 'pending', '$action');
       SET @acc = LAST_INSERT_ID();
       INSERT INTO provision_orders (msisdn, action, feature, enabled, param,
           request_xml, status, next_attempt_at, acceptance_id, created_at)
         VALUES ('$NUM', '$action', $fcol, $ecol, $pcol, '', 'pending', NOW(), @acc, NOW());
       SET @id = LAST_INSERT_ID();
       UPDATE provision_orders SET request_xml = CONCAT(
           '<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n',
           '<order xmlns=\"urn:selfcare:provision:1\" id=\"', @id, '\">',
           '<msisdn>$xnum</msisdn><action>$action</action>', '$fx', '</order>\n')
         WHERE id = @id;
       COMMIT;
       SELECT @id;"
}

# row ID: "status attempts last_error" of an order.
row() { sql "SELECT status, attempts, IF(last_error = '', '-', last_error) FROM provision_orders WHERE id = $1"; }
acceptance() {
  sql "SELECT a.result, a.detail FROM acceptances a JOIN provision_orders o
       ON o.acceptance_id = a.id WHERE o.id = $1"
}
line_status() { sql "SELECT status FROM subscribers WHERE msisdn = '$NUM'"; }
requests_for() { sql "SELECT COUNT(*) FROM hlr_requests WHERE order_id = $1 OR body LIKE '%id=\"$1\"%'"; }
worker_pid() { supervisor_pids '' | awk -F= '$1 == "provision" { print $2 }'; }

wait_until() {
  local limit=$(($1 * 5)) i
  shift
  for ((i = 0; i < limit; i++)); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}
# shellcheck disable=SC2317 # called through wait_until
status_is() { [[ $(row "$1" | cut -f1) == "$2" ]]; }
# shellcheck disable=SC2317
attempts_at_least() { (($(row "$1" | cut -f2) >= $2)); }

PID0=$(worker_pid)

t_begin "simulator control: shows and sets the mode"
expect_eq "set ok" 200 "$(hlr_mode ok)"
expect_eq "mode" "mode ok" "$(curl -s "$HLR/hlr/control" | head -n 1)"
expect_eq "bad mode" 400 "$(curl -s -o /dev/null -w '%{http_code}' -d mode=chaos "$HLR/hlr/control")"
t_end

t_begin "simulator: an order that violates the schema gets 400 with result code 2, recorded as invalid"
resp=$(curl -s -w '\n%{http_code} %{content_type}' -H 'Content-Type: application/xml' \
  --data-binary "<order xmlns=\"urn:selfcare:provision:1\" id=\"999999001\"><msisdn>12345</msisdn><action>suspend</action></order>" \
  "$HLR/hlr/orders")
expect_match "status" $'\n400 application/xml' "$resp"
expect_match "code 2" '<code>2</code><message>invalid order</message>' "$resp"
expect_eq "recorded invalid" 0 "$(sql "SELECT valid FROM hlr_requests WHERE order_id = 999999001 ORDER BY id DESC LIMIT 1")"
t_end

t_begin "simulator: an external entity is never resolved"
resp=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/xml' --data-binary \
  "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><order xmlns=\"urn:selfcare:provision:1\" id=\"999999002\"><msisdn>&x;</msisdn><action>suspend</action></order>" \
  "$HLR/hlr/orders")
expect_match "refused" $'\n400$' "$resp"
[[ $resp == *root:* ]] && t_fail "the answer contains /etc/passwd"
[[ $(sql "SELECT COUNT(*) FROM hlr_requests WHERE body LIKE '%root:%'") == 0 ]] ||
  t_fail "a recorded request contains /etc/passwd"
t_end

t_begin "confirmed suspension: order done, line suspended, acceptance done, request recorded"
id=$(order suspend)
if wait_until 10 status_is "$id" "done"; then
  expect_eq "line" suspended "$(line_status)"
  expect_eq "acceptance" "done" "$(acceptance "$id" | cut -f1)"
  expect_eq "requests" 1 "$(sql "SELECT COUNT(*) FROM hlr_requests WHERE order_id = $id AND valid = 1")"
  expect_match "response kept" '<code>0</code>' "$(sql "SELECT response_xml FROM provision_orders WHERE id = $id")"
  expect_match "simulator line" 'state suspended' "$(curl -s "$HLR/hlr/lines?msisdn=$NUM")"
  grep -q "order $id (suspend 158\*\*\*\*1237) done" "$SC_VAR/log/provision.log" ||
    t_fail "no 'done' line for order $id in provision.log"
else
  t_fail "order $id not done: $(row "$id")"
fi
t_end

t_begin "confirmed feature: line_features holds the feature and its parameter"
id=$(order feature call_forwarding 1 13800138000)
if wait_until 10 status_is "$id" "done"; then
  expect_eq "feature" $'1\t13800138000' "$(sql "SELECT enabled, param FROM line_features WHERE msisdn = '$NUM' AND feature = 'call_forwarding'")"
  expect_eq "acceptance" "done" "$(acceptance "$id" | cut -f1)"
  expect_match "simulator features" 'call_forwarding=on:13800138000' "$(curl -s "$HLR/hlr/lines?msisdn=$NUM")"
else
  t_fail "order $id not done: $(row "$id")"
fi
t_end

t_begin "simulator down: the order waits with growing attempts, then completes"
hlr_mode error >/dev/null
id=$(order resume)
if wait_until 15 attempts_at_least "$id" 2; then
  expect_eq "still pending" pending "$(row "$id" | cut -f1)"
  expect_eq "line unchanged" suspended "$(line_status)"
  expect_eq "acceptance pending" pending "$(acceptance "$id" | cut -f1)"
else
  t_fail "attempts did not grow: $(row "$id")"
fi
hlr_mode ok >/dev/null
if wait_until 15 status_is "$id" "done"; then
  expect_eq "line" active "$(line_status)"
  expect_eq "acceptance" "done" "$(acceptance "$id" | cut -f1)"
else
  t_fail "order $id not done after the simulator came back: $(row "$id")"
fi
t_end

t_begin "simulator stopped (nginx answers 502): the order waits, then completes when it is back"
SUP=(supervisorctl -c "$SC_VAR/supervisord.conf")
"${SUP[@]}" stop 'hlrsim:*' >/dev/null
# shellcheck disable=SC2016 # expanded when the file exits
on_exit '"${SUP[@]}" start "hlrsim:*" >/dev/null'
id=$(order suspend)
if wait_until 15 attempts_at_least "$id" 2; then
  expect_eq "still pending" pending "$(row "$id" | cut -f1)"
  expect_match "last_error" 'unavailable|no answer' "$(row "$id" | cut -f3)"
  expect_eq "line unchanged" active "$(line_status)"
else
  t_fail "attempts did not grow: $(row "$id")"
fi
"${SUP[@]}" start 'hlrsim:*' >/dev/null
if wait_until 15 status_is "$id" "done"; then
  expect_eq "line" suspended "$(line_status)"
  expect_eq "acceptance" "done" "$(acceptance "$id" | cut -f1)"
else
  t_fail "order $id not done after the simulator came back: $(row "$id")"
fi
sql "UPDATE subscribers SET status = 'active' WHERE msisdn = '$NUM'"
t_end

t_begin "rejected: order and acceptance failed with the network's message, line unchanged"
hlr_mode reject >/dev/null
id=$(order loss)
if wait_until 10 status_is "$id" failed; then
  expect_eq "line unchanged" active "$(line_status)"
  expect_match "last_error" '网络侧拒绝' "$(row "$id" | cut -f3)"
  expect_eq "acceptance" failed "$(acceptance "$id" | cut -f1)"
  expect_match "acceptance detail" '网络侧拒绝' "$(acceptance "$id" | cut -f2)"
else
  t_fail "order $id not failed: $(row "$id")"
fi
hlr_mode ok >/dev/null
t_end

t_begin "malformed answer: order failed, line unchanged, worker alive with the same PID"
hlr_mode malformed >/dev/null
id=$(order suspend)
if wait_until 10 status_is "$id" failed; then
  expect_match "last_error" '^malformed answer' "$(row "$id" | cut -f3)"
  expect_eq "line unchanged" active "$(line_status)"
  expect_eq "acceptance" failed "$(acceptance "$id" | cut -f1)"
else
  t_fail "order $id not failed: $(row "$id")"
fi
hlr_mode ok >/dev/null
expect_ne "worker running" "" "$(worker_pid)"
expect_eq "worker PID" "$PID0" "$(worker_pid)"
t_end

t_begin "an order whose XML violates the schema is failed without being sent"
id=$(order suspend '' '' '' 1582800123X)
if wait_until 10 status_is "$id" failed; then
  expect_match "last_error" '^invalid order, not sent' "$(row "$id" | cut -f3)"
  expect_eq "attempts" 0 "$(row "$id" | cut -f2)"
  expect_eq "never sent" 0 "$(requests_for "$id")"
  expect_eq "acceptance" failed "$(acceptance "$id" | cut -f1)"
  expect_eq "line unchanged" active "$(line_status)"
else
  t_fail "order $id not failed: $(row "$id")"
fi
t_end

t_begin "the worker is still the one that started the test"
expect_eq "worker PID" "$PID0" "$(worker_pid)"
t_end

t_begin "SIGTERM: an idle worker stops at once and its successor sends orders"
start=$(date +%s%N)
"${SUP[@]}" restart provision >/dev/null
ms=$((($(date +%s%N) - start) / 1000000))
((ms < 5000)) || t_fail "restart took $ms ms"
expect_ne "new PID" "$PID0" "$(worker_pid)"
id=$(order resume)
wait_until 10 status_is "$id" "done" || t_fail "order $id not done by the new worker: $(row "$id")"
t_end

e2e_done
