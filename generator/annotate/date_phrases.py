"""Date phrases in a sentence: the grammar of dates in English news copy.

In: one sentence. Out: DatePhrases, left to right, never overlapping (the longest phrase wins
where two start together). An explicit phrase carries its date, YYYY, YYYY-MM or YYYY-MM-DD:
"25 November 2021", "Nov. 15, 2023", "in March 2024", "in 2019" (a bare year only after a
preposition: "the 1951 Refugee Convention" dates no event). A phrase that needs the day it was
written carries its relative form instead, which `generator/events.py` resolves:

    day:-1  day:0                      yesterday, last night; today, tonight, this morning
    week:-1  week:0  week:+1           last week; (earlier) this week; next week
    month:-1  month:0  month:+1        last month; (earlier) this month; next month
    year:-1  year:0  year:+1           last year; earlier or later this year; next year
    weekday:monday                     on Monday, said Monday: the sentence's tense picks which
    last-weekday:friday                last Friday: the one before the day of writing
    next-weekday:friday                next Friday
    month-name:07                      in July, at the end of July: the tense picks which
    last-month-name:12                 last December: the one before the month of writing
    next-month-name:03                 next March
    month-day:03-31                    March 31, on 31 March: a day of a year not given

Not a date of an event: a possessive ("yesterday's tragedy", "Thursday's summit" name a thing,
not when the sentence happened), a running total ("so far this year", "so far in 2025"), the
start of a span ("since July 5"), a habit ("every Monday"), a trailing span ("the last year"),
the other side of a comparison ("up 46% on last year", "compared with 12 in 2024"), "Today"
capitalised mid-sentence (a programme's name) and "this year" alone, which the article's own
year says better.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.annotate.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS


@dataclass(frozen=True)
class DatePhrase:
    """A date as a sentence writes it, at `start:end` of the sentence."""

    start: int
    end: int
    text: str
    date: str | None = None  # explicit: YYYY, YYYY-MM or YYYY-MM-DD
    relative: str | None = None  # relative, normalised as the module docstring lists


_MONTH = r"((?:" + "|".join(MONTHS) + r")\b|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\b\.?)"
_WEEKDAY = r"(" + "|".join(WEEKDAYS) + r")\b"
_ON_WEEKDAY = rf"(?:(?i:on )?{_WEEKDAY},? )?"  # "Thursday 18 January 2018", "on Wednesday, Nov. 15"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)(?![\d%])"
_PART_OF = r"(?i:(?:at |by |in |from )?the (?:start|end|beginning|middle) of |(?:in )?(?:early|late|mid)[- ])"
_NOT_POSSESSIVE = r"(?!['’]s\b)"

Builder = Callable[[re.Match[str]], tuple[str | None, str | None]]  # (date, relative) or (None, None)


def _month_number(name: str) -> int:
    """1-12 for a month's name or short form ("Sept." included)."""
    return [m[:3] for m in MONTHS].index(name[:3]) + 1


