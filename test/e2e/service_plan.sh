#!/usr/bin/env bash
# Plan change (B-10): the current plan and the brand's plans with their
# rules and fees; a change for the 1st of next month with its acceptance
# record; one pending change at most (the same form sent twice at once is
# one change); cancellation; the month-end freeze refusing both; the
# provision worker applying a change on its date; invalid
# input a 400 writing nothing; 上海 神州行 the explanation page.
#
# The freeze is exercised through 北京's plan_freeze row, which the test
# sets (0: never frozen, 31: always frozen, so the result does not depend
# on today's date) and removes at the end, leaving 北京 on [service]
# plan_freeze_days. No other test changes plans of 北京 numbers.
# Uses 13800138004 (password 482615, schema/demo/075_service_more.sql),
# reset at the start and the end. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACCT=13800138004 ACCT_PW=482615
NOT_OFFERED=13601629999 NOT_OFFERED_PW=135791
FORGED=$(printf 'p%.0s' {1..43})

freeze() {
  sql "INSERT INTO plan_freeze (province_id, freeze_days) VALUES (11, $1)
       ON DUPLICATE KEY UPDATE freeze_days = VALUES(freeze_days)"
}
reset_line() {
  sql "DELETE FROM plan_changes WHERE msisdn = '$ACCT';
       DELETE FROM acceptances WHERE msisdn = '$ACCT';
       UPDATE subscribers SET plan = '全球通58元套餐', plan_fee_fen = 5800 WHERE msisdn = '$ACCT'"
}
counts() {
  sql "SELECT (SELECT COUNT(*) FROM plan_changes WHERE msisdn = '$ACCT'),
              (SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT')" | tr '\t' ' '
}
pending() {
  sql "SELECT plan_code, DATE_FORMAT(effective_on, '%Y-%m-%d') FROM plan_changes
       WHERE msisdn = '$ACCT' AND status = 'pending'" | tr '\t' ' '
}

NEXT_FIRST=$(sql "SELECT DATE_FORMAT(LAST_DAY(CURDATE()) + INTERVAL 1 DAY, '%Y-%m-%d')")
reset_line
freeze 0
on_exit reset_line
on_exit 'sql "DELETE FROM plan_freeze WHERE province_id = 11"'

t_begin "anonymous: the plan page redirects to the login"
jar anon
get /service/plan
expect_status 303
expect_header_match Location '^/login\?next=/service/plan'
t_end

jar acct
customer_login "$ACCT" "$ACCT_PW"
t_begin "plan page: current plan, the GoTone plans with rules and fees, next month's date"
get /service/plan
expect_status 200
expect_body_has '<td id="current-plan">全球通58元套餐</td>' '<td id="current-fee">¥58.00</td>' \
  'id="plan-gt58"' 'id="plan-gt88"' 'id="plan-gt128"' '当前套餐' '¥128.00' \
  '含国内主叫 700 分钟' "自 $NEXT_FIRST 起" '本省不设套餐业务冻结期' \
  'value="gt88"' 'value="gt128"'
expect_body_lacks 'value="gt58"' '动感地带' 'id="frozen"'
t_end

t_begin "invalid input: 400 naming the field, no CSRF token: 403; nothing written"
csrf_of_page
TOKEN=$(request_id_of_page)
before=$(counts)
post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=mz_xy28
expect_status 400
expect_body_has '「套餐」'
post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=nosuchplan
expect_status 400
post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=gt58
expect_status 400
expect_body_has '就是当前套餐'
post /service/plan "csrf=$CSRF" "request_id=$TOKEN"
expect_status 400
expect_body_has '套餐'
post /service/plan "csrf=$CSRF" "request_id=short" plan=gt88
expect_status 400
post /service/plan/cancel "csrf=$CSRF" id=abc
expect_status 400
post /service/plan "request_id=$TOKEN" plan=gt88
expect_status 403
expect_eq "changes, acceptances" "$before" "$(counts)"
t_end

t_begin "the same form sent twice at once: one pending change, one acceptance"
parallel_post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=gt128
expect_eq "first answer" /service/plan "$LOC1"
expect_eq "second answer" /service/plan "$LOC2"
expect_eq "changes, acceptances" "1 1" "$(counts)"
expect_eq "pending change" "gt128 $NEXT_FIRST" "$(pending)"
expect_eq "acceptance" "套餐计划变更 done 申请自 $NEXT_FIRST 起变更为全球通128元套餐（月费 ¥128.00）" \
  "$(sql "SELECT business, result, detail FROM acceptances WHERE msisdn = '$ACCT'" | tr '\t' ' ')"
expect_eq "current plan unchanged" "全球通58元套餐" "$(sql "SELECT plan FROM subscribers WHERE msisdn = '$ACCT'")"
t_end

t_begin "the page and the overview show the pending change; no second one"
get /service/plan
expect_body_has '<td id="pending-plan">全球通128元套餐（月费 ¥128.00）</td>' \
  "<td id=\"pending-effective\">$NEXT_FIRST</td>" 'id="cancel-change"' '请先取消该申请'
expect_body_lacks 'name="request_id"'
get /service/
expect_body_has 'id="pending-plan"' '套餐计划变更：全球通128元套餐' "待生效：$NEXT_FIRST 起生效"
before=$(counts)
post /service/plan "csrf=$CSRF" "request_id=$FORGED" plan=gt88
expect_status 409
expect_body_has '已有一笔待生效的套餐变更'
expect_eq "changes, acceptances" "$before" "$(counts)"
t_end

t_begin "freeze (31 days: always): the page says so, change and cancel are refused (409), nothing written"
freeze 31
get /service/plan
expect_body_has 'id="frozen"' '冻结期' '<strong id="freeze-days">31</strong>'
expect_body_lacks 'id="cancel-change"'
ID=$(sql "SELECT id FROM plan_changes WHERE msisdn = '$ACCT' AND status = 'pending'")
before=$(counts)
post /service/plan/cancel "csrf=$CSRF" "id=$ID"
expect_status 409
expect_body_has '不受理套餐变更和取消'
expect_eq "pending change" "gt128 $NEXT_FIRST" "$(pending)"
expect_eq "changes, acceptances" "$before" "$(counts)"
t_end

t_begin "cancel outside the freeze: cancelled with its acceptance; twice is refused, nothing more written"
freeze 0
post /service/plan/cancel "csrf=$CSRF" "id=$ID"
expect_status 303
expect_header Location /service/plan
expect_eq "status" cancelled "$(sql "SELECT status FROM plan_changes WHERE id = '$ID'")"
expect_eq "acceptances" 2 "$(sql "SELECT COUNT(*) FROM acceptances WHERE msisdn = '$ACCT' AND business = '套餐计划变更'")"
before=$(counts)
post /service/plan/cancel "csrf=$CSRF" "id=$ID"
expect_status 409
expect_body_has '没有可以取消的套餐变更申请'
expect_eq "changes, acceptances" "$before" "$(counts)"
get /service/plan
expect_body_lacks 'id="pending-change"'
expect_body_has 'value="gt128"'
t_end

t_begin "freeze with no pending change: no form, an apply is refused (409), nothing written"
TOKEN=$(request_id_of_page)
freeze 31
get /service/plan
expect_body_has 'id="frozen"'
expect_body_lacks 'name="request_id"'
before=$(counts)
post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=gt88
expect_status 409
expect_body_has '冻结期'
expect_eq "changes, acceptances" "$before" "$(counts)"
freeze 0
post /service/plan "csrf=$CSRF" "request_id=$TOKEN" plan=gt88
expect_status 303
expect_eq "pending change" "gt88 $NEXT_FIRST" "$(pending)"
t_end

t_begin "without 北京's row the freeze is [service] plan_freeze_days (2 days)"
sql "DELETE FROM plan_freeze WHERE province_id = 11"
get /service/plan
expect_body_has '<strong id="freeze-days">2</strong>'
freeze 0
t_end

t_begin "history shows the plan changes"
get /service/history
expect_body_has '套餐计划变更' '取消自' '变更为全球通88元套餐'
t_end

t_begin "on its date the provision worker applies the change: plan and fee are the new ones"
reset_line
read -r NEW_CODE NEW_FEE < <(sql "SELECT code, monthly_fee_fen FROM plans
  WHERE brand_code = 'gotone' AND active = 1 AND name <> '全球通58元套餐' ORDER BY sort LIMIT 1")
NEW_NAME=$(sql "SELECT name FROM plans WHERE code = '$NEW_CODE'")
# A change made last month, due today.
sql "INSERT INTO plan_changes (msisdn, from_plan, plan_code, effective_on, status,
       pending_msisdn, created_at)
     VALUES ('$ACCT', '全球通58元套餐', '$NEW_CODE', CURDATE(), 'pending', '$ACCT',
       NOW() - INTERVAL 10 DAY)"
settled=""
for _ in $(seq 1 30); do
  settled=$(sql "SELECT c.status, s.plan, s.plan_fee_fen, c.pending_msisdn IS NULL
    FROM plan_changes c JOIN subscribers s ON s.msisdn = c.msisdn
    WHERE c.msisdn = '$ACCT'" | tr '\t' ' ')
  [[ $settled == applied* ]] && break
  sleep 0.5
done
expect_eq "settled change" "applied $NEW_NAME $NEW_FEE 1" "$settled"
get /service/plan
expect_status 200
expect_body_has "$NEW_NAME"
reset_line
t_end

jar other
customer_login "$NOT_OFFERED" "$NOT_OFFERED_PW"
t_begin "13601629999 (上海 神州行): the explanation page, a POST too"
get /service/plan
expect_status 403
expect_body_has '暂未开通此服务' '套餐计划变更'
get /service/
csrf_of_page
post /service/plan "csrf=$CSRF" "request_id=$FORGED" plan=ez_qs
expect_status 403
expect_eq "changes of 13601629999" 0 "$(sql "SELECT COUNT(*) FROM plan_changes WHERE msisdn = '$NOT_OFFERED'")"
t_end

e2e_done
