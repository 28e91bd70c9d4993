#!/usr/bin/env bash
# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# A project-local PostgreSQL cluster built from Debian's postgresql binaries.
# Data directory and unix socket live under $PGROOT (git-ignored); no TCP port
# is opened, so several checkouts can each run their own cluster side by side.
# PostgreSQL refuses to run as root: when we are root, the server runs as the
# "postgres" system user that Debian's package creates.
#
#   tools/pg.sh start | stop | status | env
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PGROOT:-}" ]; then
    PGROOT=$here/.local/pg
    # as root the server runs as "postgres", which must be able to reach the checkout;
    # a checkout inside a private folder gets its cluster under /var/tmp instead
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 &&
        ! runuser -u postgres -- test -x "$here"; then
        PGROOT=/var/tmp/aftersales-pg-$(printf '%s' "$here" | md5sum | cut -c1-10)
    fi
fi
PGPORT=${PGPORT:-5433}
ODOO_DB_USER=${ODOO_DB_USER:-odoo}
export PGPORT

pgbin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && echo "$dir"
    done | sort -V | tail -n 1
}

BIN=$(pgbin)
if [ -z "$BIN" ]; then
    echo "pg.sh: Debian's postgresql is not installed (apt-get install postgresql)" >&2
    exit 3
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

data=$PGROOT/data
sock=$PGROOT/run

init() {
    mkdir -p "$PGROOT"
    if [ "$(id -u)" = 0 ]; then
        # the server user must be able to reach its folders through the tree
        chown postgres: "$PGROOT"
        if ! runuser -u postgres -- test -w "$PGROOT"; then
            echo "pg.sh: user postgres cannot write $PGROOT; set PGROOT to a reachable folder" >&2
            exit 3
        fi
    fi
    as_owner mkdir -p "$sock"
    as_owner "$BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log"
    {
        echo "listen_addresses = ''"
        echo "unix_socket_directories = '$sock'"
        echo "port = $PGPORT"
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
        echo "max_connections = 200"
    } | as_owner tee -a "$data/postgresql.conf" >/dev/null
}

running() {
    as_owner "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
    [ -f "$data/PG_VERSION" ] || init
    if ! running; then
        as_owner "$BIN/pg_ctl" -D "$data" -l "$PGROOT/server.log" -w -t 60 start >/dev/null
    fi
    # a non-superuser role for Odoo (Odoo refuses to connect as postgres)
    as_owner "$BIN/psql" -h "$sock" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname = '$ODOO_DB_USER'" | grep -q 1 ||
        as_owner "$BIN/psql" -h "$sock" -U postgres -d postgres -qc \
            "CREATE ROLE $ODOO_DB_USER LOGIN CREATEDB NOSUPERUSER"
}

case "${1:-}" in
start) start ;;
stop) running && as_owner "$BIN/pg_ctl" -D "$data" -m fast stop >/dev/null || true ;;
status) running && echo "running: socket $sock port $PGPORT" || echo "stopped" ;;
env) echo "PGHOST=$sock PGPORT=$PGPORT PGUSER=$ODOO_DB_USER BIN=$BIN" ;;
*)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
