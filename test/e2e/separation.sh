#!/usr/bin/env bash
# Customer / staff separation: two cookies, two session tables. A customer
# session opens nothing in the back office, a staff session nothing on the
# customer pages, even when a token is replayed under the other cookie name.
# Wrong passwords used: 1 (a customer's number and password tried as a
# staff login; it counts against the staff name "15828001234" and the
# address, never against the customer's number).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

jar cust
customer_login "$CUST_SC" "$CUST_SC_PW"
CUST_TOKEN=$(cookie sc_sid)
jar staff
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
STAFF_TOKEN=$(cookie sc_staff)

t_begin "both sessions are set up (customer and staff logins succeed)"
expect_match "customer token" '^[A-Za-z0-9_-]{43}$' "$CUST_TOKEN"
expect_match "staff token" '^[A-Za-z0-9_-]{43}$' "$STAFF_TOKEN"
t_end

t_begin "a logged-in customer is sent to the staff login by the back office"
use_jar cust
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
get /admin/staff
expect_status 303
expect_header Location '/admin/login?next=/admin/staff'
t_end

t_begin "the back-office login page does not treat a customer as staff"
get /admin/login
expect_status 200
expect_body_has '<h1>员工登录</h1>'
expect_body_lacks 'action="/admin/logout"'
t_end

t_begin "a customer token replayed as the staff cookie opens nothing"
jar forge1
get /admin/ -H "Cookie: sc_staff=$CUST_TOKEN"
expect_status 303
expect_header Location '/admin/login?next=/admin/'
get /admin/audit -H "Cookie: sc_staff=$CUST_TOKEN"
expect_status 303
expect_header Location '/admin/login?next=/admin/audit'
t_end

t_begin "a staff token replayed as the customer cookie opens no account"
jar forge2
get /account -H "Cookie: sc_sid=$STAFF_TOKEN"
expect_status 303
expect_header Location '/login?next=/account'
t_end

t_begin "a staff session does not log in on the customer pages"
use_jar staff
# The jar would not even send sc_staff outside /admin/; send it by hand.
get /account -H "Cookie: sc_staff=$STAFF_TOKEN"
expect_status 303
expect_header Location '/login?next=/account'
get / -H "Cookie: sc_staff=$STAFF_TOKEN"
expect_status 200
expect_body_has '<a href="/login">登录</a>'
t_end

t_begin "a customer's number and password do not log in to the back office"
jar mixed
staff_login "$CUST_SC" "$CUST_SC_PW"
expect_status 403
expect_body_has '用户名或密码不正确。' '<h1>员工登录</h1>'
expect_eq "sc_staff Set-Cookie" "" "$(set_cookie sc_staff)"
t_end

t_begin "the customer's own login still works afterwards"
jar cust2
customer_login "$CUST_SC" "$CUST_SC_PW"
expect_status 303
expect_header Location /account
t_end

t_begin "staff login ignores next= outside the back office"
jar nx
fetch_csrf '/admin/login?next=/account'
expect_body_has 'name="next" value="/account"'
post /admin/login "csrf=$CSRF" "username=$STAFF_ADMIN" "password=$STAFF_ADMIN_PW" next=/account
expect_status 303
expect_header Location /admin/
t_end

t_begin "staff login follows next= inside the back office"
jar nx2
fetch_csrf '/admin/login?next=/admin/audit'
post /admin/login "csrf=$CSRF" "username=$STAFF_ADMIN" "password=$STAFF_ADMIN_PW" next=/admin/audit
expect_status 303
expect_header Location /admin/audit
t_end

t_begin "staff logout ends the staff session only, not a customer session in the same browser"
jar both
customer_login "$CUST_SC" "$CUST_SC_PW"
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
fetch_csrf /admin/
post /admin/logout "csrf=$CSRF"
expect_status 303
get /admin/
expect_status 303
expect_header Location '/admin/login?next=/admin/'
get /account
expect_status 200
expect_body_has "<td id=\"msisdn\">$CUST_SC</td>"
t_end

t_begin "customer logout does not end a staff session in the same browser"
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
fetch_csrf /logout
post /logout "csrf=$CSRF"
expect_status 303
get /admin/
expect_status 200
expect_body_has '<h1>工作台</h1>'
t_end

e2e_done
