"""The figures pages and the chart of crossings: figures by measure and year, reports that differ
side by side, and an inline SVG that is well formed, named, flags a far figure and keeps hostile
text as text. Articles are made by hand here, so each case shows exactly what it tests."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.link import cross_link
from generator.models import (
    Annotations,
    Article,
    CleanText,
    Figure,
    Knowledge,
    Measure,
    OfficialCount,
    OfficialSeries,
    Page,
    Paragraph,
    Period,
    Sourced,
    SourceText,
    Units,
)
from generator.pages.chart import Point, crossings_svg
from generator.pages.crossings import render_crossings
from generator.pages.environment import make_environment
from generator.pages.figure_groups import contradict
from generator.pages.figures import render_figures
from generator.pages.views import Catalogue

pytestmark = pytest.mark.fast

EXTENSIONS = ["abbr", "admonition", "attr_list", "tables", "toc", "pymdownx.details"]  # as mkdocs.yml
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</title><script>alert(1)</script>"><b onmouseover=x>'
UNITS = Units(measures=(Measure("arrivals", "Arrivals", ("arrivals",)), Measure("money", "Money", ("GBP",))))
OFFICIAL = OfficialSeries(
    "arrivals",
    "People detected arriving by small boat",
    "Irregular migration to the UK",
    "Home Office",
    "https://www.gov.uk/government/collections/irregular-migration-to-the-uk-statistics",
    "2026-12-01",
    (OfficialCount(2021, 28526), OfficialCount(2022, 45774, provisional=True)),
)


def article(slug: str, outlet: str, published: str, *figures: tuple[float, str, Period]) -> Article:
    """An article whose paragraph n states its n-th figure: (value, measure, period)."""
    paragraphs, found = [], []
    for n, (value, measure, period) in enumerate(figures, 1):
        text = f"{value:,.0f} people"
        paragraphs.append(Paragraph(n, n, f"Officials said {text} had crossed."))
        found.append(Figure(value, "people", text, n, "people had crossed", measure, period))
    annotations = Annotations(
        title=Sourced(f"Story {slug}", "editor"),
        outlet=Sourced(outlet, "editor"),
        published=Sourced(published, "editor"),
        figures=tuple(found),
    )
    return Article(
        slug, SourceText(f"seeds/{slug}.txt", ""), None, CleanText(tuple(paragraphs), ()), annotations
    )


def pages_of(*articles: Article, official: OfficialSeries | None = OFFICIAL) -> dict[str, str]:
    knowledge = Knowledge(units=UNITS, official=official)
    catalogue = Catalogue.of(articles, knowledge, cross_link(articles, ()))
    env = make_environment()
    made: list[Page] = render_figures(env, catalogue) + render_crossings(env, catalogue)
    return {page.path: page.text for page in made}


def html_of(text: str) -> BeautifulSoup:
    body = text.split("---\n", 2)[2]
    return BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")


WHOLE_2021 = Period(2021, None, "year")


def test_figures_are_listed_by_measure_and_year_with_a_stable_anchor() -> None:
    pages = pages_of(
        article("a", "Herald", "2022-01-10", (28500, "arrivals", WHOLE_2021), (1000, "arrivals", Period())),
        article("b", "Post", "2021-06-01", (54_000_000, "money", Period())),
    )
    assert sorted(pages) == [
        "figures/arrivals/2021.md",
        "figures/arrivals/2022.md",  # a figure without a period goes under its article's year
        "figures/arrivals/index.md",
        "figures/crossings.md",
        "figures/index.md",
        "figures/money/2021.md",
        "figures/money/index.md",
    ]
    entry = html_of(pages["figures/arrivals/2021.md"]).select_one("li#f-a-1")
    assert entry is not None and "28,500 people" in entry.get_text()
    assert entry.select_one('a[href="../../articles/a.md#p1"]').get_text() == "Story a, ¶ 1"
    assert html_of(pages["figures/arrivals/2022.md"]).select_one("li#f-a-2") is not None


def test_two_articles_giving_different_numbers_for_one_year_stand_side_by_side() -> None:
    pages = pages_of(
        article("early", "Herald", "2022-01-10", (28500, "arrivals", WHOLE_2021)),
        article("late", "Post", "2022-02-03", (45000, "arrivals", WHOLE_2021)),
        article("close", "Wire", "2022-02-04", (28600, "arrivals", WHOLE_2021)),  # the first, rounded
    )
    page = html_of(pages["figures/arrivals/2021.md"])
    block = page.select_one("h3#differ-year")
    assert block is not None and "2021, whole year" in block.get_text()
    table = block.find_next_sibling("table")
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headings == ["", "Wire, 4 February 2022", "Post, 3 February 2022", "Herald, 10 January 2022"]
    rows = {
        tr.select("td")[0].get_text(): [td.get_text() for td in tr.select("td")[1:]]
        for tr in table.select("tbody tr")
    }
    assert rows["Figure"] == ["28,600 people", "45,000 people", "28,500 people"]
    sources = [a["href"] for a in table.select("a")]
    assert sources == [
        "../../articles/close.md#p1",
        "../../articles/late.md#p1",
        "../../articles/early.md#p1",
    ]
    summary = html_of(pages["figures/index.md"]).select_one('a[href="arrivals/2021.md#differ-year"]')
    assert summary is not None and "Arrivals, 2021, whole year" in summary.get_text()


@pytest.mark.parametrize(
    "first, second",
    [
        ((28500, "2022-01-10", WHOLE_2021), (28530, "2022-02-01", WHOLE_2021)),  # 28,530 rounds to 28,500
        (
            (300, "2021-06-01", Period(2021, None, "part")),
            (900, "2021-07-01", Period(2021, None, "part")),
        ),  # days
        (
            (5000, "2021-03-01", Period(2021, None, "to date")),
            (9000, "2021-04-01", Period(2021, None, "to date")),
        ),
        ((5000, "2021-03", Period(2021, None, "to date")), (9000, "2021-03", Period(2021, None, "to date"))),
    ],
    ids=["rounded", "parts of a year", "to date on two days", "to date, day unknown"],
)
def test_figures_that_do_not_contradict_each_other_are_not_set_side_by_side(
    first: tuple, second: tuple
) -> None:
    pages = pages_of(
        article("one", "Herald", first[1], (first[0], "arrivals", first[2])),
        article("two", "Post", second[1], (second[0], "arrivals", second[2])),
    )
    assert "Reports that differ" not in pages["figures/arrivals/2021.md"]


def test_two_year_to_date_figures_of_one_day_that_differ_stand_side_by_side() -> None:
    period = Period(2021, None, "to date")
    pages = pages_of(
        article("one", "Herald", "2021-03-01", (5000, "arrivals", period)),
        article("two", "Post", "2021-03-01", (7000, "arrivals", period)),
    )
    assert html_of(pages["figures/arrivals/2021.md"]).select_one("h3#differ-to-date-2021-03-01") is not None


def svg_of(page: str) -> ET.Element:
    """The chart's SVG element, parsed as XML: it must be well formed."""
    start, end = page.index("<svg"), page.index("</svg>") + len("</svg>")
    return ET.fromstring(page[start:end])


