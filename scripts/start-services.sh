#!/usr/bin/env bash
# Starts a throw-away PostgreSQL and Redis on 127.0.0.1, on free ports, in DIR.
#   scripts/start-services.sh start DIR   -> writes DIR/services.env (POSTGRES_PORT, REDIS_PORT, ...)
#   scripts/start-services.sh stop DIR    -> stops both and leaves DIR for inspection
# Needs Debian's postgresql and redis-server (scripts/install-services.sh installs them).
# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user.
set -euo pipefail

action="${1:-}"; dir="${2:-}"
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "Aufruf: $0 start|stop DIR" >&2; exit 2
fi

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$found" ]; then
    echo "FEHLER: PostgreSQL fehlt. Bitte scripts/install-services.sh ausführen." >&2; exit 1
  fi
  echo "$found"
}

as_pg() {  # runs a PostgreSQL command as the 'postgres' user when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$action" in
start)
  command -v redis-server >/dev/null || { echo "FEHLER: redis-server fehlt. Bitte scripts/install-services.sh ausführen." >&2; exit 1; }
  bin=$(pg_bin)
  mkdir -p "$dir/pg" "$dir/redis"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$dir/pg" && chmod 755 "$dir"
  pg_port=$(free_port); redis_port=$(free_port)
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  # Loopback only, socket in DIR (not /var/run), fsync off: test data, not production.
  as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --daemonize yes \
    --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save "" --appendonly no
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1
  done
  cat >"$dir/services.env" <<ENV
POSTGRES_HOST=127.0.0.1
POSTGRES_PORT=$pg_port
POSTGRES_USER=postgres
REDIS_HOST=127.0.0.1
REDIS_PORT=$redis_port
ENV
  cat "$dir/services.env"
  ;;
stop)
  dir=$(cd "$dir" && pwd)
  if [ -f "$dir/redis/redis.pid" ]; then kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true; fi
  if [ -f "$dir/pg/postmaster.pid" ]; then as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true; fi
  ;;
*)
  echo "Aufruf: $0 start|stop DIR" >&2; exit 2 ;;
esac
