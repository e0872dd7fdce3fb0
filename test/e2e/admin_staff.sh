#!/usr/bin/env bash
# Back office: staff login, role checks, and staff management by the
# (head-office) administrator. Accounts created here are named
# e2e_<what>_<unique suffix>, so reruns on the same database work; demo
# staff passwords are never changed (demo accounts only log in).
# Wrong passwords used: 3 (1 wrong staff login on a created account; the old
# password after a reset; the right password of a disabled account, which is
# refused and counted like a wrong one).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

S=$(uniq_suffix)
AGENT=e2e_agent_$S AGENT_PW="Agent-e2e#$S" AGENT_PW2="Reset-e2e#$S"
FORBIDDEN='您没有权限执行此操作，或页面已过期。请刷新页面后重试。'

t_begin "back-office login page is the zh-CN staff login form"
jar admin
get /admin/login
expect_status 200
expect_body_has '<html lang="zh-CN">' '<h1>员工登录</h1>' '<form method="post" action="/admin/login">' \
  'name="username"' 'name="password"'
t_end

t_begin "/admin redirects to /admin/ and /admin/ needs a staff login"
get /admin
expect_status 301
expect_header Location /admin/
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
t_end

t_begin "the administrator logs in and sees the workbench with the admin menu"
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
expect_status 303
expect_header Location /admin/
get /admin/
expect_status 200
expect_body_has '<h1>工作台</h1>' '您好，系统管理员。' '<strong id="role">系统管理员</strong>' '所属单位：集团公司' \
  '<a href="/admin/staff">员工管理</a>' '<a href="/admin/audit">审计日志</a>'
t_end

t_begin "staff list shows the demo staff with role and unit"
get /admin/staff
expect_status 200
expect_body_has '<h1>员工管理</h1>' '<a class="button" href="/admin/staff/new">新增员工</a>' \
  '<td>admin</td><td>系统管理员</td><td>系统管理员</td><td>集团公司</td><td>启用</td>' \
  '<td>bj_agent</td><td>北京投诉处理员</td><td>投诉处理员</td><td>北京</td><td>启用</td>' \
  '<td>gd_agent</td><td>广东投诉处理员</td><td>投诉处理员</td><td>广东</td><td>启用</td>'
t_end

t_begin "new-staff form offers every role, head office and the provinces"
get /admin/staff/new
expect_status 200
expect_body_has '<h1>新增员工</h1>' '<option value="admin">系统管理员</option>' \
  '<option value="complaint_agent">投诉处理员</option>' '<option value="analyst">统计分析员</option>' \
  '<option value="0" selected>集团公司（总部）</option>' '<option value="11">北京</option>' \
  '<option value="44">广东</option>'
t_end

t_begin "administrator creates a staff account: 303 to its edit page, saved"
create_staff "$AGENT" '北京测试员工' complaint_agent 11 "$AGENT_PW"
expect_status 303
expect_match "new staff id" '^[0-9]+$' "$NEW_ID"
AGENT_ID=$NEW_ID
get "/admin/staff/edit?id=$AGENT_ID&saved=1"
expect_status 200
expect_body_has "<h1>编辑员工 $AGENT</h1>" '<p class="ok" role="status">已保存。</p>' \
  'value="北京测试员工"' '<option value="complaint_agent" selected>' '<option value="11" selected>北京</option>' \
  '<option value="1" selected>启用</option>'
t_end

t_begin "the new account is on the staff list"
expect_eq "listed id of $AGENT" "$AGENT_ID" "$(staff_id "$AGENT")"
t_end

t_begin "a wrong staff password is refused with the zh-CN message and no session"
jar agent
staff_login "$AGENT" 'not-the-password'
expect_status 403
expect_body_has '用户名或密码不正确。' "value=\"$AGENT\""
expect_eq "sc_staff Set-Cookie" "" "$(set_cookie sc_staff)"
t_end

