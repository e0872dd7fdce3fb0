#!/usr/bin/env bash
# The notify worker sends the outbox through the stack's SMTP sink
# (python3-aiosmtpd, maildir $SC_VAR/mail): Chinese subject and body arrive
# intact (RFC 2047 / base64); a recipient that could inject a header is
# marked failed and never sent, and a subject cannot add a header; with the
# relay down the message stays pending, its attempts grow on the doubling
# backoff, and it goes out once the relay is back; the worker keeps its PID
# throughout; `scripts/svc restart notify` replaces it promptly. Messages
# are put in the outbox with the database superuser, as another program's
# transaction would. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MAILDIR=$SC_VAR/mail/new
SUP=(supervisorctl -c "$SC_VAR/supervisord.conf")
if ((EUID == 0)); then DB_USER=root; else DB_USER=$(id -un); fi
TAG=$(uniq_suffix)

sql() {
  mariadb --no-defaults --default-character-set=utf8mb4 -S "$SC_VAR/run/mysqld.sock" \
    -u"$DB_USER" -N -B selfcare -e "$1"
}

# queue RECIPIENT SUBJECT BODY: one pending e-mail, due now; prints its id.
# Values are SQL string literals' contents (\n is a newline).
queue() {
  sql "INSERT INTO outbox (channel, recipient, subject, body, next_attempt_at, created_at)
       VALUES ('email', '$1', '$2', '$3', NOW(), NOW()); SELECT LAST_INSERT_ID();"
}

# row ID: "status attempts seconds-until-next-attempt last_error" of a row.
row() {
  sql "SELECT status, attempts, TIMESTAMPDIFF(SECOND, NOW(), next_attempt_at),
       IF(last_error = '', '-', last_error) FROM outbox WHERE id = $1"
}

# wait_until SECONDS CMD...: polls CMD every 0.2 s; false if it never held.
wait_until() {
  local limit=$(($1 * 5)) i
  shift
  for ((i = 0; i < limit; i++)); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}
# shellcheck disable=SC2317 # the predicates are called through wait_until
row_status_is() { [[ $(row "$1" | cut -f1) == "$2" ]]; }
# shellcheck disable=SC2317
row_attempts_at_least() { (($(row "$1" | cut -f2) >= $2)); }

# mail_file ID: the maildir file of outbox row ID (its Message-ID names it).
mail_file() { grep -l "^Message-ID: <outbox\.$1\." "$MAILDIR"/* 2>/dev/null | head -n 1; }
# shellcheck disable=SC2317 # called through wait_until
has_mail() { [[ -n $(mail_file "$1") ]]; }

# decode FILE: the message as a reader sees it, one "name=value" line per
# header of interest, then the body (line ends normalised) after "body=".
decode() {
  python3 - "$1" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
frm = m["from"].addresses[0]
print("subject=" + str(m["subject"]))
print("from_name=" + frm.display_name)
print("from_addr=" + frm.addr_spec)
print("to=" + m["to"].addresses[0].addr_spec)
print("rcpt=" + str(m.get("X-RcptTo")))
print("cte=" + str(m["Content-Transfer-Encoding"]))
print("ctype=" + m.get_content_type() + "; " + str(m.get_content_charset()))
print("headers=" + ",".join(k.lower() for k in m.keys()))
print("body=" + m.get_content().replace("\r\n", "\n"), end="")
PY
}
field() { grep "^$1=" <<<"$DECODED" | head -n 1 | cut -d= -f2-; }

notify_pid() { supervisor_pids "" | sed -n 's/^notify=//p'; }
sink_state() { "${SUP[@]}" status smtp-sink 2>/dev/null | awk '{print $2}'; }

SINK_DOWN=0
# shellcheck disable=SC2317 # run from the EXIT trap
restore_sink() {
  ((SINK_DOWN)) || return 0
  echo "# starting the SMTP sink again (cleanup)"
  "${SUP[@]}" start smtp-sink >/dev/null 2>&1 || echo "# WARNING: the sink did not start"
}
on_exit restore_sink

RETRY_FIRST=$(awk -F= '/^\[notify\]/ {s = 1; next} /^\[/ {s = 0}
  s && $1 ~ /^ *retry_first_seconds *$/ {gsub(/[ \t]|;.*/, "", $2); print $2}' "$SC_VAR/selfcare.ini")
