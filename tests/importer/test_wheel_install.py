"""The built wheel, installed into a fresh venv, finds its knowledge from any directory
(BEIRAT_KNOWLEDGE_DIR, or knowledge/ in the working directory as in the container),
and `beirat ingest` stops loudly when corrections, glossary or curated facts are missing.

Fast and offline: the wheel is built without dependencies, and the fresh venv borrows
the dependencies from .venv's site-packages through a .pth file (not the project itself:
.venv has it editable, and that finder is not loaded from a .pth-added folder).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PROTOCOL = REPO / "knowledge" / "protocols" / "2019-04-01_linden-limmer_32.txt"


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv with the project installed from its wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp / "dist", REPO])
    assert build.returncode == 0, f"the wheel did not build:\n{build.stderr[-2000:]}"
    (wheel,) = (tmp / "dist").glob("frag_den_beirat-*.whl")
    venv = tmp / "venv"
    made = run([sys.executable, "-m", "venv", "--without-pip", venv])
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    install = run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel])
    assert install.returncode == 0, f"the wheel did not install:\n{install.stderr[-2000:]}"
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def env(**extra: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BEIRAT_KNOWLEDGE_DIR", "DATABASE_URL")}
    return {**values, "SQLALCHEMY_SILENCE_UBER_WARNING": "1", **extra}


def ingest(bin_dir: Path, cwd: Path, db: Path, **extra: str) -> subprocess.CompletedProcess:
    return run([bin_dir / "beirat", "ingest", PROTOCOL], cwd=cwd, env=env(DATABASE_URL=f"sqlite:///{db}", **extra))


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("glossary_terms", "curated_facts", "documents")}


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    where = run([installed / "python", "-c", "import bot; print(bot.__file__)"], cwd=tmp_path, env=env())
    assert where.returncode == 0, where.stderr
    assert str(REPO) not in where.stdout and "site-packages" in where.stdout, where.stdout


def test_ingest_from_another_directory_without_knowledge_fails_loudly(installed, tmp_path):
    result = ingest(installed, tmp_path, tmp_path / "db.sqlite")
    assert result.returncode != 0, f"exit 0 without knowledge:\n{result.stdout}{result.stderr}"
    message = " ".join(result.stderr.split())
    for words in ("die Korrekturen", "das Glossar", "die Fakten", "BEIRAT_KNOWLEDGE_DIR", "nichts geschrieben"):
        assert words in message, f"{words!r} missing from the error:\n{result.stderr}"
    assert not (tmp_path / "db.sqlite").exists() or counts(tmp_path / "db.sqlite")["documents"] == 0


def test_ingest_with_knowledge_dir_setting_loads_everything(installed, tmp_path):
    knowledge = tmp_path / "wissen"
    shutil.copytree(REPO / "knowledge", knowledge, ignore=shutil.ignore_patterns("protocols"))
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    result = ingest(installed, elsewhere, tmp_path / "db.sqlite", BEIRAT_KNOWLEDGE_DIR=str(knowledge))
    assert result.returncode == 0, result.stdout + result.stderr
    found = counts(tmp_path / "db.sqlite")
    assert found["glossary_terms"] > 0 and found["curated_facts"] > 0 and found["documents"] == 1, found


def test_ingest_in_a_directory_with_knowledge_finds_it_as_in_the_container(installed, tmp_path):
    shutil.copytree(REPO / "knowledge", tmp_path / "knowledge", ignore=shutil.ignore_patterns("protocols"))
    result = ingest(installed, tmp_path, tmp_path / "db.sqlite")
    assert result.returncode == 0, result.stdout + result.stderr
    found = counts(tmp_path / "db.sqlite")
    assert found["glossary_terms"] > 0 and found["curated_facts"] > 0, found


@pytest.mark.parametrize("missing", ["corrections.yml", "glossary.yml", "facts.yml"])
def test_each_missing_reference_file_stops_ingest(installed, tmp_path, missing):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(REPO / "knowledge", knowledge, ignore=shutil.ignore_patterns("protocols"))
    (knowledge / missing).unlink()
    result = ingest(installed, tmp_path, tmp_path / "db.sqlite")
    assert result.returncode != 0 and missing in result.stderr.replace("\n", ""), result.stderr
