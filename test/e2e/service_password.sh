#!/usr/bin/env bash
# Password change (B-12): the two new entries must match, the new password
# must not be trivial (one digit repeated, a straight run, a run of the
# number's own digits) nor the old one -- each a 400 that changes nothing
# and costs no attempt; a wrong old password is a 403 counted toward the
# lockout, and the lock ends the session; the right one changes the hash,
# ends the number's other sessions but keeps this one, writes the
# acceptance record, and the new password logs in.
#
# Uses 15828001235 (password 802461, schema/demo/060_service.sql) and puts
# its hash back on exit. Wrong passwords used: 2.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=15828001235 ACCT_PW=802461 NEW_PW=375024

hash_of() { sql "SELECT password_hash FROM subscribers WHERE msisdn = '$ACCT'"; }
failures() { sql "SELECT COUNT(*) FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT'"; }
records() { sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '密码修改'"; }
submit() { post /service/password "csrf=$CSRF" "old_password=$1" "new_password=$2" "new_password2=${3:-$2}"; }

ORIG_HASH=$(hash_of)
unlock() {
  sql "DELETE FROM login_failures WHERE kind = 'msisdn' AND subject = '$ACCT';
       DELETE FROM login_locks WHERE kind = 'msisdn' AND subject = '$ACCT'"
}
# shellcheck disable=SC2317 # run by on_exit
restore() { sql "UPDATE subscribers SET password_hash = '$ORIG_HASH' WHERE msisdn = '$ACCT'"; unlock; }
[[ -n $ORIG_HASH ]] || { echo "not ok - test number $ACCT missing (load schema/demo)"; exit 1; }
unlock
on_exit restore

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

t_begin "the form asks for the old password and the new one twice"
fetch_csrf /service/password
expect_status 200
expect_body_has 'name="old_password"' 'name="new_password"' 'name="new_password2"'
t_end

t_begin "rule violations: 400 with the reason, nothing changed, no attempt counted"
for c in "375024 375025|两次输入的新密码不一致" "111111|同一个数字重复" "123456|连续的数字" \
  "654321|连续的数字" "890123|连续的数字" "001235|本手机号码" "582800|本手机号码" \
  "$ACCT_PW|不能与原密码相同"; do
  pws=${c%%|*} why=${c#*|}
  # shellcheck disable=SC2086 # NEW [NEW2]
  submit "$ACCT_PW" $pws
  expect_status 400
  expect_body_has "$why"
done
expect_eq "hash" "$ORIG_HASH" "$(hash_of)"
expect_eq "failures" 0 "$(failures)"
t_end

t_begin "malformed fields: 400, nothing changed"
submit "$ACCT_PW" 37502 37502
expect_status 400
submit "$ACCT_PW" 37502a 37502a
expect_status 400
post /service/password "csrf=$CSRF" "old_password=$ACCT_PW" "new_password=$NEW_PW"
expect_status 400
expect_eq "hash" "$ORIG_HASH" "$(hash_of)"
t_end

t_begin "no CSRF token: 403, nothing changed"
post /service/password "old_password=$ACCT_PW" "new_password=$NEW_PW" "new_password2=$NEW_PW"
expect_status 403
expect_eq "hash" "$ORIG_HASH" "$(hash_of)"
t_end

t_begin "wrong old password: 403, counted, nothing changed, still logged in"
submit 999888 "$NEW_PW"
expect_status 403
expect_body_has '原服务密码不正确'
expect_eq "hash" "$ORIG_HASH" "$(hash_of)"
expect_eq "failures" 1 "$(failures)"
get /service/password
expect_status 200
t_end

t_begin "right old password: changed, this session kept, the other one ended, recorded"
jar other
customer_login "$ACCT" "$ACCT_PW"
get /service/
expect_status 200
use_jar acct
fetch_csrf /service/password
before=$(records)
submit "$ACCT_PW" "$NEW_PW"
expect_status 303
expect_header Location /service/password/done
expect_ne "hash" "$ORIG_HASH" "$(hash_of)"
expect_eq "records" $((before + 1)) "$(records)"
expect_eq "failures cleared" 0 "$(failures)"
get /service/password/done
expect_status 200
expect_body_has '密码修改成功'
use_jar other
get /service/
expect_status 303
expect_header_match Location '^/login'
t_end

t_begin "the new password logs in"
jar fresh
customer_login "$ACCT" "$NEW_PW"
expect_status 303
get /service/
expect_status 200
t_end

t_begin "a wrong old password that locks the number ends the session"
use_jar acct
sql "INSERT INTO login_failures (kind, subject, at) VALUES
       ('msisdn', '$ACCT', NOW()), ('msisdn', '$ACCT', NOW()),
       ('msisdn', '$ACCT', NOW()), ('msisdn', '$ACCT', NOW())"
fetch_csrf /service/password
h=$(hash_of)
submit 999777 "$ACCT_PW"
expect_status 403
expect_body_has '已被暂时锁定'
expect_eq "hash" "$h" "$(hash_of)"
get /service/
expect_status 303
expect_header_match Location '^/login'
t_end

e2e_done
