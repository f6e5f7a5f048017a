"""The quotations pages (quotes/index.md, quotes/<year>.md): every quotation on its year's page, its
paragraph link, and filter values that are tokens only, so hostile speakers and quotations stay text."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator import build_site
from generator.models import Quote, Site, Sourced
from generator.pages.environment import make_environment
from generator.pages.quotes import PATH, render_quotes
from generator.pages.views import Catalogue, person_href

pytestmark = pytest.mark.fast

GOLDEN = Path(__file__).parent / "golden" / "project"
EXTENSIONS = ["abbr", "admonition", "attr_list", "tables", "toc", "pymdownx.details"]  # as mkdocs.yml
TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HOSTILE = '"><script>alert(1)</script> {: onclick=x }'


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(GOLDEN)


def page_text(site: Site) -> str:
    """The year pages' Markdown, one after another (front matter taken out), in path order."""
    return "\n".join(body(p.text) for p in site.pages if p.path.startswith("quotes/") and p.path != PATH)


def body(text: str) -> str:
    return text.split("---\n", 2)[2]


def html_of(text: str) -> BeautifulSoup:
    """Markdown (without front matter) as Python-Markdown renders it with the site's extensions."""
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


def test_every_quotation_is_listed_once_with_a_working_paragraph_link(site: Site) -> None:
    items = html_of(page_text(site)).select("li[data-quote]")
    quotes = [(a, q) for a in site.articles for q in a.annotations.quotes]
    assert len(items) == len(quotes) == 8
    for article, quote in quotes:
        href = f"../articles/{article.slug}.md#p{quote.paragraph}"
        [item] = [i for i in items if quote.text in i.get_text() and i.select_one(f'a[href="{href}"]')]
        paragraph = next(p for p in article.clean.paragraphs if p.number == quote.paragraph)
        assert quote.text in paragraph.text, "the link lands on the paragraph that holds the quotation"
        assert item.select_one(".quote-speaker").get_text() == quote.speaker


def test_quotations_are_grouped_under_topic_headings(site: Site) -> None:
    page = html_of(page_text(site))
    headings = [h.get_text() for h in page.select("h2[data-topic]")]
    assert headings == ["France cooperation", "Deaths at sea"]  # quotes/2024.md, then quotes/undated.md
    assert page.select_one("ul li[data-quote]").find_parent("ul").find_previous_sibling("h2")


def test_filter_values_are_tokens(site: Site) -> None:
    for item in html_of(page_text(site)).select("li[data-quote]"):
        for name in ("data-speaker", "data-outlet", "data-year"):
            assert TOKEN.fullmatch(item[name]), (name, item[name])
        assert all(TOKEN.fullmatch(t) for t in item["data-topics"].split(" "))


def hostile_catalogue(site: Site) -> Catalogue:
    """The golden project with one article whose quotation, speaker, role, outlet and title are hostile."""
    first = site.articles[0]
    annotations = dataclasses.replace(
        first.annotations,
        title=Sourced(HOSTILE + " title", by="editor"),
        outlet=Sourced('<img src=x onerror=alert(2)> " {: onclick=y }', by="editor"),
        published=Sourced('2024" onclick="z', by="editor"),
        quotes=(Quote(HOSTILE + " speaker", HOSTILE + " role", HOSTILE + " text", 1),),
    )
    articles = (dataclasses.replace(first, annotations=annotations), *site.articles[1:])
    return Catalogue.of(articles, site.knowledge, site.index)


@pytest.mark.parametrize("linked", [False, True])
def test_hostile_speaker_and_quotation_stay_text(site: Site, linked: bool) -> None:
    pages = render_quotes(make_environment(), hostile_catalogue(site), link_speakers=linked)
    html = html_of("\n".join(body(page.text) for page in pages))
    assert html.find("script") is None and html.find("img") is None
    for element in html.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], element
    item = next(i for i in html.select("li[data-quote]") if "script" in i.get_text())
    assert set(item.attrs) == {"data-quote", "data-speaker", "data-topics", "data-outlet", "data-year"}
    text = item.get_text()
    for shown in (HOSTILE + " text", HOSTILE + " speaker", HOSTILE + " role", "<img src=x onerror=alert(2)>"):
        assert shown in text
    assert item["data-year"] == "2024" and TOKEN.fullmatch(item["data-speaker"])


def test_speakers_link_to_their_people_pages_when_those_are_built(site: Site) -> None:
    catalogue = Catalogue.of(site.articles, site.knowledge, site.index)
    text = "\n".join(page.text for page in render_quotes(make_environment(), catalogue, link_speakers=True))
    assert f"[Claire Dubois]({person_href('Claire Dubois', from_dir='quotes')})" in text
    assert "](../people/claire-dubois.md){: .quote-speaker }" in text


def test_the_index_counts_each_years_quotations_and_links_its_page(site: Site) -> None:
    """No page lists every quotation: the index links one page per year, each holding only its own."""
    index = html_of(body(next(p.text for p in site.pages if p.path == PATH)))
    assert not index.select("li[data-quote]")
    years = {a["href"]: a.find_parent("li").get_text() for a in index.select("li a[href]")}
    assert years == {"2024.md": "2024: 5 quotations", "undated.md": "Date unknown: 3 quotations"}
    for href, expected in (("2024.md", {"2024"}), ("undated.md", {"unknown"})):
        year_page = html_of(body(next(p.text for p in site.pages if p.path == f"quotes/{href}")))
        assert {item["data-year"] for item in year_page.select("li[data-quote]")} == expected
