"""``beirat review-export``: every answer template with real renderings, for a review group.

The renderings come from the real documents in knowledge/protocols (a fresh database,
as ``beirat lint-language`` builds it), delivered as a user reads them; the fixed texts
(domain.yml, widget, channels) are in the table too. See ``bot.lint.review``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bot.lint.review import ReviewFileError, group_by_template, load_reviews, write_export


def run_review_export(output: Path, per_template: int = 3) -> int:
    from bot.db.session import session_scope
    from bot.lint.catalog import render_all
    from bot.lint.checker import CheckerError, fixed_texts
    from bot.lint.corpora import CorpusError, build
    from bot.lint.sources import names_from_database

    try:
        reviews = load_reviews()
        texts = fixed_texts()
        with tempfile.TemporaryDirectory(prefix="beirat-review-") as folder:
            (corpus,) = build(Path(folder), ("real",))
            with session_scope(corpus.url) as session:
                names, councils = names_from_database(session)
                texts += [(label, str(text)) for label, text in render_all(session) if text.strip()]
        groups = group_by_template(texts, names | councils)
        rows = write_export(output, groups, reviews, max(1, per_template))
    except (ReviewFileError, CheckerError, CorpusError, OSError) as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    checked = sum(1 for template in groups if template in reviews)
    unchecked = len(groups) - checked
    print(f"{output}: {rows} Texte aus {len(groups)} Vorlagen; geprüft: {checked}, nicht geprüft: {unchecked}.")
    return 0
