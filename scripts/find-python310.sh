#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 does not run on 3.11+).
set -u
for candidate in "${PYTHON310:-}" python3.10; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
    command -v "$candidate"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  for candidate in "$(pyenv root)"/versions/3.10*/bin/python3.10; do
    [ -x "$candidate" ] && { echo "$candidate"; exit 0; }
  done
fi
cat >&2 <<'MSG'
ERROR: Python 3.10 was not found. Rasa 3.6 needs Python 3.8-3.10.
Fix: install it, for example with `pyenv install 3.10` or `apt-get install python3.10`,
or point PYTHON310=/path/to/python3.10 at one.
MSG
exit 1
