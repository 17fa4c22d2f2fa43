# shellcheck shell=bash
# Starts a throwaway PostgreSQL 15 cluster and a Redis 7 server for the test suite. Source it:
#
#   source scripts/test-services.sh
#
# Both listen on 127.0.0.1 only, on free ports, with all their files in one temporary directory. PostgreSQL asks
# for a password over TCP (scram-sha-256; a random one made here) and trusts its Unix socket, which lives in
# the temporary directory. When this runs as root, PostgreSQL (which refuses root) runs as the user `postgres`.
#
# Exports, for the tests:
#   FO_TEST_PG_HOST=127.0.0.1  FO_TEST_PG_PORT  FO_TEST_PG_USER=postgres  FO_TEST_PG_PASSWORD
#   FO_TEST_PG_BINDIR    the PostgreSQL programs (pg_ctl, psql, ...)
#   FO_TEST_PG_DATADIR   the cluster, so that fault tests can stop and start it:
#                          ${FO_TEST_PG_RUNAS:+runuser -u $FO_TEST_PG_RUNAS --} \
#                            "$FO_TEST_PG_BINDIR/pg_ctl" -D "$FO_TEST_PG_DATADIR" -l "$FO_TEST_PG_LOGFILE" -w start
#                        (its port, address and socket directory are in its postgresql.conf, so a plain
#                        `pg_ctl start` brings it back as it was)
#   FO_TEST_PG_RUNAS     `postgres` when pg_ctl must run as that user (this script ran as root), else empty
#   FO_TEST_PG_LOGFILE   the server's log
#   FO_TEST_REDIS_HOST=127.0.0.1  FO_TEST_REDIS_PORT
#
# `fo_stop_services` stops both and deletes the directory; an EXIT trap calls it (after any EXIT trap the
# shell already had). FO_TEST_SERVICES_TIMEOUT (seconds, default 30) bounds each wait for a server.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    echo "test-services.sh: source this file (source scripts/test-services.sh) instead of running it" >&2
    exit 2
fi

_fo_services_log() {
    echo "test-services: $*" >&2
}

_fo_free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Runs a command as the cluster's owner.
_fo_as_pg() {
    if [[ -n "${FO_TEST_PG_RUNAS:-}" ]]; then
        runuser -u "$FO_TEST_PG_RUNAS" -- "$@"
    else
        "$@"
    fi
}

_fo_pg_bindir() {
    if [[ -n "${FO_PG_BINDIR:-}" ]]; then
        echo "$FO_PG_BINDIR"
    elif [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
        echo /usr/lib/postgresql/15/bin
    else
        # Another major version, newest first, if 15 is not there.
        local dir
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
        echo "${dir:-/usr/lib/postgresql/15/bin}"
    fi
}

_fo_start_postgres() {
    local timeout=$1 bindir datadir sockdir logfile pwfile attempt port
    bindir=$(_fo_pg_bindir)
    if [[ ! -x "$bindir/initdb" || ! -x "$bindir/pg_ctl" ]]; then
        _fo_services_log "no PostgreSQL server programs in $bindir; install them with: packaging/bootstrap.sh test"
        return 1
    fi
    datadir="$FO_TEST_SERVICES_DIR/pg/data"
    sockdir="$FO_TEST_SERVICES_DIR/pg/socket"
    logfile="$FO_TEST_SERVICES_DIR/pg/server.log"
    pwfile="$FO_TEST_SERVICES_DIR/pg/pwfile"

    FO_TEST_PG_RUNAS=""
    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            _fo_services_log "running as root, but there is no user 'postgres' to run PostgreSQL as; install the postgresql package"
            return 1
        fi
        FO_TEST_PG_RUNAS=postgres
    fi

    mkdir -p "$sockdir"
    FO_TEST_PG_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    (umask 077 && printf '%s\n' "$FO_TEST_PG_PASSWORD" >"$pwfile")
    if [[ -n "$FO_TEST_PG_RUNAS" ]]; then
        chown -R "$FO_TEST_PG_RUNAS:" "$FO_TEST_SERVICES_DIR/pg"
    fi

    if ! _fo_as_pg "$bindir/initdb" -D "$datadir" -U postgres --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$FO_TEST_SERVICES_DIR/pg/initdb.log" 2>&1; then
        _fo_services_log "initdb failed; its output:"
        cat "$FO_TEST_SERVICES_DIR/pg/initdb.log" >&2
        return 1
    fi
    rm -f "$pwfile"

    # A free port can be taken by someone else between our look and the server's bind: try a few.
    for attempt in 1 2 3; do
        port=$(_fo_free_port) || {
            _fo_services_log "could not find a free port (python3 is needed)"
            return 1
        }
        # Settings go into postgresql.conf (the last one wins) so that a later plain `pg_ctl start` by a
        # fault test brings the server back on the same port. The cluster is throwaway: no fsync.
        _fo_as_pg sh -c "cat >>'$datadir/postgresql.conf'" <<EOF
# find-outliers test server (scripts/test-services.sh), attempt $attempt
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
log_timezone = 'UTC'
timezone = 'UTC'
EOF
        if _fo_as_pg "$bindir/pg_ctl" -D "$datadir" -l "$logfile" -w -t "$timeout" start >/dev/null; then
            break
        fi
        _fo_services_log "PostgreSQL did not start on port $port (attempt $attempt); the end of its log:"
        tail -n 20 "$logfile" >&2 || true
        _fo_as_pg "$bindir/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true
        port=""
    done
    if [[ -z "$port" ]]; then
        _fo_services_log "PostgreSQL would not start; see $logfile"
        return 1
    fi

    local waited=0
    until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
        if ((waited >= timeout)); then
            _fo_services_log "PostgreSQL on 127.0.0.1:$port did not accept connections within ${timeout}s; the end of its log:"
            tail -n 20 "$logfile" >&2 || true
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done

    export FO_TEST_PG_HOST=127.0.0.1
    export FO_TEST_PG_PORT=$port
    export FO_TEST_PG_USER=postgres
    export FO_TEST_PG_PASSWORD
    export FO_TEST_PG_BINDIR=$bindir
    export FO_TEST_PG_DATADIR=$datadir
    export FO_TEST_PG_LOGFILE=$logfile
    export FO_TEST_PG_RUNAS
    _fo_services_log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $datadir)"
}

