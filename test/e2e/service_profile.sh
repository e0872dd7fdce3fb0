#!/usr/bin/env bash
# Customer data change (B-08): the form shows the current contact data; a
# change is saved and recorded with the names of the fields changed, never
# their values; submitting the same data writes nothing; an empty field
# clears it; invalid fields give a 400 page that changes nothing; no CSRF
# token -> 403. Plan and payment data are not on the form.
#
# Uses 15828001236 (password 468024, schema/demo/060_service.sql) and puts
# its contact data back on exit. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=15828001236 ACCT_PW=468024
ADDR='成都市锦江区春熙路1号' PHONE=02886661234 EMAIL=old@example.com

contact() { sql "SELECT CONCAT_WS('|', COALESCE(contact_address, '-'), COALESCE(contact_phone, '-'), COALESCE(email, '-')) FROM subscribers WHERE msisdn = '$ACCT'"; }
records() { sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '客户资料变更'"; }
reset() { sql "UPDATE subscribers SET contact_address = '$ADDR', contact_phone = '$PHONE', email = '$EMAIL' WHERE msisdn = '$ACCT'"; }
submit() { post /service/profile "csrf=$CSRF" "contact_address=$1" "contact_phone=$2" "email=$3"; }

reset
on_exit reset

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the test number logs in"
expect_status 303
t_end

t_begin "the form shows the current contact data, not plan or payment data"
fetch_csrf /service/profile
expect_status 200
expect_body_has "value=\"$ADDR\"" "value=\"$PHONE\"" "value=\"$EMAIL\""
expect_body_lacks 'name="plan"' 'name="balance' 'name="bank'
t_end

t_begin "a change is saved and recorded by field name only"
before=$(records)
submit "$ADDR" 13912345678 new@example.com
expect_status 303
expect_header Location /service/profile/done
expect_eq "contact" "$ADDR|13912345678|new@example.com" "$(contact)"
expect_eq "records" $((before + 1)) "$(records)"
detail=$(sql "SELECT detail FROM acceptances WHERE msisdn = '$ACCT' AND business = '客户资料变更' ORDER BY id DESC LIMIT 1")
expect_eq "detail" "修改了：联系电话、电子邮件" "$detail"
get /service/profile/done
expect_status 200
expect_body_has '客户资料已变更' '13912345678' 'new@example.com'
t_end

t_begin "the same data again: nothing written"
fetch_csrf /service/profile
before=$(records)
submit "$ADDR" 13912345678 new@example.com
expect_status 200
expect_body_has '您没有修改任何资料'
expect_eq "records" "$before" "$(records)"
t_end

t_begin "an empty email clears it"
submit "$ADDR" 13912345678 ''
expect_status 303
expect_eq "contact" "$ADDR|13912345678|-" "$(contact)"
t_end

t_begin "invalid fields: 400 naming the field, nothing changed"
fetch_csrf /service/profile
now=$(contact)
before=$(records)
submit "$ADDR" 12345 ''
expect_status 400
expect_body_has '联系电话'
submit "$ADDR" 0288666123x ''
expect_status 400
submit "$ADDR" 028866612345678901234 ''
expect_status 400
submit "$ADDR" 13912345678 'not-an-email'
expect_status 400
expect_body_has '电子邮件'
submit "$(printf '路%.0s' $(seq 1 129))" 13912345678 ''
expect_status 400
expect_body_has '联系地址'
expect_eq "contact" "$now" "$(contact)"
expect_eq "records" "$before" "$(records)"
t_end

t_begin "no CSRF token: 403, nothing changed"
now=$(contact)
post /service/profile "contact_address=x" "contact_phone=13900000000" "email="
expect_status 403
expect_eq "contact" "$now" "$(contact)"
t_end

t_begin "the overview shows the new contact data"
get /service/
expect_status 200
expect_body_has '<td id="contact-phone">13912345678</td>' '<td id="contact-email">未填写</td>'
t_end

e2e_done
