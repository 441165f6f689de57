#!/usr/bin/env bash
# Starts the action server, the Rasa server (REST + socket.io + Telegram) and the web page.
# Stops all three on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var/log
endpoints=var/endpoints.run.yml
sed "s#http://localhost:5055/webhook#http://localhost:${ACTION_PORT}/webhook#" endpoints.yml > "$endpoints"

# Say at start which German spaCy pipeline runs (the full model or the fallback).
.venv/bin/python -m bot.spacy_model 2>/dev/null || true

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

.venv/bin/rasa run actions --actions bot.actions -p "$ACTION_PORT" > var/log/actions.log 2>&1 &
pids+=($!)
.venv/bin/rasa run --model models/beirat.tar.gz --endpoints "$endpoints" --credentials credentials.yml \
  --cors "*" -p "$RASA_PORT" > var/log/rasa.log 2>&1 &
pids+=($!)
WEB_PORT="$WEB_PORT" RASA_URL="http://localhost:${RASA_PORT}" scripts/serve-web.sh > var/log/web.log 2>&1 &
pids+=($!)

printf 'Warte auf den Bot'
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:${RASA_PORT}/status" >/dev/null 2>&1 || curl -sf "http://localhost:${RASA_PORT}/" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo; echo "Ein Dienst ist ausgefallen. Logs: var/log/"; tail -20 var/log/*.log; exit 1; }; done
  printf '.'; sleep 2
done
echo
cat <<MSG
Frag den Beirat läuft.
  Webseite:       http://localhost:${WEB_PORT}/
  REST-Webhook:   http://localhost:${RASA_PORT}/webhooks/rest/webhook
  Action-Server:  http://localhost:${ACTION_PORT}/health
  Logs:           var/log/
Beenden mit Strg+C.
MSG
wait -n "${pids[@]}"
echo "Ein Dienst hat sich beendet. Logs: var/log/"
