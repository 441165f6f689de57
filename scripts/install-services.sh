#!/usr/bin/env bash
# Installs the services the tests start themselves: PostgreSQL (decisions database
# tests), Redis (lock/tracker store tests) and nginx (load balancer of the two-server test).
# Debian/Ubuntu, as root; does nothing
# for what is already there. Servers are not started here: each test starts its own.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-services: postgresql, redis-server and nginx are installed"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-services: need root to install: ${missing[*]} (try: sudo $0)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
# Debian starts a default cluster on 5432 and nginx on 80 when installing; the tests do not need them.
command -v systemctl >/dev/null 2>&1 && systemctl stop nginx 2>/dev/null || true
[ -f /run/nginx.pid ] && nginx -s stop 2>/dev/null || true
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
    pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  done
fi
echo "install-services: installed ${missing[*]}"
