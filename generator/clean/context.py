"""Lines that are junk because of where they stand: the shape of the line and its neighbours.

Page furniture that no pattern names is still recognisable by how pages are built. A photo
caption is often printed twice, or once bare and once with its credit; a bare name sits under
a portrait or above a byline; a lone bulleted line between paragraphs is a video's title; a
single word on a line is a label or a site's name. Each rule leaves the headline (the first
kept line) alone and keeps the reason on record.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.clean.lines import (
    QUOTE_OPENERS,
    KeptLine,
    ends_sentence,
    is_bare_name,
    is_single_word,
    next_nonblank,
    normalise_line,
    previous_nonblank,
    starts_with_bullet,
)
from generator.models import RemovedText

REPEATED = "repeated line (a caption or pull quote printed twice)"
COPY = "caption: repeats part of another line"
ABOVE_CREDIT = "caption: the line above a picture credit"
LONE_BULLET = "video or picture title: a lone bulleted line"
BARE_NAME = "bare name next to a byline or caption that names them"
SINGLE_WORD = "single word alone on a line (label or site name)"
CREDIT_ONLY = re.compile(r"(?:Picture|Pictures|Photo|Photograph|Image|Credit|Pic)s?: \S.{0,60}")
MAX_COMPARED_LINES = 400  # containment is checked pairwise; longer files get the exact-repeat test only
MIN_COPY_CHARS = 25


def nonblank_lines(raw_lines: list[str]) -> list[tuple[int, str]]:
    """(1-based number, normalised text) for every non-blank line of the file."""
    return [(n, t) for n, t in ((i, normalise_line(r)) for i, r in enumerate(raw_lines, 1)) if t]


def contained_at_boundary(short: str, long: str) -> bool:
    """True when `short` appears in `long` as a whole unit: not glued to letters on either side."""
    start = long.find(short)
    while start >= 0:
        end = start + len(short)
        before_ok = start == 0 or not long[start - 1].isalnum()
        after_ok = end == len(long) or (not long[end].isalnum() and long[end] != " ")
        if before_ok and (after_ok or long[end:].lstrip().startswith(("(", "Picture", "Photo", "Image"))):
            return True
        start = long.find(short, start + 1)
    return False


def is_copy_of_another_line(line: KeptLine, others: list[tuple[int, str]]) -> bool:
    """True when the line's text also stands, as a whole unit, inside a longer line of the file."""
    if len(line.text) < MIN_COPY_CHARS or len(others) > MAX_COMPARED_LINES:
        return False
    return any(
        len(text) > len(line.text) and contained_at_boundary(line.text, text)
        for number, text in others
        if number != line.number
    )


def repeated_rule(line: KeptLine, counts: Counter[str]) -> str | None:
    """REPEATED for a line with no sentence ending printed more than once (a standfirst the body repeats stays)."""
    if counts[line.text] < 2 or ends_sentence(line.text) or line.text.startswith(QUOTE_OPENERS):
        return None
    return REPEATED


def is_doubled(text: str) -> bool:
    """True when a line is one text printed twice in a row, the second copy perhaps cut short."""
    head = text[:MIN_COPY_CHARS]
    second = text.find(head, 1) if len(text) >= 2 * MIN_COPY_CHARS else -1
    return second > 0 and text.startswith(text[second:])


def is_cut_off_end(line: KeptLine, prose: list[KeptLine], last_number: int) -> bool:
    """True for the file's last line when it stops mid-sentence after prose: a truncated paragraph."""
    if line.number != last_number or ends_sentence(line.text):
        return False
    return bool(prose) and ends_sentence(prose[-1].text)


def shape_rule(line: KeptLine, raw_lines: list[str]) -> str | None:
    """The rule a line's own shape and its neighbours call for, or None for a line that stays."""
    words = len(line.text.split())
    below = next_nonblank(raw_lines, line.number)
    if CREDIT_ONLY.fullmatch(below) and words <= 30 and not ends_sentence(line.text):
        return ABOVE_CREDIT
    lone = not starts_with_bullet(previous_nonblank(raw_lines, line.number)) and not starts_with_bullet(below)
    if (
        starts_with_bullet(raw_lines[line.number - 1])
        and lone
        and words <= 20
        and not ends_sentence(line.text)
    ):
        return LONE_BULLET
    return None


def named_next_door(line: KeptLine, raw_lines: list[str]) -> bool:
    """True when the line above or below repeats this line's text (a byline or caption naming them)."""
    neighbours = (previous_nonblank(raw_lines, line.number), next_nonblank(raw_lines, line.number))
    return any(line.text in other and other != line.text for other in neighbours)


@dataclass(frozen=True)
class FileView:
    """What the context rules read about the whole file: its lines and how often each occurs."""

    raw_lines: list[str]
    nonblank: list[tuple[int, str]]
    counts: Counter[str]


def context_rule(line: KeptLine, prose: list[KeptLine], view: FileView) -> str | None:
    """The context rule that takes `line` out, given the prose kept so far; None keeps it.

    A single word or a bare name is never the headline; any other first line is. The copy
    test waits for the standfirst: a body paragraph may repeat it.
    """
    if is_single_word(line.text):
        return SINGLE_WORD
    if is_bare_name(line.text) and named_next_door(line, view.raw_lines):
        return BARE_NAME
    if not prose:
        return None
    if is_doubled(line.text):
        return REPEATED
    rule = repeated_rule(line, view.counts) or shape_rule(line, view.raw_lines)
    if rule is None and len(prose) > 1 and not line.text.startswith(QUOTE_OPENERS):
        rule = COPY if is_copy_of_another_line(line, view.nonblank) else None
    return rule


def drop_by_context(
    kept: list[KeptLine], raw_lines: list[str], keep: frozenset[int] = frozenset()
) -> tuple[list[KeptLine], list[RemovedText]]:
    """Take out the paragraphs that their shape and neighbours mark as junk; the headline and the
    lines in `keep` (an editor's) stay.

    Only paragraphs of one source line are judged: hard-wrapped copy joined back is prose.

    The file's last line, when it stops mid-sentence after prose, is a cut-off paragraph and stays.
    """
    nonblank = nonblank_lines(raw_lines)
    view = FileView(raw_lines, nonblank, Counter(text for _, text in nonblank))
    prose: list[KeptLine] = []
    removed: list[RemovedText] = []
    for line in kept:
        whole = line.text == normalise_line(raw_lines[line.number - 1])  # not joined wrapped copy
        cut_off = is_cut_off_end(line, prose, nonblank[-1][0])
        judged = whole and not cut_off and line.number not in keep
        rule = context_rule(line, prose, view) if judged else None
        if rule is None:
            prose.append(line)
        else:
            removed.append(RemovedText(line.number, raw_lines[line.number - 1], rule))
    return prose, removed
