#!/usr/bin/env bash
# Number home-location lookup (Q-10): good prefixes, unknown ones, and input
# the validator must refuse. No login (wrong passwords used: 0).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# result_row LABEL: the value cell of the lookup result row LABEL.
result_row() {
  grep -oE "<th scope=\"row\">$1</th><td>(<a [^>]*>)?[^<]*" <<<"$BODY" | sed 's/.*>//'
}

t_begin "lookup page without a prefix shows the empty form"
get /lookup
expect_status 200
expect_body_has '<h1>手机归属地查询</h1>' '<form method="get" action="/lookup">' 'name="prefix"'
expect_body_lacks 'aria-label="查询结果"' '未找到号段'
t_end

t_begin "lookup 1380013 answers 北京 北京 全球通"
get '/lookup?prefix=1380013'
expect_status 200
expect_eq "号段" 1380013 "$(result_row 号段)"
expect_eq "归属省份" 北京 "$(result_row 归属省份)"
expect_eq "归属城市" 北京 "$(result_row 归属城市)"
expect_eq "品牌" 全球通 "$(result_row 品牌)"
expect_body_has '<a href="/brands/gotone">全球通</a>' 'value="1380013"'
t_end

t_begin "lookup 1582800 answers 四川 成都 动感地带"
get '/lookup?prefix=1582800'
expect_status 200
expect_eq "归属省份" 四川 "$(result_row 归属省份)"
expect_eq "归属城市" 成都 "$(result_row 归属城市)"
expect_eq "品牌" 动感地带 "$(result_row 品牌)"
t_end

t_begin "lookup 1360162 answers 上海 上海 神州行"
get '/lookup?prefix=1360162'
expect_status 200
expect_eq "归属省份" 上海 "$(result_row 归属省份)"
expect_eq "品牌" 神州行 "$(result_row 品牌)"
t_end

t_begin "well-formed prefix of no China Mobile segment answers 404 with the not-found notice"
get '/lookup?prefix=1300000'
expect_status 404
expect_body_has '未找到号段 1300000 的归属信息。请确认是中国移动的手机号码。' '<h1>手机归属地查询</h1>'
expect_body_lacks 'aria-label="查询结果"'
t_end

t_begin "too short prefix is refused with 400 and the field message"
get '/lookup?prefix=138001'
expect_error_page 400 '请求有误' '「号码前7位」格式不正确：请输入手机号码的前7位数字'
t_end

t_begin "a whole 11-digit number as prefix is refused with 400"
get '/lookup?prefix=13800138000'
expect_error_page 400 '请求有误' '「号码前7位」格式不正确'
t_end

t_begin "non-digit prefix is refused with 400"
get '/lookup?prefix=13800ab'
expect_error_page 400 '请求有误' '「号码前7位」格式不正确'
t_end

t_begin "prefix not starting 13-19 is refused with 400"
get '/lookup?prefix=1200000'
expect_error_page 400 '请求有误' '「号码前7位」格式不正确'
t_end

t_begin "markup in the prefix is refused and never reflected"
get '/lookup?prefix=%3Cscript%3Ealert(1)%3C/script%3E'
expect_status 400
expect_body_lacks '<script>' 'alert(1)'
t_end

t_begin "a broken percent escape in the query answers 400"
get '/lookup?prefix=%zz'
expect_error_page 400 '请求有误' '提交的内容有误，请检查后重试。'
t_end

t_begin "empty prefix shows the form, not an error"
get '/lookup?prefix='
expect_status 200
expect_body_has '<h1>手机归属地查询</h1>'
expect_body_lacks '格式不正确' '未找到号段'
t_end

e2e_done
