#!/usr/bin/env bash
# Browser tests of the web chat widget in headless chromium (Debian's, no download).
# Installs what they need (chromium, node + npm, web/node_modules), builds the widget,
# runs tests/web: widget behaviour against a stand-in bot, and the end-to-end test
# against the real Rasa + action server (needs models/beirat.tar.gz: `make train`).
# Screenshots at 360 px and 1280 px land in test-artifacts/.
#   scripts/test-browser.sh                 everything
#   scripts/test-browser.sh --stand-in-only without the real bot (no model needed)
#   scripts/test-browser.sh --setup-only    install and build only, no tests
#   other arguments go to pytest, e.g. -k axe
set -euo pipefail
cd "$(dirname "$0")/.."

pytest_args=()
setup_only=0
for arg in "$@"; do
  if [ "$arg" = "--stand-in-only" ]; then pytest_args+=(-m "not rasa")
  elif [ "$arg" = "--setup-only" ]; then setup_only=1
  else pytest_args+=("$arg"); fi
done

if [ ! -x .venv/bin/pytest ]; then
  echo "No .venv with pytest: run \`make install\` first." >&2
  exit 1
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages) ..."
  if [ "$(id -u)" -ne 0 ]; then
    echo "Need root to install ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

(cd web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs)
[ "$setup_only" = 1 ] && exit 0  # make test: the widget is built before pytest serves the page (tests/ops/test_supervise.py)
mkdir -p test-artifacts
.venv/bin/pytest -q tests/web "${pytest_args[@]}"
echo "Screenshots: $(ls test-artifacts/*.png 2>/dev/null | tr '\n' ' ')"
