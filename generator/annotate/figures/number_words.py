"""English number words: "six", "twenty-seven", "two hundred and fifty", "a fifth".

Reads spelled-out cardinals into values and names the ordinals and fractions
that the figures annotator needs. Pure functions over strings; nothing here
decides whether a number is a figure.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
FRACTIONS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}

_CARDINAL = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_WORD = rf"(?:{_CARDINAL})"
# A run of number words joined by spaces, hyphens or "and": bounded, so never catastrophic.
NUMBER_WORDS = rf"\b{_WORD}(?:(?:[ -]|\s+and\s+){_WORD}){{0,6}}\b"
NUMBER_WORDS_RE = re.compile(NUMBER_WORDS, re.IGNORECASE)
ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
FRACTION_WORDS = "|".join(sorted(FRACTIONS, key=len, reverse=True))


def parse_number_words(phrase: str) -> int | None:
    """Value of spelled-out cardinal words ("two hundred and fifty" -> 250), or None.

    Returns None when the phrase is not a well-formed number (a scale word
    alone, "hundred", counts as 100 only after "a", which callers handle).
    """
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
    if not words or words[0] in SCALES:
        return None
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def ordinal_value(word: str) -> int | None:
    """Value of an ordinal word ("fifth" -> 5) or digit ordinal ("5th" -> 5), else None."""
    lowered = word.lower()
    if lowered in ORDINALS:
        return ORDINALS[lowered]
    match = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)", lowered)
    return int(match.group(1)) if match else None


def fraction_value(numerator: str, denominator: str) -> float | None:
    """Value of "a third", "two thirds", "three-quarters"; None when not a fraction."""
    lowered = numerator.lower()
    top = 1 if lowered in ("a", "an", "one") else UNITS.get(lowered)
    share = FRACTIONS.get(denominator.lower())
    if top is None or share is None:
        return None
    return round(top * share, 4)
