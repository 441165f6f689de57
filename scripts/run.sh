#!/usr/bin/env bash
# Starts the action server, the Rasa server (REST + socket.io + Telegram) and the web page
# under scripts/supervise.py: a service that crashes is restarted (1 s, 2 s, 4 s ... 60 s
# apart) and logged, the others keep running. While the action server is down, users get
# the technical-problem sentence. Stops all three on Ctrl-C.
#   RASA_PORT, ACTION_PORT, WEB_PORT   ports (5005, 5055, 8080)
#   BEIRAT_RUN_DIR                     logs, supervisor state and conversations (var)
#   BEIRAT_MODEL                       the trained model (models/beirat.tar.gz)
#   BEIRAT_WEB_COMMAND                 another command for the web page (tests without node)
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
RUN_DIR="${BEIRAT_RUN_DIR:-var}"
MODEL="${BEIRAT_MODEL:-models/beirat.tar.gz}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p "$RUN_DIR/log"
endpoints="$RUN_DIR/endpoints.run.yml"
sed -e "s#http://localhost:5055/webhook#http://localhost:${ACTION_PORT}/webhook#" \
    -e "s#db: var/tracker.db#db: ${RUN_DIR}/tracker.db#" endpoints.yml > "$endpoints"

# Say at start which German spaCy pipeline runs (the full model or the fallback).
.venv/bin/python -m bot.spacy_model 2>/dev/null || true

.venv/bin/python scripts/supervise.py --log-dir "$RUN_DIR/log" --state "$RUN_DIR/log/supervise.json" \
  --service actions ".venv/bin/rasa run actions --actions bot.actions -p $ACTION_PORT" \
  --service rasa ".venv/bin/rasa run --model $MODEL --endpoints $endpoints --credentials credentials.yml --cors '*' -p $RASA_PORT" \
  --service web "${BEIRAT_WEB_COMMAND:-env WEB_PORT=$WEB_PORT RASA_URL=http://localhost:${RASA_PORT} scripts/serve-web.sh}" &
supervisor=$!
cleanup() { kill -TERM "$supervisor" 2>/dev/null || true; wait "$supervisor" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

printf 'Warte auf den Bot'
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:${RASA_PORT}/webhooks/rest/" >/dev/null 2>&1; then break; fi
  kill -0 "$supervisor" 2>/dev/null || { echo; echo "Der Supervisor ist beendet. Logs: $RUN_DIR/log/"; exit 1; }
  printf '.'; sleep 2
done
echo
cat <<MSG
Frag den Beirat läuft.
  Webseite:       http://localhost:${WEB_PORT}/
  REST-Webhook:   http://localhost:${RASA_PORT}/webhooks/rest/webhook
  Action-Server:  http://localhost:${ACTION_PORT}/health
  Logs:           $RUN_DIR/log/ (Neustarts: $RUN_DIR/log/supervise.log)
Ein abgestürzter Dienst wird neu gestartet. Beenden mit Strg+C.
MSG
wait "$supervisor"
