#!/usr/bin/env bash
# Home page and brand pages: the public entry of the portal, no login, no
# password attempts (wrong passwords used: 0).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

t_begin "home page answers 200 with the zh-CN portal layout"
jar anon
get /
expect_status 200
expect_header Content-Type 'text/html; charset=utf-8'
expect_body_has '<html lang="zh-CN">' '<title>中国移动网上营业厅 - 中国移动网上营业厅</title>' \
  '欢迎使用中国移动网上营业厅' '客服热线 10086'
t_end

t_begin "home page links the deployed service areas"
expect_body_has '<a href="/brands/"><h3>业务推介</h3>' '<a href="/lookup"><h3>手机归属地查询</h3>' \
  '<a href="/account"><h3>我的账户</h3>' '<a href="/brands/gotone"><h3>全球通客户俱乐部</h3>' \
  '<a href="/billing/"><h3>话费查询</h3>' '<a href="/points/"><h3>积分查询</h3>' \
  '<a href="/service/"><h3>业务受理</h3>' '<a href="/complaints/"><h3>投诉与建议</h3>'
t_end

t_begin "home page marks areas not deployed yet as coming, without a link"
expect_body_has '<h3>知识库 <span class="tag">即将开通</span></h3>'
expect_body_lacks 'href="/kb/"'
t_end

t_begin "home page offers the quick number lookup form"
expect_body_has '<form class="quick" method="get" action="/lookup">' 'name="prefix"'
t_end

t_begin "anonymous visitor sees a login link and no logout form"
expect_body_has '<a href="/login">登录</a>'
expect_body_lacks 'action="/logout"'
t_end

t_begin "HEAD / answers 200 with headers and no body"
http HEAD /
expect_status 200
expect_eq "body bytes received" 0 "$SIZE"
expect_header_match Content-Length '^[1-9][0-9]*$'
t_end

t_begin "brands page lists the three national brands"
get /brands/
expect_status 200
expect_body_has '品牌与业务推介' 'href="/brands/gotone"' '全球通' 'href="/brands/easyown"' '神州行' \
  'href="/brands/mzone"' '动感地带'
t_end

t_begin "brand page shows the brand's sections from the database"
get /brands/gotone
expect_status 200
expect_body_has '<h1>全球通 ' '<h2>品牌特色</h2>' '<h2>基本资费</h2>' '<h2>客户服务</h2>'
t_end

t_begin "unknown brand answers the zh-CN 404 page"
get /brands/nosuchbrand
expect_error_page 404 '页面不存在' '您访问的页面不存在或已被移除。'
t_end

t_begin "bye=1 after logout still shows the home page"
get '/?bye=1'
expect_status 200
expect_body_has '欢迎使用中国移动网上营业厅'
t_end

e2e_done
