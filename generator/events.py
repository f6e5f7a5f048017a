"""The timeline's events: each article's date mentions resolved against its final date, and the curated ones.

In: Articles (their `annotations.dates`, and the published date after the sidecar) and the
curated events of content/events.yaml. Out: Events in date order. Runs at the link stage,
once every article's date is final, and is pure.

A relative phrase counts from the article's date when an editor gave it, or when it is a full
day (read from a timestamp on the page); a date the annotator inferred from the prose (itself
from "so far this year" totals) is too weak to build on, so such an article, like an undated
one, keeps only the dates it writes out. The phrase is resolved against every day the date
allows: a day (2025-07-10), a month (2025-07: any of its days) or a year. The result is the
finest date that holds the phrase's day (or month, or year) for all of them: "in July" in an
article of 2025-03 is July 2024 whichever day of March it was written; "yesterday" in it could
be February or March, so it is only 2025, too vague for a phrase that means a day. An event is
kept when its date is at least a month ("last year": a year), so a phrase that names a day
needs an article dated to the day. Which Monday or which July: the past one when the sentence
looks back, the coming one when it looks ahead; when it says neither or both, the nearer one,
but never one more than FUTURE_HORIZON months ahead (copy gives a far-off day its year). A
weekday is the article's own day when they match ("on Monday" in an article of a Monday: wire
copy dates the day's news so). Each sentence gives one event: its finest date, a written date
before a resolved one, then the first.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from generator.annotate.dates import WEEKDAYS
from generator.models import Article, DateMention, Event

_WEEKDAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAYS)}
_PRECISION = {"day": 2, "month": 1, "year": 0}
FUTURE_HORIZON = 3  # months: how far ahead a date whose sentence says no tense may be
Span = tuple[dt.date, dt.date]


def build_timeline(articles: Iterable[Article], curated: Iterable[Event] = ()) -> tuple[Event, ...]:
    """Every event, curated and from the articles, in date order (curated first on a date)."""
    events = list(curated) + [e for article in articles for e in article_events(article)]
    return tuple(sorted(events, key=_order))


def _order(event: Event) -> tuple:
    return (event.date, not event.curated, event.article or "", event.paragraph or 0, event.text)


def article_events(article: Article) -> list[Event]:
    """One article's events: one per sentence with a date that resolves (module docstring)."""
    published = anchor_date(article)
    by_sentence: dict[tuple[int, str], list[Event]] = {}
    for mention in article.annotations.dates:
        event = mention_event(mention, published, article.slug)
        if event is not None:
            by_sentence.setdefault((mention.paragraph, mention.sentence), []).append(event)
    return [
        min(found, key=lambda e: (-_PRECISION[e.precision], e.resolved)) for found in by_sentence.values()
    ]


def anchor_date(article: Article) -> str | None:
    """The date relative phrases count from: the article's date when an editor gave it (and it is not
    under review) or when it is a full day (read from the page's timestamp); None when it was only
    inferred from the prose, itself from relative phrases ("so far this year"), too weak to build on."""
    published = article.annotations.published
    if published.value and (not published.inferred or published.value.count("-") == 2):
        return published.value
    return None


def mention_event(mention: DateMention, published: str | None, slug: str) -> Event | None:
    """The event a mention dates, or None when its relative date cannot be resolved precisely enough."""
    date = mention.date
    if date is None and mention.relative is not None:
        date = resolve(mention.relative, mention.tense, published)
    if date is None:
        return None
    return Event(
        date=date,
        text=mention.sentence,
        article=slug,
        paragraph=mention.paragraph,
        phrase=mention.phrase,
        resolved=mention.date is None,
        corrected=mention.corrected,
    )


def resolve(relative: str, tense: str, published: str | None) -> str | None:
    """The date (YYYY, YYYY-MM or YYYY-MM-DD) a relative phrase names in an article of `published`.

    None when the article is undated or the date is vaguer than a month ("year:…" phrases: a year).
    """
    days = article_days(published)
    if days is None:
        return None
    first, last = (_span(relative, tense, day) for day in days)
    kind = relative.split(":", 1)[0]
    return _common_date(first[0], last[1], minimum="year" if kind == "year" else "month")