def test_the_chart_is_well_formed_named_and_flags_a_figure_far_from_the_official_total() -> None:
    pages = pages_of(
        article("near", "Herald", "2022-01-10", (28500, "arrivals", WHOLE_2021)),
        article("far", "Post", "2022-02-03", (45000, "arrivals", WHOLE_2021)),
        article("ytd", "Wire", "2022-06-01", (12000, "arrivals", Period(2022, None, "to date"))),
    )
    page = pages["figures/crossings.md"]
    svg = svg_of(page)
    assert svg.get("role") == "group"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert "45,000 people for 2021 (Post, 3 February 2022)" in desc.text
    bars = svg.findall(f".//{SVG}rect[@class='chart-bar chart-bar--provisional']")
    assert len(bars) == 1  # 2022 is provisional
    marks = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert sorted(marks) == ["../../articles/far/#p1", "../../articles/near/#p1", "../../articles/ytd/#p1"]
    far = marks["../../articles/far/#p1"].find(f"{SVG}path")
    assert far is not None and "chart-point--far" in far.get("class")
    assert marks["../../articles/near/#p1"].find(f"{SVG}circle").get("class") == "chart-point"
    listed = html_of(page).find("h2", string="Far from the official total").find_next_sibling("ul")
    assert [li.get_text() for li in listed.select("li")] == [
        "45,000 people for 2021 (whole year), +58% against the official total — Post, 3 February 2022, ¶ 1"
    ]
    rows = html_of(page).select("table tbody tr")
    assert [r.select("td")[0].get_text() for r in rows] == ["2021", "2022"]
    assert "28,526" in rows[0].get_text() and "45,774 (provisional)" in rows[1].get_text()


