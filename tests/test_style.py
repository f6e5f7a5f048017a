"""The code keeps the house style: ruff's lint rules and formatter, as pre-commit runs them."""

from __future__ import annotations

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
