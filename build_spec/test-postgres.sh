#!/bin/sh
# Prints the URL of the PostgreSQL server the tests use (read by the tests from XUNCHA_TEST_DATABASE).
#   - XUNCHA_TEST_DATABASE already set: that one.
#   - a server answers on 127.0.0.1:5432: its database "test" (created if missing).
#   - else a private server for this checkout: data folder build/postgres, port 55432 (XUNCHA_TEST_PG_PORT),
#     trust authentication on 127.0.0.1 only; installed from Debian's package "postgresql" when the machine has
#     no PostgreSQL binaries (needs root or sudo), started when not running. `make test` calls this script;
#     XUNCHA_TEST_PG_PRIVATE=1 asks for the private server even when 5432 answers. Stop it with: pg_ctl -D build/postgres stop (as the user that owns build/postgres).
# Each test makes its own database on that server (tests/postgres.py), so runs never collide.
set -eu

if [ -n "${XUNCHA_TEST_DATABASE:-}" ]; then
    echo "$XUNCHA_TEST_DATABASE"
    exit 0
fi

answers() {  # host port
    python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 1).close()' "$1" "$2" \
        2>/dev/null
}

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

find_bin() {
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
    return 1
}

if [ -z "${XUNCHA_TEST_PG_PRIVATE:-}" ] && answers 127.0.0.1 5432; then
    PORT=5432
    BIN=$(find_bin || true)
else
    PORT=${XUNCHA_TEST_PG_PORT:-55432}
    BIN=$(find_bin || true)
    if [ -z "$BIN" ]; then
        echo "test-postgres: installing PostgreSQL from the distribution's packages" >&2
        $SUDO apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql >&2
        BIN=$(find_bin)
    fi
    if ! answers 127.0.0.1 "$PORT"; then
        mkdir -p build
        DATA=$(cd build && pwd)/postgres
        # PostgreSQL refuses to run as root: the private server then belongs to the "postgres" system user.
        if [ "$(id -u)" -eq 0 ]; then
            id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
            mkdir -p "$DATA"
            chown postgres "$DATA"
            AS="runuser -u postgres --"
        else
            AS=""
        fi
        if [ ! -f "$DATA/PG_VERSION" ]; then
            $AS "$BIN/initdb" -D "$DATA" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >&2
        fi
        $AS "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
            -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA" start >&2
    fi
fi

URL_BASE="postgresql+psycopg://postgres@127.0.0.1:$PORT"
if [ -n "${BIN:-}" ] && [ -x "$BIN/psql" ]; then
    PSQL="$BIN/psql"
else
    PSQL=psql
fi
if ! "$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" \
        | grep -q 1; then
    "$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE test" >&2
fi
echo "$URL_BASE/test"
