#!/usr/bin/env bash
# The whole staff flow on one complaint, as head office's complaint
# supervisor: review with a category correction, dispatch a work order
# (due time from the SLA), complete it, an internal note the customer never
# sees or receives, overdue and escalation by the sla worker, a reply, and
# closing after a confirmation; invalid transitions and bad input refused
# with nothing written; the customer's SMS and e-mail in the outbox for
# what they should hear about; an audit row for every action. Wrong
# passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/workorders_lib.sh"

jar hq
staff_login "$STAFF_HQ" "$STAFF_HQ_PW"
HQ_ID=$(sql "SELECT id FROM staff WHERE username = '$STAFF_HQ'")
new_complaint 11 network
ID=$NEW_ID TRACK=$NEW_TRACK MSISDN=$NEW_MSISDN EMAIL=$NEW_EMAIL
S=$(uniq_suffix)
NOTE="内部备注-不得外发-$S"
REPLY="您好，经核实已为您退还多收费用-$S。"
RESULT="已退还费用并致歉-$S"

outbox() { # outbox rows (channel) for this customer whose body has $1
  sql "SELECT IFNULL(GROUP_CONCAT(channel ORDER BY channel), '') FROM outbox
       WHERE recipient IN ('$MSISDN', '$EMAIL') AND body LIKE '%$1%'"
}
audit() { # actions audited on this complaint, in order
  sql "SELECT GROUP_CONCAT(action ORDER BY id SEPARATOR ' ') FROM audit_log
       WHERE target = '$TRACK' AND username = '$STAFF_HQ'"
}

t_begin "the queue finds the new complaint by its tracking number"
get "$WO/?q=$TRACK"
expect_status 200
expect_body_has ">$TRACK</a>" '测试投诉' 'id="count-match">1<'
t_end

t_begin "queue filters with bad values are refused (400) with the field named"
get "$WO/?q=D%25"
expect_status 400
expect_body_has '「受理编号」只能包含字母、数字'
get "$WO/?status=lost"
expect_status 400
expect_body_has '状态'
get "$WO/?page=501"
expect_status 400
get "$WO/view?id=x"
expect_status 400
get "$WO/view?id=999999999"
expect_status 404
t_end

t_begin "the complaint page shows it submitted, with the history and the actions"
get "$WO/view?id=$ID"
expect_status 200
expect_body_has "投诉 $TRACK" 'id="status">已受理<' '网络质量' "$MSISDN" \
  'action="/admin/complaints/review"' 'action="/admin/complaints/dispatch"' '客户提交'
t_end

t_begin "review with a category correction: reviewing, category billing, a training label, the customer told"
act review "$ID" category=billing "text=复核：实为计费问题"
expect_status 303
expect_header Location "$WO/view?id=$ID&done=review"
expect_eq "status/category" "reviewing billing" "$(sql "SELECT CONCAT(status, ' ', category) FROM complaints WHERE id = $ID")"
expect_eq "label" "billing $HQ_ID" "$(sql "SELECT CONCAT(category, ' ', staff_id) FROM complaint_labels WHERE complaint_id = $ID")"
expect_eq "events" "reviewed:1 reclassified:0 note:0" \
  "$(sql "SELECT GROUP_CONCAT(CONCAT(kind, ':', visible) ORDER BY id SEPARATOR ' ') FROM complaint_events WHERE complaint_id = $ID AND kind <> 'submitted'")"
expect_eq "outbox (sms + email)" "email,sms" "$(outbox "$TRACK")"
get "$WO/view?id=$ID&done=review"
expect_body_has '已复核。' 'id="status">复核中<' '计费' '分类由「网络质量」改为「计费」' '内部，客户不可见'
t_end

t_begin "reviewing again without a change is refused (409), nothing written"
BEFORE=$(footprint "$ID")
act review "$ID" category=billing
expect_status 409
expect_body_has '无需再次复核'
expect_eq "footprint" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "dispatch to a head-office department: a work order due by the category's SLA"
act dispatch "$ID" target=department department=billing "text=请核查计费记录"
expect_status 303
WO1=$(sql "SELECT id FROM work_orders WHERE complaint_id = $ID ORDER BY id DESC LIMIT 1")
expect_eq "work order" "department billing open 请核查计费记录 $HQ_ID" \
  "$(sql "SELECT CONCAT_WS(' ', target, department_code, status, instructions, dispatched_by) FROM work_orders WHERE id = '$WO1'")"
expect_eq "due hours (complaint_sla.workorder_hours of billing)" \
  "$(sql "SELECT workorder_hours FROM complaint_sla WHERE category = 'billing'")" \
  "$(sql "SELECT TIMESTAMPDIFF(HOUR, created_at, due_at) FROM work_orders WHERE id = '$WO1'")"
