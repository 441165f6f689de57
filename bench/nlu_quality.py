"""NLU quality on the held-out split: intent macro-F1, entity F1, worst confusions.

Runs ``rasa test nlu --nlu tests/nlu/heldout.yml --model models/beirat.tar.gz``
into bench/tmp/nlu and reads Rasa's own reports (intent_report.json,
intent_errors.json, <Extractor>_report.json).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Dict

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "nlu" / "heldout.yml"
OUT = REPO / "bench" / "tmp" / "nlu"


def run(model: Path, heldout: Path = HELDOUT, out: Path = OUT) -> Dict:
    if not heldout.is_file():
        return {"error": f"{heldout} fehlt"}
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "test", "nlu", "--nlu", str(heldout), "--model", str(model),
         "--out", str(out), "--no-plot"],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    (out / "rasa-test.log").write_text(result.stdout + result.stderr)
    if result.returncode != 0 or not (out / "intent_report.json").exists():
        return {"error": f"rasa test nlu ist fehlgeschlagen (Log: {out / 'rasa-test.log'})"}
    summary = summarise(out)
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def summarise(out: Path, worst: int = 10) -> Dict:
    intents = json.loads((out / "intent_report.json").read_text())
    labels = {k: v for k, v in intents.items() if isinstance(v, dict) and "f1-score" in v and not k.endswith(" avg")}
    errors_file = out / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    pairs = Counter(f"{e['intent']} -> {e['intent_prediction']['name']}" for e in errors)
    summary = {
        "heldout_examples": sum(int(v["support"]) for v in labels.values()),
        "intent_macro_f1": round(intents["macro avg"]["f1-score"], 4),
        "intent_weighted_f1": round(intents["weighted avg"]["f1-score"], 4),
        "intent_accuracy": round(intents.get("accuracy", intents.get("micro avg", {}).get("f1-score", 0.0)), 4),
        "worst_intents_f1": {k: round(v["f1-score"], 3) for k, v in sorted(labels.items(), key=lambda kv: kv[1]["f1-score"])[:worst]},
        "worst_confusion_pairs": dict(pairs.most_common(worst)),
        "entities": {},
    }
    for report in sorted(out.glob("*_report.json")):
        if report.name in ("intent_report.json", "response_selection_report.json"):
            continue
        data = json.loads(report.read_text())
        averages = {k: v for k, v in data.items() if k.endswith(" avg")}
        if not averages:
            continue
        per_entity = {k: round(v["f1-score"], 3) for k, v in data.items() if isinstance(v, dict) and not k.endswith(" avg") and "f1-score" in v}
        summary["entities"][report.name.removesuffix("_report.json")] = {
            "micro_f1": round(averages.get("micro avg", averages.get("weighted avg"))["f1-score"], 4),
            "macro_f1": round(averages["macro avg"]["f1-score"], 4),
            "per_entity_f1": per_entity,
        }
    return summary
