"""The feedback texts residents read pass the Leichte Sprache rules of `beirat lint-language`.

`beirat lint-language` checks the bot's answers, not the widget or the channel texts,
so the texts this feature adds are checked here with the same rules and readability.
"""
from __future__ import annotations

import re

import pytest

from bot.channels import feedback
from bot.config import REPO_ROOT
from bot.lint.readability import flesch_amstad
from bot.lint.rules import check_text

CONFIG_JS = REPO_ROOT / "web" / "src" / "config.js"
WIDGET_KEYS = ("privacy", "feedbackLabel", "helpful", "notHelpful", "feedbackThanks")


def widget_text(key: str) -> str:
    match = re.search(rf'^\s*{key}:\s*"([^"]*)",?\s*$', CONFIG_JS.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{key} not found in {CONFIG_JS}"
    return match.group(1)


TEXTS = [feedback.HELPFUL_TEXT, feedback.NOT_HELPFUL_TEXT, feedback.THANKS_TEXT] + [widget_text(k) for k in WIDGET_KEYS]


@pytest.mark.parametrize("text", TEXTS)
def test_text_follows_the_rules(text):
    assert check_text(text) == []
    if len(text.split()) >= 3:  # a readability score of a one-word button label says nothing
        assert flesch_amstad(text) >= 70, f"{text!r} is harder to read than the target"


def test_widget_and_telegram_use_the_same_words():
    assert (widget_text("helpful"), widget_text("notHelpful"), widget_text("feedbackThanks")) == (
        feedback.HELPFUL_TEXT, feedback.NOT_HELPFUL_TEXT, feedback.THANKS_TEXT)


def test_privacy_line_says_what_is_kept_and_for_how_long():
    line = widget_text("privacy")
    assert "Fragen" in line and "Hilfreich" in line and "30 Tagen" in line
