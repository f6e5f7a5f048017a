"""The quotations pages: `quotes/index.md`, and one page per year (`quotes/<year>.md`) with
every quotation of that year's articles, grouped by topic.

In: the build's Catalogue. Out: Pages. The index says how many quotations each year holds and
links its page, so no page lists every quotation of the archive. A year's page is a compact list
(one line a quotation) under a heading per topic (the main topic of each quotation's article, in
the site's topic order; an article on no topic under "Other"). Each list item carries, in an
attribute list, the values the page's filter script (generator/theme/javascripts/quotes-filter.js)
reads: `data-speaker`, `data-topics` (every substantive topic of the article), `data-outlet` and
`data-year`. They are tokens (`_token`: ASCII letters, digits and single hyphens), never the
untrusted text itself, so no value can close the attribute list or the attribute; the script
takes its option labels from the page's visible, escaped text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from generator.annotate.quotes.annotator import UNKNOWN
from generator.inputs.slugs import UNDATED, slugify
from generator.models import Article, Page, Quote
from generator.pages.environment import NOT_SEARCHED, front_matter
from generator.pages.mdtext import Markdown, escape_markdown, link
from generator.pages.views import Catalogue, article_href, date_label, person_href, person_slug, topic_href
from generator.pages.years import by_year, year_label, year_links

PATH = "quotes/index.md"
DESCRIPTION = "Every quotation in the record: who said what, where and when."
FROM_DIR = "quotes"
OTHER = "other"  # the group (and filter value) of quotations from articles on no topic
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class QuoteLine:
    """One quotation as the page prints it: the text, and the Markdown parts built here."""

    text: str
    speaker: Markdown
    role: str | None
    article: Markdown
    outlet: str
    date: str
    attributes: Markdown  # `{: data-… }`: the filter values, tokens only


@dataclass(frozen=True)
class QuoteGroup:
    """The quotations under one topic heading."""

    title: str
    anchor: Markdown  # the heading's attribute list: its id and its topic token
    lines: tuple[QuoteLine, ...]


def render_quotes(
    env: jinja2.Environment, catalogue: Catalogue, *, link_speakers: bool | None = None
) -> list[Page]:
    """The quotations index and one page per year of every quotation of that year's articles,
    grouped by topic. A speaker is linked to their page when the build has one (`link_speakers`
    forces it either way, for tests)."""
    people = frozenset(catalogue.people)

    def linked(name: str) -> bool:
        return link_speakers if link_speakers is not None else person_slug(name) in people

    years = by_year(catalogue.newest_first())
    quoted = {y: [a for a in articles if a.annotations.quotes] for y, articles in years.items()}
    quoted = {y: articles for y, articles in quoted.items() if articles}
    topics = [
        Markdown(f'{link(t.title, topic_href(slug, from_dir=FROM_DIR))}{{: data-topic="{_token(slug)}" }}')
        for slug, t in catalogue.topics.items()
    ]
    counts = {y: sum(len(a.annotations.quotes) for a in articles) for y, articles in quoted.items()}
    index = env.get_template("quotes_index.md.j2").render(
        front=front_matter(title="Quotes", description=DESCRIPTION),
        total=sum(counts.values()),
        years=[(item, counts[y]) for item, y in zip(year_links(list(quoted)), quoted)],
        topics=topics,
    )
    pages = [Page(PATH, index, None)]

    def year_page(year: str, articles: list[Article]) -> Page:
        numbered = _numbered_quotes(articles)
        mains = {a.slug: main_topic(a, catalogue) for a in articles}
        groups = [
            _group(title, slug, entries, linked)
            for title, slug, entries in _topics(catalogue, numbered, mains)
        ]
        title = "Quotes, date unknown" if year == UNDATED else f"Quotes from {year}"
        text = env.get_template("quotes.md.j2").render(
            front=front_matter(title=title, description=f"{DESCRIPTION} {year_label(year)}.", **NOT_SEARCHED),
            heading="Who said what, date unknown" if year == UNDATED else f"Who said what in {year}",
            scope="the articles without a date" if year == UNDATED else f"the articles of {year}",
            total=len(numbered),
            years=year_links(list(quoted), current=year),
            topics=topics,
            groups=[g for g in groups if g.lines],
        )
        return Page(f"{FROM_DIR}/{year}.md", text, None)

    # A year's page reads its articles, the years, which speakers have pages and the topics (which
    # every page may read: PageMemo.start).
    return pages + [
        catalogue.memo.page(
            f"{FROM_DIR}/{year}.md",
            (tuple(articles), tuple(quoted), link_speakers),
            lambda year=year, articles=articles: year_page(year, articles),
        )
        for year, articles in quoted.items()
    ]


def _numbered_quotes(articles: list[Article]) -> list[tuple[int, Article, Quote]]:
    """Every quotation of `articles` (newest first), in the article's order, numbered from 1."""
    found = [(a, q) for a in articles for q in a.annotations.quotes]
    return [(n, article, quote) for n, (article, quote) in enumerate(found, 1)]


