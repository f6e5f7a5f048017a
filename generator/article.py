"""One article from its raw text and its sidecar: clean, annotate, apply the sidecar.

In: SourceText, the Sidecar written for it (or None) and the Knowledge base.
Out: an Article. The sidecar always wins over the annotator: a contributor's
title, outlet, date, topics or quote speaker replaces what was inferred.
"""

from __future__ import annotations

from dataclasses import replace

from generator.annotate import annotate_document
from generator.annotate.document import Document
from generator.clean import clean_text
from generator.inputs.slugs import comparable, default_slug
from generator.inputs.text_warnings import visible_text
from generator.models import (
    Annotations,
    Article,
    Inferred,
    Knowledge,
    Quote,
    QuoteOverride,
    Sidecar,
    SourceText,
    TopicMatch,
)


def build_article(source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge) -> Article:
    """Clean and annotate one source, then let its sidecar override what was inferred."""
    clean = clean_text(source, knowledge.junk)
    found = annotate_document(Document.read(source, clean, knowledge))
    if sidecar is not None:
        found = apply_sidecar(found, sidecar)
    if found.title.value is not None:
        found = replace(found, title=replace(found.title, value=visible_text(found.title.value) or None))
    slug = sidecar.slug if sidecar is not None else default_slug(source)
    return Article(slug=slug, source=source, sidecar=sidecar, clean=clean, annotations=found)


def apply_sidecar(found: Annotations, sidecar: Sidecar) -> Annotations:
    """Replace inferred values with the ones a contributor wrote in the sidecar."""
    return replace(
        found,
        title=_written(sidecar, "title") or found.title,
        outlet=_written(sidecar, "outlet") or found.outlet,
        published=_written(sidecar, "published") or found.published,
        summary=sidecar.summary or found.summary,
        topics=_override_topics(found.topics, sidecar.topics),
        quotes=tuple(_override_quote(q, sidecar) for q in found.quotes),
    )


def _written(sidecar: Sidecar, name: str) -> Inferred | None:
    """A sidecar field as metadata; still marked inferred while it is listed under `review:`."""
    value = getattr(sidecar, name)
    return Inferred(value, inferred=name in sidecar.review, basis=sidecar.basis) if value else None


def _override_topics(found: tuple[TopicMatch, ...], chosen: tuple[str, ...] | None) -> tuple[TopicMatch, ...]:
    if chosen is None:
        return found
    by_slug = {m.topic: m for m in found}
    kept = [replace(by_slug[t], substantive=True) if t in by_slug else TopicMatch(t, 0.0, ()) for t in chosen]
    mentions = [replace(m, substantive=False) for m in found if m.topic not in chosen]
    return tuple(kept + mentions)


def _overrides(quote: Quote, override: QuoteOverride) -> bool:
    """True when an editor's override names this quote: its `quote` is part of the quotation."""
    wanted = comparable(override.quote)
    return bool(wanted) and wanted in comparable(quote.text)


def _override_quote(quote: Quote, sidecar: Sidecar) -> Quote:
    for override in sidecar.quote_overrides:
        if _overrides(quote, override):
            return replace(quote, speaker=override.speaker, role=override.role, cue="corrected by an editor")
    return quote


def unmatched_overrides(article: Article) -> list[QuoteOverride]:
    """Overrides whose words are in the article but in no quotation the annotator found: they change
    nothing. (Words not in the article at all are an error that `check` reports.)"""
    if article.sidecar is None:
        return []
    quotes, text = article.annotations.quotes, comparable(article.source.text)
    return [
        o
        for o in article.sidecar.quote_overrides
        if comparable(o.quote) in text and not any(_overrides(q, o) for q in quotes)
    ]
