"""The timeline: `timeline/index.md` (the years, with counts, and the curated events) and one page a
year, `timeline/<year>.md` (its events in date order, a section a month), plus each topic's own
timeline on its page (`topic_timeline`).

In: the build's Catalogue, whose `index.events` link.py built once (`generator/events.py`).
Out: Pages. No page lists every event of the record: a year page shows at most EVENTS_PER_MONTH
events a month and says how many it leaves out; the index shows the years and the newest
CURATED_ON_INDEX curated events; a topic shows its newest TOPIC_EVENTS. Every value printed is
text (escaped on the way out) or a link built here; a curated event's address is linked only
when it is an http(s) address a link can carry as it is (the schema refuses any other).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import jinja2

from generator.models import Event, Page
from generator.pages.environment import NOT_SEARCHED, front_matter
from generator.pages.mdtext import Markdown, escape_markdown, is_safe_target, link
from generator.pages.views import Catalogue, article_href, date_label

FOLDER = "timeline"
EDIT = "content/events.yaml"
EVENTS_PER_MONTH = 60
CURATED_ON_INDEX = 50
TOPIC_EVENTS = 20
NO_MONTH = "Dated only by year"
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'()\[\]{}\\`|^]+", re.I)


@dataclass(frozen=True)
class EventRow:
    """One event as a list prints it: its date, how the date was found, what happened, its source."""

    date: str  # "25 November 2021"
    note: str  # 'from “yesterday”', "corrected by an editor", "curated" or ""
    text: str
    source: Markdown


@dataclass(frozen=True)
class MonthSection:
    heading: str  # "March 2025", or NO_MONTH
    rows: tuple[EventRow, ...]
    left_out: int  # events of the month past EVENTS_PER_MONTH


@dataclass(frozen=True)
class TopicTimeline:
    """A topic's events for its page: the newest TOPIC_EVENTS, how many there are, their years."""

    rows: tuple[EventRow, ...]
    total: int
    years: tuple[Markdown, ...]  # links to the year pages, newest first


def render_timeline(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """The timeline's index and one page for each year that has an event."""
    by_year: dict[str, list[Event]] = defaultdict(list)
    for event in catalogue.index.events:
        by_year[event.year].append(event)
    years = sorted(by_year, reverse=True)
    pages = [render_timeline_index(env, catalogue, {y: len(by_year[y]) for y in years})]
    for i, year in enumerate(years):
        later = years[i - 1] if i > 0 else None
        earlier = years[i + 1] if i + 1 < len(years) else None
        pages.append(render_year(env, catalogue, year, by_year[year], earlier, later))
    return pages


def render_timeline_index(env: jinja2.Environment, catalogue: Catalogue, counts: dict[str, int]) -> Page:
    """The years newest first with their event counts, and the newest curated events."""
    curated = [e for e in reversed(catalogue.index.events) if e.curated]
    text = env.get_template("timeline_index.md.j2").render(
        front=front_matter(title="Timeline", description="Dated events of the record, year by year."),
        years=[(link(year, f"{year}.md"), count) for year, count in counts.items()],
        total=sum(counts.values()),
        curated=[event_row(e, catalogue, FOLDER) for e in curated[:CURATED_ON_INDEX]],
        curated_left_out=max(0, len(curated) - CURATED_ON_INDEX),
    )
    return Page(f"{FOLDER}/index.md", text, EDIT)


def render_year(
    env: jinja2.Environment,
    catalogue: Catalogue,
    year: str,
    events: list[Event],
    earlier: str | None,
    later: str | None,
) -> Page:
    """One year's events in date order, a section a month, then those dated only by the year."""
    by_month: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_month[event.date[:7] if event.precision != "year" else ""].append(event)
    sections = [_month(catalogue, month, by_month[month]) for month in sorted(by_month) if month]
    if "" in by_month:
        sections.append(_month(catalogue, "", by_month[""]))
    text = env.get_template("timeline_year.md.j2").render(
        front=front_matter(
            title=f"Timeline: {year}",
            description=f"Events of {year}, from the articles and the record's editors.",
            **NOT_SEARCHED,
        ),
        year=year,
        total=len(events),
        sections=sections,
        earlier=link(earlier, f"{earlier}.md") if earlier else None,
        later=link(later, f"{later}.md") if later else None,
    )
    return Page(f"{FOLDER}/{year}.md", text, EDIT)


def _month(catalogue: Catalogue, month: str, events: list[Event]) -> MonthSection:
    """A month's section: at most EVENTS_PER_MONTH events (curated, then written dates, then the
    most precise, then the earliest), shown in date order, and how many were left out."""
    kept = sorted(sorted(range(len(events)), key=lambda i: _keep_first(events[i]))[:EVENTS_PER_MONTH])
    rows = tuple(event_row(events[i], catalogue, FOLDER) for i in kept)
    heading = date_label(month) if month else NO_MONTH
    return MonthSection(heading, rows, len(events) - len(kept))


def _keep_first(event: Event) -> tuple:
    return (not event.curated, event.resolved, -len(event.date), event.date)


def topic_timeline(topic: str, catalogue: Catalogue, from_dir: str = "topics") -> TopicTimeline:
    """The topic's curated events and the events of its evidence paragraphs, newest first."""
    evidence = {
        (slug, e.paragraph)
        for slug in catalogue.index.for_topic(topic).articles
        for m in catalogue.articles[slug].annotations.topics
        if m.topic == topic
        for e in m.evidence
    }
    found = [
        e
        for e in catalogue.index.events
        if (topic in e.topics if e.curated else (e.article, e.paragraph) in evidence)
    ]
    newest = list(reversed(found))[:TOPIC_EVENTS]
    years = sorted({e.year for e in found}, reverse=True)
    return TopicTimeline(
        rows=tuple(event_row(e, catalogue, from_dir) for e in newest),
        total=len(found),
        years=tuple(link(y, f"../{FOLDER}/{y}.md") for y in years),
    )


def event_row(event: Event, catalogue: Catalogue, from_dir: str) -> EventRow:
    """An event as one line: date, how it was dated, text and a link to where it comes from."""
    if event.curated:
        note = "curated"
    elif event.corrected:
        note = "corrected by an editor"
    elif event.resolved:
        note = f"from “{event.phrase}”"
    else:
        note = ""
    return EventRow(date_label(event.date), note, event.text, _source(event, catalogue, from_dir))


def _source(event: Event, catalogue: Catalogue, from_dir: str) -> Markdown:
    """Where the event comes from: the article's paragraph (with its outlet), or a curated source."""
    article = catalogue.articles.get(event.article or "")
    if article is not None:
        outlet = escape_markdown(article.annotations.outlet.value or "outlet unknown")
        where = f"{article.title}, ¶ {event.paragraph}" if event.paragraph else article.title
        return Markdown(
            f"*{outlet}*, {link(where, article_href(article.slug, event.paragraph, from_dir=from_dir))}"
        )
    title = event.source_title or "source"
    url = event.source_url or ""
    if _WEB_ADDRESS.fullmatch(url) and is_safe_target(url):
        return link(title, url)
    return Markdown(escape_markdown(title))
