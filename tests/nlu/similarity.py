"""How close a held-out sentence is to the training data, after a real normalisation.

Used by test_heldout_disjoint.py and by `python tests/nlu/similarity.py` (lists the
offenders). Normalised: entity markup removed, case, umlauts and ß spelled out,
punctuation dropped, whitespace collapsed. A held-out sentence counts as a near copy
when its similarity to any training sentence is above MAX_RATIO. The similarity is
rapidfuzz's ratio (2 * longest common subsequence / total length); it is never below
difflib's SequenceMatcher ratio, so a cap on it caps the difflib ratio too, and it is fast.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

REPO = Path(__file__).resolve().parents[2]
TRAINING_DIR = REPO / "data" / "nlu"
HELDOUT_DIR = REPO / "tests" / "nlu"
MAX_RATIO = 0.8

_MARKUP = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_PUNCTUATION = re.compile(r"[^\w\s]|_")


def normalise(text: str) -> str:
    text = _MARKUP.sub(r"\1", text).lower().translate(_UMLAUTS)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def training_files() -> list[Path]:
    return sorted(p for p in TRAINING_DIR.rglob("*.yml") if "lookups" not in p.relative_to(TRAINING_DIR).parts)


def heldout_files() -> list[Path]:
    return sorted(HELDOUT_DIR.glob("heldout*.yml"))


def examples(path: Path) -> list[tuple[str, str]]:
    """(intent, raw example text) of every intent example in a Rasa YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = []
    for block in data.get("nlu", []):
        if "intent" not in block:
            continue
        for line in block.get("examples", "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                found.append((block["intent"], line[2:].strip()))
    return found


def closest(text: str, training: list[str]) -> tuple[float, str]:
    """The highest ratio (0..1) of a normalised text to the normalised training texts."""
    match = process.extractOne(text, training, scorer=fuzz.ratio)
    return (match[1] / 100, match[0]) if match else (0.0, "")


def near_copies(heldout: list[tuple[str, str]], training: list[str]) -> list[tuple[float, str, str]]:
    """(ratio, held-out text, closest training text) for every held-out text above MAX_RATIO."""
    found = []
    for _, text in heldout:
        ratio, match = closest(normalise(text), training)
        if ratio > MAX_RATIO:
            found.append((round(ratio, 3), text, match))
    return sorted(found, reverse=True)


def training_texts() -> list[str]:
    return sorted({normalise(text) for path in training_files() for _, text in examples(path)})


if __name__ == "__main__":
    trained = training_texts()
    files = [Path(a) for a in sys.argv[1:]] or heldout_files()
    total = 0
    for path in files:
        offenders = near_copies(examples(path), trained)
        total += len(offenders)
        for ratio, text, match in offenders:
            print(f"{path.name}\t{ratio:.3f}\t{text}\t<->\t{match}")
    print(f"{total} near copies (ratio > {MAX_RATIO})", file=sys.stderr)
    sys.exit(1 if total else 0)
