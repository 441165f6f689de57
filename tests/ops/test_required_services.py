"""A service the tests need that cannot start fails the run and says why (never a skip):
the ops fixture ``services`` fails with the script's message, and the script names
what is missing and how to install it."""
from __future__ import annotations

import subprocess

from conftest import REPO


def test_missing_redis_is_named_with_the_fix(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run(
        ["/bin/bash", str(REPO / "scripts" / "start-services.sh"), "start", str(tmp_path / "s")],
        env={"PATH": str(empty)}, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode != 0
    assert "redis-server fehlt" in result.stderr and "install-services.sh" in result.stderr, result.stderr

