"""People pages (issue 11): a page per person or body quoted or named, and the grouped index.

The small golden project is built in memory; its pages are read as Markdown. The grouping
rule and the one-pass index are checked on names and hand-made articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import build_site
from generator.link import PEOPLE_GROUPS, index_people, person_group, person_slug
from generator.models import (
    Annotations,
    Article,
    CleanText,
    Entity,
    Paragraph,
    PersonRef,
    Quote,
    Role,
    Site,
    SourceText,
)

pytestmark = pytest.mark.fast

PROJECT = Path(__file__).parent / "golden" / "project"
PARAGRAPH_LINK = re.compile(r"\]\(\.\./articles/([a-z0-9-]+)\.md#p(\d+)\)")


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(PROJECT)


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return {page.path: page.text for page in site.pages}


def section(text: str, heading: str) -> str:
    """The Markdown under `## heading`, up to the next `## `."""
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_every_speaker_and_named_person_has_a_page(site: Site, pages: dict[str, str]) -> None:
    names = {q.speaker for a in site.articles for q in a.annotations.quotes}
    names |= {p.name for a in site.articles for p in a.annotations.people}
    assert names, "the golden project quotes someone"
    for name in names:
        assert f"people/{person_slug(name)}.md" in pages, name


def test_person_page_lists_every_quotation_with_a_link_to_its_paragraph(
    site: Site, pages: dict[str, str]
) -> None:
    articles = {a.slug: a for a in site.articles}
    for name in ("Daniel Okoro", "Helen Marsh", "Claire Dubois"):
        quotations = section(pages[f"people/{person_slug(name)}.md"], "Quotations")
        mine = [(a.slug, q) for a in site.articles for q in a.annotations.quotes if q.speaker == name]
        rows = [line for line in quotations.splitlines() if line.startswith("| ") and "“" in line]
        assert len(rows) == len(mine), name
        for slug, quote in mine:
            assert f"../articles/{slug}.md#p{quote.paragraph}" in quotations, (name, quote.text)
        for slug, number in PARAGRAPH_LINK.findall(quotations):
            assert int(number) in {p.number for p in articles[slug].clean.paragraphs}
            assert f"{{: #p{number} }}" in pages[f"articles/{slug}.md"], "the anchor is on the page"


def test_quotations_are_newest_first_with_date_and_outlet(pages: dict[str, str]) -> None:
    rows = [r for r in section(pages["people/daniel-okoro.md"], "Quotations").splitlines() if "“" in r]
    assert rows[0].startswith("| March 2024 | The Coastal Herald |")
    assert all(r.startswith("| date unknown | outlet unknown |") for r in rows[1:])


def test_roles_are_given_as_each_article_gave_them_with_its_date(pages: dict[str, str]) -> None:
    roles = section(pages["people/helen-marsh.md"], "Roles as the articles give them")
    assert (
        "| British Home Secretary | [May 2024, Northern Wire](../articles/french-police-stop-four-boats.md) |"
        in roles
    )
    assert "| Home Secretary | [March 2024, The Coastal Herald](../articles/001-crossings-rise.md) |" in roles


def test_topics_and_people_quoted_beside_are_linked(pages: dict[str, str]) -> None:
    page = pages["people/daniel-okoro.md"]
    assert "[Deaths at sea](../topics/deaths-at-sea.md) (1 quotation)" in section(
        page, "Topics they speak on"
    )
    beside = section(page, "Quoted beside them")
    assert "[Anne Ferrand](anne-ferrand.md) (1 article)" in beside
    assert "[Helen Marsh](helen-marsh.md) (1 article)" in beside
    for target in re.findall(r"\]\(([a-z0-9-]+\.md)\)", beside):
        assert f"people/{target}" in pages


def test_index_groups_people_with_counts_and_links_every_page(pages: dict[str, str]) -> None:
    index = pages["people/index.md"]
    for heading in (
        "Politicians (1)",
        "Officials (1)",
        "Campaigners and charities (1)",
        "French officials (1)",
    ):
        assert f"\n## {heading}\n" in index
    assert "[Claire Dubois](claire-dubois.md)" in section(index, "French officials (1)")
    assert "[Daniel Okoro](daniel-okoro.md) | chief executive of the Harbour Refugee Trust | 3 | 2 |" in index
    people = {p[len("people/") :] for p in pages if p.startswith("people/") and p != "people/index.md"}
    assert set(re.findall(r"\]\(([a-z0-9-]+\.md)\)", index)) == people


def test_article_page_links_each_speaker_to_their_page(pages: dict[str, str]) -> None:
    table = section(pages["articles/001-crossings-rise.md"], "Who is quoted")
    assert "| [Helen Marsh](../people/helen-marsh.md) | Home Secretary |" in table
    assert "| [Daniel Okoro](../people/daniel-okoro.md) |" in table


# --- the grouping rule and the one-pass index -----------------------------------------------

HOME_OFFICE = Entity("Home Office", "organisation")
MACRON = Entity("Emmanuel Macron", "person", roles=(Role("French President", "2017-05-14"),))


@pytest.mark.parametrize(
    ("name", "entity", "roles", "group"),
    [
        ("unnamed Westminster source", None, [], "unnamed"),
        ("Home Office spokesperson", None, [], "unnamed"),
        ("a source close to the minister", None, [], "unnamed"),
        ("senior Government sources", None, [], "unnamed"),
        ("Home Office", HOME_OFFICE, [], "organisations"),
        ("UK government", None, [], "organisations"),
        ("Emmanuel Macron", MACRON, ["President"], "french"),
        ("Kevin Foster", None, ["immigration minister"], "politicians"),
        ("Natalie Elphicke", None, ["coastal town's Conservative MP"], "politicians"),
        ("Enver Solomon", None, ["chief executive of the Refugee Council"], "campaigners"),
        ("Bella Sankey", None, ["director of human rights organisation Detention Action"], "campaigners"),
        ("Tony Smith", None, ["former head of the Border Force"], "officials"),
        ("Damian Grammaticas", None, [], "others"),
    ],
)
def test_person_group(name: str, entity: Entity | None, roles: list[str], group: str) -> None:
    assert group in dict(PEOPLE_GROUPS)
    assert person_group(name, entity, roles) == group


def test_person_slug_never_takes_the_index_or_a_device_name() -> None:
    assert person_slug("Index") == "index-person"
    assert person_slug("Con") == "con-person"
    assert person_slug("<script>") == "script"
    assert person_slug("“”") == "unnamed"


def article(
    slug: str, published: str, quotes: list[tuple[str, str | None]], people: tuple[str, ...] = ()
) -> Article:
    """A hand-made article: one paragraph per quote, `(speaker, role)`."""
    paragraphs = tuple(Paragraph(n, n, f"“Words number {n}.”") for n in range(1, len(quotes) + 1))
    annotations = Annotations(
        quotes=tuple(Quote(s, r, f"Words number {n}.", n) for n, (s, r) in enumerate(quotes, 1)),
        people=tuple(PersonRef(p) for p in people),
    )
    source = SourceText(f"seeds/{slug}.txt", "")
    return Article(slug, source, None, CleanText(paragraphs, ()), annotations)


def test_index_people_merges_spellings_and_leaves_unnamed_out_of_quoted_beside() -> None:
    newest_first = [
        article("b", "2025-01", [("Jane Roe", "Home Secretary"), ("Home Office spokesperson", None)]),
        article("a", "2024-01", [("jane roe", "shadow home secretary"), ("John Doe", None)], ("Named Only",)),
    ]
    people = {p.slug: p for p in index_people(newest_first, [], ())}
    assert set(people) == {"jane-roe", "home-office-spokesperson", "john-doe", "named-only"}
    jane = people["jane-roe"]
    assert jane.name in ("Jane Roe", "jane roe") and jane.named_in == 2
    assert [(ref.article, ref.position) for ref in jane.quotes] == [("b", 0), ("a", 0)]
    assert jane.roles == (("Home Secretary", ("b",)), ("shadow home secretary", ("a",)))
    assert jane.quoted_beside == (("john-doe", 1),), "an unnamed source is no one to be quoted beside"
    assert people["named-only"].quotes == () and people["named-only"].named_in == 1
