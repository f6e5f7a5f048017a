"""The input every annotator reads."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import CleanText, Knowledge, SourceText


@dataclass(frozen=True)
class Document:
    """The raw source, its cleaned paragraphs, and what contributors put in content/."""

    source: SourceText
    clean: CleanText
    knowledge: Knowledge
