"""Quote marks and sentences inside one paragraph.

`quoted_spans` pairs opening and closing double quote marks, curly or straight
(mixed pairs like `"…”` happen in scraped copy). A span with no closing mark runs
to the end of the paragraph: in news style a quotation that goes on into the next
paragraph leaves its closing mark off, and the next paragraph opens with a new mark.
`masked` hides the words inside quote marks so attribution rules see only the
reporter's own words; `annotate.sentences` splits that masked text into sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
MASK = "§"


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quote marks: `start:end` excludes the marks themselves."""

    open_mark: int  # offset of the opening mark
    start: int
    end: int
    close_mark: int | None  # offset of the closing mark; None if the paragraph ends first


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quote-marked span in the paragraph, in order."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for position, char in enumerate(text):
        if char not in OPENING and char not in CLOSING and char != STRAIGHT:
            continue
        if open_at is None:
            if char in OPENING or char == STRAIGHT or _closing_used_as_opening(text, position):
                open_at = position
        elif char in CLOSING or char == STRAIGHT:
            spans.append(QuotedSpan(open_at, open_at + 1, position, position))
            open_at = None
        else:  # a second opening mark: the first quotation was never closed
            spans.append(QuotedSpan(open_at, open_at + 1, position, None))
            open_at = position
    if open_at is not None:
        spans.append(QuotedSpan(open_at, open_at + 1, len(text), None))
    return spans


def _closing_used_as_opening(text: str, position: int) -> bool:
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


def masked(text: str, spans: list[QuotedSpan]) -> str:
    """The paragraph with quoted words replaced by a mask character, offsets kept."""
    chars = list(text)
    for span in spans:
        for position in range(span.start, span.end):
            if not chars[position].isspace():
                chars[position] = MASK
    return "".join(chars)


def quote_text(paragraph: str, span: QuotedSpan) -> tuple[str, int]:
    """The quotation's words, trimmed of spaces and a trailing comma, and their offset."""
    raw = paragraph[span.start : span.end]
    stripped = raw.strip()
    while stripped.endswith((",", " ")):
        stripped = stripped[:-1]
    return stripped, span.start + (len(raw) - len(raw.lstrip()))


def word_count(text: str) -> int:
    """Words in a quotation: runs of letters or digits."""
    return len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text))
