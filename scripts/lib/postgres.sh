#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests. Source this file; it only defines functions.
#
#   pg_start   initdb a fresh cluster in a temp dir, start it on a free port of 127.0.0.1, export
#              PG_PORT, PG_TMPDIR and DOMAINFLOW_TEST_POSTGRES (the Npgsql connection string).
#   pg_stop    stop the cluster and delete the temp dir. Idempotent and silent, so it is safe in
#              an EXIT trap even after a script printed its final summary line.
#
# Nothing is shared with a system PostgreSQL: own data dir, own socket dir, own port, no config
# outside the temp dir. Durability is switched off (fsync etc.): the data is thrown away anyway and
# tests run much faster without it.
#
# Needs initdb/pg_ctl/postgres: call ensure_postgres_binaries (scripts/lib/prereqs.sh) first, or
# have them on PATH.

# PostgreSQL refuses to run as root; as root we run it as this unprivileged user instead.
PG_OS_USER=${PG_OS_USER:-postgres}

pg_log() { echo "postgres.sh: $*" >&2; }

# Run a PostgreSQL binary as the cluster owner: PG_OS_USER when we are root, else ourselves.
# The cd matters: runuser keeps the current directory, and the postgres user may not be allowed to
# enter it (e.g. /root), which makes initdb/pg_ctl warn or fail.
_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$PG_TMPDIR" && runuser -u "$PG_OS_USER" -- "$@")
    else
        "$@"
    fi
}

# Absolute path of a PostgreSQL tool: absolute because runuser/su may reset PATH for the target user.
_pg_bin() {
    if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/$1" ]]; then
        echo "$PG_BINDIR/$1"
    else
        command -v "$1" || { pg_log "'$1' not found (call ensure_postgres_binaries first)"; return 1; }
    fi
}

# Print a TCP port in 20000-59999 on which nothing accepts connections on 127.0.0.1.
# bash's /dev/tcp connect is refused at once for an unused loopback port. Another process could
# still take the port before postgres binds it; pg_start retries with a new port in that case.
_pg_free_port() {
    local port i
    for ((i = 0; i < 100; i++)); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    pg_log "no free TCP port found on 127.0.0.1"
    return 1
}