t_begin "the new account logs in with its password and has its role and unit"
staff_login "$AGENT" "$AGENT_PW"
expect_status 303
expect_header Location /admin/
get /admin/
expect_status 200
expect_body_has '您好，北京测试员工。' '<strong id="role">投诉处理员</strong>' '所属单位：北京'
expect_body_lacks '<a href="/admin/staff">' '<a href="/admin/audit">'
t_end

t_begin "a non-admin gets the zh-CN 403 page on every staff and audit page"
for p in /admin/staff /admin/staff/new "/admin/staff/edit?id=$AGENT_ID" /admin/audit; do
  get "$p"
  expect_error_page 403 '禁止访问' "$FORBIDDEN" || break
done
t_end

t_begin "a non-admin cannot create staff even with a valid CSRF token"
fetch_csrf /admin/
post /admin/staff/new "csrf=$CSRF" "username=e2e_sneak_$S" display_name=越权 role=admin province=0 \
  "password=Sneak-e2e#$S"
expect_error_page 403 '禁止访问' "$FORBIDDEN"
use_jar admin
expect_eq "listed id of e2e_sneak_$S" "" "$(staff_id "e2e_sneak_$S")"
t_end

t_begin "a non-admin cannot edit staff (own account either) with a valid CSRF token"
use_jar agent
fetch_csrf /admin/
post /admin/staff/edit "csrf=$CSRF" "id=$AGENT_ID" display_name=越权 role=admin province=0 active=1
expect_error_page 403 '禁止访问' "$FORBIDDEN"
t_end

t_begin "demo non-admin roles (agent, editor, analyst, supervisor) get 403 on /admin/staff"
for who in "bj_agent:Agent#2026" "editor:Editor#2026" "analyst:Analyst#2026" "hq_super:Super#2026"; do
  jar "demo_${who%%:*}"
  staff_login "${who%%:*}" "${who#*:}"
  expect_status 303 || break
  get /admin/staff
  expect_error_page 403 '禁止访问' "$FORBIDDEN" || break
  get /admin/
  expect_status 200 || break
done
t_end

use_jar admin
t_begin "a taken username is refused with 400 and the form kept"
create_staff admin '重复' analyst 0 "Dup-e2e#$S"
expect_status 400
expect_body_has '该用户名已被使用，请换一个。' '<h1>新增员工</h1>' 'value="重复"'
t_end

t_begin "a password under 8 characters is refused with 400"
create_staff "e2e_short_$S" '短密码' analyst 0 'Ab#1'
expect_status 400
expect_body_has '密码至少8位。'
t_end

t_begin "an unknown unit is refused with 400"
create_staff "e2e_noprov_$S" '无单位' analyst 98 "Prov-e2e#$S"
expect_status 400
expect_body_has '所属单位不存在。'
t_end

t_begin "an invalid username is refused with 400 naming the rule"
create_staff 'Bad Name' '坏名' analyst 0 "Name-e2e#$S"
expect_error_page 400 '请求有误' '「用户名」格式不正确：用户名为3至32位小写字母、数字或“_ . -”'
t_end

t_begin "a role outside the list is refused with 400"
create_staff "e2e_role_$S" '坏角色' root 0 "Role-e2e#$S"
expect_error_page 400 '请求有误' '「角色」格式不正确：请从列表中选择'
t_end

GZ=$(sql "SELECT id FROM cities WHERE province_id = 44 AND name LIKE '广州%' LIMIT 1")
BJ_CITY=$(sql "SELECT id FROM cities WHERE province_id = 11 LIMIT 1")

t_begin "a city branch of another province, or for head office, is refused with 400"
fetch_csrf /admin/staff/new
post /admin/staff/new "csrf=$CSRF" "username=e2e_city1_$S" "display_name=错地市" \
  "role=complaint_agent" "province=44" "city=$BJ_CITY" "password=City-e2e#$S"
expect_status 400
expect_body_has '地市分公司不属于所选的省公司。' 'value="错地市"'
post /admin/staff/new "csrf=$CSRF" "username=e2e_city2_$S" "display_name=总部地市" \
  "role=complaint_agent" "province=0" "city=$GZ" "password=City-e2e#$S"