def article_days(published: str | None) -> Span | None:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date allows; None when it is none of those."""
    try:
        parts = [int(part) for part in (published or "").split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _common_date(start: dt.date, end: dt.date, minimum: str) -> str | None:
    """The finest date holding every day from `start` to `end`, if at least as fine as `minimum`."""
    if start == end:
        date, precision = start.isoformat(), "day"
    elif (start.year, start.month) == (end.year, end.month):
        date, precision = f"{start.year}-{start.month:02d}", "month"
    elif start.year == end.year:
        date, precision = str(start.year), "year"
    else:
        return None
    return date if _PRECISION[precision] >= _PRECISION[minimum] else None


def _span(relative: str, tense: str, day: dt.date) -> Span:
    """The days a relative phrase names when written on `day`."""
    kind, value = relative.split(":", 1)
    if kind == "day":
        found = day + dt.timedelta(days=int(value))
        return found, found
    if kind == "week":
        return _week(day, int(value), tense)
    if kind == "month":
        year, month = _add_months(day.year, day.month, int(value))
        return _month(year, month)
    if kind == "year":
        year = day.year + int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind.endswith("weekday"):
        found = _weekday(day, _WEEKDAY_INDEX[value], kind, tense)
        return found, found
    if kind.endswith("month-name"):
        return _month(_year_of_month(day, int(value), kind, tense), int(value))
    month, day_of_month = (int(part) for part in value.split("-"))
    found = _month_day(day, month, day_of_month, tense)
    return found, found


def _week(day: dt.date, offset: int, tense: str) -> Span:
    """Monday to Sunday of the week `offset` weeks from `day`'s; this week only up to `day` (or from it)."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    if offset == 0:
        return (day, sunday) if tense == "future" else (monday, day)
    return monday, sunday


def _weekday(day: dt.date, weekday: int, kind: str, tense: str) -> dt.date:
    """The weekday a phrase names: `last-` before `day`, `next-` after it, else by the tense."""
    if kind == "last-weekday":
        return day - dt.timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)
    if kind == "next-weekday":
        return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    before = day - dt.timedelta(days=(day.weekday() - weekday) % 7)
    after = day + dt.timedelta(days=(weekday - day.weekday()) % 7)
    return _by_tense(day, before, after, tense)


def _year_of_month(day: dt.date, month: int, kind: str, tense: str) -> int:
    """The year of the month a phrase names: `last-` before `day`'s month, `next-` after it, else by tense."""
    before = day.year if month <= day.month else day.year - 1
    after = day.year if month >= day.month else day.year + 1
    if kind == "last-month-name":
        return day.year if month < day.month else day.year - 1
    if kind == "next-month-name":
        return day.year if month > day.month else day.year + 1
    first = _by_tense(day, dt.date(before, month, 1), dt.date(after, month, 1), tense, months=True)
    return first.year


def _month_day(day: dt.date, month: int, day_of_month: int, tense: str) -> dt.date:
    """The nearest `month`-`day_of_month` on or before `day` and on or after it, chosen by the tense."""
    before = next(
        d for y in range(day.year, day.year - 9, -1) if (d := _real(y, month, day_of_month)) and d <= day
    )
    after = next(
        d for y in range(day.year, day.year + 9) if (d := _real(y, month, day_of_month)) and d >= day
    )
    return _by_tense(day, before, after, tense)


def _by_tense(day: dt.date, before: dt.date, after: dt.date, tense: str, months: bool = False) -> dt.date:
    """`before` for the past, `after` for the future; else the nearer, `before` on a tie or when
    `after` is more than FUTURE_HORIZON months ahead (copy gives a far-off day its year)."""
    if tense == "past" or before == after:
        return before
    if tense == "future":
        return after
    if months:
        back = (day.year - before.year) * 12 + day.month - before.month
        ahead = (after.year - day.year) * 12 + after.month - day.month
    else:
        back, ahead = (day - before).days / 30.4, (after - day).days / 30.4
    return after if ahead < back and ahead <= FUTURE_HORIZON else before


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _month(year: int, month: int) -> Span:
    return dt.date(year, month, 1), _month_end(year, month)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