_fo_start_redis() {
    local timeout=$1 dir attempt port pidfile
    if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
        _fo_services_log "redis-server or redis-cli is missing; install them with: packaging/bootstrap.sh test"
        return 1
    fi
    dir="$FO_TEST_SERVICES_DIR/redis"
    pidfile="$dir/redis.pid"
    mkdir -p "$dir"
    for attempt in 1 2 3; do
        port=$(_fo_free_port) || {
            _fo_services_log "could not find a free port (python3 is needed)"
            return 1
        }
        if redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
            --daemonize yes --pidfile "$pidfile" --dir "$dir" --logfile "$dir/redis.log" >/dev/null; then
            local tries=0
            while [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" != "PONG" ]] && ((tries < timeout * 5)); do
                sleep 0.2
                tries=$((tries + 1))
                # A server that could not bind its port exits soon after it forked: stop waiting for it.
                if ((tries >= 10)) && ! { [[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }; then
                    break
                fi
            done
            if [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == "PONG" ]]; then
                export FO_TEST_REDIS_HOST=127.0.0.1
                export FO_TEST_REDIS_PORT=$port
                _fo_services_log "Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$port"
                return 0
            fi
        fi
        _fo_services_log "Redis did not answer on port $port (attempt $attempt); the end of its log:"
        tail -n 20 "$dir/redis.log" >&2 2>/dev/null || true
        if [[ -s "$pidfile" ]]; then
            kill "$(cat "$pidfile")" 2>/dev/null || true
            rm -f "$pidfile"
        fi
    done
    _fo_services_log "Redis would not start within ${timeout}s; see $dir/redis.log"
    return 1
}

fo_stop_services() {
    local dir=${FO_TEST_SERVICES_DIR:-}
    [[ -n "$dir" && -d "$dir" ]] || return 0

    local pidfile="$dir/redis/redis.pid" pid i
    if [[ -s "$pidfile" ]]; then
        pid=$(cat "$pidfile")
        if kill "$pid" 2>/dev/null; then
            for ((i = 0; i < 50; i++)); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi

    if [[ -n "${FO_TEST_PG_DATADIR:-}" && -f "$FO_TEST_PG_DATADIR/postmaster.pid" ]]; then
        _fo_as_pg "$FO_TEST_PG_BINDIR/pg_ctl" -D "$FO_TEST_PG_DATADIR" -m fast -w -t 20 stop >/dev/null 2>&1 ||
            _fo_as_pg "$FO_TEST_PG_BINDIR/pg_ctl" -D "$FO_TEST_PG_DATADIR" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
            true
    fi

    rm -rf "$dir"
    unset FO_TEST_SERVICES_DIR
}

_fo_start_services() {
    local timeout=${FO_TEST_SERVICES_TIMEOUT:-30}
    FO_TEST_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fo-services.XXXXXX") || {
        _fo_services_log "could not create a temporary directory"
        return 1
    }
    # When PostgreSQL runs as another user, that user must be able to reach its files below this directory.
    if [[ $(id -u) -eq 0 ]]; then
        chmod 755 "$FO_TEST_SERVICES_DIR"
    fi
    export FO_TEST_SERVICES_DIR

    # Stop everything on the way out, after the EXIT trap the shell had before (if any).
    local previous
    previous=$(trap -p EXIT)
    if [[ -n "$previous" ]]; then
        eval "set -- $previous"
        previous=$3
    fi
    if [[ "$previous" != *fo_stop_services* ]]; then
        # shellcheck disable=SC2064 # expand the previous trap now
        trap "${previous:+$previous; }fo_stop_services" EXIT
    fi
    # A non-interactive shell stopped by Ctrl-C or kill runs its EXIT trap only if these are trapped.
    if [[ $- != *i* ]]; then
        trap 'exit 130' INT
        trap 'exit 143' TERM
    fi

    _fo_start_postgres "$timeout" && _fo_start_redis "$timeout"
}

if ! _fo_start_services; then
    fo_stop_services
    return 1
fi
