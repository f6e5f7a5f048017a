"""The figures annotator: every number that states a quantity in the story.

Finds digits ("24,700", "£54m", "46%"), number words ("six boats",
"twenty-seven"), counting ordinals ("a fifth smuggler"), multiples ("almost
three times"), shares ("a third of", "one in five") and "27-member bloc",
then drops years, dates, times, time spans, labels and vague magnitudes.
Each Figure's text is an exact substring of its paragraph.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.annotate.document import Document
from generator.annotate.figures import exclusions
from generator.annotate.figures.measures import Surroundings, described, landmarks
from generator.annotate.figures.number_phrases import (
    Candidate,
    special_candidates,
    with_hyphen_unit,
    word_candidates,
)
from generator.annotate.figures.units import (
    counts_phrase,
    fallback_unit,
    is_death_count,
    names_a_milestone,
    qualifier_start,
    read_unit,
)
from generator.annotate.sentences import sentence_ranges
from generator.annotate.vocabulary import CURRENCY_SYMBOLS, identity_cache
from generator.models import Annotations, Figure, Paragraph, Units

# "£" saved as UTF-8 and read back as GBK shows as "拢" ("拢45m"): scraped copy keeps it.
MOJIBAKE_CURRENCY = {"拢": "GBP"}
NUMERIC_RE = re.compile(
    r"(?P<currency>US\$|A\$|C\$|[£$€拢])?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<suffix>bn|mn|m|k|tn)\b|(?:\s|-)?(?P<scale>million|billion|thousand|trillion)\b)?"
    r"(?P<percent>\s?%|\s?per\s?cent\b|\s?percent\b|pc\b)?"
)
DIGIT = re.compile(r"\d")  # every number NUMERIC_RE reads holds one
SCALE_VALUES = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "tn": 10**12,
    "trillion": 10**12,
}
CHANGE_AFTER_RE = re.compile(
    r"\s+(?:higher|lower|increase|rise|drop|fall|decrease|reduction|jump|more|fewer|less|up|down)\b",
    re.IGNORECASE,
)
NOT_COUNT_UNITS = frozenset(
    [*CURRENCY_SYMBOLS.values(), "percent", "times", "share"]
)  # with content's money units
RANGE_AFTER_RE = re.compile(r"\s*(?:-|–|to|and|or)\s*[£$€]?\d[\d,.]*(?:\s?(?:m|bn|million|billion))?")
PARTITIVE_AFTER_RE = re.compile(r"\s+of\s+(?:the|those|these|its|their)\b(?:\s+\d[\d,]*)?")
SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class Place:
    """Where a figure is read: its paragraph's number, the units to read it with, and the unit
    of a bare number in the whole story and in this paragraph (`fallback_unit` of each)."""

    paragraph: int
    units: Units
    story_unit: str
    paragraph_unit: str


@dataclass(frozen=True)
class Scale:
    """How a numeric match reads: its value and any unit fixed by its own characters."""

    value: int | float
    unit: str | None


@dataclass(frozen=True)
class Reading:
    """A figure and whether its unit was only guessed from the context (a bare "31 of whom died",
    "it will be 500") rather than read from its own words ("500 men", "£54m", "46%")."""

    figure: Figure
    bare: bool


def annotate_figures(document: Document, annotations: Annotations) -> Annotations:
    """Fill `annotations.figures` with every figure in the document's cleaned paragraphs, in text order,
    read with the units of the document's knowledge (content/units.yaml), each fact listed once.

    A repeat of a figure already listed is left out (`without_repeats`); the headline and standfirst
    are the first paragraphs, so a figure they state is listed there and not again in the body.
    """
    units = document.knowledge.units
    story_unit = fallback_unit(" ".join(p.text for p in document.clean.paragraphs), units)
    readings: list[Reading] = []
    for paragraph in document.clean.paragraphs:
        readings.extend(readings_in_paragraph(paragraph, units, story_unit))
    return dataclasses.replace(annotations, figures=without_repeats(readings, units))


def without_repeats(readings: list[Reading], units: Units) -> tuple[Figure, ...]:
    """The figures of `readings` in order, less each repeat of one kept earlier: the same value in
    the same unit ("27 people died" ... "the deaths of 27 people"), or the same value as an earlier
    count when either number is bare ("500 men" ... "it will be 500")."""
    kept: list[Reading] = []
    for reading in readings:
        if not any(_repeats(reading, earlier, units) for earlier in kept):
            kept.append(reading)
    return tuple(reading.figure for reading in kept)


def _repeats(reading: Reading, earlier: Reading, units: Units) -> bool:
    figure, before = reading.figure, earlier.figure
    either_bare = reading.bare or earlier.bare
    if figure.value != before.value or (either_bare and figure.paragraph == before.paragraph):
        return False
    if figure.unit == before.unit:
        return True
    return either_bare and _is_count(figure.unit, units) and _is_count(before.unit, units)


def figures_in_paragraph(paragraph: Paragraph, units: Units, story_unit: str = "count") -> list[Figure]:
    """The figures stated in one paragraph, in the order they appear, read with `units`.

    `story_unit` is the unit of a bare number ("the total rose to 5,025") when
    neither its paragraph nor its sentence says what it counts.
    """
    return [reading.figure for reading in readings_in_paragraph(paragraph, units, story_unit)]


def readings_in_paragraph(paragraph: Paragraph, units: Units, story_unit: str = "count") -> list[Reading]:
    """`figures_in_paragraph`, each figure with whether its unit was guessed from the context."""
    text = paragraph.text
    candidates = [
        *numeric_candidates(text, units),
        *word_candidates(text, units),
        *special_candidates(text, units),
    ]
    readings: list[Reading] = []
    kept = _without_overlaps(candidates)
    if not kept:
        return readings  # most paragraphs hold no number: nothing more to read
    previous: tuple[int, str] | None = None  # where the last counted figure ended, and its unit
    where = Place(paragraph.number, units, story_unit, fallback_unit(text, units))  # once, not per number
    sentences = sentence_ranges(text)
    starts = [start for start, _ in sentences]
    marks = landmarks(text, units)
    last_end = 0  # where the figure before this one ends
    for index, candidate in enumerate(kept):
        reading, end = _to_figure(text, candidate, where, previous)
        sentence = sentences[bisect_right(starts, candidate.start) - 1]
        around = Surroundings(
            candidate.start,
            end,
            *sentence,
            previous_end=last_end,
            next_start=kept[index + 1].start if index + 1 < len(kept) else len(text),
        )
        milestone = names_a_milestone(text, candidate.end, units)
        figure = described(reading.figure, marks, around, units, milestone)
        readings.append(dataclasses.replace(reading, figure=figure))
        last_end = end
        if _is_count(reading.figure.unit, units):
            previous = (end, reading.figure.unit)
    return readings


@identity_cache
def _not_count_units(units: Units) -> frozenset[str]:
    return NOT_COUNT_UNITS | {unit for _, unit in units.money}


def _is_count(unit: str, units: Units) -> bool:
    """False for money, percentages, multiples and shares; True for people and things."""
    return unit not in _not_count_units(units)


def numeric_candidates(text: str, units: Units) -> list[Candidate]:
    """Figures written in digits: counts, money, percentages, distances."""
    if not DIGIT.search(text):
        return []  # most paragraphs hold no digit: one quick search spares them the slow scans
    blocked = exclusions.phone_spans(text)
    blocked_starts = [span[0] for span in blocked]
    found: list[Candidate] = []
    for match in NUMERIC_RE.finditer(text):
        start = match.start("number")
        inside = bisect_right(blocked_starts, start) - 1  # the phone number starting last before it
        if (inside >= 0 and start < blocked[inside][1]) or _is_not_a_figure(text, match, units):
            continue
        scale = _read_scale(match)
        if scale is None:
            continue
        candidate = Candidate(match.start(), match.end(), scale.value, scale.unit)
        candidate = _metres_or_million(text, match, candidate, units)
        found.append(with_hyphen_unit(text, candidate, units) if scale.unit is None else candidate)
    return [c for c in found if c.value is not None]


def _is_not_a_figure(text: str, match: re.Match[str], units: Units) -> bool:
    start, end = match.span("number")
    plain = not (
        match.group("currency") or match.group("percent") or match.group("suffix") or match.group("scale")
    )
    if plain and exclusions.is_year(match.group("number"), text, end, units):
        return True
    if exclusions.is_date(text, start, end) or exclusions.is_clock_time(text, start, end):
        return True
    if plain and (exclusions.is_time_span(text, start, end) or exclusions.is_age(text, start, end)):
        return True
    if match.group("currency"):
        return False  # "£8", "$30m": money never names a thing
    return exclusions.is_label(text, start, match.end() if not plain else end, units)


def _metres_or_million(text: str, match: re.Match[str], candidate: Candidate, units: Units) -> Candidate:
    """A bare "100m" is metres unless a counted noun follows ("1.2m people" is a million)."""
    if match.group("suffix") != "m" or match.group("currency") or read_unit(text, match.end(), units).unit:
        return candidate
    metres = _plain_number(Decimal(match.group("number").replace(",", "")))
    return dataclasses.replace(candidate, value=metres, unit="metres")


def _read_scale(match: re.Match[str]) -> Scale | None:
    digits = match.group("number").replace(",", "")
    if len(digits) > 15:  # a serial number or page junk, not a quantity
        return None
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    multiplier = SCALE_VALUES.get((match.group("suffix") or match.group("scale") or "").lower(), 1)
    value = _plain_number(number * multiplier)
    if match.group("percent"):
        return Scale(value, "percent")
    currency = match.group("currency") or ""
    return Scale(value, CURRENCY_SYMBOLS.get(currency) or MOJIBAKE_CURRENCY.get(currency))


def _plain_number(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for candidate in ordered:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _to_figure(
    text: str, candidate: Candidate, where: Place, previous: tuple[int, str] | None
) -> tuple[Reading, int]:
    start = qualifier_start(text, candidate.start)
    end, unit, bare = candidate.end, candidate.unit, False
    if unit == "percent":
        change = CHANGE_AFTER_RE.match(text, end)
        end = change.end() if change else end
    elif unit is None:
        reading = read_unit(text, end, where.units)
        bare = reading.unit is None and not names_a_milestone(text, end, where.units)
        end, unit = reading.end, reading.unit or _unit_from_context(text, end, previous, where)
    if _is_count(unit, where.units) and is_death_count(text, candidate.start, end, where.units):
        unit = "deaths"
    value = candidate.value if candidate.value is not None else 0
    counts = counts_phrase(text, candidate.start, candidate.end)
    return Reading(Figure(value, unit, text[start:end], where.paragraph, counts), bare), end


def _unit_from_context(text: str, end: int, previous: tuple[int, str] | None, where: Place) -> str:
    """A bare number's unit: the noun after a range ("50 and 60 boats"), the story's, or the last one's."""
    in_range = RANGE_AFTER_RE.match(text, end) or PARTITIVE_AFTER_RE.match(text, end)
    if in_range:
        ranged = read_unit(text, in_range.end(), where.units)
        if ranged.unit:
            return ranged.unit
    fallback = where.paragraph_unit
    if fallback == "count" and previous and not SENTENCE_END_RE.search(text, previous[0], end):
        return previous[1]
    return where.story_unit if fallback == "count" else fallback
