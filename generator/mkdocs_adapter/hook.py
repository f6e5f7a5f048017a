"""The MkDocs adapter: MkDocs events only, no logic. The only MkDocs-specific Python.

Each build (and each `mkdocs serve` rebuild) calls `build_site` and hands MkDocs
exactly what the generator decided belongs to the site: every page, generated or
hand-written (already disarmed), as a generated file taking the `src_uri` of the
file it comes from, and the images of content/. Every other file MkDocs found in
content/ is dropped, whatever it is or wherever a link points. Page metadata
reaches the theme HTML-escaped and allow-listed; every page gets the
Content-Security-Policy, and a page with an inline script or a title attribute that
would become markup is an error. Errors are logged as errors
(`--strict` fails on them) and warnings as information. Under `mkdocs serve` a page
that a broken file took away keeps its last good version until the file is fixed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator import build_site
from generator.cache import CACHE_ENV, ArticleCache
from generator.pages.html_safety import add_csp_meta, inline_scripts, live_titles, safe_meta

log = logging.getLogger("mkdocs.plugins.channel_record")
_edit_paths: dict[str, str | None] = {}
_last_good: dict[str, str] = {}  # page path -> text, kept across `mkdocs serve` rebuilds
_articles = ArticleCache()  # only changed articles are annotated again under `mkdocs serve`


def on_files(files: Files, config) -> Files:
    """Replace everything MkDocs found in content/ with the generated pages and the approved images."""
    root = Path(config.config_file_path).parent
    site = build_site(root, _article_cache())
    for problem in site.problems:
        (log.error if problem.severity == "error" else log.info)(str(problem))
    pages = {page.path: page.text for page in site.pages}
    if any(p.severity == "error" for p in site.problems):
        for path in sorted(set(_last_good) - set(pages)):
            log.warning(f"serving the last good version of {path} until the error above is fixed")
            pages[path] = _last_good[path]
    _edit_paths.clear()
    _edit_paths.update({page.path: page.edit_path for page in site.pages})
    images = set(site.images)
    docs = os.path.abspath(config.docs_dir)
    for file in [f for f in files if _from_docs(f, docs) and f.src_uri not in images]:
        files.remove(file)
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    files.add_files_from_theme(config.theme.get_env(), config)  # any theme file a dropped one shadowed
    _last_good.clear()
    _last_good.update(pages)
    return files


def _article_cache() -> ArticleCache:
    """The articles of earlier builds: in memory, and on disk in the folder a build command names."""
    folder = os.environ.get(CACHE_ENV)
    _articles.folder = Path(folder) if folder else None
    return _articles


def _from_docs(file: File, docs: str) -> bool:
    """A file MkDocs found in docs_dir (not a theme file, not a generated one)."""
    return bool(file.abs_src_path) and os.path.abspath(file.abs_src_path).startswith(docs + os.sep)


@event_priority(100)  # before the tags plugin reads the tags
def on_page_markdown(markdown: str, page, config, files) -> str:
    """The metadata the theme prints: HTML-escaped title, description and tags; nothing else."""
    page.meta = safe_meta(page.meta)
    return markdown


def on_page_context(context, page, config, nav):
    """Point "edit this page" at the file a contributor edits (URL-encoded), or hide it."""
    if config.repo_url:
        edit_path = _edit_paths.get(page.file.src_uri)
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(base, "../" + quote(edit_path)) if edit_path else None
    return context


def on_post_page(output: str, page, config) -> str:
    """Every built page: the Content-Security-Policy; no inline script, no title that makes markup."""
    return _guarded(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """So are pages built from a theme template alone (404.html)."""
    return _guarded(output_content, template_name)


def _guarded(html: str, name: str) -> str:
    if inline_scripts(html):
        log.error(
            f"{name}: the page holds an inline script, which the Content-Security-Policy blocks; "
            "move it into a file in generator/theme/javascripts/"
        )
    for title in live_titles(html):
        log.error(f"{name}: a title attribute would become markup in a tooltip: {title[:80]!r}")
    return add_csp_meta(html)
