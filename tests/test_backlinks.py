"""What links here: each article, topic and person page lists the pages that link to it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator import build_site
from generator.models import Page
from generator.pages.backlinks import HEADING, SHOWN, gets_section, is_listing, links_from, with_backlinks
from generator.pages.environment import front_matter
from generator.pages.mdtext import link

PROJECT = Path(__file__).parent / "golden" / "project"

pytestmark = pytest.mark.fast


def page(path: str, title: str, body: str = "") -> Page:
    return Page(path, front_matter(title=title) + f"# x\n\n{body}\n")


def section(pages: tuple[Page, ...], path: str) -> str:
    text = next(p.text for p in pages if p.path == path)
    return text[text.index(HEADING) :]


def test_a_page_lists_who_links_to_it_grouped_by_kind_with_relative_links() -> None:
    pages = with_backlinks(
        [
            page("articles/a.md", "Article A", link("B", "b.md#p3")),
            page("articles/b.md", "Article B"),
            page("topics/t.md", "Topic T", link("B", "../articles/b.md")),
            page(
                "people/p.md",
                "Person P",
                link("B", "../articles/b.md#p1") + link("again", "../articles/b.md"),
            ),
            page("about.md", "About", link("B", "articles/b.md")),
        ]
    )
    listed = section(pages, "articles/b.md")
    assert "**Articles** (1)\n\n- [Article A](a.md)" in listed
    assert "**Topics** (1)\n\n- [Topic T](../topics/t.md)" in listed
    assert "**People** (1)\n\n- [Person P](../people/p.md)" in listed  # two links, one entry
    assert "**Other pages** (1)\n\n- [About](../about.md)" in listed
    assert "No other page links here yet." in section(pages, "articles/a.md")
    assert HEADING not in next(p.text for p in pages if p.path == "about.md")  # not a record page


def test_index_pages_are_named_on_one_line_and_self_links_do_not_count() -> None:
    pages = with_backlinks(
        [
            page("index.md", "Home", link("A", "articles/a.md")),
            page("articles/index.md", "Articles", link("A", "a.md")),
            page("articles/a.md", "Article A", link("top", "a.md#p1") + link("top", "#p2")),
        ]
    )
    listed = section(pages, "articles/a.md")
    assert "Also listed on [Articles](index.md) · [Home](../index.md)." in listed
    assert "No other page links here yet." in listed
    assert "(1)" not in listed


def test_escaped_brackets_external_and_missing_targets_are_not_links() -> None:
    source = page(
        "topics/t.md",
        "T",
        r"text \](../articles/a.md) and [x](https://example.org/articles/a.md) "
        r"and [y](../articles/missing.md) and [z](/articles/a.md) and a\\\\](../articles/b.md)",
    )
    paths = {"topics/t.md", "articles/a.md", "articles/b.md"}
    assert links_from(source, paths) == ["articles/b.md"]  # `\\\\]` is two escaped backslashes, then `]`


def test_lists_are_capped_and_ranked() -> None:
    count = SHOWN + 7
    sources = [
        page(f"articles/s{n:03}.md", f"Source {n:03}", link("T", "../topics/t.md")) for n in range(count)
    ]
    newest = {f"articles/s{n:03}.md": count - n for n in range(count)}  # the last made is the newest
    pages = with_backlinks([*sources, page("topics/t.md", "T")], newest)
    listed = section(pages, "topics/t.md")
    assert f"**Articles** ({count})" in listed
    assert listed.count("\n- [Source") == SHOWN
    assert "- *and 7 more*" in listed
    assert listed.index(f"Source {count - 1:03}") < listed.index(f"Source {count - 2:03}")


def test_a_hostile_title_is_link_text_only() -> None:
    title = "[x](javascript:alert(1)) <script>alert(2)</script> {: onclick=alert(3) }"
    pages = with_backlinks(
        [page("articles/evil.md", title, link("T", "../topics/t.md")), page("topics/t.md", "T")]
    )
    html = markdown.markdown(section(pages, "topics/t.md"), extensions=["attr_list", "abbr", "tables"])
    anchors = BeautifulSoup(html, "html.parser").find_all("a")
    assert [(a["href"], a.get_text()) for a in anchors] == [("../articles/evil.md", title)]
    assert "<script" not in html and "onclick" not in str(anchors[0].attrs)


def test_every_link_of_the_golden_site_is_listed_on_its_target() -> None:
    """True by construction: a record page is listed on every article, topic or person page it links to."""
    site = build_site(PROJECT)
    paths = {p.path for p in site.pages if p.path.endswith(".md")}
    texts = {p.path: p.text for p in site.pages}
    checked = 0
    for source in site.pages:
        if not source.path.endswith(".md") or is_listing(source.path):
            continue
        body = source.text.split(HEADING)[0]
        for target in links_from(Page(source.path, body), paths):
            if not gets_section(target):
                continue
            here = target.rsplit("/", 1)[0]
            relative = (
                source.path.removeprefix(here + "/")
                if source.path.startswith(here + "/")
                else "../" + source.path
            )
            assert f"]({relative})" in texts[target].split(HEADING)[1], (source.path, target)
            checked += 1
    assert checked > 20
