# shellcheck shell=bash
# Helpers shared by scripts/run, scripts/test, scripts/db and scripts/svc.
# Sourced, never executed. Everything generated goes under $VAR so that a
# checkout stays clean and "rm -rf var" is a full reset.

# ---------------------------------------------------------------- locations

# The repository root is the parent of this file's folder, whatever the
# caller's working directory is.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# SC_VAR lets scripts/test run a second, private stack beside the one that
# scripts/run keeps in var/.
VAR=${SC_VAR:-$ROOT/var}
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd -P)
RUN=$VAR/run
LOG=$VAR/log
BUILD=$VAR/build
SECRETS=$VAR/secrets
DB_DIR=$VAR/db
DB_SOCK=$RUN/mysqld.sock
DB_PID=$RUN/mysqld.pid
SUP_CONF=$VAR/supervisord.conf
SUP_PID=$RUN/supervisord.pid
NGINX_CONF=$VAR/nginx.conf
NGINX_PREFIX=$VAR/nginx
NGINX_PID=$NGINX_PREFIX/nginx.pid
PORT=${SC_PORT:-8080}
# The local SMTP sink (python3-aiosmtpd) that the notify worker sends to.
SMTP_PORT=${SC_SMTP_PORT:-$((PORT + 17000))}
# The local SMS gateway sink (scripts/sms-sink) that notify posts SMS to.
SMS_PORT=${SC_SMS_PORT:-$((PORT + 16000))}
# The HLR/BOSS simulator's own nginx server (local stack only).
HLR_PORT=${SC_HLR_PORT:-$((PORT + 1000))}
# shellcheck disable=SC2034 # used by the scripts that source this file
DB_NAME=selfcare
export SC_ROOT=$ROOT SC_VAR=$VAR

# Program groups that supervisord runs (one [fcgi-program:x] each in
# conf/supervisord.conf.in). Kept here so run/test can roll them all.
SC_GROUPS=(portal admin billing points service hlrsim workorders complaints)
# Every program connects as its own database user (schema/grants.sql), each
# with a generated password; notify is a background worker, not FastCGI.
SC_DB_USERS=(portal admin billing points service notify provision hlrsim workorders sla complaints)

