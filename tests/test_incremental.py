"""`make serve` rebuilds what changed: the builds `mkdocs serve --dirty` runs, run here one after another
in this process (no server, no timing; benchmarks/serve_latency.py measures how fast).

After a change to one seed only its page and the pages that list it are written again; a new title
shows on the articles index and its year's page; a deleted seed's page goes; and after all of it every
page is byte for byte what a full build of the same files makes.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project
from generator import build_site
from generator.cache import ArticleCache
from generator.pages.memo import PageMemo

SERVE_URL = "http://127.0.0.1:8000/"
EDITED = "government-review-channel-crossings-offshoring-2021"
UNRELATED = "failed-asylum-seekers-migrant-hubs-2025"
DELETED = "uk-france-one-for-one-returns-pilot-2025"  # no curated event cites it
DELETED_SEED = "002_10fcbd9f08f1f2fb.txt"


class Serving:
    """A project and the site folder `mkdocs serve --dirty` rebuilds, build after build."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site, self.started = project, site, False

    def rebuild(self, dirty: bool = True, site: Path | None = None) -> None:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(site or self.site))
        if not self.started:  # once per server, as `mkdocs serve` does
            config.plugins.on_startup(command="serve", dirty=dirty)
            self.started = True
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=dirty)

    def page(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")

    def stamp(self, path: str) -> tuple[int, int]:
        info = (self.site / path / "index.html").stat()
        return info.st_ino, info.st_mtime_ns


@pytest.fixture
def serving(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Serving:
    project = copy_project(tmp_path / "project")
    shutil.copytree(root / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("GENERATOR_ANNOTATION_CACHE", raising=False)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    serving = Serving(project, tmp_path / "site")
    serving.rebuild()
    return serving


def test_a_change_rewrites_its_pages_and_leaves_the_others(serving: Serving) -> None:
    unrelated = serving.stamp(f"articles/{UNRELATED}")
    seed = serving.project / "seeds" / "000_d65c76bf8f280237.txt"
    with seed.open("a", encoding="utf-8") as handle:
        handle.write("\nA sentence a contributor has just added to the seed.\n")
    with only_changed_pages_written(serving):
        serving.rebuild()
    assert "A sentence a contributor has just added" in serving.page(f"articles/{EDITED}")
    assert serving.stamp(f"articles/{UNRELATED}") == unrelated, "an unchanged page was written again"

    sidecar = serving.project / "content" / "articles" / f"{EDITED}.md"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text.replace("title: ", "title: Retitled ", 1), encoding="utf-8")
    with only_changed_pages_written(serving):
        serving.rebuild()
    assert "Retitled Government review" in serving.page("articles")
    assert "Retitled Government review" in serving.page("articles/2021")

    (serving.project / "content" / "articles" / f"{DELETED}.md").unlink()
    (serving.project / "seeds" / DELETED_SEED).unlink()
    with only_changed_pages_written(serving):
        serving.rebuild()
    assert not (serving.site / "articles" / DELETED).exists()
    assert DELETED not in serving.page("articles")

    whole = serving.site.with_name("whole")
    serving.rebuild(dirty=False, site=whole)
    assert html_files(serving.site) == html_files(whole), "the pages differ from a full build's"


@contextmanager
def only_changed_pages_written(serving: Serving) -> Iterator[None]:
    """Every page whose HTML the rebuild leaves as it was keeps its file (inode and mtime); some do."""
    pages = sorted(serving.site.rglob("index.html"))
    before = {page: (page.read_bytes(), page.stat().st_ino, page.stat().st_mtime_ns) for page in pages}
    yield
    kept = [page for page in pages if page.exists() and page.read_bytes() == before[page][0]]
    assert len(kept) > 10, "the change should leave most pages as they were"
    rewritten = [p for p in kept if (p.stat().st_ino, p.stat().st_mtime_ns) != before[p][1:]]
    assert rewritten == [], f"pages written again though unchanged: {rewritten[:5]}"


def test_a_theme_change_rewrites_every_page(serving: Serving) -> None:
    unrelated = serving.stamp(f"articles/{UNRELATED}")
    main = serving.project / "generator" / "theme" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{#- a comment -#}\n", encoding="utf-8")
    serving.rebuild()
    assert serving.stamp(f"articles/{UNRELATED}") != unrelated


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_the_generator_renders_again_only_pages_whose_inputs_changed(root: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    cache, memo = ArticleCache(), PageMemo()
    build_site(project, cache, memo)
    first, memoised = memo.rendered, set(memo.rendered_now)
    build_site(project, cache, memo)
    assert memo.rendered == first, "nothing changed, nothing is rendered again"
    seed = project / "seeds" / "002_10fcbd9f08f1f2fb.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA sentence added to the seed.\n", encoding="utf-8")
    site = build_site(project, cache, memo)
    assert first < memo.rendered < 2 * first
    assert [(p.path, p.text) for p in site.pages] == [(p.path, p.text) for p in build_site(project).pages]
    again = set(memo.rendered_now)
    assert f"articles/{DELETED}.md" in again and "quotes/2025.md" in again  # the seed's article and its year
    # Pages that do not list that article are not rendered again: another year's quotations, topic
    # years and figures; a person it does not quote.
    years_2021 = {
        p for p in memoised if p.startswith(("quotes/", "topics/", "figures/")) and p.endswith("/2021.md")
    }
    assert "quotes/2021.md" in years_2021 and len(years_2021) > 3 and not years_2021 & again
    edited = site.articles[[a.slug for a in site.articles].index(DELETED)]
    quoted = {q.speaker for q in edited.annotations.quotes}
    person = next(p for p in site.index.people if p.name not in quoted)
    assert f"people/{person.slug}.md" in memoised and f"people/{person.slug}.md" not in again
