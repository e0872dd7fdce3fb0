#!/usr/bin/env bash
# Customer logout: the confirmation page, the POST that ends the session on
# the server (not only in the browser), and logout when not logged in.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
SID=$(cookie sc_sid)

t_begin "logout page asks for confirmation with a CSRF-protected form"
fetch_csrf /logout
expect_status 200
expect_body_has '<h1>退出登录</h1>' '确定要退出登录吗？' '<form method="post" action="/logout">'
expect_match "csrf field" '^[A-Za-z0-9_-]{43}$' "$CSRF"
t_end

t_begin "confirming logout redirects home with bye=1 and expires the session cookie"
post /logout "csrf=$CSRF"
expect_status 303
expect_header Location '/?bye=1'
expect_match "expired sc_sid" '^sc_sid=; Path=/; HttpOnly; SameSite=Lax.*; Max-Age=0$' "$(set_cookie sc_sid)"
t_end

t_begin "after logout the account page needs a login again"
get /account
expect_status 303
expect_header Location '/login?next=/account'
t_end

t_begin "the old session token is dead on the server (replayed by hand)"
jar replay
get /account -H "Cookie: sc_sid=$SID"
expect_status 303
expect_header Location '/login?next=/account'
t_end

t_begin "GET /logout when not logged in goes home"
jar anon
get /logout
expect_status 303
expect_header Location /
t_end

t_begin "POST /logout when not logged in (valid CSRF) goes home harmlessly"
fetch_csrf /login
post /logout "csrf=$CSRF"
expect_status 303
expect_header Location '/?bye=1'
t_end

t_begin "logging out one browser leaves another browser's session alone"
jar a
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
jar b
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
use_jar a
fetch_csrf /logout
post /logout "csrf=$CSRF"
expect_status 303
use_jar b
get /account
expect_status 200
expect_body_has "<td id=\"msisdn\">$CUST_MAIN</td>"
t_end

e2e_done
