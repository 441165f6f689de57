"""The speed-ups keep Rasa's behaviour.

- jsonschema: valid action server responses pass, invalid ones fail with Rasa's message;
- event types: ``Event.resolve_by_type`` gives Rasa's class, default, ``None`` or error
  for every input, and a conversation deserialises to the same events;
- sparse features: two joined COO matrices equal scipy's hstack (type, dtypes, entries).
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
    deserialise_events,
)
from rasa.shared.nlu.constants import FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.utils.common import all_subclasses

from bot import speedups


@pytest.fixture
def action():
    assert speedups.install(), "the patch must be active for Rasa 3.6.21"
    assert RemoteAction._validate_action_result is speedups._validate_action_result
    return RemoteAction("action_grant_amount", None)


def test_valid_response_passes(action):
    response = {
        "events": [{"event": "slot", "name": "organisation", "value": "Banjul e.V.", "timestamp": None}],
        "responses": [{"text": "Banjul e.V. hat Geld beantragt.", "buttons": [{"title": "Ja", "payload": "/affirm"}]}],
    }
    assert action._validate_action_result(response) is True


@pytest.mark.parametrize(
    "response",
    [
        {"events": "keine Liste"},
        {"events": [{"name": "ohne event"}]},
        {"responses": "keine Liste"},
    ],
)
def test_invalid_response_fails_with_rasas_message(action, response):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(response)


def test_patch_can_be_switched_off(monkeypatch):
    def rasas_own(self, result):
        return True

    monkeypatch.setattr(RemoteAction, "_validate_action_result", rasas_own)
    monkeypatch.setattr(Event, "resolve_by_type", staticmethod(rasas_resolve_by_type))
    monkeypatch.setenv("BEIRAT_SPEEDUPS", "0")
    assert speedups.install() is False
    assert RemoteAction._validate_action_result is rasas_own
    assert Event.resolve_by_type is rasas_resolve_by_type


def rasas_resolve_by_type(type_name, default=None):
    """Rasa 3.6.21's own ``Event.resolve_by_type`` (kept by the patch), called directly."""
    return speedups._originals["resolve_by_type"](type_name, default)


def _outcome(function, *args):
    try:
        return ("result", function(*args))
    except Exception as error:  # the same kind of error with the same text counts as equal
        return ("error", type(error), str(error))


def _known_type_names():
    return sorted({cls.type_name for cls in all_subclasses(Event)})


@pytest.fixture
def patched_events():
    assert speedups.install(), "the patch must be active for Rasa 3.6.21"
    assert Event.resolve_by_type is speedups._resolve_event_type
    return Event


def test_every_event_type_resolves_to_rasas_class(patched_events):
    names = _known_type_names()
    assert {"user", "bot", "action", "slot", "session_started", "form"} <= set(names)
    for name in names:
        assert patched_events.resolve_by_type(name) is rasas_resolve_by_type(name), name


@pytest.mark.parametrize(
    "args",
    [
        ("topic",),
        ("topic", SlotSet),
        ("gibt es nicht",),
        ("gibt es nicht", SlotSet),
        ("",),
        ("USER",),
        (None,),
        (None, SlotSet),
        (["user"],),
        (42, SlotSet),
    ],
)
def test_odd_type_names_behave_like_rasa(patched_events, args):
    assert _outcome(patched_events.resolve_by_type, *args) == _outcome(rasas_resolve_by_type, *args)


def test_a_new_event_class_is_found(patched_events):
    assert patched_events.resolve_by_type("user") is UserUttered  # the table is built now

    class BeiratTestEvent(Event):
        type_name = "beirat_test_event"

        def as_story_string(self):
            return None

        def __eq__(self, other):
            return isinstance(other, BeiratTestEvent)

        def __hash__(self):
            return 0

    assert patched_events.resolve_by_type("beirat_test_event") is BeiratTestEvent
    assert rasas_resolve_by_type("beirat_test_event") is BeiratTestEvent


