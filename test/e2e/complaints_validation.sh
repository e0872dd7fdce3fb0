#!/usr/bin/env bash
# The complaint form's rules (S-01 step 3): each wrong field comes back as
# the form (400) with a message naming it and the typed values kept, and
# nothing is written; the content filter refuses empty, blank, too short,
# repeated-character and banned-word content. Wrong passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/complaints_lib.sh"

TAG=$(rand_tag)
NUM=$(rand_number)
GOOD_TITLE="网络问题 $TAG"
GOOD_CONTENT="小区里手机信号时有时无，通话经常中断。$TAG"
jar visitor

# refused MESSAGE FIELD=VALUE...: a submission of the good fields with the
# case's replacing theirs is refused with MESSAGE and writes nothing.
refused() {
  local message=$1 f
  shift
  local -A fields=([msisdn]=$NUM [title]=$GOOD_TITLE [content]=$GOOD_CONTENT)
  for f in "$@"; do fields[${f%%=*}]=${f#*=}; done
  local args=()
  for f in "${!fields[@]}"; do args+=("$f=${fields[$f]}"); done
  local before
  before=$(sql "SELECT COUNT(*) FROM complaints")
  submit complaint "${args[@]}"
  expect_status 400
  expect_body_has '<form method="post" action="/complaints/new">' "$message"
  expect_eq "rows written" "$before" "$(sql "SELECT COUNT(*) FROM complaints")"
}

t_begin "a missing number is refused"
refused '请填写「手机号码」。' "msisdn="
t_end

t_begin "a number that is not China Mobile's is refused (130: another operator)"
refused '「手机号码」应为 11 位中国移动手机号码' "msisdn=13012345678"
expect_body_has 'value="13012345678"' "value=\"$GOOD_TITLE\"" "$GOOD_CONTENT"
t_end

t_begin "a number of the wrong length is refused"
refused '「手机号码」应为 11 位中国移动手机号码' "msisdn=1380013800"
t_end

t_begin "a malformed email is refused, the other values kept"
refused '「电子邮件」格式不正确' "email=not-an-address"
expect_body_has 'value="not-an-address"' "value=\"$NUM\""
t_end

t_begin "a malformed contact phone is refused"
refused '「联系电话」应为 7 至 20 位数字' "contact_phone=12ab"
t_end

t_begin "an unknown category is refused"
refused '请从列表中选择「问题类别」' "category=weather"
t_end

t_begin "a missing or blank title is refused"
refused '请填写「标题」。' "title=   "
t_end

t_begin "a title over 50 characters is refused"
refused '「标题」最多 50 个字。' "title=$(printf '长%.0s' {1..51})"
t_end

t_begin "empty content is refused"
refused '「内容」不能为空' "content="
t_end

t_begin "content of blanks and punctuation only is refused"
refused '「内容」不能为空' "content=   。。。！！ ，，"
t_end

t_begin "content under five characters is refused"
refused '「内容」太短' "content=信号差"
t_end

t_begin "a run of one character is refused (啊啊啊啊啊啊)"
refused '「内容」含有大量重复的字符' "content=我要投诉啊啊啊啊啊啊你们"
t_end

t_begin "content that is mostly one character is refused"
refused '「内容」含有大量重复的字符' "content=差差好差差差差坏差差"
t_end

t_begin "a configured banned word is refused, in the content or the title"
refused '含有不允许使用的词语「代开发票」' "content=专业代开发票，价格优惠，联系我。$TAG"
refused '含有不允许使用的词语「代开发票」' "title=代开发票 $TAG"
t_end

t_begin "content over 2000 characters is refused"
refused '「内容」最多 2000 个字。' "content=$(head -c 3000 /dev/urandom | base64 -w0 | head -c 2001)"
t_end

t_begin "a form without its token is refused"
fetch_csrf "/complaints/new?kind=complaint"
post /complaints/new "csrf=$CSRF" "kind=complaint" "msisdn=$NUM" "title=$GOOD_TITLE" "content=$GOOD_CONTENT"
expect_status 400
expect_eq "rows for the number" 0 "$(sql "SELECT COUNT(*) FROM complaints WHERE msisdn = '$NUM'")"
expect_body_has '请填写「表单标识」'
t_end

t_begin "numbers in the content are not repeated characters (13800000000)"
file_complaint complaint "$NUM" "$GOOD_TITLE" "号码13800000000一直收到骚扰短信，请处理。$TAG"
expect_match "tracking number" '^T[0-9]+$' "$TRACK_NO"
t_end

e2e_done
