"""Cross-link articles, topics and people once every article is known.

In: all Articles, TopicDefs, Entities and curated Events. Out: a SiteIndex: articles newest
first, the articles on each topic, related topics, related articles, everyone quoted or named
with their quotations, roles, topics and the people quoted beside them, and the timeline. Runs
after the per-article loop, never inside it: topics and people induce a graph, not a tree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from generator.events import build_timeline
from generator.inputs.paths import is_reserved_name
from generator.inputs.slugs import slugify
from generator.models import Article, Entity, Event, PersonLinks, QuoteRef, SiteIndex, TopicDef, TopicLinks

RELATED_ARTICLES = 3
RELATED_TOPICS = 4


def cross_link(
    articles: tuple[Article, ...],
    topics: tuple[TopicDef, ...],
    entities: tuple[Entity, ...] = (),
    curated: tuple[Event, ...] = (),
) -> SiteIndex:
    """Index the articles by date, by topic and by shared topics, the people they quote or name,
    and the timeline: their dated events with the curated ones (`generator/events.py`)."""
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
    related = _related_articles(articles, order)
    by_slug = {a.slug: a for a in articles}
    people = index_people([by_slug[s] for s in newest], [t.slug for t in topics], entities)
    return SiteIndex(
        articles_by_date=newest,
        topics=topic_links,
        related_articles=related,
        people=people,
        events=build_timeline(articles, curated),
    )


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
    articles: tuple[Article, ...], order: dict[str, int]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(slug, related slugs) for every article, by slug: the others sharing the most topics
    (Jaccard), nearest in date order on ties, then by slug.

    Articles with the same set of topics score the same against any article, so each article
    looks only at the nearest few of each such group (there are at most 2^topics groups, a
    handful in practice), the groups in order of their score, and stops once the best are found:
    the cost grows with the number of articles, not with its square.
    """
    groups: defaultdict[frozenset[str], list[tuple[int, str]]] = defaultdict(list)
    for article in articles:
        groups[frozenset(article.topic_slugs)].append((order[article.slug], article.slug))
    for members in groups.values():
        members.sort()
    ranked = {mine: _groups_by_score(mine, groups) for mine in groups}
    related = []
    for article in sorted(articles, key=lambda a: a.slug):
        mine, here = frozenset(article.topic_slugs), order[article.slug]
        scored: list[tuple[float, int, str]] = []
        for jaccard, theirs in ranked[mine]:
            if len(scored) >= RELATED_ARTICLES and -jaccard > scored[-1][0]:
                break  # every group left scores lower than the ones already found
            scored += [(-jaccard, gap, slug) for gap, slug in _nearest(groups[theirs], here, article.slug)]
        related.append((article.slug, tuple(slug for *_, slug in sorted(scored)[:RELATED_ARTICLES])))
    return tuple(related)


def _groups_by_score(
    mine: frozenset[str], groups: dict[frozenset[str], list]
) -> list[tuple[float, frozenset[str]]]:
    """(Jaccard, topic set) of every group sharing a topic with `mine`, the highest score first."""
    shared = [(len(mine & theirs) / len(mine | theirs), theirs) for theirs in groups if mine & theirs]
    return sorted(shared, key=lambda item: -item[0])


def _nearest(members: list[tuple[int, str]], here: int, own: str) -> list[tuple[int, str]]:
    """(distance in date order, slug) of the RELATED_ARTICLES members nearest `here`, `own` left out.

    `members` is sorted by position; the two sides are walked outwards and merged by (distance, slug).
    """
    split = bisect_left(members, (here, ""))
    left = [
        (here - pos, slug) for pos, slug in reversed(members[max(0, split - RELATED_ARTICLES - 1) : split])
    ]
    right = [(pos - here, slug) for pos, slug in members[split : split + RELATED_ARTICLES + 1] if slug != own]
    return sorted(item for item in left + right if item[1] != own)[:RELATED_ARTICLES]


# --- people -----------------------------------------------------------------------------------

