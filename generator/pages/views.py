"""Shape articles and topics into what a template prints: the data, not the layout.

Templates hold layout only. Everything they print is either plain text (escaped
on the way out) or a `Markdown` value built here from escaped parts and
generator-made link targets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from generator.annotate.dates import MONTHS
from generator.annotate.vocabulary import currency_symbol
from generator.link import person_slug
from generator.models import Article, Figure, GlossaryTerm, Knowledge, PersonLinks, SiteIndex, TopicDef
from generator.pages.mdtext import Markdown, link
from generator.pages.memo import PageMemo

EXCERPTS_PER_ARTICLE = 3


def date_label(published: str | None) -> str:
    """ "2021-11" -> "November 2021"; "2021-11-25" -> "25 November 2021"; None -> "date unknown"."""
    if not published:
        return "date unknown"
    parts = published.split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        month = MONTHS[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
    except (ValueError, IndexError):
        return published


def figure_label(figure: Figure) -> str:
    """A figure's value as a reader reads it: "24,700", "£54,000,000", "46%"."""
    value = figure.value
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    prefix = currency_symbol(figure.unit) or ""
    if figure.unit == "percent":
        return f"{number}%"
    if figure.unit == "times":
        return f"{number} times"
    return f"{prefix}{number}" if prefix else f"{number} {figure.unit}"


def _to(folder: str, target: str, from_dir: str) -> str:
    """A docs-relative link to `target` in `folder` from a page in `from_dir` ("", "topics", "topics/x" ...)."""
    if from_dir == folder:
        return target
    up = "../" * (from_dir.count("/") + 1) if from_dir else ""
    return f"{up}{folder}/{target}"


def article_href(slug: str, paragraph: int | None = None, *, from_dir: str = "articles") -> str:
    """A docs-relative link to an article page (and paragraph) from a page in `from_dir`."""
    base = _to("articles", f"{slug}.md", from_dir)
    return f"{base}#p{paragraph}" if paragraph else base


def person_href(name: str, *, from_dir: str) -> str:
    """A docs-relative link to the page of the person or body named `name`, from a page in `from_dir`."""
    return _to("people", f"{person_slug(name)}.md", from_dir)


def topic_href(slug: str, *, from_dir: str = "topics") -> str:
    """A docs-relative link to a topic page from a page in `from_dir`."""
    return _to("topics", f"{slug}.md", from_dir)


@dataclass(frozen=True)
class Dated:
    """An article reference as lists print it."""

    link: Markdown
    outlet: str
    date: str
    topics: tuple[Markdown, ...]


@dataclass(frozen=True)
class Cited:
    """Something quoted from an article (an excerpt, a quote, a figure) with a link to its paragraph."""

    label: str
    item: object  # the Evidence, Quote or Figure
    href: str
    article_title: str


@dataclass(frozen=True)
class TopicEntry:
    """One article as a topic page lists it."""

    article: Dated
    excerpts: tuple[Cited, ...]
    quotes: tuple[Cited, ...]
    figures: tuple[Cited, ...]


def dated(article: Article, topics: Mapping[str, TopicDef], from_dir: str) -> Dated:
    """An article as one row of a list: link, outlet, date and topic links."""
    annotations = article.annotations
    return Dated(
        link=link(article.title, article_href(article.slug, from_dir=from_dir)),
        outlet=annotations.outlet.value or "outlet unknown",
        date=date_label(annotations.published.value),
        topics=tuple(
            link(topics[t].title, topic_href(t, from_dir=from_dir))
            for t in article.topic_slugs
            if t in topics
        ),
    )


@dataclass(frozen=True)
class Catalogue:
    """What the pages look things up in, built once per build: topics and articles by slug."""

    topics: Mapping[str, TopicDef]  # in the site's topic order
    articles: Mapping[str, Article]
    index: SiteIndex
    glossary: tuple[GlossaryTerm, ...] = ()
    people: Mapping[str, PersonLinks] = field(default_factory=lambda: MappingProxyType({}))  # by slug
    knowledge: Knowledge = field(default_factory=Knowledge)  # the measures and official totals, for figures/
    people_pages: frozenset[str] = frozenset()  # the docs paths of the people pages, `people/<slug>.md`
    memo: PageMemo = field(default_factory=PageMemo, compare=False)  # the last build's pages (serve)

    @classmethod
    def of(
        cls,
        articles: tuple[Article, ...],
        knowledge: Knowledge,
        index: SiteIndex,
        memo: PageMemo | None = None,
    ) -> Catalogue:
        """The lookups for one build's articles, knowledge and cross-links; `memo`, the pages of the
        last build that a page kind may reuse when what they are made from is unchanged."""
        topics = MappingProxyType({t.slug: t for t in knowledge.topics})
        by_slug = MappingProxyType({a.slug: a for a in articles})
        people = MappingProxyType({p.slug: p for p in index.people})
        pages = frozenset(f"people/{slug}.md" for slug in people)
        return cls(topics, by_slug, index, knowledge.glossary, people, knowledge, pages, memo or PageMemo())

    def newest_first(self) -> list[Article]:
        """The articles in the index's date order, newest first."""
        return [self.articles[slug] for slug in self.index.articles_by_date]


def abbreviations(article: Article, glossary: tuple[GlossaryTerm, ...]) -> list[tuple[Markdown, Markdown]]:
    """(text, definition) for each glossary term or alias that appears in the article, sorted.

    Printed unescaped as `*[text]: definition` lines: the text must match the article's words
    exactly, so a spelling that would break the line (`[`, `]`, `\\`, a line break or control
    character; schema.GlossaryEntry refuses them) is left out. The definition becomes a title
    attribute that Material's tooltips insert as HTML: see `_tooltip_text`.
    """
    text = "\n".join(p.text for p in article.clean.paragraphs)
    definitions = {}
    for entry in glossary:
        for spelling in (entry.term, *entry.aliases):
            clean = " ".join(spelling.split())
            if (
                clean in text  # most terms are in no article: a plain search first
                and _fits_abbreviation_line(clean)
                and re.search(rf"(?<!\w){re.escape(clean)}(?!\w)", text)
            ):
                definitions[clean] = _tooltip_text(entry.definition)
    return [(Markdown(term), Markdown(definition)) for term, definition in sorted(definitions.items())]


def _fits_abbreviation_line(term: str) -> bool:
    """A term abbr reads back whole from `*[term]: …`: no bracket, backslash or unprintable character."""
    return bool(term) and term.isprintable() and not any(ch in term for ch in "[]\\")


def _tooltip_text(definition: str) -> str:
    """`definition` on one line, escaped twice: abbr keeps entities as they are in the title attribute,
    the browser decodes them once, and the tooltip parses the result as HTML, which then holds
    `&lt;` and `&amp;` and shows `<` and `&` as text."""
    once = " ".join(definition.split()).replace("&", "&amp;").replace("<", "&lt;")
    return once.replace("&", "&amp;")
