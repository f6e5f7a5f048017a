"""`build` and `serve`: MkDocs run in a subprocess, with the adapter hook (mkdocs.yml) doing the rest."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.commands import find_root


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into site/ (strict: any error fails the build); the old site stays until the new one is whole."""
    root = find_root()
    return build_into(root, root / args.site_dir, strict=args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site at http://127.0.0.1:8000, regenerating pages when files change."""
    return serve(find_root(), args.addr)


def build_into(root: Path, site_dir: Path, strict: bool = True) -> int:
    """Build into a sibling folder, then swap it in: an interrupted build leaves the old site whole."""
    partial = site_dir.with_name(f".{site_dir.name}.partial")
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(partial, ignore_errors=True)
    status = _run_mkdocs(root, ["build", "--site-dir", str(partial)] + (["--strict"] if strict else []))
    if status != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return status
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    partial.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def serve(root: Path, address: str) -> int:
    """`mkdocs serve` on `address`, regenerating pages when seeds, content or templates change."""
    return _run_mkdocs(root, ["serve", "--dev-addr", address])


def _run_mkdocs(root: Path, arguments: list[str]) -> int:
    """`python -m mkdocs ARGUMENTS` in `root`, without MkDocs 2's upgrade notice; its exit status."""
    command = [sys.executable, "-m", "mkdocs", *arguments]
    return subprocess.call(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
