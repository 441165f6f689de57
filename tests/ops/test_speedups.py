"""The jsonschema speed-up keeps Rasa's check: valid responses pass, invalid ones fail."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

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
    monkeypatch.setenv("BEIRAT_SPEEDUPS", "0")
    assert speedups.install() is False
    assert RemoteAction._validate_action_result is rasas_own