# The groups of the people index, in the order it shows them: (key, heading).
PEOPLE_GROUPS: tuple[tuple[str, str], ...] = (
    ("politicians", "Politicians"),
    ("officials", "Officials"),
    ("campaigners", "Campaigners and charities"),
    ("french", "French officials"),
    ("organisations", "Organisations"),
    ("unnamed", "Unnamed sources"),
    ("others", "Others"),
)
QUOTED_BESIDE = 5  # the people most often quoted beside someone, on their page

# How a name is put in a group (`person_group`), the first rule that holds:
# 1. unnamed: the name says who the speaker is not ("unnamed Westminster source", "a source close
#    to the minister") or only for whom they speak ("Home Office spokesperson"), and
#    entities.yaml does not list it;
# 2. organisations: entities.yaml lists it as an organisation or party, or it is no listed person
#    and its name ends in a body's word ("UK government", "French interior ministry");
# 3. by the roles entities.yaml and the articles give a person, read together, the first group
#    whose words any role holds: French officials ("French", "France"), politicians ("minister",
#    "secretary", "MP", "president", "leader", a party ...), campaigners and charities ("charity",
#    "campaigner", "rights", "refugee", "founder" ...), officials ("chief", "head", "director",
#    "inspector", "commander", "judge", "spokesperson" ...);
# 4. others: a person with no role, or none of those words.
_UNNAMED = re.compile(
    r"^(?:an? |the )?(?:unnamed|anonymous|unidentified)\b|^(?:an? |the )?(?:\w+ ){0,2}sources?\b"
    r"|\b(?:spokes(?:person|man|woman)|sources?|insiders?|aides?)$"
)
_BODY = re.compile(
    r"\b(?:government|ministry|office|department|council|court|party|police|agency|commission"
    r"|committee|coastguard|union|charity|embassy)$"
)
_ROLE_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("french", re.compile(r"\b(?:french|france)\b")),
    (
        "politicians",
        re.compile(
            r"\b(?:minister|secretary|mps?|meps?|president|chancellor|leader|shadow|councillor|mayor"
            r"|conservative|labour|tory|lib dems?|liberal democrats?|reform uk|peer|senator)\b"
        ),
    ),
    (
        "campaigners",
        re.compile(
            r"\b(?:charit(?:y|ies)|campaign\w*|activists?|rights|refugees?|volunteers?|ngos?|founder)\b"
        ),
    ),
    (
        "officials",
        re.compile(
            r"\b(?:chief|head|director|inspector|commander|officer|admiral|police|judge|justice"
            r"|commissioner|official|civil servant|spokes(?:person|man|woman)|governor|general)\b"
        ),
    ),
)


def person_slug(name: str) -> str:
    """The slug of a person's or body's page, `people/<slug>/`, from the name as the annotator gives it.

    Names that differ only in case, accents or punctuation share a page. Never `index` (the
    people index) nor a Windows device name.
    """
    slug = slugify(name) or "unnamed"
    return f"{slug}-person" if slug == "index" or is_reserved_name(slug) else slug


def person_group(name: str, entity: Entity | None, roles: list[str]) -> str:
    """The key of the PEOPLE_GROUPS group `name` is listed under (the rules above).

    In: the name, its entities.yaml entry if any, and the roles the articles gave it.
    """
    plain = " ".join(name.split()).casefold()
    if entity is None and _UNNAMED.search(plain):
        return "unnamed"
    if entity is not None and entity.is_organisation:
        return "organisations"
    if (entity is None or entity.kind != "person") and _BODY.search(plain):
        return "organisations"
    listed = [r.title for r in entity.roles] if entity is not None else []
    said = " | ".join(listed + roles).casefold()
    return next((group for group, words in _ROLE_GROUPS if words.search(said)), "others")


