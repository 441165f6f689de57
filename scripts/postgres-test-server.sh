#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on a free port, in its own directory.
#   scripts/postgres-test-server.sh start DIR   -> prints the server URL (database "postgres")
#   scripts/postgres-test-server.sh stop DIR    -> stops the server and removes DIR
# Needs Debian's postgresql package (scripts/install-services.sh). As root, the server
# runs as the "postgres" user, because PostgreSQL refuses to run as root.
set -euo pipefail
usage="usage: $0 start|stop DIR"
command=${1:?$usage}
dir=${2:?$usage}

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
require_postgres() {
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin); run scripts/install-services.sh" >&2
    exit 3
  fi
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$command" in
  start)
    require_postgres
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_server_user "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Another process may take the free port before the server binds it: try a few.
    for attempt in 1 2 3; do
      port=$(free_port)
      if as_server_user "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
          -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
          start >/dev/null; then
        echo "postgresql://postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ] && [ -x "$pg_bin/pg_ctl" ]; then
      as_server_user "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
