"""Quote marks and sentences inside one paragraph.

`quoted_spans` pairs opening and closing quote marks, double or single, curly or
straight (mixed pairs like `"…”` happen in scraped copy). A span with no closing mark
runs to the end of the paragraph: in news style a quotation that goes on into the
next paragraph leaves its closing mark off, and the next paragraph opens with a new mark.
`masked` hides the words inside quote marks so attribution rules see only the
reporter's own words; `annotate.sentences` splits that masked text into sentences.

Double marks win: a paragraph with a double-quoted span is read by its double marks
(single marks inside them are quotations within quotations), unless single-quoted
spans hold every double mark (the Mail's `'He said "no",' she said`). Single marks
double as apostrophes, so they are read by where they stand (`_single_spans`):

- a single mark opens only before a letter (`‘` also before a digit) and only after
  a space, the paragraph start, an opening bracket or dash, or `:`; `’` opens only
  at the paragraph start before a capital (scraped copy that curled it the wrong
  way). `'˜`, a common mis-encoding of `‘`, is one opening mark;
- it closes only after a letter, a digit or closing punctuation and before a space,
  punctuation or the paragraph end; so a mark with a letter on both sides
  (`don't`, `O'Neill`) does neither, and `’90s`, `'em`, `rock ’n’ roll` open nothing;
- an opening mark closes at the first closing mark before the next opening mark,
  preferring one after punctuation (`,'` `.'`) to one after a word (`the Smiths' `),
  so a possessive inside a quotation does not end it but a scare quote stays short;
- an opening mark that finds no closing mark leaves the quotation open (to the next
  opening mark or the paragraph end) only at the paragraph start or after `:` or `,`;
  elsewhere it is an apostrophe and opens nothing, so it never swallows the rest of
  the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
SINGLE_MARKS = "‘’'"
MOJIBAKE_OPENING = "'˜"  # ‘ as some sites' broken encoding shows it
OPENS_AFTER = "([{—–:"  # besides a space or the paragraph start
CLOSES_AFTER = ".,!?;…)]—–-"  # besides a letter or digit
CLOSES_BEFORE = '.,;:!?…)]}—–-"”'  # besides a space or the paragraph end
INTRODUCES = ":,"  # an unclosed single quotation may open after these
MASK = "§"
# The marks' positions, found in C: a paragraph is mostly not quote marks.
DOUBLE_MARK = re.compile(f"[{re.escape(OPENING + CLOSING + STRAIGHT)}]")
SINGLE_MARK = re.compile(f"[{re.escape(SINGLE_MARKS)}]")
NOT_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quote marks: `start:end` excludes the marks themselves."""

    open_mark: int  # offset of the opening mark
    start: int
    end: int
    close_mark: int | None  # offset of the closing mark; None if the paragraph ends first


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quote-marked span in the paragraph, in order: double marks, else single ones."""
    doubles = _double_spans(text)
    if not doubles:
        return _single_spans(text)
    singles = _single_spans(text)
    marks = [mark.start() for mark in DOUBLE_MARK.finditer(text)]
    if singles and all(any(s.open_mark < p < s.end for s in singles) for p in marks):
        return singles
    return doubles


def _double_spans(text: str) -> list[QuotedSpan]:
    """The spans between double quote marks."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for mark in DOUBLE_MARK.finditer(text):
        position, char = mark.start(), mark.group()
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


def _single_spans(text: str) -> list[QuotedSpan]:
    """The spans between single quote marks, by the rules in the module docstring."""
    marks = [mark.start() for mark in SINGLE_MARK.finditer(text)]
    opens = [p for p in marks if _opening_width(text, p)]
    closes = [p for p in marks if _single_closes(text, p)]
    spans: list[QuotedSpan] = []
    floor = 0
    for index, open_mark in enumerate(opens):
        if open_mark < floor:
            continue
        limit = opens[index + 1] if index + 1 < len(opens) else len(text)
        span = _single_span(text, open_mark, limit, closes)
        if span is not None:
            spans.append(span)
            floor = span.end if span.close_mark is None else span.close_mark + 1
    return spans


def _single_span(text: str, open_mark: int, limit: int, closes: list[int]) -> QuotedSpan | None:
    """The span opened at `open_mark`, closed before `limit` (the next opening mark) if it can be."""
    start = open_mark + _opening_width(text, open_mark)
    candidates = [p for p in closes if start < p < limit]
    after_punctuation = [p for p in candidates if text[p - 1] in CLOSES_AFTER]
    if after_punctuation or candidates:
        close_mark = (after_punctuation or candidates)[0]
        return QuotedSpan(open_mark, start, close_mark, close_mark)
    if _introduces_quotation(text, open_mark):
        return QuotedSpan(open_mark, start, limit, None)
    return None


def _opening_width(text: str, position: int) -> int:
    """How many characters the single opening mark at `position` takes: 0 if it opens nothing."""
    width = 2 if text.startswith(MOJIBAKE_OPENING, position) else 1
    after = text[position + width] if position + width < len(text) else " "
    before = text[position - 1] if position > 0 else " "
    mark = text[position]
    if not (before.isspace() or before in OPENS_AFTER):
        return 0
    if mark == "’":
        return 1 if after.isupper() and not text[:position].strip() else 0
    if after.isalpha() or (mark == "‘" and after.isdigit()):
        return width
    return 0


def _single_closes(text: str, position: int) -> bool:
    """True when the single mark at `position` can close a quotation."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if not (before.isalnum() or before in CLOSES_AFTER):
        return False
    return after.isspace() or after in CLOSES_BEFORE


def _introduces_quotation(text: str, position: int) -> bool:
    """True at the paragraph start or after `:` or `,`, where a quotation may run on unclosed."""
    before = text[:position].rstrip()
    return not before or before[-1] in INTRODUCES


def masked(text: str, spans: list[QuotedSpan]) -> str:
    """The paragraph with quoted words replaced by a mask character, offsets kept."""
    if not spans:
        return text  # most paragraphs quote nobody
    chars = list(text)
    for span in spans:  # `\S` is exactly `not str.isspace()`
        chars[span.start : span.end] = NOT_SPACE.sub(MASK, "".join(chars[span.start : span.end]))
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
