"""The annotators: an ordered registry, the way Python-Markdown registers processors.

Each annotator is a function `(Document, Annotations) -> Annotations` that fills in
its own fields with `dataclasses.replace` and leaves the others alone. They run in
priority order, highest first, so later annotators can use earlier findings
(quotes use the people found; topics use quotes). Adding an annotator is adding a
module and one line in `REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Annotations
from . import figures, metadata, people, quotes, topics
from .document import Document

Annotator = Callable[[Document, Annotations], Annotations]


@dataclass(frozen=True)
class Registered:
    name: str
    priority: int
    run: Annotator


REGISTRY: tuple[Registered, ...] = (
    Registered("people", 50, people.annotate_people),
    Registered("quotes", 40, quotes.annotate_quotes),
    Registered("figures", 30, figures.annotate_figures),
    Registered("topics", 20, topics.annotate_topics),
    Registered("metadata", 10, metadata.annotate_metadata),
)


def annotate_document(document: Document, registry: tuple[Registered, ...] = REGISTRY) -> Annotations:
    """Run every registered annotator over one document, highest priority first."""
    found = Annotations()
    for annotator in sorted(registry, key=lambda r: (-r.priority, r.name)):
        found = annotator.run(document, found)
    return found
