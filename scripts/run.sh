#!/usr/bin/env bash
# Starts the bot under scripts/supervise.py: a service that crashes is restarted (1 s, 2 s,
# 4 s ... 60 s apart) and logged, the others keep running. While the action server is
# down, users get the technical-problem sentence. Stops everything on Ctrl-C.
#
# With nginx and redis-server installed (make services) and 2 or more processes, it runs
# N Rasa processes on internal ports behind nginx on RASA_PORT (services redis, rasa-1 ...
# rasa-N, nginx, actions, web). They share the conversations (SQL tracker store of
# endpoints.yml) and lock each conversation in a private Redis (bot/lockstore.py), so any
# process can answer any message. Otherwise: one Rasa process on RASA_PORT (services rasa,
# actions, web), and a line that says why.
#   RASA_PORT, ACTION_PORT, WEB_PORT   ports (5005, 5055, 8080); RASA_PORT is the public one
#   BEIRAT_RASA_PROCESSES              Rasa processes (default: CPU cores, capped by free memory)
#   BEIRAT_RUN_DIR                     logs, supervisor state, conversations, nginx/redis files (var)
#   BEIRAT_MODEL                       the trained model (models/beirat.tar.gz)
#   BEIRAT_WEB_COMMAND                 another command for the web page (tests without node)
#   BEIRAT_RATE_LIMIT=0                switches the bot's limits and nginx's per-address limits off
#   BEIRAT_NGINX_REQUESTS_PER_IP       nginx's limit per client address (10r/s; "off": none)
#   BEIRAT_NGINX, BEIRAT_REDIS_SERVER  the programs, when not found on the PATH or in /usr/sbin
# The supervisor's state file $BEIRAT_RUN_DIR/log/supervise.json names each service's PID.
# scripts/run.sh --dry-run: writes the configuration, prints the services, starts nothing.
# The whole script is one block: bash reads it completely before running it, so an edit
# of this file does not break a stack that is running (bash reads scripts as it goes).
{
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
RUN_DIR="${BEIRAT_RUN_DIR:-var}"
MODEL="${BEIRAT_MODEL:-models/beirat.tar.gz}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p "$RUN_DIR/log"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"  # nginx and redis need absolute paths
PY=.venv/bin/python
# Telegram's long button payloads: one store for all Rasa processes (bot/channels/telegram/payloads.py).
export BEIRAT_BUTTON_STORE_URL="${BEIRAT_BUTTON_STORE_URL:-sqlite:///$RUN_DIR/telegram-buttons.sqlite}"

# --- how many Rasa processes -------------------------------------------------------------
# One per core: a Rasa process runs the model in its one event loop, one message at a time,
# so only another process can use another core.
# At most one per ~1.6 GB of free memory: each process holds TensorFlow, spaCy and the
# model (RSS 1.42 GB measured after start), and swapping is slower than one process.
cores="$(nproc 2>/dev/null || echo 1)"
free_kb="$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo 2>/dev/null || true)"
default_processes="$cores"
if [ -n "$free_kb" ] && [ "$((free_kb / 1600000))" -lt "$default_processes" ]; then
  default_processes="$((free_kb / 1600000))"
fi
[ "$default_processes" -ge 1 ] || default_processes=1
PROCESSES="${BEIRAT_RASA_PROCESSES:-$default_processes}"
if ! [[ "$PROCESSES" =~ ^[1-9][0-9]*$ ]]; then
  echo "BEIRAT_RASA_PROCESSES muss eine Zahl ab 1 sein, nicht '$PROCESSES'." >&2; exit 2
fi
find_program() {  # $1: the override, $2: the name; Debian puts nginx in /usr/sbin, not on a user's PATH
  if [ -n "$1" ]; then [ -x "$1" ] && echo "$1"; return 0; fi
  command -v "$2" 2>/dev/null || { [ -x "/usr/sbin/$2" ] && echo "/usr/sbin/$2"; } || true
}
NGINX="$(find_program "${BEIRAT_NGINX:-}" nginx)"
REDIS_SERVER="$(find_program "${BEIRAT_REDIS_SERVER:-}" redis-server)"
missing=()
[ -n "$NGINX" ] || missing+=(nginx)
[ -n "$REDIS_SERVER" ] || missing+=(redis-server)
if [ "$PROCESSES" -ge 2 ] && [ ${#missing[@]} -gt 0 ]; then
  cat <<MSG
!!! NUR EIN Rasa-Prozess statt $PROCESSES: ${missing[*]} fehlt. Für mehr Prozesse (schneller
!!! bei vielen Nutzern): 'make services' (installiert nginx und redis-server), dann neu starten.
!!! ONLY ONE Rasa process instead of $PROCESSES: ${missing[*]} missing. For more processes
!!! (faster with many users): run 'make services' (installs nginx and redis-server), then restart.
MSG
  PROCESSES=1
elif [ "$PROCESSES" -eq 1 ]; then
  why="BEIRAT_RASA_PROCESSES=1"
  [ -n "${BEIRAT_RASA_PROCESSES:-}" ] || why="$cores CPU-Kern(e), $((${free_kb:-0} / 1000000)) GB freier Speicher"
  cat <<MSG
!!! NUR EIN Rasa-Prozess ($why). Mehr Prozesse: BEIRAT_RASA_PROCESSES=2 (je Prozess ein Kern, ~1,5 GB).
!!! ONLY ONE Rasa process ($why). More processes: BEIRAT_RASA_PROCESSES=2 (one core and ~1.5 GB each).
MSG
fi

# --- per Rasa process: change the settings here, each can be set from outside -------------
rasa_env=()
if [ "$PROCESSES" -ge 2 ]; then
  # One thread each: N processes share the cores, more TensorFlow threads only compete.
  # Two malloc arenas: less memory per process, no slower on the measured load.
  rasa_env=(
    "TF_INTRA_OP_PARALLELISM_THREADS=${TF_INTRA_OP_PARALLELISM_THREADS:-1}"
    "TF_INTER_OP_PARALLELISM_THREADS=${TF_INTER_OP_PARALLELISM_THREADS:-1}"
    "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  )
fi

# --- endpoints: the action server's port, conversations in RUN_DIR, locks in Redis ----------
endpoints="$RUN_DIR/endpoints.run.yml"
# 127.0.0.1, not localhost: Rasa opens a new connection per action call, and a name costs a resolver thread each time.
sed -e "s#http://localhost:5055/webhook#http://127.0.0.1:${ACTION_PORT}/webhook#" \
    -e "s#db: var/tracker.db#db: ${RUN_DIR}/tracker.db#" endpoints.yml > "$endpoints"

free_ports() {  # $1 free TCP ports on 127.0.0.1, preferring $2, $2+1, ...; never $3...
  "$PY" - "$@" <<'PY'
import random, socket, sys
count, first, avoid = int(sys.argv[1]), int(sys.argv[2]), {int(p) for p in sys.argv[3:]}
# Not in the kernel's range for outgoing connections: there any client may take the port
# before our server binds it (redis then fails "Address already in use" until it is free).
try:
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except (OSError, ValueError, IndexError):
    low = 32768
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True
found = []
candidates = list(range(first, min(first + 200, low)))  # after the public port, e.g. 5006, 5007, ...
rest = list(range(10000, low))
random.shuffle(rest)  # the public port is itself in that range (tests, benchmarks): any free ones
for port in candidates + rest:
    if len(found) == count:
        break
    if port not in avoid and port not in found and free(port):
        found.append(port)
if len(found) < count:
    sys.exit("Keine freien Ports gefunden.")
print(" ".join(map(str, found)))
PY
}

services=()
rasa_cmd=".venv/bin/rasa run --model $MODEL --endpoints $endpoints --credentials credentials.yml --cors '*'"
if [ "$PROCESSES" -ge 2 ]; then
  read -r -a ports <<<"$(free_ports "$((PROCESSES + 1))" "$((RASA_PORT + 1))" "$RASA_PORT" "$ACTION_PORT" "$WEB_PORT")"
  redis_port="${ports[$PROCESSES]}"
  mkdir -p "$RUN_DIR/redis" "$RUN_DIR/nginx"
  # Locks and rate-limit counts only: loopback, nothing written to disk.
  services+=(--service redis "$REDIS_SERVER --bind 127.0.0.1 --port $redis_port --dir $RUN_DIR/redis --save '' --appendonly no --logfile ''")
  cat >>"$endpoints" <<YAML

# Added by scripts/run.sh: $PROCESSES Rasa processes lock a conversation while one works on it.
lock_store:
  type: bot.lockstore.AtomicRedisLockStore
  url: 127.0.0.1
  port: $redis_port
  db: 1
  key_prefix: beirat
YAML
  rasa_env+=("BEIRAT_RATE_LIMIT_REDIS_URL=redis://127.0.0.1:$redis_port/2" "BEIRAT_TRUSTED_PROXIES=1")
  upstreams=()
  for i in $(seq 1 "$PROCESSES"); do
    port="${ports[$((i - 1))]}"
    upstreams+=("127.0.0.1:$port")
    services+=(--service "rasa-$i" "env ${rasa_env[*]} $rasa_cmd --interface 127.0.0.1 -p $port")
  done
  # nginx's per-address limits follow the bot's: off when the bot's limits are off (benchmarks).
  per_ip=on
  requests_per_ip="${BEIRAT_NGINX_REQUESTS_PER_IP:-10r/s}"
  if [ "${BEIRAT_RATE_LIMIT:-}" = 0 ] || [ "${BEIRAT_RATE_LIMIT_PER_ADDRESS:-}" = 0 ] || [ "$requests_per_ip" = off ]; then
    per_ip=off; requests_per_ip=10r/s
  fi
  nginx_conf="$("$PY" deploy/nginx/render.py --standalone "$RUN_DIR/nginx" --listen "$RASA_PORT" \
    --requests-per-ip "$requests_per_ip" --per-ip-limits "$per_ip" \
    --access-log "$RUN_DIR/log/nginx-access.log beirat_upstream" "${upstreams[@]}")"
  services+=(--service nginx "$NGINX -p $RUN_DIR/nginx -c $nginx_conf -g 'daemon off;'")
else
  services+=(--service rasa "${rasa_env[*]:+env ${rasa_env[*]} }$rasa_cmd -p $RASA_PORT")
fi
services+=(
  --service actions ".venv/bin/rasa run actions --actions bot.actions -p $ACTION_PORT"
  --service web "${BEIRAT_WEB_COMMAND:-env WEB_PORT=$WEB_PORT RASA_URL=http://localhost:${RASA_PORT} scripts/serve-web.sh}"
)

if [ "${1:-}" = "--dry-run" ]; then  # writes the configuration, prints the services, starts nothing
  for ((i = 0; i < ${#services[@]}; i += 3)); do echo "${services[i + 1]}: ${services[i + 2]}"; done
  exit 0
fi

# Say at start which German spaCy pipeline runs (the full model or the fallback).
"$PY" -m bot.spacy_model 2>/dev/null || true

"$PY" scripts/supervise.py --log-dir "$RUN_DIR/log" --state "$RUN_DIR/log/supervise.json" "${services[@]}" &
supervisor=$!
cleanup() { kill -TERM "$supervisor" 2>/dev/null || true; wait "$supervisor" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

printf 'Warte auf den Bot'
for _ in $(seq 1 180); do
  if curl -sf --max-time 5 "http://localhost:${RASA_PORT}/webhooks/rest/" >/dev/null 2>&1; then break; fi
  kill -0 "$supervisor" 2>/dev/null || { echo; echo "Der Supervisor ist beendet. Logs: $RUN_DIR/log/"; exit 1; }
  printf '.'; sleep 2
done
echo
if [ "$PROCESSES" -ge 2 ]; then
  up=0
  for upstream in "${upstreams[@]}"; do curl -sf --max-time 2 "http://$upstream/webhooks/rest/" >/dev/null 2>&1 && up=$((up + 1)); done
  processes="$PROCESSES Rasa-Prozesse hinter nginx ($up antworten schon, die anderen starten noch)"
  [ "$up" -lt "$PROCESSES" ] || processes="$PROCESSES Rasa-Prozesse hinter nginx"
else
  processes="1 Rasa-Prozess"
fi
cat <<MSG
Frag den Beirat läuft: $processes.
  Webseite:       http://localhost:${WEB_PORT}/
  REST-Webhook:   http://localhost:${RASA_PORT}/webhooks/rest/webhook
  Action-Server:  http://localhost:${ACTION_PORT}/health
  Logs:           $RUN_DIR/log/ (Neustarts: $RUN_DIR/log/supervise.log)
Ein abgestürzter Dienst wird neu gestartet. Beenden mit Strg+C.
MSG
wait "$supervisor"
exit
}
