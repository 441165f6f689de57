"""Paths and settings, from the environment with sensible defaults."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = REPO_ROOT / "knowledge"
DEFAULT_DB_FILE = REPO_ROOT / "var" / "decisions.sqlite"


def database_url() -> str:
    """SQLAlchemy URL of the decisions database (``DATABASE_URL``; SQLite by default)."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DB_FILE}"
