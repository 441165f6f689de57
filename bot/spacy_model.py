"""The German spaCy model: de_core_news_sm when installed, else an honest fallback.

``de_core_news_sm`` cannot be downloaded on every machine (spaCy's model files are
not on every package registry). Then the NLU runs on spaCy's German language class
(blank ``de``) with the lookup lemmatizer from ``spacy-lookups-data`` and says so in
one warning line at training and at start. Nothing pretends the full model is there.

``python -m bot.spacy_model install`` tries the normal download; ``... status``
prints which pipeline the bot uses.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from typing import Any

MODEL_NAME = "de_core_news_sm"
FALLBACK_NAME = "blank:de+lookup-lemmatizer"
FALLBACK_WARNING = (
    "WARNUNG: Das spaCy-Modell de_core_news_sm ist nicht installiert. "
    "Die NLU nutzt stattdessen spaCy blank 'de' mit Lookup-Lemmatizer (spacy-lookups-data): "
    "keine Wortarten, keine Vektoren. So installieren Sie das volle Modell: siehe README, "
    "Abschnitt 'Das deutsche spaCy-Modell'."
)

logger = logging.getLogger(__name__)


def full_model_installed() -> bool:
    import spacy.util

    return spacy.util.is_package(MODEL_NAME)


def load_german(model_name: str = MODEL_NAME):
    """Returns ``(nlp, name)``: the full model, or the fallback with a warning."""
    import spacy

    if full_model_installed():
        return spacy.load(model_name, disable=["parser"]), model_name
    logger.warning(FALLBACK_WARNING)
    print(FALLBACK_WARNING, file=sys.stderr)
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp, FALLBACK_NAME


def install() -> int:
    """Tries ``spacy download``; on failure says once, clearly, what happens instead."""
    if full_model_installed():
        print(f"spaCy-Modell {MODEL_NAME} ist installiert.")
        return 0
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "download", MODEL_NAME],
        capture_output=True,
        text=True,
    )
    if result.returncode == 0 and full_model_installed():
        print(f"spaCy-Modell {MODEL_NAME} wurde installiert.")
        return 0
    print(FALLBACK_WARNING, file=sys.stderr)
    return 1


_loaded: dict[str, Any] = {}  # model name -> SpacyModel, loaded once per process

try:  # The Rasa component exists only where Rasa is installed.
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

    @DefaultV1Recipe.register(
        [
            DefaultV1Recipe.ComponentType.MODEL_LOADER,
            DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
        ],
        is_trainable=False,
        # Its own loader node: with "SpacyNLP" the recipe would load the stock class.
        model_from="GermanSpacyNLP",
    )
    class GermanSpacyNLP(SpacyNLP):
        """SpacyNLP that loads de_core_news_sm or, loudly, the blank German fallback."""

        @staticmethod
        def load_model(spacy_model_name: str) -> SpacyModel:
            # Rasa's graph has two nodes that load the pipeline (provider and featurizer):
            # one copy per process, not two (the lemma table alone is 355,000 entries).
            key = spacy_model_name or MODEL_NAME
            if key not in _loaded:
                nlp, name = load_german(key)
                # The name is the fingerprint: switching model retrains the NLU.
                _loaded[key] = SpacyModel(model=nlp, model_name=name)
            return _loaded[key]

        @staticmethod
        def ensure_proper_language_model(nlp: Any) -> None:
            # The blank fallback has no path on disk; that is expected here.
            if nlp is None:
                raise RuntimeError("Das spaCy-Modell konnte nicht geladen werden.")

        @staticmethod
        def get_default_config() -> dict[str, Any]:
            return {"case_sensitive": False, "model": MODEL_NAME}

except ImportError:  # pragma: no cover - rasa not installed
    pass


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["install"]:
        return install()
    name = MODEL_NAME if full_model_installed() else FALLBACK_NAME
    print(f"NLU-Sprachmodell: {name}")
    if name == FALLBACK_NAME:
        print(FALLBACK_WARNING)
    return 0


if __name__ == "__main__":
    sys.exit(main())
