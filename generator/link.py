"""Cross-link articles and topics once every article is known.

In: all Articles and TopicDefs. Out: a SiteIndex: articles newest first, the
articles on each topic, related topics, and related articles. Runs after the
per-article loop, never inside it: topics induce a graph, not a tree.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from generator.models import Article, SiteIndex, TopicDef, TopicLinks

RELATED_ARTICLES = 3
RELATED_TOPICS = 4


def cross_link(articles: tuple[Article, ...], topics: tuple[TopicDef, ...]) -> SiteIndex:
    """Index the articles by date, by topic and by shared topics."""
    newest = tuple(a.slug for a in sorted(articles, key=newest_first_key))
    order = {slug: i for i, slug in enumerate(newest)}
    co_occurrence = _topic_co_occurrence(articles)
    topic_links = tuple(
        TopicLinks(
            topic=t.slug,
            articles=tuple(
                sorted((a.slug for a in articles if t.slug in a.topic_slugs), key=order.__getitem__)
            ),
            related=_related_topics(t, co_occurrence, {d.slug for d in topics}),
        )
        for t in topics
    )
    related = tuple(
        (a.slug, _related_articles(a, articles, order)) for a in sorted(articles, key=lambda a: a.slug)
    )
    return SiteIndex(articles_by_date=newest, topics=topic_links, related_articles=related)


def newest_first_key(article: Article) -> tuple:
    """Sort key: dated articles newest first, undated last, then by title and slug."""
    published = article.annotations.published.value or ""
    return (published == "", _descending(published), article.title.casefold(), article.slug)


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def _topic_co_occurrence(articles: tuple[Article, ...]) -> Counter:
    pairs: Counter = Counter()
    for article in articles:
        for a, b in combinations(sorted(article.topic_slugs), 2):
            pairs[(a, b)] += 1
            pairs[(b, a)] += 1
    return pairs


def _related_topics(topic: TopicDef, co_occurrence: Counter, known: set[str]) -> tuple[str, ...]:
    """The topic's hand-picked related topics first, then those that share the most articles."""
    chosen = [r for r in topic.related if r in known and r != topic.slug]
    shared = sorted(
        ((count, other) for (this, other), count in co_occurrence.items() if this == topic.slug),
        key=lambda item: (-item[0], item[1]),
    )
    for _, other in shared:
        if len(chosen) >= RELATED_TOPICS:
            break
        if other not in chosen:
            chosen.append(other)
    return tuple(chosen)


def _related_articles(
    article: Article, articles: tuple[Article, ...], order: dict[str, int]
) -> tuple[str, ...]:
    """Other articles sharing the most topics (Jaccard), nearest in date order on ties."""
    mine = set(article.topic_slugs)
    scored = []
    for other in articles:
        theirs = set(other.topic_slugs)
        if other.slug == article.slug or not mine & theirs:
            continue
        jaccard = len(mine & theirs) / len(mine | theirs)
        scored.append((-jaccard, abs(order[other.slug] - order[article.slug]), other.slug))
    return tuple(slug for *_, slug in sorted(scored)[:RELATED_ARTICLES])
