"""The period a figure counts over, read from the clause and sentence around it.

In: a paragraph's text, where the figure is, and the bounds of its clause and of the
sentence before that clause. Out: a Period: a year written out ("in 2021"), or one relative
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


def period_of(
    text: str, figure: tuple[int, int], clause: tuple[int, int], sentence_start: int, milestone: bool
) -> Period:
    """The period of the figure at `figure` (start, end) in `text`, read from its `clause` (start,
    end) and, failing that, from the sentence before it (from `sentence_start`). `milestone`:
    the number names a mark passed ("the 5,000 mark"), at some point in a year, not its total."""
    start, end = figure
    phrase = _nearest(text, clause, start, end) or _last(text, sentence_start, clause[0])
    part = milestone or bool(_PART_OF_YEAR.search(text, clause[0], clause[1]))
    if phrase is None:
        return Period(years_back=0, span="part") if part and not milestone else Period()
    year, back, to_date = _reading(phrase)
    span = "part" if part else "to date" if to_date else "year"
    return Period(year=year, years_back=back, span=span)


def _phrases(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The year phrases in text[lo:hi] that name a year a figure counts in."""
    found = []
    for match in _YEAR_PHRASES.finditer(text, lo, hi):
        if match.group("year") and (
            _STRETCH_BEFORE.search(text, max(lo, match.start() - 30), match.start())
            or _SINCE.search(text, lo, match.start())
        ):
            continue
        found.append(match)
    return found


def _nearest(text: str, clause: tuple[int, int], start: int, end: int) -> re.Match[str] | None:
    """The year phrase of the clause nearest the figure, the earlier one on a tie."""
    found = [m for m in _phrases(text, *clause) if m.end() <= start or m.start() >= end]
    if not found:
        return None
    return min(found, key=lambda m: (start - m.end() if m.end() <= start else m.start() - end, m.start()))


def _last(text: str, lo: int, hi: int) -> re.Match[str] | None:
    found = _phrases(text, lo, hi)
    return found[-1] if found else None


def _reading(match: re.Match[str]) -> tuple[int | None, int | None, bool]:
    """(year, years back, to date) of one year phrase."""
    if match.group("to_date"):
        written = match.group("to_date_year") or match.group("same_point_year")
        if written:
            return int(written), None, True
        return None, 1 if match.group("same_point_last") else 0, True
    if match.group("relative"):
        return None, 0 if match.group("relative").lower() == "this" else 1, False
    return int(match.group("year")), None, False
