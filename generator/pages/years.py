"""The articles index and one page of articles per year.

In: the build's Catalogue. Out: `articles/index.md` (how many articles each year holds, linked to
its page, and the newest LATEST articles) and `articles/<year>.md` for each year, with
`articles/undated.md` for articles without a date. No page lists every article, so none grows
with the archive, only with one year's articles. A year page's URL (`articles/2024/`) never
changes; `inputs.slugs.is_listing_slug` keeps article slugs off these names.
"""

from __future__ import annotations

import re

import jinja2

from generator.inputs.slugs import UNDATED
from generator.models import Article, Page
from generator.pages.environment import NOT_SEARCHED, front_matter
from generator.pages.mdtext import Markdown, link
from generator.pages.views import Catalogue, dated

LATEST = 20  # the newest articles the index shows
_YEAR = re.compile(r"[0-9]{4}")


def year_of(article: Article) -> str:
    """The year an article was published ("2024"), or UNDATED."""
    published = article.annotations.published.value or ""
    return published[:4] if _YEAR.fullmatch(published[:4]) else UNDATED


def by_year(articles: list[Article]) -> dict[str, list[Article]]:
    """Articles (newest first) grouped by year, the groups in the order the articles come."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(year_of(article), []).append(article)
    return groups


def year_label(year: str) -> str:
    """ "2024" -> "2024"; UNDATED -> "Date unknown"."""
    return "Date unknown" if year == UNDATED else year


def year_links(years: list[str], current: str | None = None, folder: str = "") -> list[Markdown]:
    """Each year as a link to its page `<folder>/<year>.md`, from a page beside the year pages (or
    beside `folder`); `current` unlinked, in bold."""
    prefix = f"{folder}/" if folder else ""
    return [
        Markdown(f"**{year_label(y)}**") if y == current else link(year_label(y), f"{prefix}{y}.md")
        for y in years
    ]


def render_articles(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """The articles index and each year's page."""
    newest = catalogue.newest_first()
    groups = by_year(newest)
    years = list(groups)
    index = env.get_template("articles_index.md.j2").render(
        front=front_matter(title="Articles"),
        total=len(newest),
        years=[(item, len(groups[y])) for item, y in zip(year_links(years), years)],
        rows=[dated(a, catalogue.topics, "articles") for a in newest[:LATEST]],
    )
    pages = [Page("articles/index.md", index, None)]
    for year, articles in groups.items():
        title = "Undated articles" if year == UNDATED else f"Articles from {year}"
        text = env.get_template("articles_year.md.j2").render(
            front=front_matter(title=title, **NOT_SEARCHED),
            title=title,
            count=len(articles),
            years=year_links(years, current=year),
            rows=[dated(a, catalogue.topics, "articles") for a in articles],
        )
        pages.append(Page(f"articles/{year}.md", text, None))
    return pages