def _real(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_month_year(found: re.Match[str]) -> tuple[str | None, str | None]:
    _, day, month, year = found.groups()
    return _real(int(year), _month_number(month), int(day)), None


def _month_day_year(found: re.Match[str]) -> tuple[str | None, str | None]:
    _, month, day, year = found.groups()
    return _real(int(year), _month_number(month), int(day)), None


def _month_year(found: re.Match[str]) -> tuple[str | None, str | None]:
    month, year = found.groups()
    return f"{year}-{_month_number(month):02d}", None


def _day_month(found: re.Match[str]) -> tuple[str | None, str | None]:
    _, day, month = found.groups()
    return _month_day(_month_number(month), int(day))


def _month_day_only(found: re.Match[str]) -> tuple[str | None, str | None]:
    _, month, day = found.groups()
    return _month_day(_month_number(month), int(day))


def _month_day(month: int, day: int) -> tuple[str | None, str | None]:
    """A day of a month, any year: a leap year's 29 February counts."""
    return (None, f"month-day:{month:02d}-{day:02d}") if _real(2000, month, day) else (None, None)


def _year(found: re.Match[str]) -> tuple[str | None, str | None]:
    return found.group(1), None


def _month_name(found: re.Match[str]) -> tuple[str | None, str | None]:
    which, month = found.groups()
    kind = {"last": "last-month-name", "next": "next-month-name"}.get((which or "").lower(), "month-name")
    return None, f"{kind}:{_month_number(month):02d}"


def _weekday(found: re.Match[str]) -> tuple[str | None, str | None]:
    which, day = found.groups()
    kind = {"last": "last-weekday", "next": "next-weekday"}.get((which or "").lower(), "weekday")
    return None, f"{kind}:{day.lower()}"


_DAY_WORDS = {"yesterday": "day:-1", "last night": "day:-1"}


def _day_word(found: re.Match[str]) -> tuple[str | None, str | None]:
    return None, _DAY_WORDS.get(found.group(1).lower(), "day:0")


def _period(found: re.Match[str]) -> tuple[str | None, str | None]:
    which, shifted, unit = found.groups()
    if shifted is None and unit.lower() == "year":  # "this year" alone: the article's year says it
        return None, None
    offset = {"last": "-1", "next": "+1"}.get((which or shifted or "").lower(), "0")
    return None, f"{unit.lower()}:{offset}"


# What every match of a pattern below holds somewhere: a sentence without it cannot match, and one
# quick search for it spares most sentences eight slow patterns (each starts with `\b`, so Python's
# `re` tries it at every position). A month's name or short form starts with its first three letters.
_CORES = {
    "month": re.compile("|".join(sorted({name[:3] for name in MONTHS + MONTH_ABBREVIATIONS}))),
    "year": re.compile(_YEAR),
    "weekday": re.compile(_WEEKDAY),
}

# (pattern, builder, the cores it holds), longest forms first; a match the builder turns down is no date.
_PATTERNS: tuple[tuple[re.Pattern[str], Builder, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), builder, cores)
    for pattern, builder, cores in (
        (
            rf"\b{_ON_WEEKDAY}(\d{{1,2}}){_ORDINAL} (?:of )?{_MONTH},? {_YEAR}",
            _day_month_year,
            ("month", "year"),
        ),
        (rf"\b{_ON_WEEKDAY}{_MONTH} (\d{{1,2}}){_ORDINAL},? {_YEAR}", _month_day_year, ("month", "year")),
        (rf"\b(?:(?i:in) |{_PART_OF})?{_MONTH},? {_YEAR}", _month_year, ("month", "year")),
        (rf"\b{_ON_WEEKDAY}(\d{{1,2}}){_ORDINAL} (?:of )?{_MONTH}", _day_month, ("month",)),
        (rf"\b{_ON_WEEKDAY}{_MONTH} (\d{{1,2}}){_ORDINAL}\b(?![,.]\d)", _month_day_only, ("month",)),
        (rf"\b(?:(?i:in|during|throughout|by) |{_PART_OF}){_YEAR}{_NOT_POSSESSIVE}", _year, ("year",)),
        (
            rf"\b(?:((?i:last|next)) |(?i:in|during|by) |{_PART_OF}){_MONTH}(?! ?\d){_NOT_POSSESSIVE}",
            _month_name,
            ("month",),
        ),
        (rf"\b(?:((?i:on|last|next|this|by)) )?{_WEEKDAY}{_NOT_POSSESSIVE}", _weekday, ("weekday",)),
        (
            r"\b(?i:(?:earlier |later )?(yesterday|today|tonight|last night|this (?:morning|afternoon|evening)))\b"
            + _NOT_POSSESSIVE,
            _day_word,
            (),
        ),
        (
            rf"\b(?i:(?:(?:earlier|later) )?(?:(this)|(last|next)) (week|month|year))\b{_NOT_POSSESSIVE}",
            _period,
            (),
        ),
    )
)

BEFORE_WINDOW = 80  # characters before a phrase read for the words that make it no event's date
# Words just before a phrase that make it no date of an event (the module docstring says why).
_NOT_AN_EVENT_BEFORE = re.compile(r"\b(?:so far|since|until|till|every|each)\s+$", re.I)
_SPAN_BEFORE = re.compile(
    r"\b(?:the|on)\s+$", re.I
)  # "in the last year": the past twelve months; "up 5% on last year"
# A comparison dates the figure compared with, not the event: "up 46% on last year", "than in 2020",
# "compared with 12 last year", "at this stage in 2024", "the number in 2020"; not "more than 1,000".
_COMPARISON_BEFORE = re.compile(
    r"(?:(?:(?<!more )(?<!less )(?<!fewer )\bthan|\bcompared (?:with|to))\b[^.;:]{0,40}"
    r"|\b(?:stage|point|number|figure|total|level))\s+$",
    re.I,
)
# A weekday with no word before it counts only after a lower-case word ("said Monday"), not in a name.
_BARE_WEEKDAY_AFTER = re.compile(r"\b(?!(?:a|an|the|every|each|since|until|of)\b)[a-z]+,?\s+$")


def find_date_phrases(sentence: str) -> list[DatePhrase]:
    """Every date phrase of `sentence`, left to right, the longest where two start together."""
    found = []
    held = {name for name, core in _CORES.items() if core.search(sentence)}
    for pattern, builder, cores in _PATTERNS:
        for match in pattern.finditer(sentence) if held.issuperset(cores) else ():
            date, relative = builder(match)
            if (date or relative) and _dates_an_event(sentence, match, relative):
                found.append(DatePhrase(match.start(), match.end(), match.group(0), date, relative))
    chosen: list[DatePhrase] = []
    for phrase in sorted(found, key=lambda p: (p.start, -p.end)):
        if not chosen or phrase.start >= chosen[-1].end:
            chosen.append(phrase)
    return chosen


def _dates_an_event(sentence: str, match: re.Match[str], relative: str | None) -> bool:
    """False for a phrase that starts a span, counts a total or names a habit (docstring)."""
    before = sentence[max(0, match.start() - BEFORE_WINDOW) : match.start()]  # linear, however long
    if _NOT_AN_EVENT_BEFORE.search(before) or _COMPARISON_BEFORE.search(before):
        return False
    if match.group(0)[:1] == "T" and match.group(0) in ("Today", "Tonight") and before.strip():
        return False  # a name mid-sentence: the "Today programme"
    if relative is not None and relative.split(":")[0] in ("week", "month", "year"):
        return not _SPAN_BEFORE.search(before)
    if relative is not None and relative.startswith("weekday:") and match.group(1) is None:
        return bool(_BARE_WEEKDAY_AFTER.search(before))
    return True
