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
3. Sparse features: the NLU pipeline joins the featurizers' sparse matrices with
   ``scipy.sparse.hstack`` (5 calls per message), whose general block code costs
   ~124 µs a call here; two COO matrices side by side are joined directly in ~36 µs,
   into the same matrix (same dtype, index dtype, entries in the same order).
   Any other input goes to Rasa's own method.

The patches are applied only to the Rasa (and scipy) version they were written for; with
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
PATCHED_SCIPY_VERSION = "1.10.1"  # the sparse join follows this version's bmat
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


def _combine_sparse_features(self: Any, additional_features: Any) -> None:
    """Rasa's ``Features._combine_sparse_features`` for two COO matrices, as scipy's bmat builds it."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse._sputils import get_index_dtype, upcast

    left, right = self.features, additional_features.features
    if type(left) is not coo_matrix or type(right) is not coo_matrix or left.shape[0] != right.shape[0]:
        _originals["combine_sparse_features"](self, additional_features)
        return
    shape = (left.shape[0], left.shape[1] + right.shape[1])
    index_dtype = get_index_dtype(maxval=max(shape))
    data = np.empty(left.nnz + right.nnz, dtype=upcast(left.dtype, right.dtype))
    row = np.empty(left.nnz + right.nnz, dtype=index_dtype)
    col = np.empty(left.nnz + right.nnz, dtype=index_dtype)
    for start, stop, block, col_offset in ((0, left.nnz, left, 0), (left.nnz, None, right, left.shape[1])):
        data[start:stop] = block.data
        np.add(block.row, 0, out=row[start:stop], dtype=index_dtype)
        np.add(block.col, col_offset, out=col[start:stop], dtype=index_dtype)
    self.features = coo_matrix((data, (row, col)), shape=shape)
    self._cached_fingerprint = None


def _is_installed() -> bool:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.features import Features

    return (
        RemoteAction._validate_action_result is _validate_action_result
        and Event.resolve_by_type is _resolve_event_type
        and Features._combine_sparse_features is _combine_sparse_features
    )


def _keep_rasas_own() -> None:
    """Remembers Rasa's methods once, before anything is patched."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.features import Features

    if _originals:
        return
    _originals["validate_action_result"] = RemoteAction.__dict__["_validate_action_result"]
    _originals["resolve_by_type_static"] = Event.__dict__["resolve_by_type"]
    _originals["resolve_by_type"] = Event.__dict__["resolve_by_type"].__func__
    _originals["init_subclass"] = Event.__dict__.get("__init_subclass__")
    _originals["combine_sparse_features"] = Features.__dict__["_combine_sparse_features"]


def install() -> bool:
    """Applies the patches once; returns whether they are active."""
    import rasa
    import scipy
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.features import Features

    if _originals and _is_installed():
        return True
    if os.environ.get("BEIRAT_SPEEDUPS", "1").strip() == "0":
        return False
    if (rasa.__version__, scipy.__version__) != (PATCHED_RASA_VERSION, PATCHED_SCIPY_VERSION):
        logger.warning(
            "bot.speedups: Rasa %s/scipy %s statt %s/%s, Patch nicht angewendet.",
            rasa.__version__, scipy.__version__, PATCHED_RASA_VERSION, PATCHED_SCIPY_VERSION,
        )  # fmt: skip
        return False
    _keep_rasas_own()
    _event_types.invalidate()
    Event.__init_subclass__ = classmethod(_on_new_event_class)
    Event.resolve_by_type = staticmethod(_resolve_event_type)
    RemoteAction._validate_action_result = _validate_action_result
    Features._combine_sparse_features = _combine_sparse_features
    return True


def uninstall() -> None:
    """Puts Rasa's own methods back (for measurements and tests)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.features import Features

    if not _originals:
        return

    RemoteAction._validate_action_result = _originals["validate_action_result"]
    Features._combine_sparse_features = _originals["combine_sparse_features"]
    Event.resolve_by_type = _originals["resolve_by_type_static"]
    if _originals["init_subclass"] is None:
        if "__init_subclass__" in Event.__dict__:
            del Event.__init_subclass__
    else:
        Event.__init_subclass__ = _originals["init_subclass"]
