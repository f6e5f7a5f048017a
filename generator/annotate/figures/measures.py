"""What a figure measures (arrivals, deaths, returns, money ...) and over which period.

In: a figure just read, its paragraph's text, where the number stands, the sentence and the
neighbouring numbers around it, and the project's Units. Out: the figure with its `measure`
(the slug of one of the `measures` of content/units.yaml, or "other") and `period` (periods.py).

How copy says what a number measures, in order:
1. its unit: a figure in one of a measure's `units` is that measure ("£54m": money; "six boats");
2. a count of people (`counts_of_people`), or a bare number, takes the measure whose `words` its clause uses, the
   measure listed first where two meet ("24,000 migrants have been deported": returns); the
   clause ends at punctuation, at a word that starts another clause ("and", "after" ...) and
   at the next or previous number, which has its own words;
3. failing that, the measure word nearest before the clause in the same sentence ("The number of
   arrivals so far – 5,025 – is higher than in 2024, when it stood at 4,043": arrivals);
4. anything else (percentages, multiples, distances, places ...) is "other".

Every window is bounded (`WINDOW` characters either side), so a paragraph costs linear time
however many numbers it holds.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.annotate.figures.periods import period_of
from generator.annotate.figures.units import alternation
from generator.annotate.vocabulary import identity_cache
from generator.models import Figure, Units

OTHER = "other"
BARE = "count"  # the unit of a bare number whose story names no people (units.fallback_unit)
WINDOW = 240  # characters either side of a number read for its clause and sentence
_CLAUSE_END = re.compile(r"[;:()\[\]“”\"]|,\s|\s[–—-]\s|\s[–—]|[–—]\s")
# Words that start another clause, with its own verb: "26,700 have arrived and dozens have died".
_NEXT_CLAUSE = re.compile(
    r"\s(?:and|but|while|whereas|although|though|because|after|before|when|where)\s", re.IGNORECASE
)


@dataclass(frozen=True)
class Surroundings:
    """Where a number stands in its paragraph: its span, its sentence's start, its neighbours."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    previous_end: int  # where the previous number of the paragraph ends (0 if none)
    next_start: int  # where the next one starts (the paragraph's length if none)


@dataclass(frozen=True)
class MeasureWords:
    """The measures of a Units record as patterns, in the file's order (built once: `measure_words`)."""

    by_unit: dict[str, str]  # unit -> measure slug
    words: tuple[tuple[str, re.Pattern[str]], ...]  # (measure slug, any of its words)
    people: frozenset[str]


@identity_cache
def measure_words(units: Units) -> MeasureWords:
    """The lookups for the `measures` and `counts_of_people` of `units`."""
    by_unit: dict[str, str] = {}
    for measure in units.measures:
        for unit in measure.units:
            by_unit.setdefault(unit, measure.slug)
    return MeasureWords(
        by_unit=by_unit,
        words=tuple(
            (m.slug, re.compile(rf"\b{alternation(m.words, flexible_spaces=True)}\b", re.IGNORECASE))
            for m in units.measures
            if m.words
        ),
        people=frozenset(units.counts_of_people),
    )


def described(figure: Figure, text: str, where: Surroundings, units: Units, milestone: bool) -> Figure:
    """`figure` with its measure and the period its clause or sentence gives it."""
    clause = clause_around(text, where.start, where.end, where.sentence_start, where.sentence_end)
    own = _own_words(text, (max(clause[0], where.previous_end), min(clause[1], where.next_start)), where)
    sentence_start = max(where.sentence_start, where.start - WINDOW)
    measure = measure_of(figure.unit, text, own, sentence_start, units)
    period = period_of(text, (where.start, where.end), clause, sentence_start, milestone)
    return dataclasses.replace(figure, measure=measure, period=period)


def clause_around(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    """(start, end) of the clause holding text[start:end], within its sentence and `WINDOW`."""
    lo, hi = max(sentence_start, start - WINDOW), min(sentence_end, end + WINDOW)
    before = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    after = _CLAUSE_END.search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


def _own_words(text: str, clause: tuple[int, int], where: Surroundings) -> tuple[int, int]:
    """The part of `clause` that says what the number measures: from the last word starting a
    clause before it to the first one after it."""
    before = [m.end() for m in _NEXT_CLAUSE.finditer(text, clause[0], where.start)]
    after = _NEXT_CLAUSE.search(text, where.end, clause[1])
    return (before[-1] if before else clause[0]), (after.start() if after else clause[1])


def measure_of(unit: str, text: str, clause: tuple[int, int], sentence_start: int, units: Units) -> str:
    """The measure slug of a figure in `unit` whose clause is text[clause]; "other" when none fits."""
    words = measure_words(units)
    if unit in words.by_unit:
        return words.by_unit[unit]
    if unit not in words.people and unit != BARE:
        return OTHER
    for slug, pattern in words.words:
        if pattern.search(text, *clause):
            return slug
    return _nearest_before(text, sentence_start, clause[0], words) or OTHER


def _nearest_before(text: str, lo: int, hi: int, words: MeasureWords) -> str | None:
    """The measure of the last measure word in text[lo:hi]; the one listed first on a tie."""
    best: tuple[int, int, str] | None = None
    for rank, (slug, pattern) in enumerate(words.words):
        last = None
        for found in pattern.finditer(text, lo, hi):
            last = found
        if last is not None and (best is None or (-last.end(), rank) < best[:2]):
            best = (-last.end(), rank, slug)
    return best[2] if best else None
