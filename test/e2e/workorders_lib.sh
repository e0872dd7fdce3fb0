# shellcheck shell=bash disable=SC2034 # globals are for the test files
# Helpers shared by test/e2e/workorders_*.sh (the complaint back office).
# Sourced after lib.sh, never run (scripts/test runs every *.sh here: run by
# mistake it prints nothing and exits 0). Each test makes its own
# complaints (track_no E + digits, as the customer program would have
# stored them) and deletes them when it ends; expected figures come from
# the database itself.

[[ ${BASH_SOURCE[0]} != "$0" ]] || exit 0

STAFF_HQ=hq_super STAFF_HQ_PW='Super#2026'       # complaint supervisor, 集团公司
STAFF_GDS=gd_super STAFF_GDS_PW='Super#2026'     # complaint supervisor, 广东
STAFF_GZ=gz_agent STAFF_GZ_PW='Agent#2026'       # city branch agent, 广东 广州
STAFF_ANALYST=analyst STAFF_ANALYST_PW='Analyst#2026'
WO=/admin/complaints


WO_MADE=()
# new_complaint PROVINCE CATEGORY [HEAD_OFFICE] [KIND]: a fresh submitted
# complaint due in 48 hours, with an e-mail address; sets NEW_ID and
# NEW_TRACK (and NEW_MSISDN, NEW_EMAIL). Deleted when the test ends.
new_complaint() {
  local p=$1 cat=$2 ho=${3:-0} kind=${4:-complaint} n
  n=$(printf '%05d' $((RANDOM % 100000)))
  NEW_TRACK="E$(date +%s | tail -c 7)$n"
  NEW_MSISDN="1391${p}${n}"
  NEW_EMAIL="e2e-$NEW_TRACK@example.com"
  NEW_ID=$(sql "INSERT INTO complaints (track_no, track_pw_hash, kind, msisdn,
      email, title, content, auto_category, category, province_id, city_id,
      head_office, status, due_at, created_at, updated_at)
    VALUES ('$NEW_TRACK', 'x', '$kind', '$NEW_MSISDN', '$NEW_EMAIL',
      '测试投诉$NEW_TRACK', '测试内容：信号不好。', '$cat', '$cat', $p,
      (SELECT id FROM cities WHERE province_id = $p AND is_capital = 1), $ho,
      'submitted', NOW() + INTERVAL 48 HOUR, NOW(), NOW());
    SELECT LAST_INSERT_ID();")
  sql "INSERT INTO complaint_events (complaint_id, at, kind, visible, status_after, text)
       VALUES ($NEW_ID, NOW(), 'submitted', 1, 'submitted', '客户提交')"
  WO_MADE+=("$NEW_ID")
}

wo_cleanup() {
  ((${#WO_MADE[@]})) || return 0
  local ids
  ids=$(IFS=,; echo "${WO_MADE[*]}")
  sql "DELETE FROM complaint_events WHERE complaint_id IN ($ids);
       DELETE FROM work_orders WHERE complaint_id IN ($ids);
       DELETE FROM complaint_labels WHERE complaint_id IN ($ids);
       DELETE FROM complaints WHERE id IN ($ids)"
}
on_exit wo_cleanup

# act PATH ID field=value...: a staff action form as the page posts it
# (CSRF token from the complaint's page of the current jar; falls back to
# the queue's when the page is not ours to see).
act() {
  local path=$1 id=$2
  shift 2
  fetch_csrf "$WO/view?id=$id"
  [[ -n $CSRF ]] || fetch_csrf "$WO/"
  post "$WO/$path" "csrf=$CSRF" "id=$id" "$@"
}

# What a complaint has left behind, as one line, to prove nothing was
# written: events, work orders, outbox rows for its number, audit rows.
footprint() {
  sql "SELECT CONCAT_WS(' ',
     (SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $1),
     (SELECT COUNT(*) FROM work_orders WHERE complaint_id = $1),
     (SELECT COUNT(*) FROM outbox o JOIN complaints c ON c.id = $1
        WHERE o.recipient IN (c.msisdn, IFNULL(c.email, ''))),
     (SELECT COUNT(*) FROM audit_log a JOIN complaints c ON c.id = $1
        WHERE a.target = c.track_no),
     (SELECT CONCAT(status, '/', category, '/', head_office) FROM complaints WHERE id = $1))"
}

# wait_for SECONDS SQL: polls until SQL answers 1.
wait_for() {
  local i
  for ((i = 0; i < $1 * 5; i++)); do
    [[ $(sql "$2") == 1 ]] && return 0
    sleep 0.2
  done
  return 1
}
