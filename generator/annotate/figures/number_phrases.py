"""Figures written in words: "six boats", "a fifth smuggler", "a third of", "one in five", "twice as many".

Each finder returns Candidates: a span of a paragraph's text, its value, and a
unit when the words fix one. The figures annotator merges them with the
digit figures and reads the counted noun for the rest.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.annotate.figures import exclusions
from generator.annotate.figures.number_words import (
    FRACTION_WORDS,
    NUMBER_WORDS,
    NUMBER_WORDS_RE,
    ORDINAL_WORDS,
    SCALES,
    TENS,
    UNITS,
    fraction_value,
    ordinal_value,
    parse_number_words,
)
from generator.annotate.figures.units import alternation, normalise_unit
from generator.annotate.vocabulary import identity_cache
from generator.models import Units


@dataclass(frozen=True)
class Candidate:
    """A number found in a paragraph: text[start:end], its value, and its unit if already known."""

    start: int
    end: int
    value: int | float | None
    unit: str | None = None


_SMALL = "|".join([*UNITS, *TENS])
_ORDINAL = rf"(?:{ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))"
FRACTION_RE = re.compile(
    rf"\b(?P<top>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Nn]ine)[\s-](?P<frac>{FRACTION_WORDS})(?=\s+of\b)"
    rf"|(?<=\bby )(?:(?P<top2>an?|one|two|three)[\s-](?P<frac2>{FRACTION_WORDS})|(?P<half2>half))"
    r"(?=\s*(?:[.,;:]|$)|\s+(?:since|on|in|from|compared|last|this|over|to|between|within|after)\b)"
    r"|(?<![Tt]he )(?<!first )(?<!second )(?<!last )\b(?P<half>[Hh]alf)(?=\s+of\b)"
)
RATIO_RE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{_SMALL})\s+in\s+(?:every\s+)?(?P<m>\d{{1,4}}|{_SMALL}|a\s+hundred|hundred)\b",
    re.IGNORECASE,
)
# "to double the number of patrols" is a target, not a figure: no "double" after "to" or a modal.
MULTIPLE_RE = re.compile(
    r"\b(?:twice|(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )double)(?=\s+(?:as\s+(?:many|much|high|likely|large|big)|the\s+(?:number|amount"
    rf"|level|rate|figure|total|size)))|\b(?P<fold>{_SMALL})-?fold\b",
    re.IGNORECASE,
)
DOZEN_RE = re.compile(r"\b(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)\s+dozen\b")
PERCENT_AFTER_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
ALTERNATIVE_RE = re.compile(rf"^\s+or\s+(?:{NUMBER_WORDS}|\d)", re.IGNORECASE)
ALTERNATIVE_BEFORE_RE = re.compile(rf"(?:{NUMBER_WORDS}|\d)\s+or\s+$", re.IGNORECASE)
ONE_COUNTS_RE = re.compile(r"(?<!the )\b(?:only|just|at\s+least|exactly)\s+$", re.IGNORECASE)
HYPHEN_AFTER_RE = re.compile(r"-([a-z]+)\b(?:\s+([A-Za-z]+))?")
# A part every match of the pattern named holds. Python's `re` tries a pattern that starts with `\b`
# at every position of a paragraph; one search for the part rules most paragraphs out far faster.
FRACTION_PART = re.compile(rf"{FRACTION_WORDS}|[Hh]alf")
RATIO_PART = re.compile(rf"\s+in\s+(?:every\s+)?(?:\d|{_SMALL}|a\s+hundred|hundred)", re.IGNORECASE)
MULTIPLE_PART = re.compile(r"twice|double|fold", re.IGNORECASE)
DOZEN_PART = re.compile("dozen")


@identity_cache
def _ordinal_count_re(units: Units) -> re.Pattern[str]:
    """ "a fifth smuggler", "the ninth person to die", "the 11th death", with the ordinal nouns
    and events of `units` (content/units.yaml's `ordinals`)."""
    nouns, events = alternation(units.ordinal_nouns), alternation(units.ordinal_events)
    return re.compile(
        rf"\b(?:[Aa]n?\s+(?P<ord>{_ORDINAL})\s+(?P<noun>{nouns})\b"
        rf"|[Tt]he\s+(?P<ord2>{_ORDINAL})\s+(?P<noun2>{nouns})"
        r"(?=\s+to\s+(?:die|drown|be|have)\b)"
        rf"|[Tt]he\s+(?P<ord3>{_ORDINAL})\s+(?P<noun3>{events})\b)"
    )


@identity_cache
def _hyphen_units(units: Units) -> dict[str, str]:
    """Hyphenated word (or "word next-word") -> unit; a word listed twice keeps its first unit."""
    found: dict[str, str] = {}
    for word, unit in units.hyphenated:
        found.setdefault(word, unit)
    return found


def with_hyphen_unit(text: str, candidate: Candidate, units: Units) -> Candidate:
    """ "the 27-member bloc" -> 27 member states; "a 12-mile trip" -> miles; "one-for-one" -> no value;
    "a seven-year sentence" -> 7 years (a prison term, unlike "a five-year plan").

    The hyphenated words and their units are the `hyphenated` ones of `units`.
    """
    match = HYPHEN_AFTER_RE.match(text, candidate.end)
    if not match:
        return candidate
    if match.group(1) in ("year", "month") and exclusions.is_prison_term(
        text, candidate.start, candidate.end
    ):
        return dataclasses.replace(candidate, end=match.end(1), unit=match.group(1) + "s")
    hyphen_units, word, next_word = _hyphen_units(units), match.group(1), match.group(2)
    unit = hyphen_units.get(f"{word} {next_word.lower()}") if next_word else None
    unit = unit or hyphen_units.get(word)
    if unit is None:
        return dataclasses.replace(candidate, value=None)
    return dataclasses.replace(candidate, end=match.end(1), unit=unit)


def word_candidates(text: str, units: Units) -> list[Candidate]:
    """Cardinals in words ("six boats", "twenty-seven", "a hundred", "five per cent"), read with `units`."""
    found: list[Candidate] = []
    for match in NUMBER_WORDS_RE.finditer(text):
        candidate = _word_candidate(text, match)
        if candidate is None or _is_not_a_count(text, candidate, match.group(0), units):
            continue
        percent = PERCENT_AFTER_RE.match(text, candidate.end)
        if percent:
            candidate = dataclasses.replace(candidate, end=percent.end(), unit="percent")
        candidate = with_hyphen_unit(text, candidate, units)
        if candidate.value is not None:
            found.append(candidate)
    return found


def _word_candidate(text: str, match: re.Match[str]) -> Candidate | None:
    start, end = match.span()
    phrase = match.group(0)
    value = parse_number_words(phrase)
    first = phrase.split()[0].split("-")[0].lower()
    if value is None and first in SCALES and re.search(r"\b[Aa]\s+$", text[max(0, start - 3) : start]):
        value = parse_number_words("one " + phrase)
        start = start - 2
    return None if value is None else Candidate(start, end, value)


def _is_not_a_count(text: str, candidate: Candidate, phrase: str, units: Units) -> bool:
    start, end = candidate.start, candidate.end
    before = text[max(0, start - 30) : start]
    if phrase.lower() == "one" and not ONE_COUNTS_RE.search(before):
        return True
    small = candidate.value is not None and candidate.value <= 3
    if small and re.search(r"\b(?:the|these|those)\s+$", before, re.IGNORECASE):
        return True
    if ALTERNATIVE_RE.match(text[end : end + 30]) or ALTERNATIVE_BEFORE_RE.search(before):
        return True
    return (
        exclusions.is_time_span(text, start, end)
        or exclusions.is_age(text, start, end)
        or exclusions.is_date(text, start, end)
        or exclusions.is_label(text, start, end, units)
    )


def special_candidates(text: str, units: Units) -> list[Candidate]:
    """Counting ordinals (by the ordinal nouns of `units`), fractions, ratios, multiples and dozens."""
    ordinals = _ordinal_counts(text, units)
    return [*ordinals, *_fractions(text), *_ratios(text), *_multiples(text), *_dozens(text)]


def _ordinal_counts(text: str, units: Units) -> list[Candidate]:
    found = []
    for match in _ordinal_count_re(units).finditer(text):
        value = ordinal_value(match.group("ord") or match.group("ord2") or match.group("ord3"))
        noun = match.group("noun") or match.group("noun2") or match.group("noun3")
        if value and value >= 2:
            found.append(Candidate(match.start(), match.end(), value, _plural_unit(noun, units)))
    return found


def _plural_unit(noun: str, units: Units) -> str:
    unit = normalise_unit(noun, units)
    return unit if unit != noun.lower() or unit.endswith("s") else unit + "s"


def _fractions(text: str) -> list[Candidate]:
    found = []
    for match in FRACTION_RE.finditer(text) if FRACTION_PART.search(text) else ():
        top, share = match.group("top") or match.group("top2"), match.group("frac") or match.group("frac2")
        value = 0.5 if (match.group("half") or match.group("half2")) else fraction_value(top, share)
        if value:
            found.append(Candidate(match.start(), match.end(), value, "share"))
    return found


def _small_number(word: str) -> int | None:
    cleaned = re.sub(r"^a\s+", "one ", word.lower())
    return int(cleaned) if cleaned.isdigit() else parse_number_words(cleaned)


def _ratios(text: str) -> list[Candidate]:
    found = []
    for match in RATIO_RE.finditer(text) if RATIO_PART.search(text) else ():
        top, bottom = _small_number(match.group("n")), _small_number(match.group("m"))
        if top and bottom and top < bottom <= 1000:
            found.append(Candidate(match.start(), match.end(), round(top / bottom, 4), "share"))
    return found


def _multiples(text: str) -> list[Candidate]:
    found = []
    for match in MULTIPLE_RE.finditer(text) if MULTIPLE_PART.search(text) else ():
        value = parse_number_words(match.group("fold")) if match.group("fold") else 2
        if value:
            found.append(Candidate(match.start(), match.end(), value, "times"))
    return found


def _dozens(text: str) -> list[Candidate]:
    found = []
    for match in DOZEN_RE.finditer(text) if DOZEN_PART.search(text) else ():
        count = _small_number(match.group(0).split()[0]) or 1
        found.append(Candidate(match.start(), match.end(), 12 * count))
    return found
