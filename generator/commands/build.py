"""`build` and `serve`: MkDocs run in a subprocess, with the adapter hook (mkdocs.yml) doing the rest."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.cache import CACHE_ENV, CACHE_FOLDER
from generator.commands import find_root


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into site/ (strict: any error fails the build); the old site stays until the new one is whole."""
    root = find_root()
    return build_into(root, root / args.site_dir, strict=args.strict, cache=args.cache)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site at http://127.0.0.1:8000, regenerating pages when files change."""
    return serve(find_root(), args.addr, cache=args.cache)


def build_into(root: Path, site_dir: Path, strict: bool = True, cache: bool = True) -> int:
    """Build into a sibling folder, then swap it in: an interrupted build leaves the old site whole.
    With `cache`, articles whose inputs did not change since the last build are not annotated again."""
    partial = site_dir.with_name(f".{site_dir.name}.partial")
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(partial, ignore_errors=True)
    arguments = ["build", "--site-dir", str(partial)] + (["--strict"] if strict else [])
    status = _run_mkdocs(root, arguments, cache)
    if status != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return status
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    partial.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def serve(root: Path, address: str, cache: bool = True) -> int:
    """`mkdocs serve` on `address`, regenerating pages when seeds, content or templates change.
    `--dirty`: MkDocs rewrites only the pages the hook says changed."""
    return _run_mkdocs(root, ["serve", "--dirty", "--dev-addr", address], cache)


def _run_mkdocs(root: Path, arguments: list[str], cache: bool = True) -> int:
    """`python -m mkdocs ARGUMENTS` in `root`, without MkDocs 2's upgrade notice; its exit status.
    With `cache`, the hook keeps built articles in .cache/annotations/ between runs."""
    command = [sys.executable, "-m", "mkdocs", *arguments]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(CACHE_ENV, None)
    if cache:
        env[CACHE_ENV] = str(root / CACHE_FOLDER)
    return subprocess.call(command, cwd=root, env=env)
