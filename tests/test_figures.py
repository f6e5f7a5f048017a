"""The figures annotator: small cases written the way news copy states numbers.

`assert_figures(source, expected)` annotates `source` (one paragraph per
line) and compares the (value, unit) of every figure found, in text order.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotate.document import Document
from generator.annotate.figures.annotator import annotate_figures, figures_in_paragraph
from generator.inputs.files import ProjectReading
from generator.inputs.project import read_units
from generator.models import Annotations, CleanText, Figure, Knowledge, Paragraph, SourceText, Units

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def project_units() -> Units:
    """The project's content/units.yaml, read once; it must have no problems."""
    reading = ProjectReading(ROOT)
    units = read_units(reading)
    assert not reading.problems, reading.problems
    return units


@pytest.fixture
def units() -> Units:
    return project_units()


def figures_of(source: str) -> tuple[Figure, ...]:
    lines = [line for line in source.split("\n") if line.strip()]
    paragraphs = tuple(Paragraph(number, number, line) for number, line in enumerate(lines, 1))
    knowledge = Knowledge(units=project_units())
    document = Document.read(SourceText("seeds/test.txt", source), CleanText(paragraphs, ()), knowledge)
    return annotate_figures(document, Annotations()).figures


def assert_figures(source: str, expected: list[tuple[float, str]]) -> None:
    found = [(figure.value, figure.unit) for figure in figures_of(source)]
    assert found == expected, f"{source!r}: {found}"


COUNTS = [
    ("More than 1,200 people crossed the Channel in small boats on Saturday.", [(1200, "people")]),
    (
        "Some 412 migrants made the crossing in eight boats, Home Office figures show.",
        [(412, "migrants"), (8, "boats")],
    ),
    ("Border Force picked up 58 people from three dinghies off Dover.", [(58, "people"), (3, "boats")]),
    ("Twenty-seven people drowned when their boat deflated.", [(27, "deaths")]),
    ("At least 12 people, including six children, died off Boulogne.", [(12, "deaths"), (6, "children")]),
    ("The French coastguard said two migrants died overnight.", [(2, "deaths")]),
    ("Police have charged the deaths of 31 people to the gang.", [(31, "deaths")]),
    ("France has stopped 20,000 would-be crossers this year.", [(20000, "would-be")]),
    (
        "Small-boat arrivals continue.\nThe year's total stands at 10,448, the PA news agency said.",
        [(10448, "people")],
    ),
    (
        "The backlog stands at 90,686 cases, down from a peak of 175,457.",
        [(90686, "cases"), (175457, "cases")],
    ),
    ("Between 50 and 60 boats were launched from beaches near Calais.", [(50, "boats"), (60, "boats")]),
    ("There were 20 Albanians and 15 Iranians among those detained.", [(20, "Albanians"), (15, "Iranians")]),
    ("Some 2,000 Border Force officers were redeployed.", [(2000, "officers")]),
    (
        "The Home Office has housed 51,000 asylum seekers in 400 hotels.",
        [(51000, "asylum seekers"), (400, "hotels")],
    ),
    ("Officials opened two facilities in Albania last year.", [(2, "facilities")]),
    ("A fourth suspect has been detained by Belgian police.", [(4, "suspects")]),
    ("He was the ninth person to die in the Channel this year.", [(9, "people")]),
    ("Only one boat reached Kent on Sunday.", [(1, "boats")]),
    ("On Thursday 31 people including a pregnant woman died.", [(31, "deaths")]),
    ("It is the 11th death in the Channel this year.", [(11, "deaths")]),
    ("Eleven of the 27 victims were Kurdish.", [(11, "victims"), (27, "victims")]),
    ("A dozen officers were sent to the coast.", [(12, "officers")]),
]
MONEY_AND_SHARES = [
    ("The Home Secretary signed a £54m deal with Paris.", [(54_000_000, "GBP")]),
    ("The UK will pay France £476 million over three years.", [(476_000_000, "GBP")]),
    ("Brussels set aside €541m for border management.", [(541_000_000, "EUR")]),
    ("The scheme cost £1.2bn before it was scrapped.", [(1_200_000_000, "GBP")]),
    ("The contract was worth about £95-million ($120-million).", [(95_000_000, "GBP"), (120_000_000, "USD")]),
    ("Officials set aside 拢38m for new fencing.", [(38_000_000, "GBP")]),
    ("Washington pledged $30m to the programme.", [(30_000_000, "USD")]),
    ("Hotels cost the taxpayer £8m a day.", [(8_000_000, "GBP")]),
    ("Crossings are up 46% on last year.", [(46, "percent")]),
    ("Arrivals were 24% higher than at the same stage in 2024.", [(24, "percent")]),
    ("Ministers pointed to a 21 per cent increase in enforced returns.", [(21, "percent")]),
    ("Small-boat arrivals fell by 25pc.", [(25, "percent")]),
    ("Nine in 10 small-boat arrivals claim asylum.", [(0.9, "share")]),
    ("Around a third of those arriving were from Afghanistan.", [(0.3333, "share")]),
    ("Arrivals are almost three times the level of 2020.", [(3, "times")]),
    ("There were twice as many crossings in July.", [(2, "times")]),
    ("Arrivals have fallen by a third since the summer.", [(0.3333, "share")]),
]
DISTANCES_AND_LABELLED = [
    ("Police patrol more than 90 miles of coastline.", [(90, "miles")]),
    ("The boat was intercepted 3km from the shore.", [(3, "km")]),
    ("The strait is just 21 miles wide at its narrowest.", [(21, "miles")]),
    ("Rules would apply across the 27-member bloc.", [(27, "member states")]),
    ("A 40-strong team of investigators was set up.", [(40, "members")]),
    ("The smuggler was jailed for nine years.", [(9, "years")]),
    ("The driver received a six-year prison sentence.", [(6, "years")]),
    ("Both men were given 12-year jail terms.", [(12, "years")]),
    ("Three men were confirmed to have died.", [(3, "deaths")]),
]


