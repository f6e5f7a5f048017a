"""Related-article teasers: headline-shaped lines standing alone between paragraphs."""

from __future__ import annotations

import re

from generator.clean.lines import (
    FUNCTION_WORDS,
    QUOTE_OPENERS,
    TERMINAL,
    KeptLine,
    ends_sentence,
    next_nonblank,
    normalise_line,
    previous_nonblank,
    starts_with_bullet,
)
from generator.models import RemovedText

TEASER_RULE = "related-article teaser (headline shape)"
COLON_HEADLINE = re.compile(r"^[A-Z][^:.!?]{2,60}: [A-Z‘'\"“]")
SINGLE_QUOTED = re.compile(r"‘[^‘’]{2,60}’")
SAYS_ENDING = re.compile(
    r", (?:[\w'’-]+ ){0,3}(?:says?|warns?|claims?|admits?|insists?|reveals?|urges?|vows?)$"
)


def has_headline_signal(text: str) -> bool:
    """True when a line is shaped like a headline: colon form, ‘quoted’ words, "..., X says", Title Case."""
    if COLON_HEADLINE.match(text) or SINGLE_QUOTED.search(text) or SAYS_ENDING.search(text):
        return True
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(long_words) >= 4 and len(capitalised) >= 0.7 * len(long_words)


def looks_like_teaser(text: str) -> bool:
    """A short, unpunctuated, headline-shaped line: a link to another story, not prose."""
    words = text.split()
    if not 7 <= len(words) <= 25 or len(text) > 180:
        return False
    if text.endswith(TERMINAL) or text.startswith(QUOTE_OPENERS) or text.endswith(","):
        return False
    if text.endswith("’") and "‘" not in text:
        return False
    if words[-1].lower() in FUNCTION_WORDS or re.search(r"[.!?][\"”’]? [A-Z]", text):
        return False
    return has_headline_signal(text)


def in_bulleted_list(number: int, raw_lines: list[str]) -> bool:
    """True when line `number` is a bullet item with another bullet item just above or below it."""
    if not starts_with_bullet(raw_lines[number - 1]):
        return False
    return starts_with_bullet(previous_nonblank(raw_lines, number)) or starts_with_bullet(
        next_nonblank(raw_lines, number)
    )


def may_be_teaser(index: int, line: KeptLine, lines: list[KeptLine], raw_lines: list[str]) -> bool:
    """Whether the teaser test applies: not the first line, not joined wrapped copy, not a
    bullet of a list (key points), not the file's cut-off last paragraph."""
    if index == 0 or line.text != normalise_line(raw_lines[line.number - 1]):
        return False
    if in_bulleted_list(line.number, raw_lines):
        return False
    cut_off = index == len(lines) - 1 and not next_nonblank(raw_lines, line.number)
    return not (cut_off and ends_sentence(lines[index - 1].text))


def drop_teasers(
    lines: list[KeptLine], raw_lines: list[str], keep: frozenset[int] = frozenset()
) -> tuple[list[KeptLine], list[RemovedText]]:
    """Take out headline-shaped lines standing alone; the first line (the standfirst) and the
    lines in `keep` (an editor's) always stay."""
    prose: list[KeptLine] = []
    removed: list[RemovedText] = []
    for index, line in enumerate(lines):
        if line.number in keep:
            prose.append(line)
        elif may_be_teaser(index, line, lines, raw_lines) and looks_like_teaser(line.text):
            removed.append(RemovedText(line.number, raw_lines[line.number - 1], TEASER_RULE))
        else:
            prose.append(line)
    return prose, removed