def _topics(
    catalogue: Catalogue, numbered: list[tuple[int, Article, Quote]], mains: dict[str, str]
) -> list[tuple[str, str, list[tuple[int, Article, Quote]]]]:
    """(title, topic slug, quotations) per topic in the site's order, then "Other" for the rest.

    Each quotation is listed once, under its article's main topic (`mains`, by article slug), so
    the page grows with the number of quotations, not with quotations times topics.
    """
    slugs = [*catalogue.topics, OTHER]
    titles = [t.title for t in catalogue.topics.values()] + ["Other"]
    grouped: dict[str, list[tuple[int, Article, Quote]]] = {slug: [] for slug in slugs}
    for entry in numbered:
        grouped[mains[entry[1].slug]].append(entry)
    return [(title, slug, grouped[slug]) for title, slug in zip(titles, slugs)]


def main_topic(article: Article, catalogue: Catalogue) -> str:
    """The slug of the article's highest-scoring substantive topic (the first in the site's order
    on a tie), or OTHER when it is on none of the site's topics."""
    order = {slug: i for i, slug in enumerate(catalogue.topics)}
    matches = [m for m in article.annotations.topics if m.substantive and m.topic in order]
    if not matches:
        return OTHER
    return min(matches, key=lambda m: (-m.score, order[m.topic])).topic


def _group(
    title: str, slug: str, entries: list[tuple[int, Article, Quote]], linked: Callable[[str], bool]
) -> QuoteGroup:
    """One topic's heading, marked with the topic's token, and its lines."""
    topic = _token(slug)
    anchor = Markdown(f'{{: #topic-{topic} data-topic="{topic}" }}')
    return QuoteGroup(title, anchor, tuple(_line(n, article, quote, linked) for n, article, quote in entries))


def _line(number: int, article: Article, quote: Quote, linked: Callable[[str], bool]) -> QuoteLine:
    """One quotation's line: speaker, role, a link to its paragraph, outlet, date and filter values."""
    annotations = article.annotations
    published = annotations.published.value or ""
    year = published[:4] if published[:4].isdigit() else UNKNOWN
    values = {
        "quote": f"q{number}",
        "speaker": _token(quote.speaker),
        "topics": " ".join(_token(t) for t in article.topic_slugs) or OTHER,
        "outlet": _token(annotations.outlet.value or ""),
        "year": _token(year),
    }
    return QuoteLine(
        text=quote.text,
        speaker=_speaker(quote.speaker, linked),
        role=quote.role,
        article=link(
            f"{article.title}, ¶ {quote.paragraph}",
            article_href(article.slug, quote.paragraph, from_dir=FROM_DIR),
        ),
        outlet=annotations.outlet.value or "outlet unknown",
        date=date_label(annotations.published.value),
        attributes=Markdown("{: " + " ".join(f'data-{k}="{v}"' for k, v in values.items()) + " }"),
    )


def _speaker(name: str, linked: Callable[[str], bool]) -> Markdown:
    """The speaker's name, escaped, marked `.quote-speaker` for the filter's labels; a link to
    their page when people pages are built (never for an unknown speaker)."""
    if name == UNKNOWN or not name.strip():
        return Markdown("*unknown speaker*{: .quote-speaker }")
    if linked(name):
        return Markdown(f"{link(name, person_href(name, from_dir=FROM_DIR))}{{: .quote-speaker }}")
    return Markdown(f"**{escape_markdown(name)}**{{: .quote-speaker }}")


def _token(text: str) -> str:
    """A filter value safe in any attribute: the slug of `text` (ASCII letters, digits, hyphens),
    "unknown" when it has none. Checked, so nothing else can ever reach an attribute."""
    token = slugify(text) or UNKNOWN
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"not a filter token: {token!r}")
    return token
