"""The annotators: a registry of named functions, the way Python-Markdown registers processors.

Each annotator is a function `(Document, Annotations) -> Annotations` that fills in
its own fields with `dataclasses.replace` and leaves the others alone. What several
of them need (the names index) is built once, as a read-only product of the
`Document`, so no annotator reads another's fields or a shared cache: they are
independent, and the registry's order is only the order they run in. Adding an
annotator is adding a module and one line in `REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.annotate.date_mentions import annotate_dates
from generator.annotate.document import Document
from generator.annotate.figures.annotator import annotate_figures
from generator.annotate.metadata import annotate_metadata
from generator.annotate.people.annotator import annotate_people
from generator.annotate.quotes.annotator import annotate_quotes
from generator.annotate.topics import annotate_topics
from generator.models import Annotations

Annotator = Callable[[Document, Annotations], Annotations]


@dataclass(frozen=True)
class Registered:
    name: str
    run: Annotator


REGISTRY: tuple[Registered, ...] = (
    Registered("people", annotate_people),
    Registered("quotes", annotate_quotes),
    Registered("figures", annotate_figures),
    Registered("topics", annotate_topics),
    Registered("metadata", annotate_metadata),
    Registered("dates", annotate_dates),
)


def annotate_document(document: Document, registry: tuple[Registered, ...] = REGISTRY) -> Annotations:
    """Run every registered annotator over one document; each fills only its own fields."""
    annotations = Annotations()
    for annotator in registry:
        annotations = annotator.run(document, annotations)
    return annotations
