#!/usr/bin/env bash
# CSRF refusal: every POST needs the token derived from the browser's own
# sc_csrf cookie, in the form body. Refused posts never reach the handler,
# so the password posts below count no attempt. Wrong passwords used: 0.
# Creates one staff account per run (unique name, role analyst).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CSRF_MSG='页面安全校验失败（可能已过期）。请返回刷新页面后重新提交。'

# expect_csrf_refused: the zh-CN 403 page with the CSRF message, no session.
expect_csrf_refused() {
  expect_error_page 403 '禁止访问' "$CSRF_MSG"
  expect_body_lacks '手机号码或服务密码不正确'
  expect_eq "sc_sid Set-Cookie" "" "$(set_cookie sc_sid)"
  expect_eq "sc_staff Set-Cookie" "" "$(set_cookie sc_staff)"
}

t_begin "password post without a CSRF token is refused (403), even with the right password"
jar a
get "/login/password?msisdn=$CUST_MAIN"
post /login/password "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "number-step post without a CSRF token is refused (403)"
post /login "msisdn=$CUST_MAIN"
expect_csrf_refused
expect_no_header Location
t_end

t_begin "a valid token without its sc_csrf cookie is refused (403)"
jar b
fetch_csrf /login
TOKEN_B=$CSRF COOKIE_B=$(cookie sc_csrf)
jar nocookie
post /login/password "csrf=$TOKEN_B" "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "another browser's token is refused (403)"
jar c
fetch_csrf /login
expect_ne "two browsers' tokens" "$TOKEN_B" "$CSRF"
post /login/password "csrf=$TOKEN_B" "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "a tampered token is refused (403)"
use_jar b
last=${TOKEN_B: -1}
[[ $last == A ]] && repl=B || repl=A
post /login/password "csrf=${TOKEN_B%?}$repl" "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "a token is not derived from the cookie alone: cookie value as token is refused"
post /login/password "csrf=$COOKIE_B" "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "the token in the query string instead of the body is refused (403)"
http POST "/login/password?csrf=$TOKEN_B" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode "msisdn=$CUST_MAIN" --data-urlencode "password=$CUST_MAIN_PW"
expect_csrf_refused
t_end

t_begin "the same browser's token is accepted (control)"
post /login/password "csrf=$TOKEN_B" "msisdn=$CUST_MAIN" "password=$CUST_MAIN_PW"
expect_status 303
expect_header Location /account
t_end

t_begin "logout without a token is refused and the session survives"
post /logout
expect_error_page 403 '禁止访问' "$CSRF_MSG"
get /account
expect_status 200
expect_body_has "<td id=\"msisdn\">$CUST_MAIN</td>"
t_end

t_begin "staff login post without a token is refused (403)"
jar staff
get /admin/login
post /admin/login "username=$STAFF_ADMIN" "password=$STAFF_ADMIN_PW"
expect_csrf_refused
t_end

NEWUSER=e2e_csrf_$(uniq_suffix)
t_begin "staff creation without a token is refused and creates nothing"
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
expect_status 303
fetch_csrf /admin/staff/new
GOOD=$CSRF
post /admin/staff/new "username=$NEWUSER" "display_name=CSRF测试" role=analyst province=0 \
  "password=Csrf#$(uniq_suffix)"
expect_error_page 403 '禁止访问' "$CSRF_MSG"
expect_no_header Location
# Proof nothing was created: the same account can still be created (a
# duplicate would answer 400 "该用户名已被使用").
post /admin/staff/new "csrf=$GOOD" "username=$NEWUSER" "display_name=CSRF测试" role=analyst \
  province=0 "password=Csrf#$(uniq_suffix)"
expect_status 303
expect_header_match Location '^/admin/staff/edit\?id=[0-9]+&saved=1$'
t_end

t_begin "staff logout without a token is refused and the staff session survives"
post /admin/logout
expect_error_page 403 '禁止访问' "$CSRF_MSG"
get /admin/
expect_status 200
expect_body_has '<h1>工作台</h1>'
t_end

e2e_done