expect_eq "status" dispatched "$(sql "SELECT status FROM complaints WHERE id = $ID")"
expect_eq "customer told where it went" "email,sms" "$(outbox '已转交集团公司计费结算中心处理')"
expect_eq "the internal instructions are not in any message" "" "$(outbox '请核查计费记录')"
t_end

t_begin "dispatch with an unknown department or head office to a city is refused (400), nothing written"
BEFORE=$(footprint "$ID")
act dispatch "$ID" target=department department=nosuch
expect_status 400
expect_body_has '「部门」无效'
act dispatch "$ID" target=city city=1
expect_status 400
expect_body_has '由省公司派发到地市分公司'
act dispatch "$ID" target=nowhere
expect_status 400
expect_eq "footprint" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "the department completes the work order; its answer stays internal"
act complete "$ID" "wo=$WO1" "text=计费记录有误，已冲正"
expect_status 303
expect_eq "work order" "done 计费记录有误，已冲正 1" \
  "$(sql "SELECT CONCAT_WS(' ', status, answer, done_at IS NOT NULL) FROM work_orders WHERE id = '$WO1'")"
expect_eq "event" "workorder_done:0" \
  "$(sql "SELECT CONCAT(kind, ':', visible) FROM complaint_events WHERE complaint_id = $ID ORDER BY id DESC LIMIT 1")"
expect_eq "not sent" "" "$(outbox '已冲正')"
BEFORE=$(footprint "$ID")
act complete "$ID" "wo=$WO1" "text=again"
expect_status 409
expect_eq "completing twice writes nothing" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "an internal note is visible to staff only and never sent"
act note "$ID" "text=$NOTE"
expect_status 303
expect_eq "note event" "note:0" \
  "$(sql "SELECT CONCAT(kind, ':', visible) FROM complaint_events WHERE complaint_id = $ID AND text = '$NOTE'")"
expect_eq "customer-visible rows with the note" "0" \
  "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $ID AND visible = 1 AND text LIKE '%$NOTE%'")"
expect_eq "outbox rows with the note (anyone)" "0" "$(sql "SELECT COUNT(*) FROM outbox WHERE body LIKE '%$NOTE%' OR subject LIKE '%$NOTE%'")"
get "$WO/view?id=$ID"
expect_body_has "$NOTE" '内部，客户不可见'
t_end

t_begin "the sla worker marks the complaint and its open work order overdue, once"
# A second worker beside supervisord's: the two must not mark anything twice.
"$SC_VAR/build/selfcare-sla" -c "$SC_VAR/selfcare.ini" >/dev/null 2>&1 &
SLA2=$!
on_exit "kill $SLA2 2>/dev/null"
act dispatch "$ID" target=province province=11 "text=请北京公司协助"
expect_status 303
WO2=$(sql "SELECT id FROM work_orders WHERE complaint_id = $ID ORDER BY id DESC LIMIT 1")
sql "UPDATE complaints SET due_at = NOW() - INTERVAL 10 MINUTE WHERE id = $ID;
     UPDATE work_orders SET due_at = NOW() - INTERVAL 10 MINUTE WHERE id = $WO2"
wait_for 15 "SELECT overdue FROM complaints WHERE id = $ID" || t_fail "complaint not marked overdue within 15 s"
wait_for 15 "SELECT overdue FROM work_orders WHERE id = $WO2" || t_fail "work order not marked overdue within 15 s"
sleep 2
expect_eq "overdue events (complaint + work order), internal" "2 0" \
  "$(sql "SELECT CONCAT(COUNT(*), ' ', SUM(visible)) FROM complaint_events WHERE complaint_id = $ID AND kind = 'overdue'")"
expect_eq "not escalated before the grace" "" "$(sql "SELECT escalated_at FROM complaints WHERE id = $ID AND escalated_at IS NOT NULL")"
get "$WO/?overdue=1&q=$TRACK"
expect_body_has ">$TRACK</a>" 'wo-overdue'
t_end

t_begin "past the grace it escalates to the supervisor's 升级 queue (two workers, once)"
sql "UPDATE complaints SET due_at = NOW() - INTERVAL 2 HOUR WHERE id = $ID;
     UPDATE work_orders SET due_at = NOW() - INTERVAL 2 HOUR WHERE id = $WO2"
