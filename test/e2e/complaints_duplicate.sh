#!/usr/bin/env bash
# Repeated complaints (SPEC 4.5 filtering): the same number with similar
# content inside the window gets the existing tracking number and no new
# row; a different text, or a suggestion, is a new case; a number with
# open_limit (5) cases not closed is refused until one is closed. Wrong
# passwords used: 0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/complaints_lib.sh"

TAG=$(rand_tag)
NUM=$(rand_number)
jar visitor
count() { sql "SELECT COUNT(*) FROM complaints WHERE msisdn = '$NUM'"; }

t_begin "a first complaint is filed"
file_complaint complaint "$NUM" "话费多扣 $TAG" "这个月的话费账单里多扣了三十元的流量费，我根本没有用那么多流量。$TAG"
FIRST=$TRACK_NO
expect_match "tracking number" '^T[0-9]+$' "$FIRST"
t_end

t_begin "the same text again gets the existing tracking number, no new row"
submit complaint "msisdn=$NUM" "title=话费多扣 $TAG" "content=这个月的话费账单里多扣了三十元的流量费，我根本没有用那么多流量。$TAG"
expect_status 200
expect_body_has '已有相同的投诉' "<strong id=\"track-no\">$FIRST</strong>" '24 小时内'
expect_eq "rows" 1 "$(count)"
t_end

t_begin "a lightly reworded text is still the same complaint"
submit complaint "msisdn=$NUM" "title=多扣话费 $TAG" "content=这个月话费账单里多扣了三十元流量费，我根本没用那么多流量！！$TAG"
expect_status 200
expect_body_has "<strong id=\"track-no\">$FIRST</strong>"
expect_eq "rows" 1 "$(count)"
t_end

t_begin "the same text as a suggestion is a case of its own"
file_complaint suggestion "$NUM" "话费多扣 $TAG" "这个月的话费账单里多扣了三十元的流量费，我根本没有用那么多流量。$TAG"
expect_match "tracking number" '^S[0-9]+$' "$TRACK_NO"
expect_eq "rows" 2 "$(count)"
t_end

T3=$(rand_tag) T4=$(rand_tag) T5=$(rand_tag) T6=$(rand_tag)
t_begin "different complaints from the number are filed up to the open limit (5)"
file_complaint complaint "$NUM" "营业厅排队 $T3" "周末去营业厅办理补卡业务，排队超过两个小时。$T3" || t_fail "third: $STATUS"
file_complaint complaint "$NUM" "宽带装机 $T4" "预约的宽带安装师傅三次爽约，没有任何通知。$T4" || t_fail "fourth: $STATUS"
file_complaint complaint "$NUM" "国际漫游 $T5" "在日本开通了国际漫游却一直无法上网，客服也没有解决。$T5" || t_fail "fifth: $STATUS"
expect_eq "rows" 5 "$(count)"
t_end

t_begin "the sixth open case is refused with a clear message, nothing written"
submit complaint "msisdn=$NUM" "title=积分兑换 $T6" "content=积分兑换的礼品一个月了还没有寄到，查询不到物流信息。$T6"
expect_status 409
expect_body_has '尚有 5 件投诉或建议正在处理中' '最多 5 件' "value=\"积分兑换 $T6\""
expect_eq "rows" 5 "$(count)"
t_end

t_begin "once one case is closed, a new one is accepted"
sql "UPDATE complaints SET status = 'closed', closed_at = NOW() WHERE track_no = '$FIRST'"
file_complaint complaint "$NUM" "积分兑换 $T6" "积分兑换的礼品一个月了还没有寄到，查询不到物流信息。$T6"
expect_match "tracking number" '^T[0-9]+$' "$TRACK_NO"
expect_eq "rows" 6 "$(count)"
t_end

t_begin "a similar complaint from another number is not a duplicate"
file_complaint complaint "$(rand_number)" "话费多扣 $TAG" "这个月的话费账单里多扣了三十元的流量费，我根本没有用那么多流量。$TAG"
expect_ne "tracking number" "$FIRST" "$TRACK_NO"
expect_match "tracking number" '^T[0-9]+$' "$TRACK_NO"
t_end

t_begin "ten forms with the same text posted at once for one number make one case"
PAR=$(rand_number) PT=$(rand_tag)
pids=()
for i in $(seq 1 10); do
  (
    # Each request of a subshell needs its own header and body files.
    OUT=$E2E_TMP/par$i.out E2E_TMP=$E2E_TMP/par$i
    mkdir -p "$E2E_TMP"
    jar "par$i"
    submit complaint "msisdn=$PAR" "title=同时提交 $PT" "content=十个窗口同时提交同一条投诉，只应受理一件。$PT"
    echo "$STATUS $TRACK_NO" >"$OUT"
  ) &
  pids+=($!)
done
wait "${pids[@]}"
expect_eq "rows" 1 "$(sql "SELECT COUNT(*) FROM complaints WHERE msisdn = '$PAR'")"
expect_eq "new cases (303)" 1 "$(cat "$E2E_TMP"/par*.out | grep -c '^303 T')"
expect_eq "told it exists (200)" 9 "$(cat "$E2E_TMP"/par*.out | grep -c '^200 ')"
t_end

e2e_done
