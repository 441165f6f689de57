"""The databases the checker renders every answer from: seed, real documents, scale corpus.

Each is built fresh by the real ingest (parser + writer) into an SQLite file in a
temporary folder, so the check never depends on what var/decisions.sqlite holds:

- ``seed``: the one seed protocol (Linden-Limmer, 32nd meeting);
- ``real``: every document in knowledge/protocols;
- ``scale``: a slice of the benchmark's scale corpus (``bench.scale_corpus``, the
  generator in the shapes of the real documents): each of the 13 councils with one
  year of its own (2010, 2011, …), so that every period's protocol and decision-paper
  shapes are in it. About 80 documents: the whole corpus (1,150) would take the
  checker far beyond its two minutes and add only more of the same answers.
"""

from __future__ import annotations

import importlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from bot.config import KNOWLEDGE_DIR, REPO_ROOT

SEED_PROTOCOL = "2019-04-01_linden-limmer_32.txt"
SCALE_FIRST_YEAR = 2010


class CorpusError(RuntimeError):
    """A corpus could not be built; the message says why."""


@dataclass(frozen=True)
class Corpus:
    name: str
    url: str  # SQLAlchemy URL of its database
    documents: int


def _ingest(name: str, paths: list[Path], folder: Path) -> Corpus:
    from bot.db.session import dispose_engine
    from bot.importer.ingest import ingest

    url = f"sqlite:///{folder / f'{name}.sqlite'}"
    summary = ingest(paths, url=url, knowledge_dir=KNOWLEDGE_DIR, err=Console(file=io.StringIO()))
    dispose_engine(url)
    if summary.exit_code or not summary.new:
        problems = "; ".join(summary.failed + summary.reference_errors) or "nichts eingelesen"
        raise CorpusError(f"Korpus {name}: {problems}")
    return Corpus(name, url, len(summary.new))


def scale_generator():
    """``bench.scale_corpus`` from this checkout (bench/ is not an installed package)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.append(str(REPO_ROOT))
    try:
        return importlib.import_module("bench.scale_corpus")
    except ImportError as error:
        raise CorpusError(f"bench/scale_corpus.py fehlt: {error}") from error


def build(folder: Path, names: tuple[str, ...] = ("seed", "real", "scale")) -> list[Corpus]:
    """Builds the named corpora in ``folder`` (which must be empty or new)."""
    protocols = KNOWLEDGE_DIR / "protocols"
    built = []
    for name in names:
        if name == "seed":
            built.append(_ingest(name, [protocols / SEED_PROTOCOL], folder))
        elif name == "real":
            built.append(_ingest(name, [protocols], folder))
        elif name == "scale":
            generator = scale_generator()
            documents = folder / "scale-documents"
            for index, district in enumerate(generator.DISTRICTS):
                generator.generate(documents, councils=[district], years=[SCALE_FIRST_YEAR + index])
            built.append(_ingest(name, [documents], folder))
        else:
            raise CorpusError(f"Unbekanntes Korpus: {name}")
    return built
