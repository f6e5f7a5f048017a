"""An article paragraph with its annotations marked in the text: quotations, figures, its number.

In: a Paragraph, the Quotes and Figures found in it, and the docs paths of the pages that exist.
Out: one line of `Markdown`, built from escaped pieces of the paragraph's text with short HTML
tags the generator writes between them (no article text is ever inside a tag):

    text <q class="q">quotation</q><span class="sp">[Speaker](../people/speaker.md)</span> text
    <span class="fg">[5,400](../figures/arrivals/2024.md#f-slug-1)</span> … <a class="pn" href="#p2">¶ 2</a>

Quotes and figures are exact substrings of their paragraph; each is found at its own position
(an occurrence no earlier mark of the same text took). Marks that overlap without nesting are
split where they cross, so the tags always nest. Python-Markdown keeps the tags as they are and
reads the escaped text between them as text, so glossary abbreviations still apply inside marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.models import Figure, Paragraph, Quote
from generator.pages.mdtext import Markdown, escape_markdown, link
from generator.pages.views import person_href, person_slug

QUOTE_OPEN, QUOTE_CLOSE = '<q class="q">', "</q>"
FIGURE_OPEN, FIGURE_CLOSE = '<span class="fg">', "</span>"


@dataclass(frozen=True)
class Mark:
    """A span of the paragraph's text to wrap: [start, end) and the markup around it."""

    start: int
    end: int
    open: str
    close: str
    after: str = ""  # written once, after the mark's last piece (a quotation's speaker)


def marked_paragraph(
    paragraph: Paragraph,
    quotes: Iterable[Quote] = (),
    figures: Iterable[Figure] = (),
    pages: frozenset[str] = frozenset(),
    figure_links: Mapping[Figure, str] | None = None,
) -> Markdown:
    """The paragraph's text with each quotation and figure marked, then its `¶ n` permalink.

    `pages` are the docs paths of the site's pages: a speaker is linked when `people/<slug>.md`
    is one of them, and otherwise named in a focusable span. A figure in `figure_links` links to
    its entry on the figures pages, unless a whole quotation lies inside it (links do not nest).
    """
    text = paragraph.text
    quoted = quote_marks(text, quotes, pages)
    marks = quoted + figure_marks(text, figures, figure_links or {}, quoted)
    permalink = f'<a class="pn" href="#p{paragraph.number}">¶ {paragraph.number}</a>'
    return Markdown(f"{weave(text, marks).strip()} {permalink}")


def quote_marks(text: str, quotes: Iterable[Quote], pages: frozenset[str]) -> list[Mark]:
    """A mark for each quotation found in `text`, its speaker written after it."""
    marks: list[Mark] = []
    for quote in quotes:
        span = locate(text, quote.text, {(m.start, m.end) for m in marks}, whole_words=False)
        if span:
            marks.append(Mark(*span, QUOTE_OPEN, QUOTE_CLOSE, speaker(quote.speaker, pages)))
    return marks


def figure_marks(
    text: str,
    figures: Iterable[Figure],
    links: Mapping[Figure, str] | None = None,
    quoted: Sequence[Mark] = (),
) -> list[Mark]:
    """A mark for each figure found in `text`, preferring an occurrence that stands as whole words;
    a link to the figure's entry (a generator-made target) inside the mark when `links` has one."""
    marks: list[Mark] = []
    for figure in figures:
        span = locate(text, figure.text, {(m.start, m.end) for m in marks}, whole_words=True)
        if not span:
            continue
        href = (links or {}).get(figure)
        if href and not any(span[0] <= q.start and q.end <= span[1] for q in quoted):
            marks.append(Mark(*span, FIGURE_OPEN + "[", f"]({href}){FIGURE_CLOSE}"))
        else:
            marks.append(Mark(*span, FIGURE_OPEN, FIGURE_CLOSE))
    return marks


def speaker(name: str, pages: frozenset[str]) -> str:
    """The speaker after a quotation: a link to their page when it exists, else a focusable name."""
    if f"people/{person_slug(name)}.md" in pages:
        return f'<span class="sp">{link(name, person_href(name, from_dir="articles"))}</span>'
    return f'<span class="sp" tabindex="0">{escape_markdown(name)}</span>'


def locate(text: str, needle: str, taken: set[tuple[int, int]], whole_words: bool) -> tuple[int, int] | None:
    """Where `needle` is in `text`: the first occurrence not in `taken` (a whole-word one first
    when `whole_words`), as (start, end); None for an empty or missing needle."""
    if not needle.strip():
        return None
    spans, at = [], text.find(needle)
    while at != -1:  # every occurrence, overlapping ones too
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    free = [s for s in spans if s not in taken]
    if whole_words:
        free = [s for s in free if _stands_alone(text, *s)] or free
    return free[0] if free else None


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No letter or digit touches the span on either side."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return not before.isalnum() and not after.isalnum()


def weave(text: str, marks: Sequence[Mark]) -> str:
    """`text` escaped piece by piece with each mark's tags around its span, well nested.

    At each boundary the marks that end there are closed, first closing (and afterwards
    reopening) any mark opened inside them that runs on; then the marks starting there open,
    the longest first.
    """
    marks = [m for m in marks if m.end > m.start]
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    for index, at in enumerate(bounds):
        reopen = _close_at(at, stack, out)
        starting = [m for m in marks if m.start == at]
        for mark in sorted(reopen + starting, key=lambda m: -m.end):
            stack.append(mark)
            out.append(mark.open)
        if index + 1 < len(bounds):
            out.append(escape_piece(text[at : bounds[index + 1]]))
    return "".join(out)


def _close_at(at: int, stack: list[Mark], out: list[str]) -> list[Mark]:
    """Close the marks on `stack` that end at `at` (and all above them); return those to reopen."""
    reopen: list[Mark] = []
    while any(m.end == at for m in stack):
        mark = stack.pop()
        out.append(mark.close)
        if mark.end == at:
            out.append(mark.after)
        else:
            reopen.append(mark)
    return reopen


def escape_piece(piece: str) -> str:
    """A piece of a line escaped as `escape_markdown` does, keeping one space at either end it had."""
    core = escape_markdown(piece)
    if not core:
        return " " if piece[:1].isspace() else ""
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() else ""
    return lead + core + trail
