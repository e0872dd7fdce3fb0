#!/usr/bin/env bash
# Program logs cannot be forged: a value with CR, LF or other control
# characters (a tracking number typed by anyone) is written escaped, so it
# stays on its own line. Wrong service passwords used: 0 (one wrong
# tracking password, whose failures this file clears at exit).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LOGF=$SC_VAR/log/complaints.log
TAG=f$$
on_exit "sql \"DELETE FROM login_failures WHERE kind IN ('track', 'track_ip') AND (subject = '127.0.0.1' OR subject LIKE 'X%$TAG%')\""

t_begin "a tracking number with a newline is logged on one line, escaped"
fetch_csrf /complaints/track
before=$(wc -l <"$LOGF")
post /complaints/track "csrf=$CSRF" "track_no=X"$'\n'"$TAG info: ok"$'\r\t' "track_pw=wrongpw1"
expect_status 403
sleep 0.2
new=$(tail -n +"$((before + 1))" "$LOGF")
expect_match "the escaped value in the log" "X\\\\n$TAG info: ok\\\\r\\\\t" "$new"
if grep -q "^$TAG" <<<"$new"; then t_fail "a log line starts with the forged text"; fi
if grep -q $'[\r\t]' <<<"$new"; then t_fail "a control character reached the log"; fi
t_end

e2e_done
