"""The folders say which way data flows: every module under bot/ imports only what its
layer may import (docs/architecture.md), and no module is longer than 400 lines.

The imports are read with ``ast`` (nothing is executed), including imports inside
functions: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"
MAX_LINES = 400

# Package (a prefix of the module name) -> imports it must never make (prefixes).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "bot.core": ("bot.knowledge", "bot.importer", "bot.db", "bot.queries", "bot.language", "bot.lint",
                 "bot.actions", "bot.channels", "bot.nlu", "sqlalchemy"),
    "bot.knowledge": ("bot.db", "bot.importer", "bot.queries", "bot.language", "bot.lint", "bot.actions",
                      "sqlalchemy"),
    "bot.db": ("bot.knowledge", "bot.importer", "bot.queries", "bot.language", "bot.lint", "bot.actions"),
    "bot.queries": ("bot.knowledge", "bot.importer", "bot.language", "bot.lint", "bot.actions"),
    "bot.language": ("bot.queries", "bot.db", "bot.importer", "bot.knowledge", "bot.lint", "bot.actions",
                     "sqlalchemy"),
    "bot.actions": ("bot.lint", "bot.importer", "bot.knowledge"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(BOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, imported module) for every import statement in ``source``, the text of ``module``."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{anchor}.{base}" if base else anchor
            # "from bot import db" imports bot.db: count the names too.
            found += [(node.lineno, base)] + [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _file_imports(path: Path) -> list[tuple[int, str]]:
    return _imports(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


MODULES = sorted(BOT.rglob("*.py"))


def test_every_module_is_found():
    assert len(MODULES) > 50 and BOT / "cli.py" in MODULES


def test_no_layer_imports_what_it_must_not():
    problems = []
    for path in MODULES:
        module = _module_name(path)
        for layer, forbidden in FORBIDDEN.items():
            if not _within(module, layer):
                continue
            for line, imported in _file_imports(path):
                bad = next((f for f in forbidden if _within(imported, f)), None)
                if bad:
                    problems.append(f"{path.relative_to(BOT.parent)}:{line}: {module} imports {imported} "
                                    f"({layer} must not import {bad})")
    assert not problems, "forbidden imports (see docs/architecture.md):\n" + "\n".join(sorted(set(problems)))


def test_no_module_is_over_400_lines():
    long = [f"{path.relative_to(BOT.parent)}: {n} lines"
            for path in MODULES if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, f"modules over {MAX_LINES} lines (split them):\n" + "\n".join(long)


@pytest.mark.parametrize(
    "source, module, is_package, expected",
    [
        ("from bot.db import schema\n", "bot.knowledge.x", False, "bot.db.schema"),
        ("import sqlalchemy.orm\n", "bot.language.x", False, "sqlalchemy.orm"),
        ("def f():\n    from bot.queries import grants\n", "bot.language.x", False, "bot.queries.grants"),
        ("from ..db import session\n", "bot.knowledge.x", False, "bot.db.session"),
        ("from . import format\n", "bot.language.answers", True, "bot.language.answers.format"),
        ("from .common import x\n", "bot.queries.grants", False, "bot.queries.common"),
    ],
)
def test_imports_are_read_also_lazy_and_relative_ones(source, module, is_package, expected):
    assert expected in [name for _, name in _imports(source, module, is_package)]
