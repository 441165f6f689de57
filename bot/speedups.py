"""One measured speed-up for the Rasa server, applied when our channels load.

Rasa 3.6.21 checks every action server response with ``jsonschema.validate(result,
schema)``. That call first validates the *schema* against JSON Schema's meta-schema
and resolves its ``$ref``s, every time: 19.7 ms per call here, and 46 % of the Rasa
server's busy CPU under load (py-spy, bench/results.json). A validator compiled
once checks the same response against the same schema in 2.7 ms.

The patch is applied only to the Rasa version it was written for; with another
version Rasa's own method stays and one warning says so. ``BEIRAT_SPEEDUPS=0``
switches it off (to measure the difference: ``python -m bench --compare-speedups``).
"""

from __future__ import annotations

import logging
import os
from typing import Any

logger = logging.getLogger(__name__)

PATCHED_RASA_VERSION = "3.6.21"
_validator = None


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


def install() -> bool:
    """Applies the patch once; returns whether it is active."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    if RemoteAction._validate_action_result is _validate_action_result:
        return True
    if os.environ.get("BEIRAT_SPEEDUPS", "1").strip() == "0":
        return False
    if rasa.__version__ != PATCHED_RASA_VERSION:
        logger.warning(
            "bot.speedups: Rasa %s statt %s, Patch nicht angewendet.", rasa.__version__, PATCHED_RASA_VERSION
        )
        return False
    RemoteAction._validate_action_result = _validate_action_result
    return True
