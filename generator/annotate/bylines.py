"""Who wrote an article, read from the byline the cleaner took out of its text.

The cleaner removes a byline as page furniture (content/junk.yaml rule "byline": `By Jane
Smith, Political Editor`, `Written by Jane Smith and Ali Khan`; and "byline name", a bare name
above a journalist's title). Such a line names the authors: `author_from_bylines` reads the
first one into the article's metadata, without the role or place that follows the names.
"""

from __future__ import annotations

import re

from generator.models import RemovedText, Sourced

BYLINE_RULES = ("byline", "byline name")
LEAD = re.compile(
    r"^\W*(?:By|BY|Written by|Words by|Reporting by)\s+(?:(?:contributor|staff|our|reporter)\s+)?"
)
SEPARATORS = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
PLACE = re.compile(r"\s+(?:in|at)\s+.*$")
ROLE_WORDS = frozenset(
    """editor correspondent reporter writer staff agencies affairs political home chief senior deputy
    news digital reporters journalist press association agency media wire""".split()
)


def author_in_byline(line: str) -> str | None:
    """The names a byline gives, joined as a reader writes them: "Jane Smith and Ali Khan"."""
    names = []
    for part in SEPARATORS.split(LEAD.sub("", line.strip())):
        words = PLACE.sub("", part).split()
        name = _leading_name(words)
        if name:
            names.append(name)
        if not name or len(name.split()) < len(words):  # a role or an agency follows: the names end here
            break
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _leading_name(words: list[str]) -> str:
    """The capitalised words a part of a byline starts with, up to a role or agency word."""
    kept = []
    for word in words:
        if word.lower() in ROLE_WORDS or not word[:1].isupper():
            break
        kept.append(word)
    return " ".join(kept)


def author_from_bylines(removed: tuple[RemovedText, ...]) -> Sourced | None:
    """The author named by the first byline the cleaner removed, with the line it rests on."""
    for line in removed:
        if line.rule in BYLINE_RULES and line.whole_line:
            author = author_in_byline(line.text)
            if author:
                return Sourced(author, basis=f"byline on line {line.line}: {line.text.strip()}")
    return None
