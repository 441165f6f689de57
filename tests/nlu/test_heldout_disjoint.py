"""The held-out NLU split stays unseen, and every intent has enough examples.

Every held-out file (tests/nlu/heldout*.yml) is checked against data/nlu after a real
normalisation (entity markup, case, umlauts and ß, punctuation, whitespace: see
similarity.py): no held-out sentence may have a similarity above MAX_RATIO (0.8) to any
training sentence, so the held-out figure measures sentences the model has not seen.
"""

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.training_data import TrainingData
from similarity import MAX_RATIO, closest, examples, heldout_files, near_copies, normalise, training_files

REPO = Path(__file__).resolve().parents[2]
HELDOUT_FILES = heldout_files()
MIN_TRAINING = 25
MIN_HELDOUT = 8


def _load(paths) -> TrainingData:
    reader = RasaYAMLReader()
    return TrainingData().merge(*(reader.read(p) for p in paths))


def _examples_by_intent(data: TrainingData) -> dict:
    counts: dict = {}
    for message in data.intent_examples:
        counts.setdefault(message.get("intent"), []).append(message.get("text"))
    return counts


@pytest.fixture(scope="module")
def training() -> TrainingData:
    return _load(training_files())


@pytest.fixture(scope="module")
def trained_texts(training) -> list:
    return sorted({normalise(m.get("text")) for m in training.intent_examples})


@pytest.fixture(scope="module")
def heldout() -> TrainingData:
    return _load(HELDOUT_FILES)


@pytest.fixture(scope="module")
def domain_intents() -> list:
    return yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))["intents"]


def test_there_are_heldout_files():
    names = {p.name for p in HELDOUT_FILES}
    assert {"heldout.yml", "heldout_residents.yml"} <= names, names


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Wie viel Geld hat [Banjul e.V.](organisation) bekommen?", "wie viel geld hat banjul e v bekommen"),
        ("wer ist STELLVERTRETERIN in [Döhren-Wülfel](council)!!", "wer ist stellvertreterin in doehren wuelfel"),
        ('Was heißt [MSO]{"entity": "term"}?', "was heisst mso"),
        ("  für   was\t", "fuer was"),
    ],
)
def test_the_normalisation_removes_what_does_not_change_the_sentence(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "copy",
    [
        "Wie viel Geld hat [Banjul](organisation) bekommen?",  # markup and punctuation
        "WIE VIEL GELD HAT BANJUL BEKOMMEN",  # case
        "wie viel geld hat banjul bekomen",  # one typo
    ],
)
def test_a_near_copy_is_caught(copy):
    trained = [normalise("wie viel geld hat [banjul](organisation) bekommen")]
    assert near_copies([("ask_grant_amount", copy)], trained), copy
    assert closest(normalise(copy), trained)[0] > MAX_RATIO


def test_a_different_sentence_passes():
    trained = [normalise("wie viel geld hat [banjul](organisation) bekommen")]
    assert not near_copies([("ask_grant_amount", "banjul verein kriegt wieviel euro vom beirat?")], trained)


@pytest.mark.parametrize("path", HELDOUT_FILES, ids=lambda p: p.name)
def test_no_heldout_text_is_near_a_training_text(path, trained_texts):
    offenders = near_copies(examples(path), trained_texts)
    listed = "\n".join(f"  {ratio:.2f}  {text!r} ~ {match!r}" for ratio, text, match in offenders[:40])
    assert not offenders, (
        f"{len(offenders)} held-out examples in {path.name} are near copies of data/nlu "
        f"(similarity > {MAX_RATIO}); rewrite one side:\n{listed}"
    )


def test_no_heldout_text_appears_twice(heldout):
    seen: dict = {}
    for message in heldout.intent_examples:
        key = normalise(message.get("text"))
        seen[key] = seen.get(key, 0) + 1
    twice = sorted(text for text, count in seen.items() if count > 1)
    assert not twice, f"held-out examples that appear twice: {twice}"


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
            key = normalise(text)
            if key in seen and seen[key] != intent:
                clashes.append((text, seen[key], intent))
            seen[key] = intent
    assert not clashes, f"same text under two intents (the model cannot learn both): {clashes}"
