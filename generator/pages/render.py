"""Render every page from the Jinja templates in generator/pages/templates.

In: all Articles, TopicDefs, the SiteIndex and the home page's hand-written
intro. Out: Pages (docs-relative path, Markdown text, file to edit), sorted by
path. Only templates are compiled; article and contributor text is data, and
every printed value is escaped unless Python built it as Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping

import jinja2

from generator.inputs.slugs import UNDATED
from generator.models import Article, Figure, GlossaryTerm, HandPage, Knowledge, Page, SiteIndex, TopicDef
from generator.pages.backlinks import with_backlinks
from generator.pages.crossings import render_crossings
from generator.pages.data import render_data
from generator.pages.environment import NOT_SEARCHED, TEMPLATES, PageKind, front_matter, make_environment
from generator.pages.feed import render_feed
from generator.pages.figure_groups import figure_href, figure_refs, measures_of, period_label
from generator.pages.figures import render_figures
from generator.pages.marks import marked_paragraph
from generator.pages.mdtext import Markdown, contributor_markdown, link
from generator.pages.memo import PageMemo
from generator.pages.people import render_people
from generator.pages.quotes import render_quotes
from generator.pages.timeline import render_timeline, topic_timeline
from generator.pages.views import (
    EXCERPTS_PER_ARTICLE,
    Catalogue,
    Cited,
    TopicEntry,
    abbreviations,
    article_href,
    date_label,
    dated,
    figure_label,
    person_href,
    topic_href,
)
from generator.pages.years import by_year, render_articles, year_label, year_links

LATEST_ON_HOME = 5
LATEST_ON_TOPIC = 10  # the newest articles a topic's page shows; each year's page shows them all
# The page kinds beyond articles and topics, each a module of this package (one line each).
PAGE_KINDS: tuple[PageKind, ...] = (
    render_articles,
    render_people,
    render_quotes,
    render_feed,
    render_figures,
    render_crossings,
    render_data,
    render_timeline,
)


def render_site(
    articles: tuple[Article, ...],
    knowledge: Knowledge,
    index: SiteIndex,
    home: str,
    hand_pages: tuple[HandPage, ...] = (),
    memo: PageMemo | None = None,
) -> tuple[Page, ...]:
    """Every page of the site, sorted by path: generated ones and the hand-written ones, disarmed;
    each article, topic and person page ends with what links to it (backlinks.py).
    With the `memo` of the last build, an article page whose inputs are unchanged is reused."""
    env = make_environment()
    memo = memo or PageMemo()
    catalogue = Catalogue.of(articles, knowledge, index, memo)
    shared = (
        tuple(catalogue.topics.values()),
        catalogue.glossary,
        frozenset(catalogue.people),
        knowledge.units,
    )
    memo.start(shared, TEMPLATES)
    pages = [
        render_home(env, catalogue, home),
        render_topics_index(env, catalogue),
        render_glossary(env, knowledge.glossary),
    ]
    for kind in PAGE_KINDS:
        pages += kind(env, catalogue)
    pages += [
        memo.page(
            f"articles/{a.slug}.md",
            article_inputs(a, catalogue),
            lambda a=a: render_article(env, a, catalogue),
        )
        for a in articles
    ]
    for topic in knowledge.topics:
        pages += render_topic(env, topic, catalogue)
    pages += [render_hand_page(page) for page in hand_pages]
    memo.finish()
    newest = {f"articles/{slug}.md": rank for rank, slug in enumerate(index.articles_by_date)}
    return with_backlinks(sorted(pages, key=lambda p: p.path), newest, memo.backlinks)


def render_hand_page(page: HandPage) -> Page:
    """A hand-written page as the site shows it: validated front matter, Markdown with nothing live."""
    front = front_matter(
        title=page.title, description=page.description, tags=list(page.tags), hide=list(page.hide)
    )
    return Page(page.page, front + contributor_markdown(page.body), page.path)


def article_inputs(article: Article, catalogue: Catalogue) -> tuple[object, ...]:
    """What render_article reads besides what every page may read (PageMemo.start): keep the two in step."""
    related = catalogue.index.related_to(article.slug)
    return (article, tuple(dated(catalogue.articles[s], catalogue.topics, "articles") for s in related))


def render_article(env: jinja2.Environment, article: Article, catalogue: Catalogue) -> Page:
    """The page of one article: metadata, text with its annotations marked, quotes, figures, junk removed.

    A quotation links its speaker's page when the build has one (`catalogue.people`).
    """
    annotations, topics = article.annotations, catalogue.topics
    related = [
        dated(catalogue.articles[s], topics, "articles") for s in catalogue.index.related_to(article.slug)
    ]
    on = [t for t in article.topic_slugs if t in topics]
    refs = figure_refs(article)
    figure_links = {r.figure: figure_href(r, from_dir="articles") for r in refs}
    titles = {m.slug: m.title for m in measures_of(catalogue.knowledge.units)}
    text = env.get_template("article.md.j2").render(
        front=front_matter(
            title=article.title,
            description=_description(annotations.summary),
            tags=[topics[t].title for t in on],
        ),
        article=article,
        annotations=annotations,
        paragraphs=_marked_paragraphs(article, catalogue.people_pages, figure_links),
        date=date_label(annotations.published.value),
        quotes=[
            (link(q.speaker, person_href(q.speaker, from_dir="articles")), q) for q in annotations.quotes
        ],
        topics=[link(topics[t].title, topic_href(t, from_dir="articles")) for t in on],
        figures=[
            (
                link(figure_label(r.figure), figure_links[r.figure]),
                f"{titles.get(r.figure.measure, r.figure.measure)}, {period_label(r.figure)}",
                r.figure,
            )
            for r in refs
        ],
        related=related,
        abbreviations=abbreviations(article, catalogue.glossary),
        under_review=sorted({c.number for c in article.sidecar.review_lines} if article.sidecar else ()),
    )
    edit = article.sidecar.path if article.sidecar else article.source.path
    return Page(f"articles/{article.slug}.md", text, edit)


def _marked_paragraphs(
    article: Article, pages: frozenset[str], figure_links: Mapping[Figure, str]
) -> list[tuple[int, Markdown]]:
    """(number, marked text) of each paragraph of the article, in order, its figures linked to their entries."""
    annotations = article.annotations
    return [
        (
            p.number,
            marked_paragraph(
                p,
                [q for q in annotations.quotes if q.paragraph == p.number],
                [f for f in annotations.figures if f.paragraph == p.number],
                pages,
                figure_links,
            ),
        )
        for p in article.clean.paragraphs
    ]


def render_topic(env: jinja2.Environment, topic: TopicDef, catalogue: Catalogue) -> list[Page]:
    """A topic's page, `topics/<slug>.md`: the hand-written intro, how many articles each year
    gathers, and the evidence from the newest LATEST_ON_TOPIC articles; and one page a year,
    `topics/<slug>/<year>.md`, with the evidence from every article of that year."""
    topics, links = catalogue.topics, catalogue.index.for_topic(topic.slug)
    groups = by_year([catalogue.articles[s] for s in links.articles])
    years = list(groups)
    related = [link(topics[r].title, topic_href(r)) for r in links.related if r in topics]
    latest = [
        _topic_entry(catalogue.articles[s], topic.slug, topics) for s in links.articles[:LATEST_ON_TOPIC]
    ]
    text = env.get_template("topic.md.j2").render(
        front=front_matter(title=topic.title, description=topic.description),
        title=topic.title,
        intro=contributor_markdown(topic.intro),
        total=len(links.articles),
        years=[(item, len(groups[y])) for item, y in zip(year_links(years, folder=topic.slug), years)],
        **_evidence(latest),
        related=related,
        timeline=topic_timeline(topic.slug, catalogue),
    )
    pages = [Page(f"topics/{topic.slug}.md", text, topic.path)]
    pages += [
        catalogue.memo.page(
            f"topics/{topic.slug}/{year}.md",
            (topic, tuple(articles), tuple(years)),  # and the topics, which every page may read
            lambda year=year, articles=articles: _topic_year(env, topic, year, articles, years, topics),
        )
        for year, articles in groups.items()
    ]
    return pages


def _topic_year(
    env: jinja2.Environment,
    topic: TopicDef,
    year: str,
    articles: list[Article],
    years: list[str],
    topics: Mapping[str, TopicDef],
) -> Page:
    """The page of one year of a topic, `topics/<slug>/<year>.md`: the evidence of every article."""
    here = f"topics/{topic.slug}"
    entries = [_topic_entry(a, topic.slug, topics, from_dir=here) for a in articles]
    title = f"{topic.title}: {year_label(year)}"
    text = env.get_template("topic.md.j2").render(
        front=front_matter(title=title, description=topic.description, **NOT_SEARCHED),
        title=title,
        intro=None,
        years=year_links(years, current=year),
        topic_link=link(topic.title, f"../{topic.slug}.md"),
        period="without a date" if year == UNDATED else f"from {year}",
        **_evidence(entries),
    )
    return Page(f"{here}/{year}.md", text, None)


def _evidence(entries: list[TopicEntry]) -> dict[str, list]:
    """The entries of a topic page and the quotes and figures in their evidence."""
    return {
        "entries": entries,
        "quotes": [q for e in entries for q in e.quotes],
        "figures": [f for e in entries for f in e.figures],
    }


def _topic_entry(
    article: Article, topic: str, topics: Mapping[str, TopicDef], from_dir: str = "topics"
) -> TopicEntry:
    """One article's evidence for a topic: excerpts, and the quotes and figures in those paragraphs."""
    match = next(m for m in article.annotations.topics if m.topic == topic)
    paragraphs = {e.paragraph for e in match.evidence}
    annotations = article.annotations

    def href(paragraph: int) -> str:
        return article_href(article.slug, paragraph, from_dir=from_dir)

    return TopicEntry(
        article=dated(article, topics, from_dir),
        excerpts=tuple(
            Cited(e.excerpt, e, href(e.paragraph), article.title)
            for e in match.evidence[:EXCERPTS_PER_ARTICLE]
        ),
        quotes=tuple(
            Cited(q.text, q, href(q.paragraph), article.title)
            for q in annotations.quotes
            if q.paragraph in paragraphs
        ),
        figures=tuple(
            Cited(figure_label(f), f, href(f.paragraph), article.title)
            for f in annotations.figures
            if f.paragraph in paragraphs
        ),
    )


