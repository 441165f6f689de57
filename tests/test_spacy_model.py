"""The German spaCy pipeline: the full model when installed, else a loud, honest fallback."""
import pytest

from bot import spacy_model


def test_pipeline_name_says_which_model_is_used(capsys):
    nlp, name = spacy_model.load_german()
    if spacy_model.full_model_installed():
        assert name == spacy_model.MODEL_NAME
    else:
        assert name == spacy_model.FALLBACK_NAME, "fallback must not call itself de_core_news_sm"
        assert "de_core_news_sm ist nicht installiert" in capsys.readouterr().err
    assert nlp.lang == "de"


@pytest.mark.skipif(spacy_model.full_model_installed(), reason="full model installed: no fallback to test")
def test_fallback_lemmatizes_german_words():
    nlp, _ = spacy_model.load_german()
    lemmas = {t.text: t.lemma_ for t in nlp("Die Vereine haben Anträge gestellt")}
    assert lemmas["Vereine"] == "Verein", f"lookup lemmatizer not active: {lemmas}"


def test_rasa_component_fingerprints_the_real_model_name():
    component = pytest.importorskip("bot.spacy_model").GermanSpacyNLP
    model = component.load_model("de_core_news_sm")
    expected = spacy_model.MODEL_NAME if spacy_model.full_model_installed() else spacy_model.FALLBACK_NAME
    assert model.model_name == expected


def test_rasa_component_loads_the_pipeline_once_per_process():
    """Two graph nodes load it; one copy of the lemma table is enough (memory per Rasa process)."""
    component = pytest.importorskip("bot.spacy_model").GermanSpacyNLP
    first, second = component.load_model("de_core_news_sm"), component.load_model("de_core_news_sm")
    assert first.model is second.model
