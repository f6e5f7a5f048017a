"""The input every annotator reads: the article and what is derived from it once, for all of them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.annotate.people.names import NameIndex, build_name_index
from generator.annotate.people.stated_roles import lead_in_roles, title_roles
from generator.models import CleanText, Knowledge, SourceText


@dataclass(frozen=True)
class Document:
    """The raw source, its cleaned paragraphs, what contributors put in content/, and the
    products every annotator may need, each built once per document: the names index (names
    and the roles written beside them, then the roles stated elsewhere)."""

    source: SourceText
    clean: CleanText
    knowledge: Knowledge
    names: NameIndex

    @classmethod
    def read(cls, source: SourceText, clean: CleanText, knowledge: Knowledge) -> Document:
        """The document with its shared products built."""
        names = build_name_index(clean.paragraphs, knowledge, (title_roles, lead_in_roles))
        return cls(source, clean, knowledge, names)
