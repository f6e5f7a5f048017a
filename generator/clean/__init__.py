"""Page junk out, kept on record; the article's paragraphs in.

`clean_text` reads a raw article file line by line. Lines that the rules in
content/junk.yaml call junk (captions, share prompts, video-player notices, ...)
and lines shaped like related-article teasers are taken out and kept in
`CleanText.removed`. What is left becomes numbered paragraphs: one per line, except
hard-wrapped wire copy, whose lines are joined back when a line stops mid-sentence.

Only safe normalisation happens: zero-width characters go and lines are trimmed.
The article's own quote marks and apostrophes stay, so every quote and figure the
annotators find is an exact substring of a paragraph.
"""

from __future__ import annotations

from generator.clean.context import drop_by_context
from generator.clean.lines import join_wrapped_lines
from generator.clean.rules import drop_furniture_blocks, strip_junk_lines
from generator.clean.teasers import drop_teasers, looks_like_teaser
from generator.models import CleanText, JunkRule, Paragraph, SourceText

__all__ = ["clean_text", "looks_like_teaser"]


def clean_text(source: SourceText, rules: tuple[JunkRule, ...]) -> CleanText:
    """Raw article text in; numbered paragraphs and the junk taken out (by line, with its rule) out."""
    text = source.text if isinstance(source.text, str) else ""
    raw_lines = text.split("\n")
    kept, removed = strip_junk_lines(text, rules)
    kept, removed = drop_furniture_blocks(kept, removed, rules, raw_lines)
    kept, by_context = drop_by_context(join_wrapped_lines(kept), raw_lines)
    prose, teasers = drop_teasers(kept, raw_lines)
    paragraphs = tuple(Paragraph(i, line.number, line.text) for i, line in enumerate(prose, start=1))
    all_removed = tuple(sorted(removed + by_context + teasers, key=lambda r: (r.line, r.whole_line)))
    return CleanText(paragraphs=paragraphs, removed=all_removed)
