"""Warnings about an article's text that do not stop its page from being built.

Scraped text carries invisible characters (zero-width spaces, bidi controls
that can reorder what a reader sees) and sometimes no article at all, only
page furniture. Each is reported as a warning naming the file and line: `check`
prints it without failing, and the page is still built. Titles and slugs never
keep an invisible character: `visible_text` takes them out.
"""

from __future__ import annotations

import re
import unicodedata

from generator.models import Article, Problem, SourceText

# zero-width characters, bidi marks, embeddings, overrides and isolates, word joiners, the BOM
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
PROSE_WORDS = 5  # a paragraph of prose has a sentence of at least this many words
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible_text(text: str) -> str:
    """`text` without invisible or control characters, runs of whitespace as one space."""
    return " ".join(_CONTROL.sub(" ", INVISIBLE.sub("", text)).split())


def invisible_character_warning(source: SourceText) -> Problem | None:
    """A warning at the first zero-width or bidi control character of the text, with their count."""
    first = INVISIBLE.search(source.text)
    if first is None:
        return None
    count = len(INVISIBLE.findall(source.text))
    line = source.text.count("\n", 0, first.start()) + 1
    column = first.start() - (source.text.rfind("\n", 0, first.start()) + 1) + 1
    char = first.group()
    message = (
        f"{count} invisible character{'s' if count > 1 else ''} (zero-width or bidi control), "
        f"the first U+{ord(char):04X} {unicodedata.name(char)}; they can hide or reorder words: "
        "check the text around them"
    )
    return Problem(source.path, line, message, column=column, severity="warning")


def prose_warning(article: Article) -> Problem | None:
    """A warning when an article has no paragraph of prose: every line junk, or no sentence anywhere."""
    clean = article.clean
    if any(_is_prose(p.text) for p in clean.paragraphs):
        return None
    if not clean.paragraphs and clean.removed:
        lines = len({r.line for r in clean.removed})
        message = (
            f"every line was removed as page junk ({lines} line{'s' if lines > 1 else ''}); "
            'the page lists them under "Removed from the source text"'
        )
    else:
        message = f"no paragraph of prose (none has {PROSE_WORDS} words or more); check that the file holds the article"
    return Problem(article.source.path, 1, message, severity="warning")


def _is_prose(text: str) -> bool:
    return sum(1 for word in text.split() if any(c.isalpha() for c in word)) >= PROSE_WORDS
