"""What a figure measures (arrivals, deaths, returns, money ...) and over which period.

In: a figure just read, its paragraph's landmarks, where the number stands, its sentence and
neighbouring numbers, and the project's Units. Out: the figure with its `measure`
(the slug of one of the `measures` of content/units.yaml, or "other") and `period` (periods.py).

How copy says what a number measures, in order:
1. its unit: a figure in one of a measure's `units` is that measure ("£54m": money; "six boats");
2. a count of people (`counts_of_people`), or a bare number, takes the measure whose `words` its
   clause uses, the measure listed first where two meet ("24,000 migrants have been deported": returns); the
   clause ends at punctuation, at a word that starts another clause ("and", "after" ...) and
   at the next or previous number, which has its own words;
3. failing that, the measure word nearest before the clause in the same sentence ("The number of
   arrivals so far – 5,025 – is higher than in 2024, when it stood at 4,043": arrivals);
4. anything else (percentages, multiples, distances, places ...) is "other".

Every pattern runs once over a paragraph (`landmarks`) and each number looks up what lies in its
windows, bounded to `WINDOW` characters either side, by bisection: a paragraph costs linear time
however many numbers it holds.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from generator.annotate.figures.periods import PeriodMarks, period_marks, period_of
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
    """Where a number stands in its paragraph: its span, its sentence, its neighbours."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    previous_end: int  # where the previous number of the paragraph ends (0 if none)
    next_start: int  # where the next one starts (the paragraph's length if none)


@dataclass(frozen=True)
class MeasureWords:
    """The measures of a Units record ready for matching (built once: `measure_words`)."""

    by_unit: dict[str, str]  # unit -> measure slug
    any_word: re.Pattern[str]  # every measure's words in one pattern, the longest first
    by_word: dict[str, tuple[int, str]]  # a word, lower case, single spaces -> (its measure's rank, slug)
    people: frozenset[str]


@identity_cache
def measure_words(units: Units) -> MeasureWords:
    """The lookups for the `measures` and `counts_of_people` of `units`."""
    by_unit: dict[str, str] = {}
    by_word: dict[str, tuple[int, str]] = {}
    for rank, measure in enumerate(units.measures):
        for unit in measure.units:
            by_unit.setdefault(unit, measure.slug)
        for word in measure.words:
            by_word.setdefault(word, (rank, measure.slug))
    longest_first = sorted(by_word, key=lambda w: (-len(w), w))
    return MeasureWords(
        by_unit=by_unit,
        any_word=re.compile(rf"\b{alternation(longest_first, flexible_spaces=True)}\b", re.IGNORECASE),
        by_word=by_word,
        people=frozenset(units.counts_of_people),
    )


@dataclass(frozen=True)
class Spans:
    """Spans of one pattern's matches in a paragraph, sorted, with what each says."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    values: tuple[object, ...] = ()

    @classmethod
    def of(cls, matches: Iterable[re.Match[str]], value=None) -> Spans:
        found = [(m.span(), value(m) if value else None) for m in matches]
        return cls(tuple(s for s, _ in found), tuple(s[0] for s, _ in found), tuple(v for _, v in found))

    def within(self, lo: int, hi: int) -> range:
        """The indices of the spans inside [lo, hi)."""
        first, last = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        while last > first and self.spans[last - 1][1] > hi:
            last -= 1
        return range(first, last)


@dataclass(frozen=True)
class Landmarks:
    """What the measure and period of every number of a paragraph are read from, each pattern run
    once over the paragraph (`landmarks`); a number looks up its windows by bisection."""

    clause_ends: Spans
    next_clauses: Spans
    words: Spans  # measure words; values: (rank, slug)
    periods: PeriodMarks


def landmarks(text: str, units: Units) -> Landmarks:
    """The landmarks of one paragraph's text, read with `units`."""
    words = measure_words(units)
    return Landmarks(
        Spans.of(_CLAUSE_END.finditer(text)),
        Spans.of(_NEXT_CLAUSE.finditer(text)),
        Spans.of(
            words.any_word.finditer(text), lambda m: words.by_word[" ".join(m.group(0).lower().split())]
        ),
        period_marks(text),
    )


def described(figure: Figure, marks: Landmarks, where: Surroundings, units: Units, milestone: bool) -> Figure:
    """`figure` with its measure and the period its clause or sentence gives it."""
    lo, hi = max(where.sentence_start, where.start - WINDOW), min(where.sentence_end, where.end + WINDOW)
    clause = _between(marks.clause_ends, lo, hi, where)
    own = _between(
        marks.next_clauses, max(clause[0], where.previous_end), min(clause[1], where.next_start), where
    )
    measure = measure_of(figure.unit, marks.words, own, lo, units)
    period = period_of(marks.periods, (where.start, where.end), clause, lo, milestone)
    return dataclasses.replace(figure, measure=measure, period=period)


def _between(breaks: Spans, lo: int, hi: int, where: Surroundings) -> tuple[int, int]:
    """(start, end) of the stretch of [lo, hi) around the number that no break in `breaks` cuts."""
    before = breaks.within(lo, where.start)
    after = breaks.within(where.end, hi)
    return (breaks.spans[before[-1]][1] if before else lo), (breaks.spans[after[0]][0] if after else hi)


def measure_of(unit: str, words: Spans, clause: tuple[int, int], sentence_start: int, units: Units) -> str:
    """The measure slug of a figure in `unit` whose own words are at `clause`; "other" when none fits."""
    lookups = measure_words(units)
    if unit in lookups.by_unit:
        return lookups.by_unit[unit]
    if unit not in lookups.people and unit != BARE:
        return OTHER
    found = [words.values[i] for i in words.within(*clause)]
    if found:
        return min(found)[1]
    before = words.within(sentence_start, clause[0])
    return words.values[before[-1]][1] if before else OTHER
