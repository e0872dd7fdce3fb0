#!/usr/bin/env bash
# Security headers on every kind of response (pages, errors, redirects,
# back office, static files) and the attributes of every cookie.
# Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CSP="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

expect_security_headers() {
  expect_header Content-Security-Policy "$CSP"
  expect_header X-Content-Type-Options nosniff
  expect_header X-Frame-Options DENY
  expect_header Referrer-Policy same-origin
}
# Pages carry personal data: no cache may keep them.
expect_no_store() { expect_header Cache-Control 'private, no-store'; }

# expect_cookie_attrs SET-COOKIE PATH: the attributes every session-like
# cookie must have on this plain-HTTP stack (cookie_secure = 0).
expect_cookie_attrs() {
  local sc=$1 path=$2 name=${1%%=*}
  expect_match "$name Set-Cookie" "^$name=[A-Za-z0-9_-]{43}; " "$sc" || return 1
  expect_match "$name Path" "; Path=$path(;|$)" "$sc"
  expect_match "$name HttpOnly" '; HttpOnly(;|$)' "$sc"
  expect_match "$name SameSite" '; SameSite=Lax(;|$)' "$sc"
  # A session cookie: gone when the browser closes.
  [[ $sc =~ (Max-Age|Expires)= ]] && t_fail "$name: expected a session cookie, got \"$sc\""
  # No Domain: the cookie stays with this exact host.
  [[ $sc =~ [Dd]omain= ]] && t_fail "$name: expected no Domain attribute, got \"$sc\""
  return 0
}

t_begin "home page sends the security headers and no-store"
jar a
get /
expect_status 200
expect_security_headers
expect_no_store
t_end

t_begin "nginx does not reveal its version"
expect_header Server nginx
t_end

t_begin "404 error page sends the security headers"
get /no/such/page
expect_status 404
expect_security_headers
expect_no_store
t_end

t_begin "lookup not-found (404 with page) sends the security headers"
get '/lookup?prefix=1300000'
expect_status 404
expect_security_headers
t_end

t_begin "redirects send the security headers"
get /account
expect_status 303
expect_security_headers
expect_no_store
t_end

t_begin "405 and 400 answers send the security headers"
http POST / -d x=1
expect_status 405
expect_security_headers
get '/lookup?prefix=1'
expect_status 400
expect_security_headers
t_end

t_begin "back-office login page sends the security headers and no-store"
get /admin/login
expect_status 200
expect_security_headers
expect_no_store
expect_body_has '<meta name="robots" content="noindex">'
t_end

t_begin "static files send the security headers"
get /static/site.css
expect_status 200
expect_security_headers
expect_header_match Content-Type '^text/css'
t_end

t_begin "the CSRF cookie is HttpOnly, SameSite=Lax, Path=/, a session cookie"
jar fresh
get /
expect_cookie_attrs "$(set_cookie sc_csrf)" /
t_end

t_begin "the CSRF cookie is set once and then kept (not re-issued on every page)"
get /lookup
expect_eq "sc_csrf Set-Cookie on the second page" "" "$(set_cookie sc_csrf)"
t_end

t_begin "the customer session cookie is HttpOnly, SameSite=Lax, Path=/, a session cookie"
jar cust
customer_login "$CUST_MAIN" "$CUST_MAIN_PW"
expect_status 303
expect_cookie_attrs "$(set_cookie sc_sid)" /
t_end

t_begin "account page (personal data) is no-store with the security headers"
get /account
expect_status 200
expect_security_headers
expect_no_store
t_end

t_begin "logout expires the customer cookie with the same Path and flags"
fetch_csrf /logout
post /logout "csrf=$CSRF"
expect_status 303
expect_match "expired sc_sid" '^sc_sid=; Path=/; HttpOnly; SameSite=Lax(; Secure)?; Max-Age=0$' \
  "$(set_cookie sc_sid)"
t_end

t_begin "the staff session cookie is HttpOnly, SameSite=Lax, limited to Path=/admin/"
jar staff
staff_login "$STAFF_ADMIN" "$STAFF_ADMIN_PW"
expect_status 303
expect_header Location /admin/
expect_cookie_attrs "$(set_cookie sc_staff)" /admin/
t_end

t_begin "back-office pages send the security headers and no-store"
get /admin/
expect_status 200
expect_security_headers
expect_no_store
t_end

t_begin "staff logout expires the staff cookie on Path=/admin/"
fetch_csrf /admin/
post /admin/logout "csrf=$CSRF"
expect_status 303
expect_header Location /admin/login
expect_match "expired sc_staff" '^sc_staff=; Path=/admin/; HttpOnly; SameSite=Lax(; Secure)?; Max-Age=0$' \
  "$(set_cookie sc_staff)"
t_end

e2e_done