def render_home(env: jinja2.Environment, catalogue: Catalogue, home: str) -> Page:
    """The home page: the hand-written intro, the topics, and the latest articles."""
    index = catalogue.index
    text = env.get_template("home.md.j2").render(
        front=front_matter(title="Home"),
        intro=contributor_markdown(home),
        topics=[
            (link(t.title, topic_href(t.slug, from_dir="")), t, len(index.for_topic(t.slug).articles))
            for t in catalogue.topics.values()
        ],
        latest=[dated(a, catalogue.topics, "") for a in catalogue.newest_first()[:LATEST_ON_HOME]],
        article_count=len(catalogue.articles),
    )
    return Page("index.md", text, "content/index.md")


def render_topics_index(env: jinja2.Environment, catalogue: Catalogue) -> Page:
    """Every topic with its description and how many articles it gathers."""
    index = catalogue.index
    rows = [
        (link(t.title, topic_href(t.slug)), t, len(index.for_topic(t.slug).articles))
        for t in catalogue.topics.values()
    ]
    text = env.get_template("topics_index.md.j2").render(front=front_matter(title="Topics"), rows=rows)
    return Page("topics/index.md", text, None)


def render_glossary(env: jinja2.Environment, glossary: tuple[GlossaryTerm, ...]) -> Page:
    """Every glossary term with its definition, alphabetically."""
    terms = sorted(glossary, key=lambda t: t.term.casefold())
    text = env.get_template("glossary.md.j2").render(front=front_matter(title="Glossary"), terms=terms)
    return Page("glossary.md", text, "content/glossary.yaml")


def _description(summary: str | None, limit: int = 200) -> str | None:
    """The summary on one line, cut at a word to at most `limit` characters (the page's meta description)."""
    if not summary:
        return None
    flat = " ".join(summary.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"
