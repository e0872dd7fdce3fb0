#!/usr/bin/env bash
# Scope in the complaint back office: a province agent sees and works only
# the complaints of that province that head office does not keep; another
# province's complaint does not exist for them, even by id: every page and
# every action answers 404 and writes nothing. Head office sees all and can
# take a complaint over or give it back; a province dispatches to its own
# city branches only, and a city branch sees just the work orders sent to
# it and may answer them but not reply or close. Analysts read statistics
# only. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/workorders_lib.sh"

new_complaint 11 network
BJ=$NEW_ID BJ_TRACK=$NEW_TRACK
new_complaint 44 service
GD=$NEW_ID GD_TRACK=$NEW_TRACK
new_complaint 11 billing 1
HQ=$NEW_ID HQ_TRACK=$NEW_TRACK
GZ_CITY=$(sql "SELECT id FROM cities WHERE province_id = 44 AND is_capital = 1")
BJ_CITY=$(sql "SELECT id FROM cities WHERE province_id = 11 AND is_capital = 1")

jar gd
staff_login "$STAFF_GD" "$STAFF_GD_PW"
jar bj
staff_login "$STAFF_BJ" "$STAFF_BJ_PW"
jar hq
staff_login "$STAFF_HQ" "$STAFF_HQ_PW"
jar gds
staff_login "$STAFF_GDS" "$STAFF_GDS_PW"
jar gz
staff_login "$STAFF_GZ" "$STAFF_GZ_PW"

t_begin "the 广东 agent's queue holds 广东 complaints only, whatever province is asked for"
use_jar gd
get "$WO/?q=$GD_TRACK"
expect_status 200
expect_body_has ">$GD_TRACK</a>"
get "$WO/?q=$BJ_TRACK&province=11"
expect_status 200
expect_body_lacks ">$BJ_TRACK</a>" 'id="f-province"'
expect_body_has 'id="count-match">0<'
get "$WO/?province=11"
expect_body_lacks '<td>北京' '>北京<'
t_end

t_begin "a 北京 complaint opened by id as the 广东 agent is 404"
get "$WO/view?id=$BJ"
expect_error_page 404 '页面不存在' '您访问的页面不存在'
expect_body_lacks "$BJ_TRACK"
get "$WO/close?id=$BJ"
expect_status 404
t_end

t_begin "every action on the 北京 complaint as the 广东 agent is 404 and writes nothing"
BEFORE=$(footprint "$BJ")
fetch_csrf "$WO/"
for a in "review category=billing" "reply text=越权答复" "note text=越权备注" \
  "dispatch target=city city=$GZ_CITY" "complete wo=1 text=x" "transfer to=head_office" \
  "close text=越权办结 confirm=1"; do
  read -r path field field2 <<<"$a"
  post "$WO/$path" "csrf=$CSRF" "id=$BJ" "$field" ${field2:+"$field2"}
  expect_status 404 || t_fail "($path)"
done
expect_eq "footprint" "$BEFORE" "$(footprint "$BJ")"
t_end

t_begin "the 北京 agent works the 北京 complaint, but not the one head office keeps"
use_jar bj
get "$WO/view?id=$BJ"
expect_status 200
expect_body_has "$BJ_TRACK"
get "$WO/view?id=$HQ"
expect_status 404
get "$WO/?q=$HQ_TRACK"
expect_body_lacks ">$HQ_TRACK</a>"
t_end

t_begin "a province hands a complaint up to head office and no longer sees it"
act transfer "$BJ" to=head_office
expect_status 303
expect_header Location "$WO/"
expect_eq "head_office" 1 "$(sql "SELECT head_office FROM complaints WHERE id = $BJ")"
get "$WO/view?id=$BJ"
expect_status 404
use_jar hq
get "$WO/view?id=$BJ"
expect_status 200
expect_body_has '处理单位</th><td id="handler">集团公司'
t_end

t_begin "only head office gives it back to the province"
act transfer "$BJ" to=province
expect_status 303
expect_eq "head_office" 0 "$(sql "SELECT head_office FROM complaints WHERE id = $BJ")"
use_jar bj
get "$WO/view?id=$BJ"
expect_status 200
act transfer "$BJ" to=province
expect_status 403
expect_eq "audit" "complaint_transfer complaint_transfer" \
  "$(sql "SELECT GROUP_CONCAT(action ORDER BY id SEPARATOR ' ') FROM audit_log WHERE target = '$BJ_TRACK'")"
t_end

t_begin "head office dispatches a kept complaint to a province, which then sees and answers it"
use_jar hq
act dispatch "$HQ" target=province province=11 "text=请北京公司处理"
expect_status 303
use_jar bj
get "$WO/view?id=$HQ"
expect_status 200
expect_body_has 'action="/admin/complaints/complete"'
WOP=$(sql "SELECT id FROM work_orders WHERE complaint_id = $HQ")
act complete "$HQ" "wo=$WOP" "text=北京公司已处理"
expect_status 303
expect_eq "work order" "done" "$(sql "SELECT status FROM work_orders WHERE id = $WOP")"
t_end

t_begin "a province dispatches only to its own city branches"
use_jar gds
BEFORE=$(footprint "$GD")
act dispatch "$GD" target=city "city=$BJ_CITY"
expect_status 400
expect_body_has '请选择本省的地市分公司'
act dispatch "$GD" target=department department=network
expect_status 400
expect_body_has '省公司只能将工单派发到本省的地市分公司'
expect_eq "footprint" "$BEFORE" "$(footprint "$GD")"
t_end

t_begin "the 广州 branch sees a 广东 complaint only once it is dispatched to 广州"
use_jar gz
get "$WO/view?id=$GD"
expect_status 404
use_jar gds
act dispatch "$GD" target=city "city=$GZ_CITY" "text=请广州分公司上门测试"
expect_status 303
expect_eq "work order" "city $GZ_CITY open" "$(sql "SELECT CONCAT_WS(' ', target, city_id, status) FROM work_orders WHERE complaint_id = $GD")"
use_jar gz
get "$WO/?q=$GD_TRACK"
expect_body_has ">$GD_TRACK</a>"
get "$WO/view?id=$GD"
expect_status 200
expect_body_has '广州分公司' 'action="/admin/complaints/complete"'
expect_body_lacks 'action="/admin/complaints/reply"' 'action="/admin/complaints/dispatch"'
get "$WO/view?id=$BJ"
expect_status 404
t_end

t_begin "the city branch answers its work order but may not reply to the customer or close"
WOC=$(sql "SELECT id FROM work_orders WHERE complaint_id = $GD")
act complete "$GD" "wo=$WOC" "text=已上门测试，信号正常"
expect_status 303
BEFORE=$(footprint "$GD")
act reply "$GD" "text=分公司答复"
expect_status 403
act close "$GD" "text=分公司办结" confirm=1
expect_status 403
expect_eq "footprint" "$BEFORE" "$(footprint "$GD")"
t_end

t_begin "an analyst reads statistics but not the queue or a complaint"
jar an
staff_login "$STAFF_ANALYST" "$STAFF_ANALYST_PW"
get "$WO/"
expect_status 403
get "$WO/view?id=$GD"
expect_status 403
get "$WO/stats"
expect_status 200
t_end

t_begin "without a staff session the back office sends to the staff login"
jar anon
get "$WO/view?id=$GD"
expect_status 303
expect_header_match Location '^/admin/login\?next='
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
get "$WO/"
expect_status 303
expect_header_match Location '^/admin/login'
t_end

e2e_done
