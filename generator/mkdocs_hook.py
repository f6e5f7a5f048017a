"""The MkDocs adapter: MkDocs events only, no logic. The only MkDocs-specific Python.

It also holds the `build` and `serve` commands, which run MkDocs in a subprocess.

Each build (and each `mkdocs serve` rebuild) calls `build_site` and adds its
pages as generated files. A page takes the `src_uri` of the hand-written file it
comes from (`articles/<slug>.md`, `topics/<slug>.md`, `index.md`), so that file
is replaced in the build, never overwritten on disk, and Material's "edit this
page" link points at it. Errors are logged as errors (`--strict` fails on them)
and warnings as information. Under `mkdocs serve` a page that a broken file
took away keeps its last good version until the file is fixed.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from generator import build_site
from generator.cache import ArticleCache
from generator.csp import add_csp_meta
from generator.mdtext import contributor_markdown
from generator.safe_paths import is_inside

log = logging.getLogger("mkdocs.plugins.channel_record")
_edit_paths: dict[str, str | None] = {}
_last_good: dict[str, str] = {}  # page path -> text, kept across `mkdocs serve` rebuilds
_articles = ArticleCache()  # only changed articles are annotated again under `mkdocs serve`


def on_files(files: Files, config) -> Files:
    """Replace the hand-written sources with the generated pages."""
    root = Path(config.config_file_path).parent
    site = build_site(root, _articles)
    for problem in site.problems:
        (log.error if problem.severity == "error" else log.info)(str(problem))
    docs = Path(config.docs_dir)
    for outside in [f for f in files if _links_out_of(f, docs, root)]:
        files.remove(outside)  # a link out of the project: reported above, never copied into the site
    pages = {page.path: page.text for page in site.pages}
    if any(p.severity == "error" for p in site.problems):
        for path in sorted(set(_last_good) - set(pages)):
            log.warning(f"serving the last good version of {path} until the error above is fixed")
            pages[path] = _last_good[path]
    _edit_paths.clear()
    _edit_paths.update({page.path: page.edit_path for page in site.pages})
    for path, text in pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=text))
    for stale in [
        f for f in files if f.src_uri.startswith(("articles/", "topics/")) and f.src_uri not in pages
    ]:
        if stale.src_uri.endswith(".md"):
            files.remove(stale)  # a sidecar or topic file that produced no page: never shown raw
    _last_good.clear()
    _last_good.update(pages)
    return files


def _links_out_of(file: File, docs: Path, root: Path) -> bool:
    """A file found in docs_dir (not a theme file) whose real location is outside the project."""
    if not file.abs_src_path:
        return False
    path = Path(os.path.abspath(file.abs_src_path))
    if not path.is_relative_to(os.path.abspath(docs)):
        return False  # a theme file
    return not is_inside(path, root)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Hand-written pages are contributor text too: disarm raw HTML, unsafe links and attribute lists."""
    if page.file.src_uri in _last_good:
        return markdown  # generated: built from escaped parts already
    return contributor_markdown(markdown)


def on_page_context(context, page, config, nav):
    """Point "edit this page" at the file a contributor edits, or hide it for index pages."""
    if page.file.src_uri in _edit_paths and config.repo_url:
        edit_path = _edit_paths[page.file.src_uri]
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(base, "../" + edit_path) if edit_path else None
    return context


def on_post_page(output: str, page, config) -> str:
    """Every built page carries the Content-Security-Policy <meta>."""
    return add_csp_meta(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """So do pages built from a theme template alone (404.html)."""
    return add_csp_meta(output_content)


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