RETRY_FIRST=${RETRY_FIRST:-5}

# ---------------------------------------------------------------- before

t_begin "before: the notify worker and the SMTP sink run; the maildir exists"
PID_BEFORE=$(notify_pid)
expect_match "notify PID" '^[0-9]+$' "$PID_BEFORE"
expect_eq "smtp-sink state" RUNNING "$(sink_state)"
[[ -d $MAILDIR ]] || t_fail "no maildir at $MAILDIR"
t_end

# ---------------------------------------------------------------- delivery

SUBJECT="您的话费账单 $TAG（中国移动网上营业厅·测试）"
BODY_LINE1="尊敬的客户：您好！"
BODY_LINE2="本月消费合计 ¥128.50，积分 2,048 分。$TAG"
ID1=$(queue "zhang.san@example.com" "$SUBJECT" "$BODY_LINE1\n$BODY_LINE2\n")

t_begin "a queued message is marked sent and arrives with subject and body intact"
wait_until 15 row_status_is "$ID1" sent || t_fail "status after 15 s: $(row "$ID1")"
wait_until 5 has_mail "$ID1" || t_fail "no message with Message-ID outbox.$ID1 in $MAILDIR"
expect_match "attempts" '^sent	1	' "$(row "$ID1")"
DECODED=$(decode "$(mail_file "$ID1")" 2>&1)
expect_eq "Subject (decoded)" "$SUBJECT" "$(field subject)"
expect_eq "From display name (decoded)" "中国移动网上营业厅" "$(field from_name)"
expect_eq "From address" "noreply@selfcare.example" "$(field from_addr)"
expect_eq "To" "zhang.san@example.com" "$(field to)"
expect_eq "envelope recipient" "zhang.san@example.com" "$(field rcpt)"
expect_eq "Content-Type" "text/plain; utf-8" "$(field ctype)"
expect_eq "Content-Transfer-Encoding" "base64" "$(field cte)"
expect_eq "body (decoded)" "$(printf '%s\n%s' "$BODY_LINE1" "$BODY_LINE2")" \
  "$(sed -n '/^body=/,$p' <<<"$DECODED" | sed '1s/^body=//')"
raw=$(cat "$(mail_file "$ID1")" 2>/dev/null)
expect_match "raw Subject is RFC 2047" $'Subject: =\\?UTF-8\\?B\\?' "$raw"
expect_match "Date header" $'(^|\n)Date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} ' "$raw"
grep -q 'MIME-Version: 1.0' <<<"$raw" || t_fail "no MIME-Version header"
t_end

# ---------------------------------------------------------------- injection

ID_BAD=$(queue 'victim@example.com\nBcc: evil@example.com' "账单 $TAG" "正文")
ID_BAD2=$(queue 'victim@example.com>\r\nRCPT TO:<evil@example.com' "账单 $TAG" "正文")
ID_SUBJ=$(queue "li.si@example.com" "账单 $TAG\r\nBcc: evil@example.com" "正文 $TAG")

