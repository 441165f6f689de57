"""Names shared by the actions (which know what an answer is) and the channels (which record it).

An action attaches ``{META_KEY: {...}}`` to a bot message (rasa_sdk passes extra
``utter_message`` arguments on as message metadata); the channel layer reads it,
records the answer and offers the feedback buttons. Nothing here touches a database.
"""

from __future__ import annotations

META_KEY = "beirat_answer"

# What an answer was, from the bot's side.
ANSWERED = "answered"  # a factual answer from the knowledge base: gets feedback buttons
NO_DATA = "no_data"  # understood, but the knowledge base has nothing (or the name is unknown)
FALLBACK = "fallback"  # not understood (utter_default)
OUT_OF_SCOPE = "out_of_scope"  # understood as a question the bot is not for

UNANSWERED_KINDS = (FALLBACK, OUT_OF_SCOPE, NO_DATA)

# Responses of domain.yml that mean "not answered", by the name Rasa reports as utter_action.
UNANSWERED_RESPONSES = {
    "utter_default": FALLBACK,
    "action_default_fallback": FALLBACK,
    "utter_out_of_scope": OUT_OF_SCOPE,
}

# The German labels staff and residents read.
KIND_LABELS = {
    FALLBACK: "nicht verstanden",
    OUT_OF_SCOPE: "anderes Thema",
    NO_DATA: "keine Daten",
}