# Create the temp dir under ${TMPDIR:-/tmp}. As root, the dir is chowned to PG_OS_USER; if that user
# cannot reach it (a parent like /root is 0700) or the socket path would exceed the ~107-byte limit
# of Unix sockets, fall back to /tmp.
_pg_make_tmpdir() {
    local base dir
    for base in "${TMPDIR:-/tmp}" /tmp; do
        mkdir -p "$base" 2>/dev/null || continue
        dir=$(mktemp -d "$base/domainflow-pg.XXXXXX" 2>/dev/null) || continue
        if ((${#dir} > 80)); then rm -rf "$dir"; continue; fi
        if [[ $EUID -eq 0 ]]; then
            chown "$PG_OS_USER:" "$dir"
            if ! runuser -u "$PG_OS_USER" -- test -w "$dir" 2>/dev/null; then
                rm -rf "$dir"
                continue
            fi
        fi
        echo "$dir"
        return 0
    done
    pg_log "could not create a temp dir for PostgreSQL under ${TMPDIR:-/tmp} or /tmp"
    return 1
}

pg_start() {
    if [[ -n "${PG_TMPDIR:-}" ]]; then
        pg_log "already started on port ${PG_PORT:-?} (data in $PG_TMPDIR)"
        return 0
    fi
    if [[ $EUID -eq 0 ]]; then
        command -v runuser >/dev/null 2>&1 || { pg_log "runuser (util-linux) is needed to run PostgreSQL as $PG_OS_USER"; exit 1; }
        id "$PG_OS_USER" >/dev/null 2>&1 ||
            { pg_log "running as root needs an unprivileged user '$PG_OS_USER' to own the cluster (set PG_OS_USER or create it)"; exit 1; }
    fi
    local initdb pg_ctl pg_isready
    initdb=$(_pg_bin initdb) && pg_ctl=$(_pg_bin pg_ctl) && pg_isready=$(_pg_bin pg_isready) || exit 1

    PG_TMPDIR=$(_pg_make_tmpdir) || exit 1
    export PG_TMPDIR
    local data="$PG_TMPDIR/data" log="$PG_TMPDIR/postgres.log"

    # Clean up even when the caller forgets: install pg_stop on EXIT unless the caller already owns
    # the EXIT trap (then the caller must call pg_stop itself, as scripts/test does). INT/TERM are
    # turned into exits so the EXIT trap also runs on Ctrl-C or a CI timeout.
    if [[ -z "$(trap -p EXIT)" ]]; then
        trap pg_stop EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
    fi

    # --no-locale: C collation, identical on every machine. --no-sync: the data is disposable.
    # trust auth + superuser "domainflow": no passwords; only loopback and our private socket
    # dir can reach the server anyway.
    if ! _pg_as_owner "$initdb" -D "$data" -U domainflow --auth=trust --no-locale -E UTF8 --no-sync \
        >"$PG_TMPDIR/initdb.log" 2>&1; then
        pg_log "initdb failed:"
        cat "$PG_TMPDIR/initdb.log" >&2
        exit 1
    fi

    # Settings go into the cluster's own config file rather than `pg_ctl -o`, which passes its
    # string through a shell and would need the socket path quoted. Only the port is given on the
    # command line because it may change between start attempts.
    cat >>"$data/postgresql.conf" <<CONF

# --- throwaway test cluster (scripts/lib/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMPDIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF

    local attempt port=""
    for attempt in 1 2 3 4 5; do
        port=$(_pg_free_port) || exit 1
        # -w: pg_ctl waits until the server accepts connections and notices if postgres dies.
        if _pg_as_owner "$pg_ctl" start -D "$data" -l "$log" -o "-p $port" -w -t 30 >/dev/null 2>&1; then
            break
        fi
        # Lost the race for the port: try another one. Any other failure is fatal.
        if grep -q -e 'could not bind' -e 'Address already in use' "$log" 2>/dev/null && ((attempt < 5)); then
            pg_log "port $port was taken, retrying"
            port=""
            continue
        fi
        pg_log "PostgreSQL did not start; server log ($log):"
        cat "$log" >&2 2>/dev/null || true
        exit 1
    done

    # Belt and braces: confirm TCP on 127.0.0.1 (what the tests use), not just the Unix socket.
    local deadline=$((SECONDS + 30))
    until "$pg_isready" -q -h 127.0.0.1 -p "$port" -U domainflow -d postgres; do
        if ((SECONDS >= deadline)); then
            pg_log "PostgreSQL not ready on 127.0.0.1:$port after 30 s; server log:"
            cat "$log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done

    export PG_PORT="$port"
    export DOMAINFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=domainflow;Database=postgres;Pooling=true;Maximum Pool Size=50"
    pg_log "PostgreSQL ready on 127.0.0.1:$port (data in $data)"
}

pg_stop() {
    # Never fail: this runs from EXIT traps, where an error would replace the script's exit status.
    [[ -n "${PG_TMPDIR:-}" ]] || return 0
    local data="$PG_TMPDIR/data" pid pg_ctl
    if [[ -f "$data/postmaster.pid" ]]; then
        pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
        pg_ctl=$(_pg_bin pg_ctl 2>/dev/null || true)
        # immediate: no checkpoint, nothing worth keeping. Silent so that nothing is printed after
        # the summary line of scripts/test.
        if [[ -z "$pg_ctl" ]] || ! _pg_as_owner "$pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1; then
            # pg_ctl failed (or is gone): kill the postmaster directly so no server outlives us.
            if [[ -n "$pid" ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
        fi
        # pg_ctl daemonizes the postmaster, so once it exits it is a zombie until init reaps it; on
        # some sandboxes init takes 1-2 s. Wait (max 5 s) so that, when pg_stop returns, no postgres
        # process (not even <defunct>) is left and the port is free.
        local deadline=$((SECONDS + 5))
        while [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
            sleep 0.1
        done
    fi
    rm -rf "$PG_TMPDIR" 2>/dev/null || true
    unset PG_TMPDIR PG_PORT DOMAINFLOW_TEST_POSTGRES
    return 0
}
