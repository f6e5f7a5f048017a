"""One line of a raw article file: its normal form and the features the cleaner reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
TERMINAL = tuple('.!?;"”…)')
QUOTE_OPENERS = tuple("\"“‘'")
FUNCTION_WORDS = frozenset(
    "a an and as at but by for from in into of on or than that the their to which who whose with".split()
)


@dataclass(frozen=True)
class KeptLine:
    number: int  # 1-based line in the source file
    text: str
    after_blank: bool  # a blank line (or the file start) comes before it


def normalise_line(raw: str) -> str:
    """Drop zero-width characters and surrounding whitespace; leave everything else as it is."""
    return ZERO_WIDTH.sub("", raw).strip()


def continues_mid_sentence(line: str, following: KeptLine) -> bool:
    """True when hard-wrapped copy breaks a sentence between `line` and the next line."""
    if following.after_blank or not line or line.endswith(TERMINAL) or line.endswith((":", "’")):
        return False
    first = following.text[0]
    last_word = line.split()[-1].lower()
    return first.islower() or line.endswith((",", "-", "–", "—")) or last_word in FUNCTION_WORDS


def join_wrapped_lines(kept: list[KeptLine]) -> list[KeptLine]:
    """Join lines of hard-wrapped copy back into paragraphs; other lines stay one paragraph each."""
    groups: list[list[KeptLine]] = []
    for line in kept:
        if groups and continues_mid_sentence(groups[-1][-1].text, line):
            groups[-1].append(line)  # joined once at the end: repeated joining costs quadratic time
        else:
            groups.append([line])
    return [KeptLine(g[0].number, " ".join(line.text for line in g), g[0].after_blank) for g in groups]


BULLET = re.compile(r"[•▪●◦‣▶►▸]\s*")
NAME_WORD = re.compile(r"(?:[A-Z]\.|[A-Z][a-z'’]*[A-Z]?[a-z'’-]+)")
SINGLE_WORD = re.compile(r"[A-Za-z][\w&'’-]{1,29}")
STOPWORDS = FUNCTION_WORDS | frozenset("the new more latest news key live watch read about".split())


def starts_with_bullet(raw: str) -> bool:
    """True when a raw line opens with a bullet character (•, ▶, ...)."""
    return BULLET.match(normalise_line(raw)) is not None


def ends_sentence(text: str) -> bool:
    """True when a line ends as a sentence does: full stop, ?, !, closing quote or bracket."""
    return text.endswith(TERMINAL)


def is_bare_name(text: str) -> bool:
    """True for two or three capitalised name words and nothing else ("Jane Doe", "J. R. Smith")."""
    words = text.split()
    if not 2 <= len(words) <= 3 or len(text) > 40:
        return False
    return all(NAME_WORD.fullmatch(w) and w.lower() not in STOPWORDS for w in words)


def is_single_word(text: str) -> bool:
    """True for one word alone (letters, no digits, no sentence punctuation): a label or a site name."""
    return SINGLE_WORD.fullmatch(text) is not None and not any(c.isdigit() for c in text)


def next_nonblank(raw_lines: list[str], number: int) -> str:
    """The next non-blank line after line `number` (1-based), normalised; "" at the end of the file."""
    for index in range(number, len(raw_lines)):
        if text := normalise_line(raw_lines[index]):
            return text
    return ""


def previous_nonblank(raw_lines: list[str], number: int) -> str:
    """The closest non-blank line before line `number` (1-based), normalised; "" at the start."""
    for index in range(number - 2, -1, -1):
        if text := normalise_line(raw_lines[index]):
            return text
    return ""
