"""The code keeps the house style: ruff's lint rules and formatter, as pre-commit runs them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FOLDERS = ["generator", "tests", "benchmarks"]


@pytest.fixture(scope="module")
def ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert found, "ruff is missing: install the dev extra (pip install -e '.[dev]')"
    return found


def test_ruff_lint(root: Path, ruff: str) -> None:
    result = subprocess.run([ruff, "check", *FOLDERS], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


def test_ruff_format(root: Path, ruff: str) -> None:
    result = subprocess.run([ruff, "format", "--check", *FOLDERS], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + "\nrun `ruff format generator tests benchmarks`"


def test_the_site_stylesheets_close_every_block(root: Path) -> None:
    """An unclosed `{` (a bad merge) silently drops every rule after it from the page."""
    for sheet in sorted((root / "generator" / "theme").rglob("*.css")):
        depth = 0
        text = re.sub(
            r"/\*.*?\*/",
            lambda c: "\n" * c.group().count("\n"),
            sheet.read_text(encoding="utf-8"),
            flags=re.S,
        )
        for line_number, line in enumerate(text.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet}:{line_number}: `}}` closes no block"
        assert depth == 0, f"{sheet}: {depth} block(s) never closed"
