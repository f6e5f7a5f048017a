"""Numbers that are not figures: years, dates, times, time spans, labels, phone numbers.

Each test looks at one number found in a paragraph, by its character offsets,
and says whether the number only locates something in time or names something
("in 2020", "March 31", "8.32am", "in two days", "Article 8", "Covid-19").
"""

from __future__ import annotations

import re

from generator.annotate.dates import MONTH_ABBREVIATIONS
from generator.annotate.dates import MONTHS as MONTH_NAMES
from generator.annotate.figures.number_words import parse_number_words
from generator.annotate.figures.units import alternation, ends_with_word_and_space
from generator.annotate.vocabulary import identity_cache
from generator.models import Units

MONTHS = "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS)
TIME_UNITS = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century"
    r"|centuries|morning|afternoon|evening)s?"
)
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+(?:the\s+)?$")
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b")
_CLOCK_AFTER_RE = re.compile(
    r"^\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|CEST|UTC|hrs|h\b|o'clock)", re.IGNORECASE
)
_CLOCK_BEFORE_RE = re.compile(r"\b(?:at|until|till|before|after|from|around|since)\s+$", re.IGNORECASE)
_TIME_SPAN_AFTER_RE = re.compile(
    rf"^(?:\s+|-)(?:(?:more|other|full|straight|consecutive)\s+)?{TIME_UNITS}\b", re.IGNORECASE
)
_SENTENCE_RE = re.compile(
    rf"^(?:\s+|-){TIME_UNITS}\s+(?:in\s+(?:prison|jail)|jail|behind\s+bars|(?:prison\s+)?(?:terms?|sentences?)\b)",
    re.IGNORECASE,
)
_LIST_NUMBER_AFTER_RE = re.compile(r"^[.)]\s")
_SENTENCE_BEFORE_RE = re.compile(
    r"\b(?:jailed|sentenced|imprisoned|locked\s+up)\s+(?:for|to)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:article|section|clause|schedule|chapter|paragraph|page|rule|number|no\.?|tier|level"
    r"|phase|stage|category|radio|channel|flight|junction|platform|version|covid|figure|table)\s+$",
    re.IGNORECASE,
)
_CAPITAL_BEFORE_RE = re.compile(r"\b([A-Z][A-Za-z]*)\s+$")
_PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}")
_SENTENCE_START_WORDS = frozenset(
    """some about around almost nearly over more only just another yesterday today last since in on of
    by at with for and but from to up down than monday tuesday wednesday thursday friday saturday
    sunday""".split()
)
_LABEL_AFTER_RE = re.compile(r"^\s+Downing\s+Street\b")
_NUMBER_SUFFIXES = "m|bn|mn|k|pc|tn"  # "£54m", "46pc": read with the number (annotator.NUMERIC_RE)


@identity_cache
def _count_after_year_re(units: Units) -> re.Pattern[str]:
    """ "2000 people": one of the `not_years` words of `units` after a year-like number."""
    return re.compile(rf"\s+{alternation(units.not_years)}\b")


