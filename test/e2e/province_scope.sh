#!/usr/bin/env bash
# Province scope in the back office: a province administrator (here a new
# 广东 administrator made by the head-office admin) sees and manages only
# the staff of 广东, and only their actions in the audit log. Demo staff of
# other provinces are never changed: the refused edit re-sends their own
# values. Accounts are e2e_gd*_<suffix>. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

S=$(uniq_suffix)
GDADM=e2e_gdadm_$S GDADM_PW="Gdadm-e2e#$S"
GDNEW=e2e_gdnew_$S GDNEW_PW="Gdnew-e2e#$S"
SCOPE_MSG='省公司管理员只能管理本省员工。'

jar hq
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
BJ_ID=$(staff_id "$STAFF_BJ")
GD_ID=$(staff_id "$STAFF_GD")

t_begin "head office creates a 广东 administrator"
expect_match "bj_agent id" '^[0-9]+$' "$BJ_ID"
expect_match "gd_agent id" '^[0-9]+$' "$GD_ID"
create_staff "$GDADM" '广东测试管理员' admin 44 "$GDADM_PW"
expect_status 303
GDADM_ID=$NEW_ID
t_end

t_begin "the province administrator's workbench shows the unit 广东 and the admin menu"
jar gd
staff_login "$GDADM" "$GDADM_PW"
expect_status 303
get /admin/
expect_status 200
expect_body_has '<strong id="role">系统管理员</strong>' '所属单位：广东' '<a href="/admin/staff">员工管理</a>'
t_end

t_begin "the province administrator's staff list holds only 广东 staff"
expect_eq "listed id of $GDADM" "$GDADM_ID" "$(staff_id "$GDADM")"
get /admin/staff
expect_status 200
expect_body_has "<td>$STAFF_GD</td>"
expect_body_lacks "<td>$STAFF_BJ</td>" "<td>$STAFF_ADMIN</td>" '<td>集团公司</td>' '<td>北京</td>'
t_end

t_begin "the new-staff form offers only 广东 as unit"
get /admin/staff/new
expect_status 200
expect_body_has '<option value="44" selected>广东</option>'
expect_body_lacks '集团公司（总部）' '<option value="11">' '<option value="0"'
t_end

t_begin "the province administrator creates staff in 广东"
create_staff "$GDNEW" '广东新员工' complaint_agent 44 "$GDNEW_PW"
expect_status 303
GDNEW_ID=$NEW_ID
get "/admin/staff/edit?id=$GDNEW_ID"
expect_status 200
expect_body_has "<h1>编辑员工 $GDNEW</h1>" '<option value="44" selected>广东</option>'
t_end

t_begin "creating staff in another province or at head office is refused (400)"
create_staff "e2e_gdbj_$S" '越省员工' complaint_agent 11 "Gdbj-e2e#$S"
expect_status 400
expect_body_has "$SCOPE_MSG"
create_staff "e2e_gdhq_$S" '越级员工' admin 0 "Gdhq-e2e#$S"
expect_status 400
expect_body_has "$SCOPE_MSG"
use_jar hq
expect_eq "listed id of e2e_gdbj_$S" "" "$(staff_id "e2e_gdbj_$S")"
expect_eq "listed id of e2e_gdhq_$S" "" "$(staff_id "e2e_gdhq_$S")"
t_end

t_begin "another province's staff cannot be opened for editing (403)"
use_jar gd
get "/admin/staff/edit?id=$BJ_ID"
expect_error_page 403 '禁止访问' '您没有权限执行此操作'
t_end

t_begin "another province's staff cannot be changed by a direct post (403, unchanged)"
# The very values bj_agent has, so nothing would change even if this passed.
edit_staff "$BJ_ID" '北京投诉处理员' complaint_agent 11 1
expect_error_page 403 '禁止访问' '您没有权限执行此操作'
use_jar hq
get "/admin/audit?username=$GDADM"
expect_body_lacks "<td>修改员工</td><td>$STAFF_BJ</td>"
t_end

t_begin "own-province staff can be edited but not moved to another province"
use_jar gd
edit_staff "$GDNEW_ID" '广东新员工' complaint_agent 11 1
expect_status 400
expect_body_has "$SCOPE_MSG"
edit_staff "$GDNEW_ID" '广东新员工改名' complaint_agent 44 1
expect_status 303
expect_header Location "/admin/staff/edit?id=$GDNEW_ID&saved=1"
t_end

t_begin "the province administrator cannot disable their own account"
edit_staff "$GDADM_ID" '广东测试管理员' admin 44 0
expect_status 400
expect_body_has '不能停用自己的账号或取消自己的管理员角色。'
t_end

t_begin "the province administrator's audit log shows only 广东 staff's actions"
get /admin/audit
expect_status 200
expect_body_has "<td>$GDADM</td><td>修改员工</td><td>$GDNEW</td>" "<td>$GDADM</td><td>新增员工</td><td>$GDNEW</td>"
# Head office's creation of this very administrator is not theirs to see.
expect_body_lacks "<td>$STAFF_ADMIN</td>"
t_end

t_begin "head office sees the province administrator's actions"
use_jar hq
get "/admin/audit?username=$GDADM"
expect_status 200
expect_body_has "<td>$GDADM</td><td>新增员工</td><td>$GDNEW</td><td>role=complaint_agent province=44</td>"
t_end

t_begin "a 广东 agent (not an administrator) gets 403 on the staff pages"
jar gdagent
staff_login "$STAFF_GD" "$STAFF_GD_PW"
expect_status 303
get /admin/staff
expect_error_page 403 '禁止访问' '您没有权限执行此操作'
get /admin/
expect_status 200
expect_body_has '所属单位：广东'
t_end

e2e_done
