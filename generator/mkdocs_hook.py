"""The MkDocs adapter: MkDocs events only, no logic. The only MkDocs-specific Python.

Each build (and each `mkdocs serve` rebuild) calls `build_site` and adds its
pages as generated files. A page takes the `src_uri` of the hand-written file it
comes from (`articles/<slug>.md`, `topics/<slug>.md`, `index.md`), so that file
is replaced in the build, never overwritten on disk, and Material's "edit this
page" link points at it. Problems are logged as errors: `--strict` fails on
them, `mkdocs serve` shows them and keeps serving the other pages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from generator import build_site

log = logging.getLogger("mkdocs.plugins.channel_record")
_edit_paths: dict[str, str | None] = {}


def on_files(files: Files, config) -> Files:
    """Replace the hand-written sources with the generated pages."""
    root = Path(config.config_file_path).parent
    site = build_site(root)
    for problem in site.problems:
        log.error(str(problem))
    _edit_paths.clear()
    for page in site.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.text))
        _edit_paths[page.path] = page.edit_path
    for stale in [f for f in files if f.src_uri.startswith("articles/") and f.src_uri not in _edit_paths]:
        if stale.src_uri.endswith(".md"):
            files.remove(stale)
    return files


def on_page_context(context, page, config, nav):
    """Point "edit this page" at the file a contributor edits, or hide it for index pages."""
    if page.file.src_uri in _edit_paths and config.repo_url:
        edit_path = _edit_paths[page.file.src_uri]
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(base, "../" + edit_path) if edit_path else None
    return context
