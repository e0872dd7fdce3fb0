#!/usr/bin/env bash
# The audit log: staff logins, failed logins, logouts, staff creation and
# edits are written to it and shown on /admin/audit (administrators only),
# newest first, filterable by who did it, without any password.
# Creates one staff account per run (e2e_audit_<suffix>).
# Wrong passwords used: 1 (a login as a staff name that does not exist).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

S=$(uniq_suffix)
WHO=e2e_audit_$S WHO_PW="Audit-e2e#$S" WHO_PW2="Audit2-e2e#$S"
NOBODY=e2e_nobody_$S

# audit_rows: the rows of the audit table on the last page, one per line,
# cells joined by "|": time|who|action|target|detail|ip
audit_rows() {
  grep -oE '<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td></tr>' <<<"$BODY" |
    sed -e 's#^<tr><td>##; s#</td></tr>$##; s#</td><td>#|#g'
}
# line_of PATTERN: line number (1 = newest) of the first row matching ERE.
line_of() { audit_rows | grep -nE -- "$1" | head -n 1 | cut -d: -f1; }

expect_row() {
  local n
  n=$(line_of "$1")
  [[ -n $n ]] && return 0
  t_fail "audit: expected a row matching /$1/; first rows: $(audit_rows | head -n 5 | tr '\n' ' ')"
  return 1
}

t_begin "the audit page lists entries for an administrator"
jar admin
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
expect_status 303
get /admin/audit
expect_status 200
expect_body_has '<h1>审计日志</h1>' '<th scope="col">操作人</th>' '<form method="get" action="/admin/audit" class="filter">'
expect_match "first row" '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\|' "$(audit_rows | head -n 1)"
t_end

t_begin "a staff login is audited (登录, from 127.0.0.1) as the person's newest entry"
get "/admin/audit?username=$STAFF_ADMIN"
expect_status 200
expect_match "newest entry of $STAFF_ADMIN" "^[^|]*\\|$STAFF_ADMIN\\|登录\\|$STAFF_ADMIN\\|\\|127\\.0\\.0\\.1$" \
  "$(audit_rows | head -n 1)"
t_end

t_begin "staff creation by the administrator is audited with role and unit"
create_staff "$WHO" '审计测试员工' content_editor 11 "$WHO_PW"
expect_status 303
WHO_ID=$NEW_ID
get "/admin/audit?username=$STAFF_ADMIN"
expect_row "^[^|]*\\|$STAFF_ADMIN\\|新增员工\\|$WHO\\|role=content_editor province=11\\|127\\.0\\.0\\.1$"
t_end

t_begin "the audit time of the creation is now"
at=$(audit_rows | grep -E "\\|新增员工\\|$WHO\\|" | head -n 1 | cut -d'|' -f1)
at_s=$(date -d "$at" +%s 2>/dev/null || echo 0)
now=$(date +%s)
if ((at_s < now - 120 || at_s > now + 120)); then
  t_fail "audit time \"$at\" is not within 2 minutes of $(date '+%Y-%m-%d %H:%M:%S')"
fi
t_end

t_begin "a staff edit is audited with the new role, unit and state"
edit_staff "$WHO_ID" '审计测试员工' analyst 44 1
expect_status 303
get "/admin/audit?username=$STAFF_ADMIN"
expect_row "\\|$STAFF_ADMIN\\|修改员工\\|$WHO\\|role=analyst province=44 active=1\\|"
t_end

t_begin "entries are newest first (the edit above the creation)"
upd=$(line_of "\\|修改员工\\|$WHO\\|")
crt=$(line_of "\\|新增员工\\|$WHO\\|")
if [[ -z $upd || -z $crt ]] || ((upd >= crt)); then
  t_fail "expected the edit (row ${upd:-none}) above the creation (row ${crt:-none})"
fi
t_end

t_begin "a password reset is audited as password=reset, never with the password"
edit_staff "$WHO_ID" '审计测试员工' analyst 44 1 "$WHO_PW2"
expect_status 303
get "/admin/audit?username=$STAFF_ADMIN"
expect_row "\\|$STAFF_ADMIN\\|修改员工\\|$WHO\\|role=analyst province=44 active=1 password=reset\\|"
expect_body_lacks "$WHO_PW" "$WHO_PW2"
t_end

t_begin "a failed staff login is audited (登录失败) under the name tried"
jar nobody
staff_login "$NOBODY" 'wrong-password'
expect_status 403
use_jar admin
get "/admin/audit?username=$NOBODY"
expect_status 200
expect_row "^[^|]*\\|$NOBODY\\|登录失败\\|$NOBODY\\|\\|127\\.0\\.0\\.1$"
expect_body_lacks 'wrong-password'
t_end

t_begin "the filter shows only the chosen person's entries"
expect_body_has "value=\"$NOBODY\""
others=$(audit_rows | awk -F'|' -v u="$NOBODY" '$2 != u' | head -n 3)
expect_eq "rows of other people" "" "$others"
expect_eq "number of rows" 1 "$(audit_rows | wc -l | tr -d ' ')"
t_end

t_begin "the account's own login and logout are audited under its name"
jar who
staff_login "$WHO" "$WHO_PW2"
expect_status 303
fetch_csrf /admin/
post /admin/logout "csrf=$CSRF"
expect_status 303
use_jar admin
get "/admin/audit?username=$WHO"
expect_row "^[^|]*\\|$WHO\\|退出\\|$WHO\\|"
expect_row "^[^|]*\\|$WHO\\|登录\\|$WHO\\|"
t_end

t_begin "a filter with no entries says so"
get "/admin/audit?username=e2e_never_$S"
expect_status 200
expect_body_has '没有符合条件的记录。'
expect_eq "rows" "" "$(audit_rows)"
t_end

t_begin "an invalid filter is refused with 400"
get '/admin/audit?username=%3Cb%3E'
expect_error_page 400 '请求有误' '「操作人」格式不正确'
t_end

t_begin "the audit log is for administrators only (403 for others)"
jar agent
staff_login "$STAFF_BJ" "$STAFF_BJ_PW"
expect_status 303
get /admin/audit
expect_error_page 403 '禁止访问' '您没有权限执行此操作'
t_end

t_begin "the audit log needs a staff login"
jar anon
get /admin/audit
expect_status 303
expect_header Location '/admin/login?next=/admin/audit'
t_end

e2e_done