# Unix socket paths are limited to 108 bytes; a deep CI checkout would
# otherwise fail with a confusing "path too long" from mariadbd or supervisord.
if (( ${#RUN} + 20 > 107 )); then
  echo "error: $RUN is too long for unix sockets; set SC_VAR to a shorter path" >&2
  exit 1
fi

# ---------------------------------------------------------------- messages

sc_say() { printf '==> %s\n' "$*"; }
sc_warn() { printf 'warning: %s\n' "$*" >&2; }
sc_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# True if the pid in file $1 names a live process.
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# Wait up to $2 seconds for the process in pid file $1 to go away.
wait_pid_gone() {
  local file=$1 secs=${2:-30} i pid
  [[ -s $file ]] || return 0
  pid=$(<"$file")
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- packages

SC_PACKAGES=(build-essential g++ autoconf automake libtool pkg-config
  libfcgi-dev libmariadb-dev mariadb-server mariadb-client
  mariadb-plugin-mroonga libctemplate-dev libxml2-dev libsodium-dev
  libcurl4-openssl-dev libinih-dev libcmark-dev check supervisor nginx curl
  nodejs npm chromium fonts-noto-cjk wrk clang libclang-rt-14-dev python3-aiosmtpd
  libxml2-utils)

pkg_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# Install only the Debian packages that are missing, so a prepared machine
# never touches the network and a fresh one needs no manual step.
ensure_packages() {
  local p missing=()
  for p in "${SC_PACKAGES[@]}"; do
    pkg_installed "$p" && continue
    # A nodejs from another repository (e.g. NodeSource) bundles npm and
    # conflicts with Debian's npm package; the command is what we need.
    if [[ $p == npm ]] && command -v npm >/dev/null; then continue; fi
    missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  sc_say "installing missing packages: ${missing[*]}"
  if ((EUID != 0)); then
    sc_die "not root: run 'apt-get install ${missing[*]}' first"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# ---------------------------------------------------------------- node

# npm ci only when node_modules is absent or older than the lock file, so a
# second run costs nothing. npm writes node_modules/.package-lock.json on
# every install, which makes a precise freshness stamp.
node_deps() {
  [[ -f $ROOT/package.json ]] || { sc_warn "no package.json yet; skipping npm"; return 0; }
  if [[ ! -f $ROOT/package-lock.json ]]; then
    sc_warn "no package-lock.json; skipping npm ci"
    return 0
  fi
  local stamp=$ROOT/node_modules/.package-lock.json
  if [[ ! -f $stamp || $ROOT/package-lock.json -nt $stamp ]]; then
    sc_say "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund </dev/null)
  fi
}

# ---------------------------------------------------------------- build

# build [configure flags...]: VPATH build in $BUILD. Autoreconf only when the
# generated files are missing or stale, and configure again only when the
# flags changed, so an unchanged tree rebuilds in a second.
build() {
  local flags="$*" stamp=$BUILD/.sc-configure-flags
  if [[ ! -x $ROOT/configure || $ROOT/configure.ac -nt $ROOT/configure ||
        ! -f $ROOT/Makefile.in || $ROOT/Makefile.am -nt $ROOT/Makefile.in ]]; then
    sc_say "autoreconf -fi"
    (cd "$ROOT" && autoreconf -fi)
  fi
  if [[ -f $ROOT/config.status ]]; then
    sc_die "the source tree was configured in place; run 'make distclean' in $ROOT first (VPATH builds need a clean tree)"
  fi
  mkdir -p "$BUILD"
  if [[ ! -f $BUILD/Makefile || ! -f $stamp || $(<"$stamp") != "$flags" ||
        $ROOT/configure -nt $BUILD/config.status ]]; then
    sc_say "configure $flags"
    # shellcheck disable=SC2086 # flags are words on purpose
    (cd "$BUILD" && "$ROOT/configure" $flags)
    printf '%s' "$flags" >"$stamp"
  fi
  sc_say "make"
  make -C "$BUILD" -j"${SC_JOBS:-2}"
}

# ---------------------------------------------------------------- secrets

# hex N: N random bytes as 2N hex digits.
hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# Generated once per $VAR and never committed: the app secret (HMAC keys)
# and one password per database user.
secrets() {
  mkdir -p "$SECRETS"
  chmod 700 "$SECRETS"
  local name bytes
  local names=(app_secret:32) u
  for u in "${SC_DB_USERS[@]}"; do names+=("${u}_db_password:24"); done
  for name in "${names[@]}"; do
    bytes=${name#*:}
    name=${name%%:*}
    if [[ ! -s $SECRETS/$name ]]; then
      (umask 077 && hex "$bytes" >"$SECRETS/$name")
    fi
  done
}

secret() { cat "$SECRETS/$1"; }

# ---------------------------------------------------------------- templates

# render IN OUT NAME=VALUE...: replace every @NAME@ in IN. A value may hold
# any character except a newline. Fails if a placeholder is left, so a typo
# in a template cannot reach a running config. Writes only on change, so
# file times tell when a config last really changed.
render() {
  local in=$1 out=$2 script="" kv name value
  shift 2
  for kv in "$@"; do
    name=${kv%%=*}
    value=${kv#*=}
    value=${value//\\/\\\\}
    value=${value//&/\\&}
    value=${value//|/\\|}
    script+="s|@${name}@|${value}|g"$'\n'
  done
  local tmp
  tmp=$(mktemp "$out.XXXXXX")
  sed -e "$script" "$in" >"$tmp"
  if grep -qE '@[A-Z_]+@' "$tmp"; then
    grep -nE '@[A-Z_]+@' "$tmp" >&2
    rm -f "$tmp"
    sc_die "unfilled placeholder in $in"
  fi
  if cmp -s "$tmp" "$out"; then
    rm -f "$tmp"
  else
    chmod 600 "$tmp"
    mv -f "$tmp" "$out"
  fi
}

# Render the three configs into $VAR. ENVIRONMENT (whole supervisord line)
# comes from SC_SUP_ENVIRONMENT so scripts/test can add sanitizer options.
render_configs() {
  local user group env
  # nginx workers must reach the sockets under $VAR and the static files in
  # the checkout; a checkout under /root (mode 700) is only reachable by its
  # owner, so workers run as the owner of the repository (root here).
  user=$(stat -c %U "$ROOT")
  group=$(stat -c %G "$ROOT")
  env=${SC_SUP_ENVIRONMENT:-"; no extra environment"}
  # nginx.d holds extra server-block snippets (the benchmark's location for
  # the bare hello program); nginx.conf includes *.conf from it.
  # The SMTP sink's maildir needs its tmp/new/cur: Python's mailbox creates
  # them only when the folder itself is new, and stores nothing otherwise.
  mkdir -p "$RUN" "$LOG" "$NGINX_PREFIX" "$VAR/nginx.d" "$VAR/mail/tmp" \
    "$VAR/mail/new" "$VAR/mail/cur" "$VAR/sms"
  local common=(ROOT="$ROOT" VAR="$VAR" PORT="$PORT" USER="$user" GROUP="$group")
  local passwords=() u
  for u in "${SC_DB_USERS[@]}"; do
    passwords+=("${u^^}_DB_PASSWORD=$(secret "${u}_db_password")")
  done
  render "$ROOT/conf/selfcare.ini.in" "$VAR/selfcare.ini" "${common[@]}" \
    SECRET="$(secret app_secret)" "${passwords[@]}" \
    SMTP_PORT="$SMTP_PORT" SMS_PORT="$SMS_PORT" HLR_PORT="$HLR_PORT" \
    LOG_LEVEL="${SC_LOG_LEVEL:-info}"
  render "$ROOT/conf/supervisord.conf.in" "$SUP_CONF" "${common[@]}" \
    NUMPROCS="${SC_NUMPROCS:-2}" ENVIRONMENT="$env" SMTP_PORT="$SMTP_PORT" \
    SMS_PORT="$SMS_PORT"
  render "$ROOT/conf/nginx.conf.in" "$NGINX_CONF" "${common[@]}" HLR_PORT="$HLR_PORT"
}

# ---------------------------------------------------------------- MariaDB

# Socket authentication: root on the machine is root in the database. A
# non-root developer gets a socket-authenticated account of their own name.
if ((EUID == 0)); then DB_ROOT_USER=root; else DB_ROOT_USER=$(id -un); fi

# db_client [args...]: the mariadb client as the database superuser.
db_client() {
  mariadb --no-defaults -S "$DB_SOCK" -u"$DB_ROOT_USER" "$@"
}

db_ping() {
  mariadb-admin --no-defaults -S "$DB_SOCK" -u"$DB_ROOT_USER" ping >/dev/null 2>&1
}

mroonga_plugin() {
  local dir
  dir=$(mariadb_config --plugindir 2>/dev/null || true)
  for dir in "$dir" /usr/lib/mysql/plugin /usr/lib/mariadb/plugin; do
    [[ -n $dir && -f $dir/ha_mroonga.so ]] && { echo "$dir"; return 0; }
  done
  return 1
}

db_start() {
  mkdir -p "$RUN" "$LOG" "$DB_DIR"
  local i
  if pid_alive "$DB_PID"; then
    # Already ours (perhaps still starting): wait for it, never start a
    # second server on the same data directory.
    for ((i = 0; i < 300; i++)); do
      db_ping && return 0
      sleep 0.1
    done
    sc_die "MariaDB (pid $(<"$DB_PID")) runs but does not answer on $DB_SOCK"
  fi
  local userarg=()
  if ((EUID == 0)); then
    # mariadbd refuses to run as root unless told so explicitly.
    userarg=(--user=root)
  fi
  if [[ -z $(ls -A "$DB_DIR") ]]; then
    sc_say "initialising MariaDB in $DB_DIR"
    local sockuser=()
    ((EUID == 0)) || sockuser=(--auth-root-socket-user="$DB_ROOT_USER")
    mariadb-install-db --no-defaults --auth-root-authentication-method=socket \
      "${sockuser[@]}" --datadir="$DB_DIR" --skip-test-db "${userarg[@]}" \
      >"$LOG/mariadb-install.log" 2>&1 ||
      { tail -n 30 "$LOG/mariadb-install.log" >&2; sc_die "mariadb-install-db failed"; }
  fi
  local plugin=() pdir
  if pdir=$(mroonga_plugin); then
    plugin=(--plugin-dir="$pdir" --plugin-load-add=ha_mroonga.so)
  fi
  sc_say "starting MariaDB"
  # Private server: no TCP, socket under $VAR, modest memory so a test stack
  # can run beside the development one on a small machine. SC_DB_BUFFER_POOL
  # (e.g. 4G) sizes the buffer pool for the benchmark's 10-million-record
  # data set (test/bench/billing.sh), which must be served from memory.
  mariadbd --no-defaults --datadir="$DB_DIR" --socket="$DB_SOCK" \
    --skip-networking --pid-file="$DB_PID" --log-error="$LOG/mysqld.log" \
    "${userarg[@]}" "${plugin[@]}" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size="${SC_DB_BUFFER_POOL:-128M}" \
    --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
    </dev/null >>"$LOG/mysqld.log" 2>&1 &
  for ((i = 0; i < 300; i++)); do
    db_ping && return 0
    sleep 0.1
  done
  tail -n 30 "$LOG/mysqld.log" >&2
  sc_die "MariaDB did not answer within 30 s"
}

db_stop() {
  pid_alive "$DB_PID" || return 0
  sc_say "stopping MariaDB"
  mariadb-admin --no-defaults -S "$DB_SOCK" -u"$DB_ROOT_USER" shutdown 2>/dev/null ||
    kill -TERM "$(<"$DB_PID")" 2>/dev/null || true
  wait_pid_gone "$DB_PID" 60 || sc_warn "MariaDB still running"
}

# ---------------------------------------------------------------- supervisord

supctl() { supervisorctl -c "$SUP_CONF" "$@"; }

# Restart one group's processes one at a time, waiting for each to be
# RUNNING before the next: the [fcgi-program] socket stays open throughout,
# so nginx never sees a refused connection (restarting the whole group
# closes it and nginx answers 502 for about a second).
# A plain [program:x] (notify, smtp-sink) is its own one-process group whose
# process is listed as plain "x": that one is restarted by its name.
rolling_restart() {
  local group=$1 procs p i state
  # Only real process lines ("portal:portal_00 RUNNING ...", or "notify
  # RUNNING ..."), not errors such as "portal:*: ERROR (no such group)".
  procs=$(supctl status "$group:*" 2>/dev/null |
    awk -v g="$group" '(index($1, g ":") == 1 || $1 == g) && $1 !~ /:$/ {print $1}') || true
  [[ -n $procs ]] || { sc_warn "no processes in group $group"; return 1; }
  for p in $procs; do
    supctl restart "$p" >/dev/null || true
    for ((i = 0; i < 300; i++)); do
      state=$(supctl status "$p" 2>/dev/null | awk '{print $2}') || true
      [[ $state == RUNNING ]] && break
      [[ $state == FATAL ]] && { sc_warn "$p is FATAL"; return 1; }
      sleep 0.1
    done
    [[ $state == RUNNING ]] || { sc_warn "$p did not reach RUNNING (state $state)"; return 1; }
    echo "$p restarted"
  done
}

supervisor_start() {
  if pid_alive "$SUP_PID"; then
    sc_say "supervisord running: applying config and rolling restart"
    # update only touches groups whose section changed; the rolling restart
    # then picks up rebuilt programs without closing any socket.
    supctl reread >/dev/null
    supctl update
    local g
    for g in "${SC_GROUPS[@]}" notify provision sla; do rolling_restart "$g" || true; done
    return 0
  fi
  sc_say "starting supervisord"
  supervisord -c "$SUP_CONF"
  local i
  for ((i = 0; i < 100; i++)); do
    supctl pid >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  sc_die "supervisord did not start (see $LOG/supervisord.log)"
}

supervisor_stop() {
  pid_alive "$SUP_PID" || return 0
  sc_say "stopping supervisord"
  supctl shutdown >/dev/null 2>&1 || kill -TERM "$(<"$SUP_PID")" 2>/dev/null || true
  wait_pid_gone "$SUP_PID" 60 || sc_warn "supervisord still running"
}

# ---------------------------------------------------------------- nginx

sc_nginx() { nginx -c "$NGINX_CONF" -p "$NGINX_PREFIX/" -e "$LOG/nginx-error.log" "$@"; }

nginx_start() {
  mkdir -p "$NGINX_PREFIX" "$LOG"
  sc_nginx -t -q || sc_die "nginx config test failed ($NGINX_CONF)"
  if pid_alive "$NGINX_PID"; then
    sc_say "reloading nginx"
    sc_nginx -s reload
  else
    sc_say "starting nginx on 127.0.0.1:$PORT"
    sc_nginx
  fi
}

nginx_stop() {
  pid_alive "$NGINX_PID" || return 0
  sc_say "stopping nginx"
  sc_nginx -s quit 2>/dev/null || true
  if ! wait_pid_gone "$NGINX_PID" 15; then
    sc_nginx -s stop 2>/dev/null || kill -TERM "$(<"$NGINX_PID")" 2>/dev/null || true
    wait_pid_gone "$NGINX_PID" 10 || sc_warn "nginx still running"
  fi
}

# ---------------------------------------------------------------- HTTP

# wait_http [path...]: wait until each path answers through nginx with a
# status below 500 (502 means the program behind it is not up yet).
wait_http() {
  local path code i
  (($#)) || set -- /
  for path in "$@"; do
    for ((i = 0; i < ${SC_WAIT:-30} * 5; i++)); do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
        "http://127.0.0.1:$PORT$path" || true)
      [[ $code =~ ^[1-4][0-9][0-9]$ ]] && break
      sleep 0.2
    done
    if ! [[ $code =~ ^[1-4][0-9][0-9]$ ]]; then
      sc_warn "http://127.0.0.1:$PORT$path answered ${code:-nothing}"
      return 1
    fi
  done
}

stack_stop() {
  nginx_stop
  supervisor_stop
  db_stop
}
