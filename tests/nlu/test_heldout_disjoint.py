"""The held-out NLU split stays unseen, and every intent has enough examples."""
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.training_data import TrainingData

REPO = Path(__file__).resolve().parents[2]
TRAINING_FILES = sorted(
    p for p in (REPO / "data" / "nlu").rglob("*.yml") if "lookups" not in p.relative_to(REPO / "data" / "nlu").parts
)
HELDOUT_FILE = REPO / "tests" / "nlu" / "heldout.yml"
MIN_TRAINING = 25
MIN_HELDOUT = 8


def _load(paths) -> TrainingData:
    reader = RasaYAMLReader()
    return TrainingData().merge(*(reader.read(p) for p in paths))


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _examples_by_intent(data: TrainingData) -> dict:
    counts: dict = {}
    for message in data.intent_examples:
        counts.setdefault(message.get("intent"), []).append(message.get("text"))
    return counts


@pytest.fixture(scope="module")
def training() -> TrainingData:
    return _load(TRAINING_FILES)


@pytest.fixture(scope="module")
def heldout() -> TrainingData:
    return _load([HELDOUT_FILE])


@pytest.fixture(scope="module")
def domain_intents() -> list:
    return yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))["intents"]


def test_no_heldout_text_is_in_the_training_data(training, heldout):
    trained = {_normalise(m.get("text")) for m in training.intent_examples}
    leaked = sorted(_normalise(m.get("text")) for m in heldout.intent_examples if _normalise(m.get("text")) in trained)
    assert not leaked, f"held-out examples also in data/nlu (remove them from one side): {leaked}"


def test_every_domain_intent_has_enough_training_examples(training, domain_intents):
    counts = {intent: len(texts) for intent, texts in _examples_by_intent(training).items()}
    too_few = {intent: counts.get(intent, 0) for intent in domain_intents if counts.get(intent, 0) < MIN_TRAINING}
    assert not too_few, f"intents with fewer than {MIN_TRAINING} training examples: {too_few}"


def test_every_domain_intent_has_enough_heldout_examples(heldout, domain_intents):
    counts = {intent: len(texts) for intent, texts in _examples_by_intent(heldout).items()}
    too_few = {intent: counts.get(intent, 0) for intent in domain_intents if counts.get(intent, 0) < MIN_HELDOUT}
    assert not too_few, f"intents with fewer than {MIN_HELDOUT} held-out examples: {too_few}"


def test_heldout_uses_only_domain_intents(heldout, domain_intents):
    unknown = sorted(set(_examples_by_intent(heldout)) - set(domain_intents))
    assert not unknown, f"held-out intents missing from domain.yml: {unknown}"


def test_no_training_example_appears_under_two_intents(training):
    seen: dict = {}
    clashes = []
    for intent, texts in _examples_by_intent(training).items():
        for text in texts:
            key = _normalise(text)
            if key in seen and seen[key] != intent:
                clashes.append((text, seen[key], intent))
            seen[key] = intent
    assert not clashes, f"same text under two intents (the model cannot learn both): {clashes}"
