"""The period a figure counts over, read from the clause and sentence around it.

In: a paragraph's landmarks (`period_marks`: each pattern run once over the paragraph), where the
figure is, and the bounds of its clause and of the sentence before that clause. Out: a Period: a year written out ("in 2021"), or one relative
to the article's ("this year", "last year", 1 back), and its span: the whole year, the year
to date ("so far this year", "at this point in 2024") or part of it (a day, a month, a
milestone passed on a date). article.py resolves relative years once the published date is final.

How copy states a period, in order: a year phrase in the figure's own clause, the nearest to
the number; else the last one in its sentence before that clause ("Last year, 5,000 arrivals
..."). A year after "since", "between", "until" or "by" starts or ends a stretch of years and
gives none. A day, a weekday, a month or "in one day" in the clause makes the span a part of
the year, of the article's own year when nothing else names one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from generator.annotate.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from generator.models import Period

_YEAR = r"(?:19|20)\d\d"
_MONTH = "|".join(MONTHS + MONTH_ABBREVIATIONS)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR_PHRASES = re.compile(
    rf"""(?P<to_date>so\s+far\s+(?:this|the)\s+year|(?:this|the)\s+year\s+so\s+far
        |so\s+far\s+in\s+(?P<to_date_year>{_YEAR})
        |(?:at|by)\s+this\s+(?:point|stage|time)\s+(?:(?:in|of)\s+(?P<same_point_year>{_YEAR})|(?P<same_point_last>last)\s+year)
        |(?:the\s+)?year\s+to\s+date|since\s+(?:1(?:st)?\s+)?january\b|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year)
    |(?P<relative>this|last)\s+year(?:['’]s)?\b
    |(?P<year>(?<![\d,.£$€-]){_YEAR})(?![\d,.%-]\d|\d|%)""",
    re.IGNORECASE | re.VERBOSE,
)
# What every year phrase holds: one search for it rules most paragraphs out faster than the phrases can.
_YEAR_PART = re.compile(rf"year|january|{_YEAR}", re.IGNORECASE)
# Before a year: it starts or ends a stretch ("since 2018", "by 2030"), so the figure is no year's.
_STRETCH_BEFORE = re.compile(
    r"\b(?:between|until|till|by|from|before)\s+(?:the\s+(?:end|start)\s+of\s+)?$", re.IGNORECASE
)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_PART_OF_YEAR = re.compile(
    rf"""\b(?:yesterday|today|tonight|overnight
    |on\s+(?:{"|".join(WEEKDAYS)})
    |(?:this|last)\s+(?:week|weekend|month)
    |in\s+(?:one|a\s+single)\s+day|(?:a|per|each|every)\s+day|daily
    |in\s+(?:the\s+(?:last|past)\s+|a\s+single\s+)?(?:24|48|72)\s+hours
    |(?:on|in|during)\s+(?:(?:the\s+)?{_DAY}\s+(?:of\s+)?)?(?:{_MONTH})\.?(?:\s+{_DAY}\b)?)\b""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class YearPhrase:
    """A phrase naming the year a figure counts in, where it stands in the paragraph."""

    start: int
    end: int
    year: int | None  # written out: "in 2021"
    years_back: int | None  # "this year": 0; "last year": 1
    to_date: bool  # "so far this year", "at this point in 2024"
    written: bool  # a bare year, which "since" before it in its clause turns into a stretch's start


@dataclass(frozen=True)
class PeriodMarks:
    """Every year phrase, "since" and part-of-year marker of one paragraph, found in one pass each,
    so a figure looks up its windows by bisection and a paragraph costs linear time."""

    phrases: tuple[YearPhrase, ...]
    phrase_starts: tuple[int, ...]
    since: tuple[int, ...]  # where each "since" starts
    parts: tuple[tuple[int, int], ...]  # spans of "on Tuesday", "in one day", "on 14 March" ...
    part_starts: tuple[int, ...]


def period_marks(text: str) -> PeriodMarks:
    """The period landmarks of a paragraph's text."""
    phrases = tuple(
        _phrase(m)
        for m in (_YEAR_PHRASES.finditer(text) if _YEAR_PART.search(text) else ())
        if not (m.group("year") and _STRETCH_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    )
    parts = tuple(m.span() for m in _PART_OF_YEAR.finditer(text))
    return PeriodMarks(
        phrases,
        tuple(p.start for p in phrases),
        tuple(m.start() for m in _SINCE.finditer(text)),
        parts,
        tuple(start for start, _ in parts),
    )


def _phrase(match: re.Match[str]) -> YearPhrase:
    """A year phrase from its match: (year, years back, to date)."""
    start, end = match.span()
    if match.group("to_date"):
        written = match.group("to_date_year") or match.group("same_point_year")
        if written:
            return YearPhrase(start, end, int(written), None, True, False)
        return YearPhrase(start, end, None, 1 if match.group("same_point_last") else 0, True, False)
    if match.group("relative"):
        back = 0 if match.group("relative").lower() == "this" else 1
        return YearPhrase(start, end, None, back, False, False)
    return YearPhrase(start, end, int(match.group("year")), None, False, True)


def period_of(
    marks: PeriodMarks, figure: tuple[int, int], clause: tuple[int, int], sentence_start: int, milestone: bool
) -> Period:
    """The period of the figure at `figure` (start, end), read from its `clause` (start, end) and,
    failing that, from the sentence before it (from `sentence_start`). `milestone`: the number names
    a mark passed ("the 5,000 mark"), at some point in a year, not its total."""
    start, end = figure
    in_clause = [p for p in _phrases(marks, *clause) if p.end <= start or p.start >= end]
    before = _phrases(marks, sentence_start, clause[0])
    phrase = min(in_clause, key=lambda p: (_distance(p, start, end), p.start)) if in_clause else None
    phrase = phrase or (before[-1] if before else None)
    first = bisect_left(marks.part_starts, clause[0])  # markers do not overlap: the first one decides
    part = milestone or (first < len(marks.parts) and marks.parts[first][1] <= clause[1])
    if phrase is None:
        return Period(years_back=0, span="part") if part and not milestone else Period()
    span = "part" if part else "to date" if phrase.to_date else "year"
    return Period(year=phrase.year, years_back=phrase.years_back, span=span)


def _distance(phrase: YearPhrase, start: int, end: int) -> int:
    return start - phrase.end if phrase.end <= start else phrase.start - end


def _phrases(marks: PeriodMarks, lo: int, hi: int) -> list[YearPhrase]:
    """The year phrases within [lo, hi) that name a year a figure counts in: a written year after
    a "since" of the same stretch of text starts a stretch of years and names none."""
    first = bisect_left(marks.phrase_starts, lo)
    last = bisect_left(marks.phrase_starts, hi)
    found = []
    for phrase in marks.phrases[first:last]:
        if phrase.end > hi:
            continue
        since = bisect_left(marks.since, lo)
        if phrase.written and since < len(marks.since) and marks.since[since] < phrase.start:
            continue
        found.append(phrase)
    return found
