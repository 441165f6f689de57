#!/usr/bin/env bash
# Serves web/ (demo page + chat widget) on $WEB_PORT (default 8080) and prints the address.
# RASA_URL (optional): the Rasa server the page talks to; default is the one in web/index.html.
# Builds the widget first when it is missing or older than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."
WEB_PORT="${WEB_PORT:-8080}"
WEB_HOST="${WEB_HOST:-127.0.0.1}"

if [ ! -d web/node_modules ]; then
  (cd web && npm ci --no-audit --no-fund)
fi
if [ ! -f web/dist/frag-den-beirat.js ] || [ -n "$(find web/src web/build.mjs -newer web/dist/frag-den-beirat.js)" ]; then
  (cd web && node build.mjs)
fi

PYTHON=.venv/bin/python
[ -x "$PYTHON" ] || PYTHON=python3
args=(--host "$WEB_HOST" --port "$WEB_PORT")
[ -n "${RASA_URL:-}" ] && args+=(--rasa-url "$RASA_URL")
exec "$PYTHON" web/serve.py "${args[@]}"
