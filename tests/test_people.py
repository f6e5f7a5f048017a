"""Inline cases for the people annotator and the name index the quotes rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotate.document import Document
from generator.annotate.people.annotator import annotate_people, organisations_named
from generator.annotate.people.names import build_name_index
from generator.annotate.quotes.bodies import bodies_at
from generator.annotate.vocabulary import non_person_words
from generator.inputs.project import read_inputs
from generator.models import (
    Annotations,
    CleanText,
    Entity,
    Knowledge,
    Outlet,
    Paragraph,
    PersonRef,
    Role,
    SourceText,
)

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

ENTITIES = (
    Entity(
        "Emmanuel Macron", "person", ("President Macron", "Macron"), (Role("French President", "2017-05-14"),)
    ),
    Entity("Keir Starmer", "person", ("Sir Keir",), (Role("Prime Minister", "2024-07-05"),)),
    Entity("European Union", "organisation", ("EU",)),
    Entity("Labour Party", "party", ("Labour",)),
    Entity("Conservative Party", "party", ("Tories", "Conservatives")),
    Entity("Home Office", "organisation", ("UK Home Office",)),
    Entity("Sky News", "organisation", ()),
    Entity("English Channel", "place", ("the Channel",)),
)
KNOWLEDGE = Knowledge(entities=ENTITIES)


def paragraphs_of(source: str) -> tuple[Paragraph, ...]:
    lines = [line for line in source.strip().splitlines() if line.strip()]
    return tuple(Paragraph(n, n, line) for n, line in enumerate(lines, 1))


def annotate(source: str, knowledge: Knowledge = KNOWLEDGE) -> Annotations:
    document = Document.read(SourceText("t.txt", source), CleanText(paragraphs_of(source), ()), knowledge)
    return annotate_people(document, Annotations())


def assert_people(source: str, expected: list[tuple[str, str | None]]) -> None:
    assert list(annotate(source).people) == [PersonRef(name, role) for name, role in expected]


def assert_resolves(source: str, expected: dict[str, str | None]) -> None:
    index = build_name_index(paragraphs_of(source), KNOWLEDGE)
    assert {ref: index.resolve(ref) for ref in expected} == expected


def test_roles_from_premodifiers_and_appositives():
    assert_people(
        """
Immigration minister Jane Holloway said the scheme would start in spring.
Martin Okafor, the chief executive of the charity Safe Harbour, said it was unworkable.
Former Labour home secretary David Blunkett has also criticised it.
""",
        [
            ("Jane Holloway", "Immigration minister"),
            ("Martin Okafor", "chief executive of the charity Safe Harbour"),
            ("David Blunkett", "Former Labour home secretary"),
        ],
    )


def test_knowledge_gives_canonical_names_and_titles_give_roles():
    assert_people(
        """
President Macron and Sir Keir met in Paris on Thursday.
The Prime Minister said the talks had been productive.
""",
        [("Emmanuel Macron", "President"), ("Keir Starmer", "Prime Minister")],
    )


def test_lead_in_role_goes_to_the_person_named_next():
    assert_people(
        """
More must be done to stop the boats, the shadow home secretary has said.
Priya Mistry told Sky News the government had lost control of the border.
""",
        [("Priya Mistry", "shadow home secretary")],
    )


def test_places_organisations_and_sentence_openers_are_not_people():
    assert_people(
        """
Downing Street confirmed the Home Office would publish figures on Monday.
Western Balkan nations including North Macedonia are being approached.
However Labour said the Border Security Command would lead the work.
""",
        [],
    )


def test_references_resolve_to_the_full_name():
    assert_resolves(
        """
Transport minister Lilian Okoro said talks were ongoing.
Rear Admiral Jim Brandt, a former navy commander, disagreed.
""",
        {
            "Ms Okoro": "Lilian Okoro",
            "Okoro": "Lilian Okoro",
            "the Transport minister": "Lilian Okoro",
            "The Rear Admiral": "Jim Brandt",
            "Mr Brandt": "Jim Brandt",
            "President Macron": "Emmanuel Macron",
            "Mr Nobody": "Mr Nobody",  # nobody fuller is named: the article's own form is kept
        },
    )


def test_organisations_use_canonical_names_and_skip_party_adjectives():
    found = annotate(
        """
The EU has offered to help, a UK Home Office spokesman told Sky News.
A Labour MP said the Tories had failed, while Conservative MPs blamed France.
The Refugee Welfare Council and the Immigration Services Agency both objected.
"""
    )
    assert found.organisations == (
        "European Union",
        "Home Office",
        "Sky News",
        "Conservative Party",
        "Refugee Welfare Council",
        "Immigration Services Agency",
    )


def test_places_and_outlets_the_knowledge_lists_are_nobodys_name():
    source = """
Ashford Reynolds said the camp would close.
Clarion Mills said the figures were wrong.
"""
    assert [p.name for p in annotate(source).people] == ["Ashford Reynolds", "Clarion Mills"]
    knowledge = Knowledge(
        entities=(*ENTITIES, Entity("Ashford", "place")),
        outlets=(Outlet("Evening Clarion", (), ("Clarion",)),),
    )
    assert annotate(source, knowledge).people == ()


def test_content_keeps_the_places_and_papers_the_name_rules_were_written_with():
    words = non_person_words(read_inputs(Path(__file__).resolve().parent.parent).knowledge)
    places = "Europe Britain England France Scotland Wales Ireland London Paris Brussels Calais Dover Kent"
    papers = "Express Mirror Telegraph Guardian Mail Sun Times"
    assert set(f"{places} Rwanda Albania Italy Balkans Balkan Channel {papers}".split()) <= words


def test_a_party_is_known_by_its_kind_not_its_name():
    knowledge = Knowledge(entities=(Entity("Harbour Alliance", "party", ("Alliance",)),))
    found = annotate(
        "Alliance MPs voted against it.\nThe Harbour Alliance said it would try again.", knowledge
    )
    assert found.organisations == ("Harbour Alliance",)
    assert annotate("Alliance MPs voted against it.", knowledge).organisations == ()


def test_never_raises_on_odd_text():
    for source in ["", "A " * 3000, "Mr", "Ms Ms Ms", "\x00 Sir , the , the ,"]:
        annotate(source)


def test_a_body_glued_to_the_word_before_it_is_not_named() -> None:
    entities = (Entity("Home Office", "organisation", ("HO",)),)
    assert organisations_named((Paragraph(1, 1, "Staff at the HO said so."),), entities) == ["Home Office"]
    assert organisations_named((Paragraph(1, 1, "Staff at xHO and 2HO said so."),), entities) == []
    assert bodies_at("The xHome Office, then the Home Office said", entities) == [(27, "Home Office")]
