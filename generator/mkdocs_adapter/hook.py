"""The MkDocs adapter: MkDocs events only, no logic. The only MkDocs-specific Python.

Each build (and each `mkdocs serve` rebuild) calls `build_site` and hands MkDocs
exactly what the generator decided belongs to the site: every page, generated or
hand-written (already disarmed), as a generated file taking the `src_uri` of the
file it comes from, and the images of content/. Every other file MkDocs found in
content/ is dropped, whatever it is or wherever a link points. Page metadata
reaches the theme HTML-escaped and allow-listed; every page gets the
Content-Security-Policy, and a page with an inline script or a title attribute that
would become markup is an error. Once the site is written, Pagefind indexes it for search
(`generator/commands/search_index.py`). Errors are logged as errors
(`--strict` fails on them) and warnings as information. Under `mkdocs serve` a page
that a broken file took away keeps its last good version until the file is fixed.
Under `generator serve` (`mkdocs serve --dirty`) only the pages whose text changed are
rendered and written again (the end of this file says how). A page's HTML is made when the page
is written and let go once it is on disk, so a build never holds every page's HTML at once.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, get_markdown_title
from mkdocs.structure.toc import TableOfContents

from generator import build_site
from generator.cache import CACHE_ENV, ArticleCache
from generator.commands.search_index import index_site
from generator.pages.html_safety import add_csp_meta, inline_scripts, live_titles, safe_meta
from generator.pages.memo import PageMemo

log = logging.getLogger("mkdocs.plugins.channel_record")
_edit_paths: dict[str, str | None] = {}
_serving = False  # `mkdocs serve`: what one build made is kept for the next
_last_good: dict[str, str] = {}  # page path -> text, kept across `mkdocs serve` rebuilds
_articles = ArticleCache()  # only changed articles are annotated again under `mkdocs serve`
_pages = PageMemo()  # and only the pages whose inputs changed are rendered again


def on_files(files: Files, config) -> Files:
    """Replace everything MkDocs found in content/ with the generated pages and the approved images."""
    root = Path(config.config_file_path).parent
    if _serving:
        _articles.folder = _cache_folder()
        site = build_site(root, _articles, _pages)
    else:  # one build: nothing is kept in memory after it (the disk cache, if named, is)
        site = build_site(root, ArticleCache(_cache_folder()))
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
    del site  # the articles and their annotations: every page's text is in `pages`
    docs = os.path.abspath(config.docs_dir)
    for file in [f for f in files if _from_docs(f, docs) and f.src_uri not in images]:
        files.remove(file)
    generated = [(_Generated.generated(config, path, content=text), text) for path, text in pages.items()]
    if _dirty:
        _previous.plan(config, generated)
    for file, _ in generated:
        files.append(file)
    files.add_files_from_theme(config.theme.get_env(), config)  # any theme file a dropped one shadowed
    _last_good.clear()
    if _serving:
        _last_good.update(pages)
    return files


def _cache_folder() -> Path | None:
    """The folder of built articles on disk that a build command names, if any."""
    folder = os.environ.get(CACHE_ENV)
    return Path(folder) if folder else None


def _from_docs(file: File, docs: str) -> bool:
    """A file MkDocs found in docs_dir (not a theme file, not a generated one)."""
    return bool(file.abs_src_path) and os.path.abspath(file.abs_src_path).startswith(docs + os.sep)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The metadata the theme prints: HTML-escaped title, description and tags; nothing else."""
    page.meta = safe_meta(page.meta)
    return markdown


def on_pre_page(page: Page, config, files) -> Page:
    """MkDocs reads every page before it writes any, and renders each as it reads it: at 5,000
    articles every page's HTML was in memory at once. The page is rendered when it is written
    instead (`on_page_context`), and let go once written (`on_post_page`)."""
    page.render = functools.partial(_render_later, page)
    return page


def _render_later(page: Page, config, files) -> None:
    """Stands in for Page.render while MkDocs reads pages: no HTML yet, the title the HTML will give."""
    page.content = ""
    page._title_from_render = get_markdown_title(page.markdown or "")


