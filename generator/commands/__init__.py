"""The command-line commands, one module each; `generator/__main__.py` only parses arguments."""

from __future__ import annotations

from pathlib import Path


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding mkdocs.yml (else the package's parent)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    return Path(__file__).resolve().parent.parent.parent
