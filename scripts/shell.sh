#!/usr/bin/env bash
# The Rasa shell for staff (make shell): talk to the bot in the terminal.
#
# Starts the action server in the background, waits until it is healthy, opens
# `rasa shell` with an endpoints file that points at it, and stops the action
# server when the shell ends (/stop, Ctrl-D or Ctrl-C).
#
# Ports: SHELL_ACTION_PORT and SHELL_PORT (the shell's own Rasa server) are taken when set,
# otherwise free ports are chosen, so the shell never collides with `make run`.
# MODEL (default models/beirat.tar.gz) and ACTIONS (default bot.actions) can be set too.
# Conversations are not stored: the endpoints file has only the action server, so the
# shell uses Rasa's in-memory tracker store.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
RASA=.venv/bin/rasa
MODEL="${MODEL:-models/beirat.tar.gz}"
ACTIONS="${ACTIONS:-bot.actions}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-180}"  # seconds; the action server imports a lot
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export RASA_TELEMETRY_ENABLED="${RASA_TELEMETRY_ENABLED:-false}"
# Library deprecation warnings at import mean nothing to staff.
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}"

fail() { echo "FEHLER: $*" >&2; exit 1; }

[ -x "$RASA" ] || fail "$RASA fehlt. Bitte zuerst 'make install' ausführen."
[ -f "$MODEL" ] || fail "Kein Modell in $MODEL. Bitte zuerst 'make train' ausführen."

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
port_is_free() {
  "$PY" -c 'import socket, sys
s = socket.socket()
try:
    s.bind(("0.0.0.0", int(sys.argv[1])))
except OSError:
    sys.exit(1)' "$1"
}
for name in SHELL_ACTION_PORT SHELL_PORT; do
  if [ -n "${!name:-}" ]; then
    [[ "${!name}" =~ ^[0-9]+$ ]] || fail "$name=${!name} ist keine Port-Nummer."
    port_is_free "${!name}" || fail "Port ${!name} ($name) ist schon belegt. Ohne $name wird ein freier Port gewählt."
  else
    printf -v "$name" '%s' "$(free_port)"
  fi
done

tmp="$(mktemp -d)"
mkdir -p var/log
action_log=var/log/shell-actions.log
action_pid=""
cleanup() {
  if [ -n "$action_pid" ] && kill -0 "$action_pid" 2>/dev/null; then
    kill "$action_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$action_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$action_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

echo "Starte den Action-Server auf Port $SHELL_ACTION_PORT (Log: $action_log) ..."
"$RASA" run actions --actions "$ACTIONS" -p "$SHELL_ACTION_PORT" >"$action_log" 2>&1 &
action_pid=$!

deadline=$((SECONDS + HEALTH_TIMEOUT))
until curl -sf "http://127.0.0.1:${SHELL_ACTION_PORT}/health" >/dev/null 2>&1; do
  if ! kill -0 "$action_pid" 2>/dev/null; then
    tail -n 20 "$action_log" >&2
    fail "Der Action-Server ist nicht gestartet. Log: $action_log"
  fi
  [ "$SECONDS" -lt "$deadline" ] || fail "Der Action-Server antwortet nach ${HEALTH_TIMEOUT} s nicht. Log: $action_log"
  sleep 1
done
echo "Action-Server läuft auf Port $SHELL_ACTION_PORT."

cat >"$tmp/endpoints.yml" <<YAML
action_endpoint:
  url: "http://127.0.0.1:${SHELL_ACTION_PORT}/webhook"
YAML

echo "Starte die Rasa-Shell (Port $SHELL_PORT). Beenden mit /stop."
"$RASA" shell --model "$MODEL" --endpoints "$tmp/endpoints.yml" \
  --interface 127.0.0.1 --port "$SHELL_PORT" "$@"
