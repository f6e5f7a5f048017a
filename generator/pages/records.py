"""Articles as plain JSON-ready records: the annotate command's output and the open data format.

In: an Article. Out: a dict with the same keys, in the same order, for every article.
"""

from __future__ import annotations

from generator.models import Article


def article_record(article: Article) -> dict:
    """One article's annotations as a JSON-ready dict."""
    annotations = article.annotations
    return {
        "source": article.source.path,
        "slug": article.slug,
        "title": annotations.title.value,
        "outlet": annotations.outlet.value,
        "published": annotations.published.value,
        "author": annotations.author.value,
        "topics": [m.topic for m in annotations.topics if m.substantive],
        "mentions": [m.topic for m in annotations.topics if not m.substantive],
        "boilerplate": [r.text for r in article.clean.removed if r.whole_line],
        "removed_fragments": [r.text for r in article.clean.removed if not r.whole_line],
        "quotes": [
            {"speaker": q.speaker, "role": q.role, "text": q.text, "paragraph": q.paragraph, "cue": q.cue}
            for q in annotations.quotes
        ],
        "figures": [
            {
                "value": f.value,
                "unit": f.unit,
                "text": f.text,
                "paragraph": f.paragraph,
                "counts": f.counts,
                "measure": f.measure,
                "period": {"year": f.period.year, "span": f.period.span}
                if f.period.year is not None
                else None,
            }
            for f in annotations.figures
        ],
        "people": [{"name": p.name, "role": p.role} for p in annotations.people],
        "organisations": list(annotations.organisations),
        "paragraphs": len(article.clean.paragraphs),
    }