t_begin "a recipient with a newline is marked failed at once and never sent"
wait_until 15 row_status_is "$ID_BAD" failed || t_fail "row $ID_BAD: $(row "$ID_BAD")"
wait_until 5 row_status_is "$ID_BAD2" failed || t_fail "row $ID_BAD2: $(row "$ID_BAD2")"
expect_match "attempts and error" $'^failed\t1\t.*\tinvalid recipient' "$(row "$ID_BAD")"
wait_until 10 row_status_is "$ID_SUBJ" sent || t_fail "row $ID_SUBJ: $(row "$ID_SUBJ")"
has_mail "$ID_BAD" && t_fail "the message with a newline in its recipient was sent"
has_mail "$ID_BAD2" && t_fail "the message with CRLF in its recipient was sent"
if grep -l '^X-RcptTo:.*evil@example.com' "$MAILDIR"/* >/dev/null 2>&1; then
  t_fail "evil@example.com was an envelope recipient of a stored message"
fi
t_end

t_begin "CR/LF in a subject cannot add a header (the subject stays one encoded header)"
wait_until 5 has_mail "$ID_SUBJ" || t_fail "no message for row $ID_SUBJ"
DECODED=$(decode "$(mail_file "$ID_SUBJ")" 2>&1)
expect_eq "header names" "date,from,to,subject,message-id,auto-submitted,mime-version,content-type,content-transfer-encoding,x-peer,x-mailfrom,x-rcptto" \
  "$(field headers)"
expect_eq "envelope recipient" "li.si@example.com" "$(field rcpt)"
expect_eq "Subject (controls become spaces)" "账单 $TAG  Bcc: evil@example.com" "$(field subject)"
t_end

# ---------------------------------------------------------------- relay down

t_begin "relay down: the SMTP sink stops"
SINK_DOWN=1
"${SUP[@]}" stop smtp-sink >/dev/null 2>&1
expect_eq "smtp-sink state" STOPPED "$(sink_state)"
t_end

ID_DOWN=$(queue "wang.wu@example.com" "停机期间的账单 $TAG" "中继恢复后送达。$TAG")

t_begin "relay down: the message stays pending, attempt 1 failed and the retry is scheduled retry_first_seconds ahead"
wait_until 10 row_attempts_at_least "$ID_DOWN" 1 || t_fail "no attempt within 10 s: $(row "$ID_DOWN")"
IFS=$'\t' read -r st at delay err <<<"$(row "$ID_DOWN")"
expect_eq "status" pending "$st"
expect_eq "attempts" 1 "$at"
expect_match "last_error" 'connect|Connection|refused' "$err"
((delay >= RETRY_FIRST - 3 && delay <= RETRY_FIRST)) ||
  t_fail "next attempt in $delay s, expected about $RETRY_FIRST s"
has_mail "$ID_DOWN" && t_fail "a message arrived while the relay was down"
t_end

t_begin "relay down: the backoff doubles (attempt 2 after retry_first, then twice as long)"
if ((RETRY_FIRST > 10)); then
  # A slow schedule on this stack: bring the retry forward, the doubling
  # is what is checked.
  sql "UPDATE outbox SET next_attempt_at = NOW() WHERE id = $ID_DOWN"
fi
wait_until $((RETRY_FIRST + 8)) row_attempts_at_least "$ID_DOWN" 2 ||
  t_fail "no second attempt: $(row "$ID_DOWN")"
IFS=$'\t' read -r st at delay err <<<"$(row "$ID_DOWN")"
expect_eq "status" pending "$st"
expect_eq "attempts" 2 "$at"
((delay >= 2 * RETRY_FIRST - 3 && delay <= 2 * RETRY_FIRST)) ||
  t_fail "next attempt in $delay s, expected about $((2 * RETRY_FIRST)) s"
expect_eq "notify PID while the relay is down" "$PID_BEFORE" "$(notify_pid)"
t_end

t_begin "relay back: the pending message goes out on its next scheduled attempt"
"${SUP[@]}" start smtp-sink >/dev/null 2>&1
SINK_DOWN=0
expect_eq "smtp-sink state" RUNNING "$(sink_state)"
if ((RETRY_FIRST > 10)); then
  sql "UPDATE outbox SET next_attempt_at = NOW() WHERE id = $ID_DOWN"
fi
wait_until $((2 * RETRY_FIRST + 8)) row_status_is "$ID_DOWN" sent ||
  t_fail "not sent after the relay came back: $(row "$ID_DOWN")"
expect_match "attempts" $'^sent\t3\t' "$(row "$ID_DOWN")"
wait_until 5 has_mail "$ID_DOWN" || t_fail "no message for row $ID_DOWN in the maildir"
DECODED=$(decode "$(mail_file "$ID_DOWN")" 2>&1)
expect_eq "Subject (decoded)" "停机期间的账单 $TAG" "$(field subject)"
t_end

t_begin "the worker stayed up throughout (same PID) and logged each send and failure"
expect_eq "notify PID" "$PID_BEFORE" "$(notify_pid)"
log=$(grep -E "notify\[$PID_BEFORE\]" "$SC_VAR/log/notify.log" 2>/dev/null)
expect_match "log: sent" "outbox $ID1 sent to z\\*\\*\\*@example.com" "$log"
expect_match "log: invalid recipient" "outbox $ID_BAD failed: invalid recipient" "$log"
expect_match "log: retry" "outbox $ID_DOWN not sent \\(attempt 1\\), retry in" "$log"
t_end

# ---------------------------------------------------------------- billing

# The customer's own request: the bill page's form (billing/email.c) queues
# the mail in its transaction, and the worker delivers it. The registered
# address is used as it stands, so the demo account is left unchanged.
t_begin "bill by email: the customer's request through /billing/email arrives in the maildir"
jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_status 303
get /billing/email
expect_status 200
addr=$(grep -o 'name="email" type="email" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
month=$(grep -oE '<option value="[0-9]{6}" selected' <<<"$BODY" | grep -oE '[0-9]{6}' | head -n 1)
[[ -n $addr ]] || addr=zhangwei@example.com
expect_match "month offered" '^[0-9]{6}$' "$month"
get "/billing/email/confirm?email=$addr&month=$month"
expect_status 200
csrf_of_page
request_id=$(grep -o 'name="request_id" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
post /billing/email "csrf=$CSRF" "request_id=$request_id" "email=$addr" "month=$month"
expect_status 303
ID_BILL=$(header Location | sed -n 's#^/billing/email/done?id=\([0-9][0-9]*\)$#\1#p')
expect_match "outbox id from the redirect" '^[0-9]+$' "$ID_BILL"
if [[ -n $ID_BILL ]]; then
  wait_until 15 row_status_is "$ID_BILL" sent || t_fail "row $ID_BILL: $(row "$ID_BILL")"
  wait_until 5 has_mail "$ID_BILL" || t_fail "no message for row $ID_BILL in the maildir"
  DECODED=$(decode "$(mail_file "$ID_BILL")" 2>&1)
  expect_eq "To" "$addr" "$(field to)"
  label="${month:0:4}年$((10#${month:4:2}))月"
  expect_match "Subject (decoded)" "^中国移动 $label 话费账单" "$(field subject)"
  mail_text=$(sed -n '/^body=/,$p' <<<"$DECODED")
  expect_match "body greeting" '尊敬的客户' "$mail_text"
  expect_match "body month" "账单月份：$label" "$mail_text"
  expect_match "body total" '本月合计：[0-9,]+\.[0-9]{2} 元' "$mail_text"
  get "/billing/email/done?id=$ID_BILL"
  expect_status 200
  expect_body_has '已发送'
fi
t_end

# ---------------------------------------------------------------- restart

t_begin "scripts/svc restart notify replaces the idle worker at once, and mail still flows"
start=$(date +%s%N)
out=$(SC_VAR=$SC_VAR timeout 20 "$SC_ROOT/scripts/svc" restart notify 2>&1) ||
  t_fail "scripts/svc restart notify failed: $out"
ms=$((($(date +%s%N) - start) / 1000000))
expect_eq "svc output" "notify restarted" "$out"
PID_AFTER=$(notify_pid)
expect_match "new notify PID" '^[0-9]+$' "$PID_AFTER"
expect_ne "notify PID after restart" "$PID_BEFORE" "$PID_AFTER"
# startsecs is 1 s: anything near stopwaitsecs (10 s) means SIGTERM was not
# honoured by an idle worker.
((ms < 5000)) || t_fail "restart took $ms ms"
grep -q "notify\[$PID_BEFORE\] info: stopping" "$SC_VAR/log/notify.log" ||
  t_fail "the old worker did not log a clean stop"
ID_AFTER=$(queue "zhao.liu@example.com" "重启后 $TAG" "正文")
wait_until 10 row_status_is "$ID_AFTER" sent || t_fail "row $ID_AFTER: $(row "$ID_AFTER")"
t_end

e2e_done
