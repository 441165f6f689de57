"""Where the time goes: py-spy samples a server while the load runs.

``Sampler(pid).start()`` … ``.stop()`` returns a summary: share of CPU samples by
area (a sample counts for every area its stack passes through, so shares overlap)
and the functions with the most samples (inclusive and self).
"""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Optional

# Area name -> substring of a frame's file path or function.
AREAS = {
    "NLU pipeline (rasa/nlu)": "rasa/nlu/",
    "dialogue policies (rasa/core/policies)": "rasa/core/policies/",
    "TensorFlow": "tensorflow/",
    "spaCy": "spacy/",
    "tracker store (SQL)": "rasa/core/tracker_store.py",
    "lock store": "rasa/core/lock_store.py",
    "call to the action server (aiohttp)": "rasa/core/actions/action.py",
    "model graph runner": "rasa/engine/runner/",
    "SQLAlchemy": "sqlalchemy/",
    "Sanic HTTP": "sanic/",
    "bot.channels (guard)": "bot/channels/",
    "bot.actions": "bot/actions/",
    "bot.queries": "bot/queries/",
    "bot.language": "bot/language/",
    "rasa_sdk": "rasa_sdk/",
    "json": "json/",
}
# A sample whose innermost Python frame is one of these is the event loop waiting
# for work (uvloop's C code below it): idle, not cost.
IDLE_LEAVES = {"sanic/server/runners.py:serve", "selectors.py:select", "asyncio/base_events.py:run_forever"}
_FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>.*?)(?::\d+)?\)$")


def py_spy() -> Optional[str]:
    candidate = Path(sys.executable).parent / "py-spy"
    return str(candidate) if candidate.exists() else shutil.which("py-spy")


class Sampler:
    def __init__(self, pid: int, output: Path, rate: int = 100):
        self.pid, self.output, self.rate = pid, output, rate
        self.proc: Optional[subprocess.Popen] = None

    def start(self) -> "Sampler":
        binary = py_spy()
        if binary is None:
            raise RuntimeError("py-spy ist nicht installiert (pip install py-spy).")
        self.proc = subprocess.Popen(
            [binary, "record", "--pid", str(self.pid), "--rate", str(self.rate), "--format", "raw",
             "--output", str(self.output), "--nonblocking", "--subprocesses"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        return self

    def stop(self) -> Dict:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGINT)  # py-spy writes its file on Ctrl-C
        try:
            _, err = self.proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        if not self.output.exists():
            return {"error": f"py-spy schrieb kein Profil: {err.decode(errors='replace')[-300:]}"}
        return summarise(self.output.read_text(errors="replace"))


def summarise(raw: str, top: int = 15) -> Dict:
    areas: Counter = Counter()
    inclusive: Counter = Counter()
    own: Counter = Counter()
    total = idle = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [f for f in stack.split(";") if not f.startswith(("process ", "thread "))]
        names = [_name(f) for f in frames]
        if names and names[-1] in IDLE_LEAVES:
            idle += count
            continue
        total += count
        for area, marker in AREAS.items():
            if marker in stack:
                areas[area] += count
        for name in set(names):
            inclusive[name] += count
        if names:
            own[names[-1]] += count
    if not total:
        return {"busy_samples": 0, "idle_samples": idle}

    def shares(counter: Counter, n: int) -> Dict[str, float]:
        return {k: round(100 * v / total, 1) for k, v in counter.most_common(n)}

    return {
        "busy_samples": total,
        "idle_samples": idle,  # percentages below are of the busy samples
        "area_percent": shares(areas, len(AREAS)),
        "top_inclusive_percent": shares(inclusive, top),
        "top_self_percent": shares(own, top),
    }


def _name(frame: str) -> str:
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match.group("file")
    for anchor in ("site-packages/", "/work/main/", "python3.10/"):
        if anchor in path:
            path = path.split(anchor, 1)[1]
            break
    return f"{path}:{match.group('function')}"
