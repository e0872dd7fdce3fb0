# shellcheck shell=bash disable=SC2034 # globals are for the test files
# Helpers shared by test/e2e/complaints_*.sh. Sourced after lib.sh, never
# run (scripts/test runs every *.sh here: run by mistake it prints nothing
# and exits 0). Each run files its complaints from fresh random numbers of a
# known segment (1582800xxxx: 四川 成都) with random text, so the duplicate
# window and the open limit of earlier runs never get in the way.

[[ ${BASH_SOURCE[0]} != "$0" ]] || exit 0

SC_PREFIX=1582800 SC_PROVINCE=51 # 四川, city 成都


# rand_number [PREFIX]: a number of the segment PREFIX (default 成都).
rand_number() { printf '%s%04d' "${1:-$SC_PREFIX}" $((RANDOM % 10000)); }
# rand_tag: 24 random letters and digits, makes a text unlike any other.
rand_tag() { head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 24; }

# open_form KIND: the form page of KIND in the current jar; sets CSRF, RID.
open_form() {
  fetch_csrf "/complaints/new?kind=$1"
  RID=$(grep -o 'name="request_id" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
}

# submit KIND FIELD=VALUE...: a fresh form, then the post. TRACK_NO is set
# from the redirect to the result page (empty otherwise).
submit() {
  local kind=$1
  shift
  open_form "$kind"
  post /complaints/new "csrf=$CSRF" "kind=$kind" "request_id=$RID" "$@"
  TRACK_NO=
  if [[ $STATUS == 303 && $(header Location) =~ ^/complaints/done\?track_no=([TS][0-9]+)$ ]]; then
    TRACK_NO=${BASH_REMATCH[1]}
  fi
}

# file_complaint KIND MSISDN TITLE CONTENT [FIELD=VALUE...]: submit and read
# the result page; TRACK_NO and TRACK_PW (empty if anything went wrong).
file_complaint() {
  local kind=$1 msisdn=$2 title=$3 content=$4
  shift 4
  submit "$kind" "msisdn=$msisdn" "title=$title" "content=$content" "$@"
  TRACK_PW=
  [[ -n $TRACK_NO ]] || return 1
  get "/complaints/done?track_no=$TRACK_NO"
  TRACK_PW=$(grep -o 'id="track-pw">[^<]*' <<<"$BODY" | sed 's/.*>//')
  [[ -n $TRACK_PW ]]
}

# row TRACK_NO COLUMNS: the columns of the complaint, tab-separated.
row() { sql "SELECT $2 FROM complaints WHERE track_no = '$1'"; }

# wait_until SECONDS CMD...: polls CMD every 0.2 s; false if it never held.
wait_until() {
  local limit=$(($1 * 5)) i
  shift
  for ((i = 0; i < limit; i++)); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}

# sms_with TEXT: the SMS sink's file holding TEXT (empty if none).
sms_with() { grep -lF -- "$1" "$SC_VAR"/sms/*.txt 2>/dev/null | head -n 1; }
# shellcheck disable=SC2317 # called through wait_until
has_sms() { [[ -n $(sms_with "$1") ]]; }

# mail_with TEXT: "recipient<TAB>subject" of the sink's mail whose decoded
# body holds TEXT (bodies are base64, subjects RFC 2047).
mail_with() {
  python3 - "$SC_VAR/mail/new" "$1" <<'PY'
import email, email.policy, os, sys
d, text = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    try:
        body = m.get_content()
    except Exception:
        continue
    if text in body:
        print("%s\t%s" % (m["to"].addresses[0].addr_spec, m["subject"]))
        break
PY
}
# shellcheck disable=SC2317 # called through wait_until
has_mail() { [[ -n $(mail_with "$1") ]]; }

# staff_answer TRACK_NO STATUS REPLY: what the back office does, in SQL: a
# visible reply, an internal note the customer must never see, and the
# status (replied or closed, with the result when closed).
staff_answer() {
  local id
  id=$(row "$1" id)
  sql "INSERT INTO complaint_events (complaint_id, at, kind, visible, status_after, text)
         VALUES ($id, NOW(), 'note', 0, NULL, '内部备注：客户情绪激动，请注意沟通'),
                ($id, NOW(), 'reply', 1, '$2', '$3');
       UPDATE complaints SET status = '$2',
         result = IF('$2' = 'closed', '$3', result),
         closed_at = IF('$2' = 'closed', NOW(), NULL), updated_at = NOW()
       WHERE id = $id"
}
