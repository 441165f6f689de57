"""Figures of a `rasa test nlu --successes` run on the held-out files (scripts/test-rasa.sh).

    python scripts/nlu_summary.py RESULTS_DIR INTENT_F1_MIN ENTITY_F1_MIN HELDOUT_FILE...

Prints intent macro-F1, entity F1 (DIET, micro), the weakest intents, the intent
confusion pairs (gold -> predicted, with counts) and the intent macro-F1 per held-out
file; writes all of it to RESULTS_DIR/heldout_summary.json. Exits 1 when a threshold
is missed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from sklearn.metrics import f1_score

TOP_PAIRS = 15


def _examples(path: Path) -> set[str]:
    """The plain texts (entity markup removed, as Rasa reports them) of a held-out file."""
    return {m.get("text") for m in RasaYAMLReader().read(path).intent_examples}


def main(results: Path, intent_min: float, entity_min: float, files: list[Path]) -> int:
    intents = json.loads((results / "intent_report.json").read_text())
    entities = json.loads((results / "DIETClassifier_report.json").read_text())
    entity_avg = entities.get("micro avg") or entities.get("accuracy")
    entity_f1 = entity_avg["f1-score"] if isinstance(entity_avg, dict) else float(entity_avg)
    intent_f1 = intents["macro avg"]["f1-score"]
    errors = (
        json.loads((results / "intent_errors.json").read_text()) if (results / "intent_errors.json").exists() else []
    )
    successes_file = results / "intent_successes.json"
    successes = json.loads(successes_file.read_text()) if successes_file.exists() else []
    pairs = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    predictions = [(p["text"], p["intent"], p["intent_prediction"]["name"]) for p in errors + successes]

    per_file = {}
    for path in files:
        texts = _examples(path)
        rows = [(gold, predicted) for text, gold, predicted in predictions if text in texts]
        if rows:
            gold, predicted = zip(*rows, strict=True)
            per_file[path.name] = {
                "examples": len(rows),
                "intent_macro_f1": round(
                    float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0)), 4
                ),
                "intent_accuracy": round(sum(g == p for g, p in rows) / len(rows), 4),
            }
    labels = {k: v for k, v in entities.items() if isinstance(v, dict) and "avg" not in k and k != "accuracy"}
    weak = sorted((v["f1-score"], k) for k, v in intents.items() if isinstance(v, dict) and "avg" not in k)[:8]
    summary = {
        "examples": len(predictions),
        "intent_macro_f1": round(intent_f1, 4),
        "intent_accuracy": intents.get("accuracy"),
        "entity_f1_diet_micro": round(entity_f1, 4),
        "entity_f1_per_entity": {k: round(v["f1-score"], 4) for k, v in sorted(labels.items())},
        "weakest_intents": {k: round(f, 4) for f, k in weak},
        "confusion_pairs": [{"gold": g, "predicted": p, "count": n} for (g, p), n in pairs.most_common()],
        "per_file": per_file,
        "thresholds": {"intent_macro_f1": intent_min, "entity_f1": entity_min},
    }
    (results / "heldout_summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")

    print(f"Intent macro-F1: {intent_f1:.3f} (mindestens {intent_min}), {len(predictions)} Beispiele")
    print(f"Entity F1 (DIET, micro): {entity_f1:.3f} (mindestens {entity_min})")
    print("  " + ", ".join(f"{name} {v['f1-score']:.2f} (n={v['support']})" for name, v in sorted(labels.items())))
    for name, figures in per_file.items():
        print(
            f"  {name}: {figures['examples']} Beispiele, Intent macro-F1 {figures['intent_macro_f1']:.3f}, "
            f"richtig {figures['intent_accuracy']:.3f}"
        )
    print("Schwächste Intents: " + ", ".join(f"{k} {f:.2f}" for f, k in weak))
    print(f"Verwechslungen ({len(errors)} falsche von {len(predictions)}):")
    for (gold, predicted), count in pairs.most_common(TOP_PAIRS):
        print(f"  {count}x {gold} -> {predicted}")
    print(f"Zusammenfassung: {results / 'heldout_summary.json'}")
    failed = []
    if intent_f1 < intent_min:
        failed.append(f"Intent macro-F1 {intent_f1:.3f} < {intent_min}")
    if entity_f1 < entity_min:
        failed.append(f"Entity F1 {entity_f1:.3f} < {entity_min}")
    if failed:
        print("FEHLER: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), [Path(a) for a in sys.argv[4:]]))