wait_for 15 "SELECT escalated_at IS NOT NULL FROM complaints WHERE id = $ID" || t_fail "complaint not escalated within 15 s"
wait_for 15 "SELECT escalated_at IS NOT NULL FROM work_orders WHERE id = $WO2" || t_fail "work order not escalated within 15 s"
sleep 2
expect_eq "escalated events" "2" "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $ID AND kind = 'escalated'")"
kill "$SLA2" 2>/dev/null
get "$WO/?escalated=1"
expect_status 200
expect_body_has "$TRACK"
ESC=$(grep -o 'id="count-escalated">[0-9]*' <<<"$BODY" | grep -o '[0-9]*$')
expect_eq "升级 count" "$(sql "SELECT COUNT(*) FROM complaints WHERE escalated_at IS NOT NULL AND status <> 'closed'")" "$ESC"
t_end

t_begin "reply to the customer: replied, visible, sent by SMS and e-mail"
act reply "$ID" "text=$REPLY"
expect_status 303
expect_eq "status" replied "$(sql "SELECT status FROM complaints WHERE id = $ID")"
expect_eq "event" "reply:1:replied" "$(sql "SELECT CONCAT_WS(':', kind, visible, status_after) FROM complaint_events WHERE complaint_id = $ID AND text = '$REPLY'")"
expect_eq "outbox" "email,sms" "$(outbox "$REPLY")"
t_end

t_begin "bad input is refused (400) and writes nothing"
BEFORE=$(footprint "$ID")
act reply "$ID" "text="
expect_status 400
expect_body_has '请填写「内容」'
fetch_csrf "$WO/view?id=$ID"
post "$WO/reply" "csrf=$CSRF" "id=abc" "text=x"
expect_status 400
post "$WO/note" "csrf=$CSRF" "id=$ID" "text=$(printf 'a\001b')"
expect_status 400
post "$WO/reply" "id=$ID" "text=no csrf"
expect_status 403
act review "$ID" category=weather
expect_status 400
expect_eq "footprint" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "closing asks for a confirmation; without it nothing is written"
get "$WO/close?id=$ID"
expect_status 200
expect_body_has "办结投诉 $TRACK" 'name="confirm" value="1" required' '此操作不能撤回'
BEFORE=$(footprint "$ID")
act close "$ID" "text=$RESULT"
expect_status 400
expect_body_has '请填写「确认办结」'
expect_eq "footprint" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "close with a result: closed, open work orders cancelled, the customer told"
act close "$ID" "text=$RESULT" confirm=1
expect_status 303
expect_eq "complaint" "closed $RESULT 1" "$(sql "SELECT CONCAT_WS(' ', status, result, closed_at IS NOT NULL) FROM complaints WHERE id = $ID")"
expect_eq "work orders" "done cancelled" "$(sql "SELECT GROUP_CONCAT(status ORDER BY id SEPARATOR ' ') FROM work_orders WHERE complaint_id = $ID")"
expect_eq "event" "closed:1:closed" "$(sql "SELECT CONCAT_WS(':', kind, visible, status_after) FROM complaint_events WHERE complaint_id = $ID AND text = '$RESULT'")"
expect_eq "outbox" "email,sms" "$(outbox "$RESULT")"
get "$WO/view?id=$ID"
expect_body_has 'id="status">已办结<' "$RESULT"
expect_body_lacks 'action="/admin/complaints/reply"'
t_end

t_begin "a closed complaint refuses reply, dispatch, review and a second close (409), nothing written"
BEFORE=$(footprint "$ID")
act reply "$ID" "text=再答复"
expect_status 409
expect_body_has '该投诉已办结，不能再答复'
act dispatch "$ID" target=department department=network
expect_status 409
act review "$ID" category=network
expect_status 409
act close "$ID" "text=again" confirm=1
expect_status 409
get "$WO/close?id=$ID"
expect_status 400
expect_eq "footprint" "$BEFORE" "$(footprint "$ID")"
t_end

t_begin "every action is in the audit log, under the complaint's tracking number"
expect_eq "actions" \
  "complaint_review complaint_dispatch workorder_complete complaint_note complaint_dispatch complaint_reply complaint_close" \
  "$(audit)"
expect_eq "client address recorded" "0" "$(sql "SELECT COUNT(*) FROM audit_log WHERE target = '$TRACK' AND (client_ip IS NULL OR client_ip = '')")"
t_end

t_begin "the customer-visible history holds no internal text"
expect_eq "visible events" "submitted reviewed dispatched dispatched reply closed" \
  "$(sql "SELECT GROUP_CONCAT(kind ORDER BY id SEPARATOR ' ') FROM complaint_events WHERE complaint_id = $ID AND visible = 1")"
expect_eq "visible text with internal words" "0" \
  "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $ID AND visible = 1 AND (text LIKE '%$NOTE%' OR text LIKE '%冲正%' OR text LIKE '%复核：%' OR text LIKE '%请北京公司协助%')")"
t_end

e2e_done
