#!/usr/bin/env bash
# Rasa tests after pytest (`make test`):
#   1. conversation tests: rasa test core on tests/test_stories.yml, with the action
#      server running on a free port (own endpoints file), failing on any wrong prediction;
#   2. held-out NLU: rasa test nlu on all of tests/nlu/heldout*.yml (de-duplicated against
#      data/nlu, and resident-style sentences), then the thresholds (intent macro-F1 >= 0.93,
#      entity F1 >= 0.90), the confusion pairs and the figures per file, written to
#      $RESULTS/nlu/heldout_summary.json (scripts/nlu_summary.py).
# Exits non-zero when a test fails or a threshold is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
RASA=.venv/bin/rasa
MODEL="${MODEL:-models/beirat.tar.gz}"
RESULTS="${RESULTS:-results}"
INTENT_F1_MIN="${INTENT_F1_MIN:-0.93}"
ENTITY_F1_MIN="${ENTITY_F1_MIN:-0.90}"
# No telemetry: network traffic stays on this machine.
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}" SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false

[ -f "$MODEL" ] || { echo "FEHLER: Kein Modell unter $MODEL. Bitte zuerst 'make train'." >&2; exit 1; }

workdir=$(mktemp -d)
action_pid=""
cleanup() {
  if [ -n "$action_pid" ]; then
    kill -- "-$action_pid" 2>/dev/null || kill "$action_pid" 2>/dev/null || true
    wait "$action_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

# A free port, chosen by the operating system.
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed "s#http://localhost:5055/webhook#http://127.0.0.1:${port}/webhook#" endpoints.yml > "$workdir/endpoints.yml"
grep -q "127.0.0.1:${port}" "$workdir/endpoints.yml" || { echo "FEHLER: endpoints.yml hat keine action_endpoint-URL auf Port 5055." >&2; exit 1; }

echo "== Action-Server auf Port $port"
# Own process group, so that stopping it stops its children and nothing else.
setsid "$RASA" run actions --actions bot.actions -p "$port" > "$workdir/actions.log" 2>&1 &
action_pid=$!
if ! "$PY" - "$port" "$action_pid" <<'PYEOF'
import os, sys, time, urllib.request
port, pid = sys.argv[1], int(sys.argv[2])
for _ in range(180):
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("Der Action-Server hat sich beendet.")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        time.sleep(1)
sys.exit("Der Action-Server antwortet nicht.")
PYEOF
then
  echo "FEHLER: Der Action-Server startet nicht. Log:" >&2
  tail -30 "$workdir/actions.log" >&2
  exit 1
fi

status=0
echo "== Gesprächstests (tests/test_stories.yml)"
if ! "$RASA" test core --model "$MODEL" --stories tests/test_stories.yml --endpoints "$workdir/endpoints.yml" \
    --e2e --fail-on-prediction-errors --out "$RESULTS/core" > "$workdir/core.log" 2>&1; then
  echo "FEHLER: Gesprächstests fehlgeschlagen. Details: $RESULTS/core/failed_test_stories.yml" >&2
  grep -v -E "^\s*$|Warning|warn\(|tensorflow" "$workdir/core.log" | tail -40 >&2
  status=1
else
  grep -E "Finished evaluation|Correct:|F1-Score" "$workdir/core.log" | head -6 || true
fi

echo "== NLU auf den zurückgehaltenen Beispielen (tests/nlu/heldout*.yml)"
# All held-out files in one folder: rasa test nlu reads a folder as one data set.
mkdir -p "$workdir/heldout"
cp tests/nlu/heldout*.yml "$workdir/heldout/" || { echo "FEHLER: keine tests/nlu/heldout*.yml." >&2; exit 1; }
if ! "$RASA" test nlu --model "$MODEL" --nlu "$workdir/heldout" --out "$RESULTS/nlu" --successes > "$workdir/nlu.log" 2>&1; then
  echo "FEHLER: rasa test nlu ist fehlgeschlagen." >&2
  tail -30 "$workdir/nlu.log" >&2
  exit 1
fi
"$PY" scripts/nlu_summary.py "$RESULTS/nlu" "$INTENT_F1_MIN" "$ENTITY_F1_MIN" tests/nlu/heldout*.yml || status=1
exit $status