def test_conversation_deserialises_to_the_same_events(patched_events):
    events = [
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("Wie viel Geld hat Banjul bekommen?", {"name": "ask_grant_amount", "confidence": 0.9},
                    [{"entity": "organisation", "value": "Banjul e.V.", "start": 21, "end": 27}]),
        SlotSet("organisation", "Banjul e.V."),
        BotUttered("Banjul e.V. hat 500 Euro bekommen.", metadata={"utter_action": "utter_x"}),
        ActiveLoop(None),
        ActionExecuted("action_listen"),
        {"event": "topic", "timestamp": None},
    ]  # fmt: skip
    dump = [event if isinstance(event, dict) else event.as_dict() for event in events]
    with_patch = deserialise_events(dump)
    speedups.uninstall()
    try:
        assert Event.resolve_by_type is speedups._originals["resolve_by_type"]
        without_patch = deserialise_events(dump)
    finally:
        assert speedups.install()
    assert len(with_patch) == 7
    assert with_patch == without_patch
    assert [type(event) for event in with_patch] == [type(event) for event in without_patch]


def _coo(rows, cols, nnz, dtype, seed):
    rng = np.random.default_rng(seed)
    matrix = scipy.sparse.coo_matrix(
        (rng.random(nnz).astype(dtype), (rng.integers(0, rows, nnz), rng.integers(0, max(cols, 1), nnz))),
        shape=(rows, cols),
    )
    return matrix


def _combined(combine, left, right):
    features = Features(left, FEATURE_TYPE_SEQUENCE, TEXT, "a")
    combine(features, Features(right, FEATURE_TYPE_SEQUENCE, TEXT, "b"))
    return features.features


def _same_matrix(a, b):
    assert type(a) is type(b)
    assert a.shape == b.shape and a.dtype == b.dtype
    if scipy.sparse.isspmatrix_coo(a):
        assert a.row.dtype == b.row.dtype and a.col.dtype == b.col.dtype
        assert np.array_equal(a.row, b.row) and np.array_equal(a.col, b.col) and np.array_equal(a.data, b.data)
    assert np.array_equal(a.toarray(), b.toarray())


@pytest.mark.parametrize(
    "left, right",
    [
        ((7, 300, 12, np.float64), (7, 900, 20, np.float64)),
        ((1, 50, 3, np.float32), (1, 4000, 9, np.float64)),
        ((12, 80, 0, np.float64), (12, 10, 5, np.float64)),
        ((3, 0, 0, np.float64), (3, 6, 4, np.float32)),
        ((5, 40, 8, np.int64), (5, 30, 8, np.float32)),
    ],
)
def test_sparse_join_gives_scipys_matrix(left, right):
    assert speedups.install()
    assert Features._combine_sparse_features is speedups._combine_sparse_features
    a, b = _coo(*left, seed=1), _coo(*right, seed=2)
    rasas_own = speedups._originals["combine_sparse_features"]
    _same_matrix(_combined(speedups._combine_sparse_features, a, b), _combined(rasas_own, a, b))


def test_sparse_join_of_other_formats_and_wrong_shapes_is_rasas():
    assert speedups.install()
    rasas_own = speedups._originals["combine_sparse_features"]
    a, b = _coo(4, 20, 6, np.float64, 1), _coo(4, 30, 6, np.float64, 2)
    _same_matrix(
        _combined(speedups._combine_sparse_features, a.tocsr(), b.tocsr()), _combined(rasas_own, a.tocsr(), b.tocsr())
    )
    _same_matrix(_combined(speedups._combine_sparse_features, a, b.tocsr()), _combined(rasas_own, a, b.tocsr()))
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        _combined(speedups._combine_sparse_features, a, _coo(5, 30, 6, np.float64, 2))


def test_features_fingerprint_is_renewed_after_a_join():
    assert speedups.install()
    features = Features(_coo(2, 10, 3, np.float64, 1), FEATURE_TYPE_SEQUENCE, TEXT, "a")
    before = features.fingerprint()
    features.combine_with_features(Features(_coo(2, 5, 3, np.float64, 2), FEATURE_TYPE_SEQUENCE, TEXT, "b"))
    assert features.features.shape == (2, 15)
    assert features.fingerprint() != before