@pytest.mark.parametrize(("source", "expected"), COUNTS + MONEY_AND_SHARES + DISTANCES_AND_LABELLED)
def test_figures_found(source: str, expected: list[tuple[float, str]]) -> None:
    assert_figures(source, expected)


NOT_FIGURES = [
    "The number of arrivals has risen every year since 2018.",
    "The figures were published on March 31 and revised on 5 July.",
    "Last year the milestone was passed in November 2023.",
    "Speaking at 8.32am, the minister said more would be done (see 10:45).",
    "Another boat sank in two days, the second in the last 12 hours.",
    "Since July 5, returns have risen.",
    "The charities said it would break the 1951 Refugee Convention.",
    "The plan rests on a one-for-one principle.",
    "He cited Article 8 and said Covid-19 and the G7 had changed things on the A16 road.",
    "A Number 10 spokesman spoke to BBC Radio 4 on Friday.",
    "Call 0800 123 4567 for advice.",
    "Thousands of people have crossed and hundreds of millions of pounds have been spent.",
    "Smugglers charge a few thousand euros, and dozens of boats set off.",
    "One source said one former head of the Border Force agreed.",
    "It was the first time this had happened, the third day in a row, at second reading.",
    "Ministers want to send migrants to a third country.",
    "The 25-year-old was named by police.",
    "The Prime Minister set out a five-year plan in the 1990s.",
    "The ministers agreed to double the number of officers on the beaches.",
    "2. Live coverage has now ended\n14) Read our earlier posts",
    "One or two boats may try, the two countries said.",
    "Tue 23 Nov 2021 10.45 GMT",
    "Ahmed Ali, 32, of Dover, was jailed at Maidstone Crown Court.",
    "The migrant, aged 19, was named.",
    "Their children, Sara, seven, and Omid, four, were on the boat.",
    "The meeting on 25.11.2021 began at 14.05 in Calais.",
    "Migrants could be sent by a third country to Rwanda.",
]


@pytest.mark.parametrize("source", NOT_FIGURES)
def test_not_figures(source: str) -> None:
    assert_figures(source, [])


def test_one_person_breakdown_adds_no_figures() -> None:
    assert_figures("One person died in hospital while the other person died at the scene.", [])


def test_text_carries_qualifier_and_unit() -> None:
    figures = figures_of("More than 24,700 people have arrived, up 46% on 2020, after a £54m deal.")
    assert [figure.text for figure in figures] == ["More than 24,700 people", "up 46%", "£54m"]


def test_ordinal_text_and_counts() -> None:
    (figure,) = figures_of("A fifth smuggler has been arrested, officials said.")
    assert (figure.text, figure.value, figure.unit) == ("A fifth smuggler", 5, "smugglers")
    assert figure.counts and "arrested" in figure.counts


