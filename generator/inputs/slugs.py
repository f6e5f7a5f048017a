"""Slugs (the page names in URLs) and the comparable form of text that editors quote back.

In: a file name, a title or an editor's quotation. Out: a URL-safe slug, or text with
quote marks and spacing made uniform, so two spellings of one thing compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from generator.inputs.paths import is_reserved_name
from generator.models import SourceText

_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80
_SPACES = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})


def slugify(text: str) -> str:
    """A URL-safe slug: NFKC, case-folded, ASCII letters and digits joined by single hyphens.

    Accents are dropped (`Café` -> `cafe`), invisible characters vanish, so two names
    that differ only by case or Unicode normalisation have one slug.
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).casefold()
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return _SLUG_UNSAFE.sub("-", ascii_only).strip("-")[:MAX_SLUG].strip("-")


UNDATED = "undated"  # articles/undated.md lists the articles without a date


def is_listing_slug(slug: str) -> bool:
    """True for a name the lists of articles by year take in articles/: a year (digits) or UNDATED."""
    return bool(re.fullmatch(r"[0-9]+", slug)) or slug == UNDATED


def default_slug(source: SourceText) -> str:
    """The slug of an article that has no sidecar: its seed's file stem (never a Windows device name,
    nor the name of a list of articles by year)."""
    slug = slugify(PurePosixPath(source.path).stem) or "article"
    return f"{slug}-article" if is_reserved_name(slug) or is_listing_slug(slug) else slug


def comparable(text: str) -> str:
    """Text as compared for overrides: NFKC, straight quote marks, runs of whitespace as one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)).strip()