@dataclass
class _Seen:
    """What one pass over the articles gathers about one person or body (link-internal)."""

    spellings: Counter = field(default_factory=Counter)
    roles: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # casefold -> shown, slugs
    quotes: list[QuoteRef] = field(default_factory=list)
    topics: Counter = field(default_factory=Counter)
    beside: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    def saw(self, name: str, role: str | None, article: str) -> None:
        """One mention of the person in `article`, under `name`, with the role the article gave."""
        self.spellings[name] += 1
        self.articles.add(article)
        shown = " ".join((role or "").split())
        if shown:
            slugs = self.roles.setdefault(shown.casefold(), (shown, []))[1]
            if not slugs or slugs[-1] != article:
                slugs.append(article)


def index_people(
    newest_first: list[Article], topic_order: list[str], entities: tuple[Entity, ...]
) -> tuple[PersonLinks, ...]:
    """Everyone the articles quote or name, and every body they quote, sorted by slug.

    In: the articles newest first, the topic slugs in the site's order, the listed entities.
    One pass over the articles builds every person's lists, so the cost grows with the
    number of quotations and names, never with articles times people.
    """
    seen: defaultdict[str, _Seen] = defaultdict(_Seen)
    for article in newest_first:
        _gather(article, seen)
    known = {}
    for entity in entities:
        for spelling in (*entity.aliases, entity.name):
            known[" ".join(spelling.split()).casefold()] = entity
    groups = {slug: _group_of(one, known) for slug, one in seen.items()}
    order = {slug: i for i, slug in enumerate(topic_order)}
    return tuple(_person(slug, seen[slug], groups, order) for slug in sorted(seen))


def _gather(article: Article, seen: defaultdict[str, _Seen]) -> None:
    """Add one article's quotations and named people to `seen`; count who is quoted beside whom.

    A quotation counts for a topic when its paragraph is evidence for the topic, as the topic
    page shows it.
    """
    annotations, speakers = article.annotations, []
    evidence = [(m.topic, {e.paragraph for e in m.evidence}) for m in annotations.topics if m.substantive]
    for position, quote in enumerate(annotations.quotes):
        slug = person_slug(quote.speaker)
        one = seen[slug]
        one.saw(quote.speaker, quote.role, article.slug)
        one.quotes.append(QuoteRef(article.slug, position))
        one.topics.update(topic for topic, paragraphs in evidence if quote.paragraph in paragraphs)
        if slug not in speakers:
            speakers.append(slug)
    for ref in annotations.people:
        seen[person_slug(ref.name)].saw(ref.name, ref.role, article.slug)
    for a, b in combinations(speakers, 2):
        seen[a].beside[b] += 1
        seen[b].beside[a] += 1


def _group_of(one: _Seen, known: dict[str, Entity]) -> str:
    """The group of a person or body, from its usual spelling, its entity and the roles given."""
    name = _usual_name(one)
    entity = known.get(" ".join(name.split()).casefold())
    return person_group(name, entity, [shown for shown, _ in one.roles.values()])


def _usual_name(one: _Seen) -> str:
    """The spelling given most often; the first in code-point order on a tie."""
    return min(one.spellings.items(), key=lambda item: (-item[1], item[0]))[0]


def _person(slug: str, one: _Seen, groups: dict[str, str], topic_order: dict[str, int]) -> PersonLinks:
    """The frozen record of one person's page from what the pass gathered."""
    beside = sorted(
        ((count, other) for other, count in one.beside.items() if groups[other] != "unnamed"),
        key=lambda item: (-item[0], item[1]),
    )
    topics = sorted(
        ((t, n) for t, n in one.topics.items() if t in topic_order),
        key=lambda item: (-item[1], topic_order[item[0]]),
    )
    return PersonLinks(
        slug=slug,
        name=_usual_name(one),
        group=groups[slug],
        roles=tuple((shown, tuple(slugs)) for shown, slugs in one.roles.values()),
        quotes=tuple(one.quotes),
        topics=tuple(topics),
        quoted_beside=tuple((other, count) for count, other in beside[:QUOTED_BESIDE]),
        named_in=len(one.articles),
    )
