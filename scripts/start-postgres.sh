#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL on stdout.
#
#   export PERFAUDIT_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)"
#
# The cluster lives in a fresh temporary folder and listens on localhost only.
# Environment: PGPORT (default: the first free port from 5433), PGBIN (default: newest /usr/lib/postgresql/*/bin).
# Stop it with: pg_ctl -D "$(cat "${TMPDIR:-/tmp}/perfaudit-postgres.dir")" stop   (as postgres when root)
set -euo pipefail

# The first free port from 5433 on, unless PGPORT names one.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -n "${PGPORT:-}" ]]; then
    port="$PGPORT"
else
    port=5433
    while port_in_use "$port"; do
        port=$((port + 1))
        if (( port > 5533 )); then echo "no free port between 5433 and 5533" >&2; exit 1; fi
    done
fi
bin="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    echo "PostgreSQL server binaries not found (install postgresql, or set PGBIN)" >&2
    exit 1
fi

# initdb refuses to run as root: run the server as the postgres system user then.
if [[ "$(id -u)" == 0 ]]; then
    as_owner=(runuser -u postgres --)
else
    as_owner=()
fi

data="$(mktemp -d "${TMPDIR:-/tmp}/perfaudit-postgres.XXXXXX")"
chmod 700 "$data"
if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$data"
fi
echo "$data" > "${TMPDIR:-/tmp}/perfaudit-postgres.dir"

"${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
    || { cat "$data.initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k $data -c listen_addresses=localhost -c fsync=off" start >&2 \
    || { cat "$data/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/createdb" -h localhost -p "$port" -U postgres perfaudit_test >&2

echo "postgresql://postgres@localhost:$port/perfaudit_test"