expect_status 400
expect_body_has '地市分公司不属于所选的省公司。'
t_end

t_begin "a 广州 city-branch agent is created with its city, listed with it, shown selected"
fetch_csrf /admin/staff/new
expect_body_has "<option value=\"$GZ\">广州"
post /admin/staff/new "csrf=$CSRF" "username=e2e_gz_$S" "display_name=广州分公司员工" \
  "role=complaint_agent" "province=44" "city=$GZ" "password=City-e2e#$S"
expect_status 303
expect_eq "stored city" "44 $GZ" "$(sql "SELECT province_id, city_id FROM staff WHERE username = 'e2e_gz_$S'" | tr '\t' ' ')"
get "$(header Location)"
expect_body_has "<option value=\"$GZ\" selected>广州"
get /admin/staff
expect_body_has '广东 广州'
t_end

t_begin "none of the refused accounts was created"
for u in "e2e_short_$S" "e2e_noprov_$S" "e2e_role_$S" "e2e_city1_$S" "e2e_city2_$S"; do
  expect_eq "listed id of $u" "" "$(staff_id "$u")" || break
done
t_end

t_begin "administrator edits name and role; the edit page shows them saved"
edit_staff "$AGENT_ID" '改名测试员工' analyst 11 1
expect_status 303
expect_header Location "/admin/staff/edit?id=$AGENT_ID&saved=1"
get "/admin/staff/edit?id=$AGENT_ID"
expect_status 200
expect_body_has 'value="改名测试员工"' '<option value="analyst" selected>'
t_end

t_begin "the new role applies to the account's open session at once"
use_jar agent
get /admin/
expect_status 200
expect_body_has '您好，改名测试员工。' '<strong id="role">统计分析员</strong>'
t_end

t_begin "a password reset ends the account's sessions; old password refused, new one works"
use_jar admin
edit_staff "$AGENT_ID" '改名测试员工' analyst 11 1 "$AGENT_PW2"
expect_status 303
use_jar agent
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
jar agent_old
staff_login "$AGENT" "$AGENT_PW"
expect_status 403
expect_body_has '用户名或密码不正确。'
jar agent
staff_login "$AGENT" "$AGENT_PW2"
expect_status 303
expect_header Location /admin/
t_end

t_begin "disabling an account ends its session and refuses its login"
use_jar admin
edit_staff "$AGENT_ID" '改名测试员工' analyst 11 0
expect_status 303
get "/admin/staff/edit?id=$AGENT_ID"
expect_body_has '<option value="0" selected>停用'
use_jar agent
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
jar agent_disabled
staff_login "$AGENT" "$AGENT_PW2"
expect_status 403
expect_body_has '用户名或密码不正确。'
expect_eq "sc_staff Set-Cookie" "" "$(set_cookie sc_staff)"
t_end

t_begin "editing an unknown staff id answers 404"
use_jar admin
get '/admin/staff/edit?id=99999999'
expect_error_page 404 '页面不存在' '您访问的页面不存在或已被移除。'
t_end

t_begin "an administrator cannot disable their own account or drop their own admin role"
# On a throwaway head-office administrator, never on the demo admin.
HQ=e2e_hqadm_$S HQ_PW="Hq-e2e#$S"
create_staff "$HQ" '测试总部管理员' admin 0 "$HQ_PW"
HQ_ID=$NEW_ID
jar hq
staff_login "$HQ" "$HQ_PW"
expect_status 303
edit_staff "$HQ_ID" '测试总部管理员' admin 0 0
expect_status 400
expect_body_has '不能停用自己的账号或取消自己的管理员角色。'
edit_staff "$HQ_ID" '测试总部管理员' analyst 0 1
expect_status 400
expect_body_has '不能停用自己的账号或取消自己的管理员角色。'
get /admin/staff
expect_status 200
t_end

t_begin "staff logout ends the session and goes to the login page"
use_jar hq
fetch_csrf /admin/
post /admin/logout "csrf=$CSRF"
expect_status 303
expect_header Location /admin/login
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
t_end

e2e_done
