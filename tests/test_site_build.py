"""One whole-site build with `mkdocs build --strict`, then what a reader would find in the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import pagefind_fragments, topic_slugs
from generator.inputs.slugs import is_listing_slug

SEED_COUNT = 5


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading_text(heading) -> str:
    """A heading's text without its permalink mark."""
    for mark in heading.select("a.headerlink"):
        mark.decompose()
    return heading.get_text(strip=True)


def article_pages(site: Path) -> list[Path]:
    """The built article pages (not the lists of articles by year: articles/2024/, articles/undated/)."""
    pages = (site / "articles").glob("*/index.html")
    return sorted(p for p in pages if not is_listing_slug(p.parent.name))


def test_one_page_per_seed_article(built_site: Path) -> None:
    pages = article_pages(built_site)
    assert len(pages) == SEED_COUNT
    for page in pages:
        html = soup(page)
        headings = [heading_text(h) for h in html.select("article h2")]
        assert {"Article text", "Who is quoted", "Key figures", "Related articles"} <= set(headings), page
        assert html.select("article p[id^=p]"), f"{page}: paragraphs have no anchors"
        assert html.select_one("article details"), f"{page}: no collapsed 'Removed from the source text' box"


@pytest.mark.parametrize("topic", topic_slugs())
def test_topic_page_links_to_existing_paragraph_anchors(built_site: Path, topic: str) -> None:
    page = built_site / "topics" / topic / "index.html"
    assert page.exists(), f"no page for topic {topic}"
    anchored = []
    for a in soup(page).select("article a[href*='#p']"):
        url = urljoin(f"https://x/topics/{topic}/", a["href"])
        target = built_site / urlparse(url).path.lstrip("/") / "index.html"
        fragment = urlparse(url).fragment
        assert target.exists(), f"{topic}: link to missing page {a['href']}"
        assert soup(target).find(id=fragment), f"{topic}: link to missing anchor {a['href']}"
        anchored.append(a["href"])
    assert anchored, f"topic {topic} links to no article paragraph"


