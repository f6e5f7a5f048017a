"""Page junk out, kept on record; the article's paragraphs in.

`clean_text` reads a raw article file line by line, in four passes:

1. `rules`: lines that the contributor rules in content/junk.yaml call junk (captions with
   credits, widgets, bylines, timestamps, share prompts, ...) go, and so do the short lines
   under a related-links heading and a bare name above a journalist's title;
2. `lines`: hard-wrapped wire copy is joined back where a line stops mid-sentence;
3. `context`: paragraphs that are junk by their shape and neighbours go (a caption printed
   twice or inside a longer caption line, the line above a bare picture credit, a lone
   bulleted video title, a single word, a bare name that the next line names);
4. `teasers`: headline-shaped lines standing alone (links to other stories) go.

An editor has the last word: the sidecar's `remove:` lines go in the first pass, whatever the
rules say, and its `keep:` lines are judged by no rule (`LineEdits`).

Every line taken out is kept in `CleanText.removed` with the rule's name, which readers see.
The headline (the first line left) and a cut-off last paragraph always stay. What is left
becomes numbered paragraphs.

Only safe normalisation happens: zero-width characters go and lines are trimmed.
The article's own quote marks and apostrophes stay, so every quote and figure the
annotators find is an exact substring of a paragraph.
"""

from __future__ import annotations

from generator.clean.context import drop_by_context
from generator.clean.lines import join_wrapped_lines
from generator.clean.rules import drop_furniture_blocks, strip_junk_lines
from generator.clean.teasers import drop_teasers, looks_like_teaser
from generator.models import NO_EDITS, CleanText, JunkRule, LineEdits, Paragraph, SourceText

__all__ = ["clean_text", "looks_like_teaser"]


def clean_text(source: SourceText, rules: tuple[JunkRule, ...], edits: LineEdits = NO_EDITS) -> CleanText:
    """Raw article text and an editor's line choices in; numbered paragraphs and the junk taken out
    (by line, with its rule) out."""
    text = source.text if isinstance(source.text, str) else ""
    raw_lines = text.split("\n")
    kept, removed = strip_junk_lines(text, rules, edits)
    kept, removed = drop_furniture_blocks(kept, removed, rules, raw_lines, edits.keep)
    kept, by_context = drop_by_context(join_wrapped_lines(kept), raw_lines, edits.keep)
    prose, teasers = drop_teasers(kept, raw_lines, edits.keep)
    paragraphs = tuple(Paragraph(i, line.number, line.text) for i, line in enumerate(prose, start=1))
    all_removed = tuple(sorted(removed + by_context + teasers, key=lambda r: (r.line, r.whole_line)))
    return CleanText(paragraphs=paragraphs, removed=all_removed)