def test_a_repeated_figure_is_listed_once_where_it_is_first_stated() -> None:
    source = "After 27 people died, ministers met.\nThe deaths of 27 people shocked France."
    figures = figures_of(source)
    assert [(f.value, f.unit, f.paragraph) for f in figures] == [(27, "deaths", 1)]


REPEATS = [
    ("Ninety men were brought ashore.\nAll 90 men were from Eritrea.", [(90, "men")]),
    ('The hostel can hold 300 men.\nThe manager said: "We hope it will be 300."', [(300, "men")]),
    ("By 310 votes to 205, the bill passed.\nOnly 205 voted against.", [(310, "votes"), (205, "votes")]),
    ("Four people died and four others were rescued.", [(4, "deaths"), (4, "others")]),
    ("Six people died.\nSix were rescued and six boats turned back.", [(6, "deaths"), (6, "boats")]),
    ("The fund is £12m.\nPolice seized 12 boats.", [(12_000_000, "GBP"), (12, "boats")]),
    (
        "More than 7,000 migrants crossed.\nArrivals passed the 7,000 mark in May.",
        [(7000, "migrants"), (7000, "people")],
    ),
]


@pytest.mark.parametrize(("source", "expected"), REPEATS)
def test_repeats_are_left_out_and_different_facts_kept(
    source: str, expected: list[tuple[float, str]]
) -> None:
    assert_figures(source, expected)


def test_text_is_always_a_substring_of_its_paragraph() -> None:
    source = "\n".join(text for text, _ in COUNTS + MONEY_AND_SHARES + DISTANCES_AND_LABELLED)
    paragraphs = [line for line in source.split("\n") if line.strip()]
    for figure in figures_of(source):
        assert figure.text in paragraphs[figure.paragraph - 1]


PIECES = [
    *"0123456789 ,.%£$€-–:/()abmkAMPp\n\"'’",
    "one",
    "two",
    "fifth",
    "a ",
    "the ",
    "million",
    "times",
    "March",
    " people",
    " died",
    "of ",
    "in ",
    "per cent",
    "-member",
    "2021",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_never_raises_on_odd_text(source: str) -> None:
    for figure in figures_of(source):
        assert isinstance(figure.value, (int, float))


def test_cut_off_and_empty_text() -> None:
    assert figures_of("") == ()
    assert_figures("The total rose to 5,0", [(5, "count")])
    assert figures_of("£") == () and figures_of("up 4") != ()


def test_a_long_article_finds_every_figure_in_every_copy(units: Units) -> None:
    paragraph = " ".join(text for text, _ in COUNTS + MONEY_AND_SHARES)
    copies = [Paragraph(number, number, paragraph) for number in range(1, 11)]
    found = [[(f.value, f.unit, f.text) for f in figures_in_paragraph(copy, units)] for copy in copies]
    assert all(figures == found[0] for figures in found) and found[0]
    assert len(figures_of("\n".join([paragraph] * 10))) == len(figures_of(paragraph))  # the copies repeat it


def test_money_with_the_scale_word_glued_to_the_number():
    assert_figures(
        "The UK has paid France £476million since 2023 to fund extra patrols.", [(476_000_000, "GBP")]
    )


def read_paragraph(text: str, units: Units) -> list[tuple[float, str]]:
    return [(figure.value, figure.unit) for figure in figures_in_paragraph(Paragraph(1, 1, text), units)]


def test_the_nouns_come_from_content_units(units: Units) -> None:
    text = "Border Force picked up 58 people from three dinghies after 27 people drowned."
    assert read_paragraph(text, units) == [(58, "people"), (3, "boats"), (27, "deaths")]
    assert read_paragraph(text, Units()) == [(58, "people"), (3, "dinghies"), (27, "people")]


def test_a_contributor_can_teach_a_new_noun(units: Units) -> None:
    text = "The camp has 500 cots and a 300-bed annexe; two ribs were seized."
    taught = Units(counted=(*units.counted, ("ribs", "boats"), ("cots", "beds")), hyphenated=units.hyphenated)
    assert read_paragraph(text, taught) == [(500, "beds"), (300, "beds"), (2, "boats")]
    assert read_paragraph(text, Units()) == [(500, "cots"), (2, "ribs")]  # "300-bed": no unit known