def on_page_context(context, page, config, nav):
    """Render the page about to be written (see `on_pre_page`). Point "edit this page" at the file
    a contributor edits (URL-encoded), or hide it."""
    if "render" in vars(page):
        del page.render
        page.render(config, _files_read)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=_files_read
        )
    if config.repo_url:
        edit_path = _edit_paths.get(page.file.src_uri)
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "")
        page.edit_url = urljoin(base, "../" + quote(edit_path)) if edit_path else None
    return context


def on_post_page(output: str, page, config) -> str:
    """Every built page: the Content-Security-Policy; no inline script, no title that makes markup.
    The page's Markdown and HTML are let go: only its title, metadata and anchors are read again."""
    page.markdown, page.content, page.toc = "", "", TableOfContents([])
    page.file.content_string = ""
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


def on_post_build(config) -> None:
    """The search index, over the pages just written. Under `generator serve` it is made in the
    background, so a saved change shows without waiting for it; search catches up a moment later."""
    if _dirty:
        _background_index.request(Path(config.site_dir))
        return
    problem = index_site(Path(config.site_dir))
    if problem:
        log.error(problem)


class _BackgroundIndex:
    """One search indexing at a time in a thread; a request while one runs is done after it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._running = False

    def request(self, site_dir: Path) -> None:
        with self._lock:
            self._pending = site_dir
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    self._running = False
                    return
            problem = index_site(site_dir, background=True)
            if problem:
                log.error(problem)


_background_index = _BackgroundIndex()


# --- `generator serve`: rebuild only what changed ---------------------------------------------
# `generator serve` runs `mkdocs serve --dirty`. MkDocs then reads and writes only the files whose
# `is_modified()` is true; for a generated page, whose text is in memory, MkDocs always says true.
# `_Previous` remembers what the last build wrote, so that a page is read and written again only
# when its text, mkdocs.yml or the theme's custom_dir changed.

_dirty = False  # a dirty build: `mkdocs serve --dirty`
_files_read: Files | None = None  # the files of the build under way, once MkDocs has read them


def on_startup(command: str, dirty: bool) -> None:
    """Note whether builds are served and dirty; this hook makes them accurate, so MkDocs' warning
    is noise."""
    global _dirty, _serving
    _dirty, _serving = dirty, command == "serve"
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build")
        )


def on_env(env, config, files):
    """MkDocs has read every page it will read; from here on it writes (and renders, `on_pre_page`)."""
    global _files_read
    _files_read = files
    return env


def on_build_error(error: Exception) -> None:
    """A failed build may have written part of the site: the next one writes everything."""
    _previous.reset()


class _Generated(File):
    """A generated file; a dirty build reads and writes it only when `changed`."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class _Previous:
    """What the last dirty build wrote, by page path."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.settings = ""  # digest of mkdocs.yml and the theme's custom_dir
        self.texts: dict[str, str] = {}  # path -> digest of its text
        self.outputs: dict[str, str] = {}  # path -> the file it was written to

    def plan(self, config, generated: list[tuple[_Generated, str]]) -> None:
        """Mark each file changed or not; delete the output of pages that are gone."""
        settings = _settings_digest(config)
        if settings != self.settings:
            self.reset()
            self.settings = settings
        texts = {
            f.src_uri: hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
            for f, text in generated
        }
        for file, _ in generated:
            path = file.src_uri
            file.changed = texts[path] != self.texts.get(path) or not os.path.isfile(file.abs_dest_path)
        for path in set(self.outputs) - set(texts):
            _remove_output(self.outputs[path])
        self.texts = texts
        self.outputs = {f.src_uri: f.abs_dest_path for f, _ in generated}


_previous = _Previous()


def _settings_digest(config) -> str:
    """A digest of what every page's HTML depends on besides its text: mkdocs.yml and custom_dir."""
    digest = hashlib.sha256(Path(config.config_file_path).read_bytes())
    custom = config.theme.custom_dir
    for path in sorted(Path(custom).rglob("*")) if custom else []:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _remove_output(path: str) -> None:
    """Delete a page's output file, and its folder once empty."""
    try:
        os.remove(path)
        os.rmdir(os.path.dirname(path))
    except OSError:
        pass
