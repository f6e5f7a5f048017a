"""Sentences: one splitter and one list of abbreviations, for every annotator.

A sentence ends at `.`, `!`, `?` or `…` (a run of them), with any closing quote
mark or bracket, before whitespace; not after an abbreviation ("Mr.", "No.", "Ltd.",
"etc.") or an initial ("J. Smith"). Where the next sentence must visibly start
(`starts_capitalised`), it starts with a capital letter, a digit or a currency sign,
after any opening quote mark or bracket; the quotes annotator splits text whose
quotations are masked out, so it does not ask for that.
"""

from __future__ import annotations

import re

# Written as they are written in copy: titles capitalised, Latin lower-case.
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St No Gen Lt Col Sgt Capt Prof Rev Cllr Gov Sen Rep Jr Sr Inc Ltd Co vs etc".split()
)
# The look-behind starts a match only at the first mark of a run, so "....." costs linear time.
SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)\]]*\s+")
VISIBLE_START = re.compile(r"[\"“‘(]?[A-Z0-9£€]")
LAST_WORD = re.compile(r"(\w+)[(\"“]*$")
LAST_WORD_WINDOW = 40  # enough to see the abbreviation before a full stop


def sentence_ranges(text: str, *, starts_capitalised: bool = False) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of `text`, in order, covering the whole text."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for boundary in SENTENCE_END.finditer(text):
        if _after_abbreviation(text, max(start, boundary.start() - LAST_WORD_WINDOW), boundary.start()):
            continue
        if starts_capitalised and not VISIBLE_START.match(text, boundary.end()):
            continue
        ranges.append((start, boundary.end()))
        start = boundary.end()
    if start < len(text):
        ranges.append((start, len(text)))
    return ranges


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, trimmed; each an exact substring of `text`."""
    pieces = (text[start:end].strip() for start, end in sentence_ranges(text, starts_capitalised=True))
    return [piece for piece in pieces if piece]


def _after_abbreviation(text: str, window: int, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    word = LAST_WORD.search(text, window, dot)
    if word is None:
        return False
    token = word.group(1)
    return token in ABBREVIATIONS or (len(token) == 1 and token.isupper())
