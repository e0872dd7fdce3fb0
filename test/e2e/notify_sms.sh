#!/usr/bin/env bash
# The notify worker sends outbox rows of channel sms to the SMS gateway
# ([notify] sms_url; the stack's scripts/sms-sink stores each under
# $SC_VAR/sms): the Chinese text arrives intact for its number; a recipient
# that is not a mobile number is marked failed without sending; a message
# the gateway refuses (400) is failed; with the gateway down a message stays
# pending with its attempts counted and goes out once the gateway is back.
# Messages are put in the outbox with the database superuser, as another
# program's transaction would. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/complaints_lib.sh"

SUP=(supervisorctl -c "$SC_VAR/supervisord.conf")
TAG=$(rand_tag)

# queue RECIPIENT BODY: one pending SMS, due now; prints its id.
queue() {
  sql "INSERT INTO outbox (channel, recipient, subject, body, next_attempt_at, created_at)
       VALUES ('sms', '$1', '', '$2', NOW(), NOW()); SELECT LAST_INSERT_ID();"
}
outbox() { sql "SELECT status, attempts, IF(last_error = '', '-', last_error) FROM outbox WHERE id = $1"; }
# shellcheck disable=SC2317 # called through wait_until
status_is() { [[ $(outbox "$1" | cut -f1) == "$2" ]]; }
# shellcheck disable=SC2317
attempted() { (($(outbox "$1" | cut -f2) >= 1)); }
sink_state() { "${SUP[@]}" status sms-sink 2>/dev/null | awk '{print $2}'; }

SINK_DOWN=0
# shellcheck disable=SC2317 # run from the EXIT trap
restore_sink() { ((SINK_DOWN)) && "${SUP[@]}" start sms-sink >/dev/null 2>&1; return 0; }
on_exit restore_sink

t_begin "an SMS reaches the gateway with its number and Chinese text"
NUM=$(rand_number)
ID=$(queue "$NUM" "【中国移动】您的投诉已受理，受理编号 T$TAG。")
if wait_until 15 status_is "$ID" sent; then
  F=$(sms_with "T$TAG")
  [[ -n $F ]] || t_fail "no file with T$TAG in $SC_VAR/sms"
  expect_eq "to" "To: $NUM" "$(head -n 1 "$F")"
  expect_eq "id" "Id: outbox.$ID" "$(sed -n 2p "$F")"
  expect_eq "text" "【中国移动】您的投诉已受理，受理编号 T$TAG。" "$(tail -n 1 "$F")"
else
  t_fail "outbox $ID not sent within 15 s: $(outbox "$ID")"
fi
t_end

t_begin "a recipient that is not a mobile number is failed, never sent"
ID=$(queue "a@example.com&to=13800138000" "bad $TAG")
wait_until 15 status_is "$ID" failed || t_fail "not failed: $(outbox "$ID")"
expect_eq "sent files" "" "$(sms_with "bad $TAG")"
t_end

t_begin "a message the gateway refuses (400) is failed"
ID=$(queue "$(rand_number)" "")
wait_until 15 status_is "$ID" failed || t_fail "not failed: $(outbox "$ID")"
expect_match "error" 'HTTP 400' "$(outbox "$ID" | cut -f3)"
t_end

t_begin "with the gateway down the SMS waits, then goes out when it is back"
"${SUP[@]}" stop sms-sink >/dev/null
SINK_DOWN=1
ID=$(queue "$(rand_number)" "网关恢复后发送 $TAG")
wait_until 15 attempted "$ID" || t_fail "no attempt recorded: $(outbox "$ID")"
expect_eq "status while down" pending "$(outbox "$ID" | cut -f1)"
expect_match "error" 'SMS gateway' "$(outbox "$ID" | cut -f3)"
"${SUP[@]}" start sms-sink >/dev/null
SINK_DOWN=0
wait_until 30 status_is "$ID" sent || t_fail "not sent after the gateway came back: $(outbox "$ID")"
[[ -n $(sms_with "网关恢复后发送 $TAG") ]] || t_fail "no file for the delayed SMS"
expect_eq "sink" RUNNING "$(sink_state)"
t_end

e2e_done
