"""The people pages: one per person or body quoted or named (`people/<slug>.md`), and their index.

In: the build's Catalogue, whose SiteIndex.people link.py computed once for every article.
Out: Pages. Nothing here scans the articles: each page reads only its own person's record
and the articles that record names, so the build stays linear in the number of articles.
A person quoted more than QUOTES_ON_PAGE times has their newest quotations on their page and
every quotation on a page per year (`people/<slug>/<year>.md`), so no page grows with the archive.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from generator.inputs.slugs import UNDATED
from generator.link import PEOPLE_GROUPS
from generator.models import Article, Page, PersonLinks, QuoteRef
from generator.pages.environment import NOT_SEARCHED, front_matter
from generator.pages.mdtext import Markdown, link
from generator.pages.views import Catalogue, article_href, date_label, person_href, topic_href
from generator.pages.years import year_links, year_of

FROM = "people"  # the folder of every page this module makes
DATES_PER_ROLE = 3  # the newest articles shown for a role; the rest are counted
QUOTES_ON_PAGE = 20  # the newest quotations a person's page shows; beyond that, a page per year
PER_GROUP = 50  # the most quoted people of each group the index lists; the others are counted


@dataclass(frozen=True)
class QuoteRow:
    """One quotation on a person's page."""

    date: str
    outlet: str
    text: str
    source: Markdown  # the article's title and paragraph, linked to the paragraph


@dataclass(frozen=True)
class PersonRow:
    """One person or body on the index."""

    link: Markdown
    role: str  # the role the newest article gave, or ""
    quotes: int
    articles: int