@identity_cache
def _glued_unit_re(units: Units) -> re.Pattern[str]:
    """Letters glued to a number that are its unit ("3km", "£54m"), not part of a label ("A16")."""
    return re.compile(rf"(?:{_NUMBER_SUFFIXES}|{alternation(units.abbreviations)})\b")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phone-number-like runs of digits, which hold no figures."""
    return [match.span() for match in _PHONE_RE.finditer(text)]


def is_year(raw: str, text: str, end: int, units: Units) -> bool:
    """A bare four-digit number between 1900 and 2100 not followed by one of the `not_years`
    words of `units` (people or things)."""
    if not re.fullmatch(r"(?:19\d\d|20\d\d|2100)", raw):
        return False
    return not _count_after_year_re(units).match(text[end : end + 20])


def is_date(text: str, start: int, end: int) -> bool:
    """ "March 31", "on 5 July", "31st March", "25/11/2021"."""
    if _MONTH_BEFORE_RE.search(text[max(0, start - 16) : start]):
        return True
    if _MONTH_AFTER_RE.match(text[end : end + 20]):
        return True
    return text[end : end + 1] == "/" or text[max(0, start - 1) : start] == "/"


def is_clock_time(text: str, start: int, end: int) -> bool:
    """ "8.32am", "10:45", "0830 GMT", and a live blog's bare "8.32" at a paragraph's start."""
    raw = text[start:end]
    if _CLOCK_AFTER_RE.match(text[end : end + 8]):
        return True
    if text[end : end + 1] == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if text[max(0, start - 1) : start] == ":" and text[max(0, start - 2) : start - 1].isdigit():
        return True
    if not re.fullmatch(r"(?:[01]?\d|2[0-3])[.:][0-5]\d", raw):
        return False
    at_paragraph_start = start <= 4 and not text[:start].strip(" ([")
    if at_paragraph_start or _CLOCK_BEFORE_RE.search(text[max(0, start - 12) : start]):
        return True
    return not re.match(r"\s*[a-z]", text[end : end + 3])


def is_prison_term(text: str, start: int, end: int) -> bool:
    """ "jailed for nine years", "a seven-year sentence", "an eight-year jail term"."""
    if _SENTENCE_RE.match(text[end : end + 40]):
        return True
    return bool(_SENTENCE_BEFORE_RE.search(text[max(0, start - 40) : start]))


def is_time_span(text: str, start: int, end: int) -> bool:
    """ "in two days", "the last 12 hours", "a five-year plan", "25-year-old"; not prison terms."""
    tail = text[end : end + 40]
    if not _TIME_SPAN_AFTER_RE.match(tail):
        return False
    return not is_prison_term(text, start, end)


def is_age(text: str, start: int, end: int) -> bool:
    """ "Ahmed Ali, 32, was jailed", "Sara, nine, and Omid, six,", "aged 19": ages describe people,
    not counts."""
    raw = text[start:end]
    if re.search(r"\baged\s+(?:between\s+)?$", text[max(0, start - 20) : start], re.IGNORECASE):
        return True
    named = re.search(r"[A-Z][a-z'’-]+,\s?$", text[max(0, start - 30) : start])
    if not named or text[end : end + 1] != "," or len(raw) > 40:
        return False
    years = int(raw) if raw.isdigit() else parse_number_words(raw)
    return years is not None and years <= 110


def is_label(text: str, start: int, end: int, units: Units) -> bool:
    """A number naming a thing: "Article 8", "Number 10", "Covid-19", "A16", "G7", "BBC Radio 4",
    and the "2." or "2)" that numbers a list item or live-blog post at a paragraph's start.

    Letters glued to the number make it a label unless they are a suffix or one of the
    `abbreviations` of `units` ("3km").
    """
    before, after = text[max(0, start - 30) : start], text[end : end + 20]
    if _glued_before(before) or _LABEL_AFTER_RE.match(after):
        return True
    if not text[:start].strip() and _LIST_NUMBER_AFTER_RE.match(after):
        return True  # "1. We're now ending our coverage": a numbered post or list item
    if re.match(r"[./]\d", after):
        return True
    if after[:1].isalpha() and not _glued_unit_re(units).match(after):
        return True
    raw = text[start:end]
    if "," in raw or len(raw) > 4 or not ends_with_word_and_space(before, also="."):
        return False  # both tests below need a word ("No." included) and a space before the number
    return bool(_LABEL_BEFORE_RE.search(before)) or _follows_capitalised_name(text, start)


def _glued_before(before: str) -> bool:
    last, previous = before[-1:], before[-2:-1]
    if last.isalnum() or last in ("-", "/", "_", "#", "'", "’"):
        return True
    return (last == "." and previous.isalnum()) or (last == "," and previous.isdigit())


def _follows_capitalised_name(text: str, start: int) -> bool:
    """ "Channel 4", "Windows 10": a short number right after a capitalised word mid-sentence."""
    match = _CAPITAL_BEFORE_RE.search(text[max(0, start - 30) : start])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in _SENTENCE_START_WORDS or re.fullmatch(MONTHS, word):
        return False
    word_start = start - len(match.group(0))
    preceding = text[max(0, word_start - 12) : word_start].rstrip()
    return bool(preceding) and preceding[-1] not in '.!?:;"“‘(–—'
