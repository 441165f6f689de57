"""Creates the vanilla ``rasa init --no-prompt`` assistant once and trains it.

It lives in bench/tmp/baseline (ignored by git) and is reused by later runs:
``python -m bench.baseline.build`` builds it; ``--force`` builds it anew.
The model is what Rasa 3.6 ships as its starter project, untouched.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parents[1] / "tmp" / "baseline"
RASA = Path(sys.executable).parent / "rasa"

# Messages the starter bot understands (its data/nlu.yml), for the same load as ours.
MESSAGES = ["hello", "I am feeling sad", "yes", "goodbye", "are you a bot?", "great", "hi", "very bad"]


def model_path() -> Path | None:
    models = sorted((ROOT / "models").glob("*.tar.gz"))
    return models[-1] if models else None


def build(force: bool = False) -> Dict[str, object]:
    """Returns ``{"model": path, "train_seconds": float | None}`` (None when reused)."""
    existing = model_path()
    if existing and not force:
        return {"model": str(existing), "train_seconds": None}
    shutil.rmtree(ROOT, ignore_errors=True)
    ROOT.mkdir(parents=True)
    started = time.monotonic()
    result = subprocess.run(
        [str(RASA), "init", "--no-prompt", "--init-dir", str(ROOT)],
        cwd=ROOT, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    seconds = time.monotonic() - started
    (ROOT / "init.log").write_text(result.stdout + result.stderr)
    model = model_path()
    if result.returncode != 0 or model is None:
        raise RuntimeError(f"rasa init ist fehlgeschlagen (Log: {ROOT / 'init.log'})")
    return {"model": str(model), "train_seconds": round(seconds, 1)}


if __name__ == "__main__":
    print(build(force="--force" in sys.argv))