def render_people(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """The people index and a page for each person or body in the index's people."""
    pages = [render_people_index(env, catalogue)]
    for person in catalogue.people.values():
        pages += catalogue.memo.pages(
            f"people/{person.slug}.md",
            person_inputs(person, catalogue),
            lambda person=person: render_person(env, person, catalogue),
        )
    return pages


def person_inputs(person: PersonLinks, catalogue: Catalogue) -> tuple[object, ...]:
    """What render_person reads besides what every page may read (PageMemo.start): keep the two in step."""
    articles, people = catalogue.articles, catalogue.people
    return (
        person,
        tuple(articles[ref.article] for ref in person.quotes),
        tuple(articles[s] for _, slugs in person.roles for s in slugs),
        tuple(people[p].name for p, _ in person.quoted_beside),
    )


def render_person(env: jinja2.Environment, person: PersonLinks, catalogue: Catalogue) -> list[Page]:
    """One person's page: roles as the articles gave them, their newest quotations, topics, people
    quoted beside; and when they are quoted more than QUOTES_ON_PAGE times, a page per year."""
    articles, topics, people = catalogue.articles, catalogue.topics, catalogue.people
    groups: dict[str, list[QuoteRef]] = {}
    for ref in person.quotes:  # newest first
        groups.setdefault(year_of(articles[ref.article]), []).append(ref)
    split = len(person.quotes) > QUOTES_ON_PAGE
    years = list(groups) if split else []
    text = env.get_template("person.md.j2").render(
        front=front_matter(title=person.name, description=_description(person)),
        person=person,
        group=dict(PEOPLE_GROUPS)[person.group],
        roles=[(role, _given_in([articles[s] for s in slugs])) for role, slugs in person.roles],
        quotes=[_quote_row(articles[ref.article], ref.position) for ref in person.quotes[:QUOTES_ON_PAGE]],
        years=[(item, len(groups[y])) for item, y in zip(year_links(years, folder=person.slug), years)],
        topics=[(link(topics[t].title, topic_href(t, from_dir=FROM)), n) for t, n in person.topics],
        beside=[
            (link(people[p].name, person_href(people[p].name, from_dir=FROM)), n)
            for p, n in person.quoted_beside
        ],
        index=link("all people", "index.md"),
    )
    pages = [Page(f"people/{person.slug}.md", text, None)]
    pages += [_person_year(env, person, year, groups[year], years, catalogue) for year in years]
    return pages


def _person_year(
    env: jinja2.Environment,
    person: PersonLinks,
    year: str,
    refs: list[QuoteRef],
    years: list[str],
    catalogue: Catalogue,
) -> Page:
    """The page of one year of a person's quotations, `people/<slug>/<year>.md`, newest first."""
    here = f"{FROM}/{person.slug}"
    when = "date unknown" if year == UNDATED else f"from {year}"
    title = f"{person.name}: quotations{',' if year == UNDATED else ''} {when}"
    text = env.get_template("person_year.md.j2").render(
        front=front_matter(title=title, **NOT_SEARCHED),
        title=title,
        quotes=[_quote_row(catalogue.articles[ref.article], ref.position, here) for ref in refs],
        years=year_links(years, current=year),
        person=link(person.name, f"../{person.slug}.md"),
    )
    return Page(f"{here}/{year}.md", text, None)


def _description(person: PersonLinks) -> str:
    """The page's meta description: who, and how much of the record is theirs."""
    quoted = f"{len(person.quotes)} quotation{'s' if len(person.quotes) != 1 else ''}"
    named = f"{person.named_in} article{'s' if person.named_in != 1 else ''}"
    return f"{person.name}: {quoted} in the record, named or quoted in {named}."


def _given_in(articles: list[Article]) -> Markdown:
    """The newest articles that gave a role, as linked "date, outlet", and how many more did."""
    shown = [
        link(
            f"{date_label(a.annotations.published.value)}, {a.annotations.outlet.value or 'outlet unknown'}",
            article_href(a.slug, from_dir=FROM),
        )
        for a in articles[:DATES_PER_ROLE]
    ]
    more = len(articles) - len(shown)
    return Markdown("; ".join(shown) + (f"; and {more} earlier" if more else ""))


def _quote_row(article: Article, position: int, from_dir: str = FROM) -> QuoteRow:
    """The quotation at `position` in the article's quotes, with its date, outlet and paragraph link."""
    annotations = article.annotations
    quote = annotations.quotes[position]
    return QuoteRow(
        date=date_label(annotations.published.value),
        outlet=annotations.outlet.value or "outlet unknown",
        text=quote.text,
        source=link(
            f"{article.title}, ¶ {quote.paragraph}",
            article_href(article.slug, quote.paragraph, from_dir=from_dir),
        ),
    )


def render_people_index(env: jinja2.Environment, catalogue: Catalogue) -> Page:
    """The people with a page, grouped as link.PEOPLE_GROUPS says, the most quoted first in each
    group: the first PER_GROUP of each, and how many more (so the page does not grow with the archive)."""
    grouped: dict[str, list[PersonLinks]] = {key: [] for key, _ in PEOPLE_GROUPS}
    for person in catalogue.people.values():
        grouped[person.group].append(person)
    groups = [
        (
            heading,
            [_person_row(p) for p in sorted(grouped[key], key=_most_quoted)[:PER_GROUP]],
            len(grouped[key]),
        )
        for key, heading in PEOPLE_GROUPS
        if grouped[key]
    ]
    text = env.get_template("people_index.md.j2").render(
        front=front_matter(title="People"),
        groups=groups,
        summary=" · ".join(f"{heading}: {count}" for heading, _, count in groups),
        total=len(catalogue.people),
        quotations=sum(len(p.quotes) for p in catalogue.people.values()),
    )
    return Page("people/index.md", text, None)


def _most_quoted(person: PersonLinks) -> tuple:
    """Sort key: the most quotations first, then the most articles, then by name."""
    return (-len(person.quotes), -person.named_in, person.name.casefold(), person.slug)


def _person_row(person: PersonLinks) -> PersonRow:
    """A person as one row of the index: link, newest role, quotations and articles."""
    return PersonRow(
        link=link(person.name, person_href(person.name, from_dir=FROM)),
        role=person.roles[0][0] if person.roles else "",
        quotes=len(person.quotes),
        articles=person.named_in,
    )
