"""The lines the cleaner was unsure of, for an editor to confirm or override.

The cleaner is sure of a line that a contributor rule in content/junk.yaml names: someone
wrote that rule for that kind of junk. It is unsure of two kinds of line:

- a line it took out by its shape or its neighbours alone (a caption printed twice, a lone
  bulleted line, a single word, a headline-shaped teaser, a short line under a related-links
  heading, a bare name above a byline): no rule names it, so it may be prose;
- a line it kept that is short and stops without a sentence ending (at most 8 words): it may
  be a heading, a caption or a label that no rule knows yet. The first paragraph (the headline)
  and lines joined from wrapped copy are never doubted.

`new-article` lists them under `review:` in the new sidecar, as `line 7 removed (...): text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.clean.lines import ends_sentence, normalise_line
from generator.models import CleanText, JunkRule

SHORT_WORDS = 8
SHOWN_CHARS = 60
SHORT_KEPT = "short, like a heading or caption"


@dataclass(frozen=True)
class Doubt:
    """A line the cleaner was unsure of: its number, what it did, why, and the line's text."""

    line: int
    action: str  # "removed" or "kept"
    reason: str
    text: str

    def __str__(self) -> str:
        """`line 7 removed (reason): text`, the text cut to a readable length."""
        text = " ".join(self.text.split())
        text = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."
        return f"line {self.line} {self.action} ({self.reason}): {text}"


def unsure_lines(clean: CleanText, rules: tuple[JunkRule, ...], raw_text: str) -> tuple[Doubt, ...]:
    """The lines of one cleaned article an editor should confirm, in line order."""
    named = {rule.name for rule in rules}
    removed = [
        Doubt(r.line, "removed", r.rule, r.text)
        for r in clean.removed
        if r.whole_line and r.rule not in named and not r.rule.startswith("removed by an editor")
    ]
    raw_lines = raw_text.split("\n")
    kept = [
        Doubt(p.line, "kept", SHORT_KEPT, p.text)
        for p in clean.paragraphs[1:]
        if p.text == normalise_line(raw_lines[p.line - 1]) and looks_like_a_label(p.text)
    ]
    return tuple(sorted(removed + kept, key=lambda d: d.line))


def looks_like_a_label(text: str) -> bool:
    """True for a short line with no sentence ending: a heading, caption or label, perhaps."""
    return len(text.split()) <= SHORT_WORDS and not ends_sentence(text) and not text.endswith((":", ","))
