"""Measured speed-ups for the Rasa server, applied when our channels load.

1. Action server responses: Rasa 3.6.21 checks every response with
   ``jsonschema.validate(result, schema)``. That call first validates the *schema*
   against JSON Schema's meta-schema and resolves its ``$ref``s, every time: 19.7 ms
   per call here, and 46 % of the Rasa server's busy CPU under load (py-spy,
   bench/results.json). A validator compiled once checks the same response against
   the same schema in 2.7 ms.
2. Event types: every stored event of a conversation is turned back into an object
   on every message, and Rasa finds its class with ``Event.resolve_by_type``, which
   walks all subclasses of ``Event`` and asks ``inspect.isabstract`` of each, once per
   event (py-spy: ~6 % of the busy CPU). The table type name -> class is built once,
   with the same rule (the first class in Rasa's order wins), and built again when a
   new subclass of ``Event`` is defined, so it cannot go stale.

The patches are applied only to the Rasa version they were written for; with
another version Rasa's own methods stay and one warning says so. ``BEIRAT_SPEEDUPS=0``
switches them off (to measure the difference: ``python -m bench --compare-speedups``
or ``python -m bench.rasa_components --compare-speedups``).
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

logger = logging.getLogger(__name__)

PATCHED_RASA_VERSION = "3.6.21"
_validator = None
_originals: dict[str, Any] = {}


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Same check and same error message as Rasa's, with a validator built once."""
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import DOCS_BASE_URL, RemoteAction

    global _validator
    if _validator is None:
        schema = RemoteAction.action_response_format_spec()
        _validator = validator_for(schema)(schema)
    try:
        _validator.validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


class _EventTypes:
    """Type name -> Event class, rebuilt after a new subclass of Event is defined."""

    def __init__(self) -> None:
        self.table: dict[str, type] | None = None
        self.generation = 0
        self.lock = threading.Lock()

    def invalidate(self) -> None:
        with self.lock:
            self.generation += 1
            self.table = None

    def get(self) -> dict[str, type]:
        table = self.table
        if table is not None:
            return table
        from rasa.shared.core.events import Event
        from rasa.shared.utils.common import all_subclasses

        generation = self.generation
        table = {}
        for cls in all_subclasses(Event):  # Rasa's order: the first match wins
            table.setdefault(cls.type_name, cls)
        with self.lock:
            if generation == self.generation:  # no subclass appeared while building
                self.table = table
        return table


_event_types = _EventTypes()


def _resolve_event_type(type_name: Any, default: Any = None) -> Any:
    """Rasa's ``Event.resolve_by_type``: same result, same error, without the class walk."""
    if not isinstance(type_name, str):  # unhashable or odd input: Rasa's own comparison
        return _originals["resolve_by_type"](type_name, default)
    cls = _event_types.get().get(type_name)
    if cls is not None:
        return cls
    if type_name == "topic":
        return None  # Rasa: backwards compatibility to support old TopicSet events
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def _on_new_event_class(cls: Any, **kwargs: Any) -> None:
    """Installed as ``Event.__init_subclass__``: a new event class empties the table."""
    from rasa.shared.core.events import Event

    super(Event, cls).__init_subclass__(**kwargs)
    _event_types.invalidate()


def _is_installed() -> bool:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    return (
        RemoteAction._validate_action_result is _validate_action_result and Event.resolve_by_type is _resolve_event_type
    )


def _keep_rasas_own() -> None:
    """Remembers Rasa's methods once, before anything is patched."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    if _originals:
        return
    _originals["validate_action_result"] = RemoteAction.__dict__["_validate_action_result"]
    _originals["resolve_by_type_static"] = Event.__dict__["resolve_by_type"]
    _originals["resolve_by_type"] = Event.__dict__["resolve_by_type"].__func__
    _originals["init_subclass"] = Event.__dict__.get("__init_subclass__")


def install() -> bool:
    """Applies the patches once; returns whether they are active."""
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    if _originals and _is_installed():
        return True
    if os.environ.get("BEIRAT_SPEEDUPS", "1").strip() == "0":
        return False
    if rasa.__version__ != PATCHED_RASA_VERSION:
        logger.warning(
            "bot.speedups: Rasa %s statt %s, Patch nicht angewendet.", rasa.__version__, PATCHED_RASA_VERSION
        )
        return False
    _keep_rasas_own()
    _event_types.invalidate()
    Event.__init_subclass__ = classmethod(_on_new_event_class)
    Event.resolve_by_type = staticmethod(_resolve_event_type)
    RemoteAction._validate_action_result = _validate_action_result
    return True


def uninstall() -> None:
    """Puts Rasa's own methods back (for measurements and tests)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    if not _originals:
        return
    RemoteAction._validate_action_result = _originals["validate_action_result"]
    Event.resolve_by_type = _originals["resolve_by_type_static"]
    if _originals["init_subclass"] is None:
        if "__init_subclass__" in Event.__dict__:
            del Event.__init_subclass__
    else:
        Event.__init_subclass__ = _originals["init_subclass"]
