#!/usr/bin/env bash
# Custom (proactive) services (B-09): the settings page with the defaults,
# a change with its acceptance record naming what changed (not the
# values), validation (400 naming the field, nothing written), an
# unchanged form writing nothing, 上海 神州行 the explanation page.
#
# Uses 13800138005 (password 482615, schema/demo/075_service_more.sql),
# reset at the start and the end. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138005 ACCT_PW=482615
NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791
ADDR='北京市西城区金融大街29号'

reset_line() {
  sql "DELETE FROM custom_services WHERE msisdn = '$ACCT';
       DELETE FROM acceptances WHERE msisdn = '$ACCT'"
}
counts() {
  sql "SELECT (SELECT COUNT(*) FROM custom_services WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT')" | tr '\t' ' '
}
settings() {
  sql "SELECT COALESCE(bill_address, '-'), COALESCE(balance_alert_fen, '-'), callback
       FROM custom_services WHERE msisdn = '$ACCT'" | tr '\t' ' '
}

# parallel_codes PATH FIELD...: the same form posted twice at once with the
# current jar; CODES is the two answers' statuses, sorted.
parallel_codes() {
  local path=$1 f i args=()
  shift
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  for i in 1 2; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 20 -b "$JAR" "${args[@]}" \
      "$SC_URL$path" >"$E2E_TMP/par$i" &
  done
  wait
  CODES=$(cat "$E2E_TMP/par1" "$E2E_TMP/par2" | sort | tr '\n' ' ')
}

reset_line
on_exit reset_line

t_begin "anonymous: the page redirects to the login"
jar anon
get /service/custom
expect_status 303
expect_header_match Location '^/login\?next=/service/custom'
t_end

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "the page: the defaults, the form; the overview links it"
get /service/custom
expect_status 200
expect_body_has '<h1>定制类服务变更</h1>' '<td id="now-address">不邮寄详单</td>' \
  '<td id="now-alert">不提醒</td>' '<td id="now-callback">任何时间均可回访</td>' \
  'name="bill_address"' 'name="balance_alert"' 'value="anytime" required checked' 'value="none"'
get /service/
expect_body_has 'href="/service/custom"'
t_end

t_begin "invalid input: 400 naming the field, no CSRF token: 403; nothing written"
get /service/custom
csrf_of_page
before=$(counts)
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=0 callback=evening
expect_status 400
expect_body_has '「余额提醒金额」'
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=1001 callback=evening
expect_status 400
expect_body_has '「余额提醒金额」'
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=12a callback=evening
expect_status 400
expect_body_has '余额提醒金额'
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=50 callback=midnight
expect_status 400
expect_body_has '回访要求'
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=50
expect_status 400
expect_body_has '回访要求'
post /service/custom "csrf=$CSRF" "bill_address=北京" balance_alert=50 callback=evening
expect_status 400
expect_body_has '「详单邮寄地址」'
post /service/custom "csrf=$CSRF" "bill_address=$(printf '北%.0s' {1..129})" callback=evening
expect_status 400
expect_body_has '详单邮寄地址'
post /service/custom "bill_address=$ADDR" balance_alert=50 callback=evening
expect_status 403
expect_eq "settings, acceptances" "$before" "$(counts)"
t_end

t_begin "a change: saved, shown, one acceptance naming the three settings"
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=50 callback=evening
expect_status 303
expect_header Location '/service/custom?saved=1'
expect_eq "settings" "$ADDR 5000 evening" "$(settings)"
expect_eq "acceptance" "定制类服务变更 done 修改了：详单邮寄地址、余额提醒、回访要求" \
  "$(sql "SELECT business, result, detail FROM acceptances WHERE msisdn = '$ACCT'" | tr '\t' ' ')"
get '/service/custom?saved=1'
expect_body_has 'id="saved"' "<td id=\"now-address\">$ADDR</td>" \
  '<td id="now-alert">余额低于 50 元时短信提醒</td>' '晚上（18:00-21:00）' 'value="evening" required checked'
t_end

t_begin "the same settings again: nothing to save, nothing written"
before=$(counts)
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=50 callback=evening
expect_status 200
expect_body_has '没有修改任何设置'
expect_eq "settings, acceptances" "$before" "$(counts)"
t_end

t_begin "no mailing, no reminder, no callbacks: stored as none, the record names the changes"
post /service/custom "csrf=$CSRF" bill_address= balance_alert= callback=none
expect_status 303
expect_eq "settings" "- - none" "$(settings)"
expect_eq "latest acceptance" "修改了：详单邮寄地址、余额提醒、回访要求" \
  "$(sql "SELECT detail FROM acceptances WHERE msisdn = '$ACCT' ORDER BY id DESC LIMIT 1")"
post /service/custom "csrf=$CSRF" bill_address= balance_alert=100 callback=none
expect_eq "latest acceptance" "修改了：余额提醒" \
  "$(sql "SELECT detail FROM acceptances WHERE msisdn = '$ACCT' ORDER BY id DESC LIMIT 1")"
get /service/custom
expect_body_has '<td id="now-callback">不接受回访</td>' '<td id="now-address">不邮寄详单</td>' 'value="100"'
get /service/history
expect_body_has '定制类服务变更' '修改了：余额提醒'
expect_body_lacks "$ADDR"
t_end

t_begin "a change sent twice at once: saved once, one acceptance"
before=$(sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT'")
parallel_codes /service/custom "csrf=$CSRF" "bill_address=$ADDR" balance_alert=30 callback=morning
expect_eq "answers" "200 303 " "$CODES"
expect_eq "settings" "$ADDR 3000 morning" "$(settings)"
expect_eq "acceptances" $((before + 1)) "$(sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT'")"
t_end

jar other
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
t_begin "13601629999 (上海 神州行): the explanation page, a POST too"
get /service/custom
expect_status 403
expect_body_has '暂未开通此服务' '定制类服务变更'
get /service/
csrf_of_page
post /service/custom "csrf=$CSRF" "bill_address=$ADDR" callback=none
expect_status 403
expect_eq "settings of 13601629999" 0 "$(sql "SELECT COUNT(*) FROM custom_services WHERE msisdn = '$NOT_OFFERED'")"
t_end

e2e_done