def test_hostile_outlet_and_title_text_stays_text_in_the_svg() -> None:
    hostile = article("h", HOSTILE, "2022-01-10", (30000, "arrivals", WHOLE_2021))
    official = OfficialSeries(**{**vars(OFFICIAL), "title": HOSTILE, "publisher": HOSTILE})
    page = pages_of(hostile, official=official)["figures/crossings.md"]
    svg = svg_of(page)
    assert not list(svg.iter("script")) and not list(svg.iter(f"{SVG}script"))
    assert [e.tag for e in svg.iter() if e.tag.endswith("b")] == []
    assert HOSTILE in desc_text(svg) and HOSTILE in svg.find(f".//{SVG}a/{SVG}title").text
    assert "<script>" not in page


def desc_text(svg: ET.Element) -> str:
    return svg.find(f"{SVG}desc").text or ""


def test_the_svg_alone_is_deterministic_and_escapes_its_labels() -> None:
    points = [Point(2021, 30000, "year", '../x/"onload="y', HOSTILE)]
    first = crossings_svg(OFFICIAL.counts, points, HOSTILE, HOSTILE)
    assert first == crossings_svg(OFFICIAL.counts, points, HOSTILE, HOSTILE)
    svg = ET.fromstring(first)
    assert svg.find(f"{SVG}title").text == HOSTILE
    assert (
        svg.find(f".//{SVG}a").get("href") == '../x/"onload="y'
        and svg.find(f".//{SVG}a").get("onload") is None
    )


def test_no_chart_page_without_official_totals() -> None:
    pages = pages_of(article("a", "Herald", "2022-01-10", (28500, "arrivals", WHOLE_2021)), official=None)
    assert "figures/crossings.md" not in pages
    assert "crossings.md" not in pages["figures/index.md"]


@pytest.mark.parametrize(
    "first, second, differ",
    [
        ("45,755 people", "45,774 people", True),  # two exact counts
        ("More than 28,000 people", "28,526 people", False),  # a lower bound the count meets
        ("Nearly 46,000 people", "45,774 people", False),
        ("Nearly 45,000 people", "45,774 people", True),  # the bound is passed
        ("About 45,000 people", "45,774 people", False),
        ("28,500 people", "28,526 people", False),  # a round number stands for those that round to it
        ("28,500 people", "28,900 people", True),
        ("725 people", "730 people", True),  # small counts are exact
    ],
)
def test_figures_contradict_when_no_number_fits_both(first: str, second: str, differ: bool) -> None:
    def figure(text: str) -> Figure:
        value = int("".join(ch for ch in text if ch.isdigit()))
        return Figure(value, "people", text, 1, "people", "arrivals", WHOLE_2021)

    assert contradict(figure(first), figure(second)) is differ
    assert contradict(figure(second), figure(first)) is differ
