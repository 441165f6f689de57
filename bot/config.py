"""Paths and settings, from the environment with sensible defaults."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_ENV = "BEIRAT_KNOWLEDGE_DIR"
DEFAULT_DB_FILE = REPO_ROOT / "var" / "decisions.sqlite"


def knowledge_dir() -> Path:
    """Where corrections, glossary, curated facts and protocols are.

    ``BEIRAT_KNOWLEDGE_DIR`` when set; else ``knowledge/`` of the checkout this code runs
    from (``make install`` installs editable); else ``knowledge/`` in the working
    directory (a wheel install, e.g. the container's /app). When none exists, the
    checkout's path is returned and ingest says that the files are missing.
    """
    configured = os.environ.get(KNOWLEDGE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    for candidate in (REPO_ROOT / "knowledge", Path.cwd() / "knowledge"):
        if candidate.is_dir():
            return candidate
    return REPO_ROOT / "knowledge" if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd() / "knowledge"


# Read once at import; code that must follow a changed environment calls knowledge_dir().
KNOWLEDGE_DIR = knowledge_dir()


def database_url() -> str:
    """SQLAlchemy URL of the decisions database (``DATABASE_URL``; SQLite by default)."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DB_FILE}"
