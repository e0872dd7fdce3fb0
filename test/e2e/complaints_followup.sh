#!/usr/bin/env bash
# After the answer (S-04): the customer sees the reply but never an
# internal note; confirms and rates the result once (1-5 with a comment);
# re-complains (再投诉), which reopens the case with the flag, a count, a new
# deadline and an SMS; neither is possible before an answer. Suggestions
# (S-05) follow the same flow. The staff's answers are written in SQL as
# the back office would. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/complaints_lib.sh"

TAG=$(rand_tag)
NUM=$(rand_number)
jar filer
file_complaint complaint "$NUM" "流量超额 $TAG" "套餐内流量明明没有用完，却收到流量超额扣费的短信。$TAG"
NO=$TRACK_NO
ID=$(row "$NO" id)
view() { get "/complaints/view?track_no=$NO${1:+&done=$1}"; }
fetch_csrf /complaints/track

t_begin "before an answer there is no rating or re-complaint form, and posting one is refused"
view
expect_body_lacks 'action="/complaints/rate"' 'action="/complaints/recomplain"'
post /complaints/recomplain "csrf=$CSRF" "track_no=$NO" "reason=还没有答复就想再投诉一次。"
expect_status 409
expect_body_has '答复后才能再投诉'
post /complaints/rate "csrf=$CSRF" "track_no=$NO" "rating=5"
expect_status 409
expect_body_has '答复后才能确认和评价'
expect_eq "status, count, rating" "submitted	0	NULL" "$(row "$NO" "status, recomplaint_count, IFNULL(rating, 'NULL')")"
t_end

staff_answer "$NO" replied "经核实，系统误发超额提醒，未产生额外费用。$TAG"

t_begin "the reply is shown, the internal note never"
view
expect_status 200
expect_body_has '已答复' "经核实，系统误发超额提醒，未产生额外费用。$TAG" 'action="/complaints/rate"' 'action="/complaints/recomplain"'
expect_body_lacks '内部备注' '客户情绪激动'
t_end

t_begin "a rating without stars is refused with a message"
post /complaints/rate "csrf=$CSRF" "track_no=$NO" "comment=还行"
expect_status 400
expect_body_has '请选择「满意度」'
t_end

t_begin "the customer confirms and rates the answer"
post /complaints/rate "csrf=$CSRF" "track_no=$NO" "rating=2" "comment=答复太慢 $TAG"
expect_status 303
expect_header Location "/complaints/view?track_no=$NO&done=rated"
expect_eq "rating" "2	答复太慢 $TAG	1" "$(row "$NO" "rating, rating_comment, confirmed_at IS NOT NULL")"
expect_eq "events" "confirmed,rated" "$(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM complaint_events WHERE complaint_id = $ID AND kind IN ('confirmed', 'rated') AND visible = 1")"
view rated
expect_body_has '感谢您的评价' '满意度 2 星' "答复太慢 $TAG"
expect_body_lacks 'action="/complaints/rate"'
t_end

t_begin "a second rating is refused and changes nothing"
post /complaints/rate "csrf=$CSRF" "track_no=$NO" "rating=5"
expect_status 409
expect_body_has '您已评价过'
expect_eq "rating" 2 "$(row "$NO" rating)"
t_end

t_begin "a re-complaint needs a real reason"
post /complaints/recomplain "csrf=$CSRF" "track_no=$NO" "reason=   "
expect_status 400
expect_body_has '再投诉未提交'
expect_eq "status" replied "$(row "$NO" status)"
t_end

t_begin "a re-complaint reopens the case with the flag, a new deadline, and tells the customer"
post /complaints/recomplain "csrf=$CSRF" "track_no=$NO" "reason=答复与事实不符，我确实被扣了十元。$TAG"
expect_status 303
expect_header Location "/complaints/view?track_no=$NO&done=recomplaint"
expect_eq "row" "submitted	1	NULL	1" "$(row "$NO" "status, recomplaint_count, IFNULL(rating, 'NULL'), due_at > NOW() + INTERVAL 47 HOUR")"
expect_eq "event" "1	submitted	答复与事实不符，我确实被扣了十元。$TAG" "$(sql "SELECT visible, status_after, text FROM complaint_events WHERE complaint_id = $ID AND kind = 'recomplaint'")"
view recomplaint
expect_body_has '再投诉已受理' '再投诉 1 次' '已受理'
expect_body_lacks 'action="/complaints/rate"' 'action="/complaints/recomplain"'
wait_until 15 has_sms "投诉 $NO 的再投诉已受理" ||
  t_fail "no re-complaint SMS for $NO in $SC_VAR/sms within 15 s"
t_end

t_begin "after the next answer (closed) the customer may rate again and re-complain again"
staff_answer "$NO" closed "已退还十元话费。$TAG"
view
expect_body_has '已办结' "已退还十元话费。$TAG" 'action="/complaints/rate"'
post /complaints/recomplain "csrf=$CSRF" "track_no=$NO" "reason=退费金额仍然不对，应为二十元。$TAG"
expect_status 303
expect_eq "count" 2 "$(row "$NO" recomplaint_count)"
t_end

t_begin "a suggestion follows the same flow"
file_complaint suggestion "$(rand_number)" "增加营业厅 $TAG" "建议在高新区增设一个营业厅，现在最近的也要坐半小时车。$TAG"
SNO=$TRACK_NO
staff_answer "$SNO" closed "感谢建议，已转市场部研究。$TAG"
get "/complaints/view?track_no=$SNO"
csrf_of_page
expect_body_has '建议详情' "感谢建议，已转市场部研究。$TAG"
post /complaints/rate "csrf=$CSRF" "track_no=$SNO" "rating=5"
expect_status 303
expect_eq "rating" 5 "$(row "$SNO" rating)"
t_end

t_begin "a stranger cannot rate or re-complain someone's case"
jar stranger
fetch_csrf /complaints/track
post /complaints/rate "csrf=$CSRF" "track_no=$NO" "rating=1"
expect_status 403
post /complaints/recomplain "csrf=$CSRF" "track_no=$NO" "reason=冒充他人再投诉一下试试看。"
expect_status 403
expect_eq "count" 2 "$(row "$NO" recomplaint_count)"
t_end

e2e_done