def test_people_pages_are_built_and_linked(built_site: Path) -> None:
    """The People index is in the navigation and links every person page; a person page links to
    the paragraphs it quotes, and an article page links each speaker to their page."""
    nav = soup(built_site / "index.html").select_one("nav.md-nav--primary")
    assert "People" in [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    index = soup(built_site / "people" / "index.html")
    linked = {urljoin("https://x/people/", a["href"]) for a in index.select("article table a")}
    pages = {f"https://x/people/{p.parent.name}/" for p in (built_site / "people").glob("*/index.html")}
    assert pages and linked == pages, "the index links every person page, and only those"
    quoted = 0
    for url in sorted(pages):
        for a in soup(built_site / urlparse(url).path.lstrip("/") / "index.html").select(
            "article a[href*='#p']"
        ):
            target = urlparse(urljoin(url, a["href"]))
            assert soup(built_site / target.path.lstrip("/") / "index.html").find(id=target.fragment), a[
                "href"
            ]
            quoted += 1
    assert quoted, "person pages link to the paragraphs they quote"
    for page in article_pages(built_site):
        for a in soup(page).select("article table a[href*='/people/']"):
            url = urljoin(f"https://x/articles/{page.parent.name}/", a["href"])
            assert url in pages, f"{page}: speaker link to a missing page {a['href']}"


def test_theme_assets_are_published(built_site: Path) -> None:
    assert list((built_site / "assets" / "javascripts").glob("bundle.*.min.js")), "theme scripts missing"
    assert list((built_site / "assets" / "stylesheets").glob("main.*.min.css")), "theme styles missing"


def test_navigation_lists_sections_not_articles(built_site: Path) -> None:
    nav = soup(built_site / "index.html").select_one("nav.md-nav--primary")
    links = [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    assert "Articles" in links and "Topics" in links
    titles = {heading_text(soup(p).select_one("article h1")) for p in article_pages(built_site)}
    assert not titles & set(links), "article pages should be reached from the index, not the navigation"


def test_articles_index_shows_the_newest_and_links_a_page_per_year(built_site: Path) -> None:
    """The index lists the newest articles (all five here) and each year's page lists that year's."""
    index = soup(built_site / "articles" / "index.html")
    rows = index.select("article table tbody tr")
    assert len(rows) == SEED_COUNT
    years = [row.find("td").get_text(strip=True)[-4:] for row in rows]
    assert years == sorted(years, reverse=True)
    listed = 0
    for year in sorted(set(years)):
        link = index.select_one(f"article li a[href='{year}/']")
        assert link is not None and link.get_text() == year, f"no link to the articles of {year}"
        year_rows = soup(built_site / "articles" / year / "index.html").select("article table tbody tr")
        assert {row.find("td").get_text(strip=True)[-4:] for row in year_rows} == {year}
        listed += len(year_rows)
    assert listed == SEED_COUNT


@pytest.mark.parametrize("word", ["Albania", "Retailleau", "Greenwood"])
def test_search_index_contains_article_words(built_site: Path, word: str) -> None:
    pages = pagefind_fragments(built_site)
    assert any(word in page["content"] for page in pages if page["url"].startswith("/articles/"))


def test_search_index_holds_page_content_not_the_page_frame(built_site: Path) -> None:
    """Pagefind's chunked index replaces the theme's single file; it holds each content page once,
    titled, with its paragraph anchors, and none of the header, navigation, footer or list pages."""
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    pages = {page["url"]: page for page in pagefind_fragments(built_site)}
    articles = [f"/{p.parent.relative_to(built_site).as_posix()}/" for p in article_pages(built_site)]
    assert set(articles) <= set(pages)
    assert {"/", "/articles/", "/topics/", "/people/", "/tags/"}.isdisjoint(pages)
    assert {"/quotes/", "/glossary/", "/people/bruno-retailleau/", "/topics/offshoring/"} <= set(pages)
    for url in articles:
        page = pages[url]
        heading = soup(built_site / url.strip("/") / "index.html").select_one("article h1")
        heading.select_one("a.headerlink").decompose()
        h1 = " ".join(heading.get_text().split())
        assert page["meta"] == {"kind": "Article", "title": h1}
        assert page["content"].startswith(h1)  # not "Skip to content", the site name or the tabs
        paragraphs = [a for a in page["anchors"] if a["element"] == "p"]
        assert [a["id"] for a in paragraphs[:3]] == ["p1", "p2", "p3"]
        assert "¶" not in paragraphs[0]["text"]  # the paragraph number is not text of the paragraph


def test_search_leaves_out_the_pages_of_a_year(built_site: Path) -> None:
    """A year of articles, quotations, a topic, a person, figures or the timeline repeats what its
    articles say: a search finds the article itself, once, not the lists that cite it."""
    indexed = {page["url"] for page in pagefind_fragments(built_site)}
    years = [
        "/" + p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if is_listing_slug(p.parent.name)
    ]
    assert {"/articles/2025/", "/quotes/2025/", "/timeline/2025/"} <= set(years)
    assert any(url.startswith("/topics/") for url in years) and any(
        url.startswith("/figures/") for url in years
    )
    assert indexed.isdisjoint(years)
    assert {"/timeline/", "/figures/"} <= indexed  # the section pages stay


def test_edit_link_points_at_the_sidecar(built_site: Path) -> None:
    for page in article_pages(built_site):
        edit = soup(page).select_one("a.md-content__button[href*='/edit/']")
        assert edit is not None, f"{page}: no edit link"
        assert "/content/articles/" in edit["href"] and edit["href"].endswith(".md")


def test_every_script_is_a_file_of_the_site(built_site: Path) -> None:
    """The Content-Security-Policy allows no inline script, so the theme's own come from files."""
    for page in sorted(built_site.rglob("*.html")):
        for script in soup(page).find_all("script"):
            if script.get("type") == "application/json":
                continue
            assert script.get("src"), f"{page}: inline script {script.get_text()[:60]!r}"
            assert not urlparse(script["src"]).netloc, f"{page}: script from another site {script['src']}"


def test_hand_written_pages_keep_their_title_and_edit_link(built_site: Path) -> None:
    about = soup(built_site / "about" / "index.html")
    assert about.title.get_text().startswith("About this record")
    edit = about.select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None and edit["href"].endswith("/content/about.md")


def test_every_page_has_sharing_tags_matching_its_title(built_site: Path) -> None:
    for page in sorted(built_site.rglob("*.html")):
        head = soup(page).head
        og = head.find("meta", attrs={"property": "og:title"})
        assert og is not None and head.find("meta", attrs={"name": "twitter:card"}), (
            f"{page}: no sharing tags"
        )
        assert head.title.get_text().startswith(og["content"]), f"{page}: og:title {og['content']!r}"


def test_the_open_data_files_are_published_as_the_about_page_links_them(built_site: Path) -> None:
    """In the strict build the data files are copied as they are and the page's links reach them."""
    page = soup(built_site / "data" / "index.html")
    hrefs = {a["href"] for a in page.select("article a[href$='.csv'], article a[href$='.json']")}
    assert "quotations.csv" in hrefs and "datapackage.json" in hrefs
    for href in hrefs:
        assert (built_site / "data" / href).is_file(), href
    descriptor = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert (built_site / "data" / resource["path"]).stat().st_size == resource["bytes"]
    assert not (built_site / "data" / "quotations.csv").is_dir()  # a file, not a page folder


def test_every_link_and_anchor_in_the_built_site_resolves(built_site: Path) -> None:
    """What CI's `generator linkcheck site` step checks: no page links to a missing page or anchor."""
    from generator.commands.linkcheck import find_broken_links

    assert find_broken_links(built_site) == []
