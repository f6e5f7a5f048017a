"""Metadata: title, summary, outlet and period inferred from the text, each with its basis."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.annotate.document import Document
from generator.annotate.metadata import annotate_metadata, shorten_title
from generator.models import (
    Annotations,
    CleanText,
    Entity,
    Knowledge,
    Outlet,
    OutletSignal,
    Paragraph,
    RemovedText,
    Role,
    SourceText,
)

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "content" / "outlets.yaml"

ENTITIES = (
    Entity("Ada Marsh", "person", ("Ms Marsh",), (Role("Home Secretary", "2031-03-01", "2032-12-20"),)),
    Entity("Tom Reyes", "person", ("Mr Reyes",), (Role("French interior minister", "2032-09", "2034-01"),)),
    Entity("Ian Vale", "person", (), (Role("Home Secretary", "2027-01", "2031-03-01"),)),
)


@pytest.fixture(scope="module")
def outlets() -> tuple[Outlet, ...]:
    data = yaml.safe_load(OUTLETS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Outlet(o["name"], tuple(OutletSignal(s["pattern"], float(s["weight"])) for s in o["signals"]))
        for o in data
    )


def annotate(outlets, paragraphs: list[str], junk: list[str] = (), entities=ENTITIES) -> Annotations:
    """Run the metadata annotator on paragraphs (and junk lines already taken out)."""
    numbered = tuple(Paragraph(i, i, text) for i, text in enumerate(paragraphs, start=1))
    removed = tuple(RemovedText(100 + i, text, "test") for i, text in enumerate(junk))
    document = Document.read(
        SourceText("seeds/t.txt", "\n".join(paragraphs)),
        CleanText(numbered, removed),
        Knowledge(entities=entities, outlets=outlets),
    )
    return annotate_metadata(document, Annotations())


def test_title_and_summary_come_from_the_standfirst(outlets):
    standfirst = (
        "Ministers will set out plans on Tuesday to house asylum seekers in former military sites "
        "across England, the Home Office has confirmed. Charities oppose the move."
    )
    found = annotate(outlets, [standfirst, "Other prose."])
    assert found.summary == standfirst
    assert (
        found.title.value
        == "Ministers will set out plans on Tuesday to house asylum seekers in former military sites"
    )
    assert len(found.title.value) <= 90 and found.title.inferred


def test_short_titles_lose_only_the_full_stop():
    assert shorten_title("Patrols doubled on French beaches.") == "Patrols doubled on French beaches"
    assert shorten_title("word " * 40).count("word") == 18


@pytest.mark.parametrize(
    "paragraphs, junk, outlet",
    [
        (["The Mirror understands the talks stalled last week."], [], "Daily Mirror"),
        (["Officials had hoped to finish in May, sources have told the Daily Express."], [], "Daily Express"),
        (
            ["The minister told Sky News the plan would work."],
            ["Please use Chrome browser for a more accessible video player"],
            "Sky News",
        ),
        (
            ["Crossings rose again overnight."],
            ["Here is the front page of tomorrow's Daily Telegraph."],
            "The Telegraph",
        ),
        (["LONDON (Reuters) - Britain said on Monday it would double patrols."], [], "Reuters"),
    ],
)
def test_outlet_from_self_references_and_furniture(outlets, paragraphs, junk, outlet):
    found = annotate(outlets, paragraphs, junk)
    assert found.outlet.value == outlet
    assert found.outlet.basis


def test_citing_another_outlet_is_not_a_self_reference(outlets):
    found = annotate(
        outlets,
        [
            "A Home Office source told the Financial Times the deal was close.",
            "Speaking to GB News, the minister said more boats would be stopped.",
            "According to the Times, three countries have been approached.",
            "The minister told Sky News the numbers were falling.",
        ],
    )
    assert found.outlet.value is None


def test_period_from_a_running_total_with_a_named_year(outlets):
    found = annotate(
        outlets, ["Arrivals so far in 2032 stand at 9,100, up from 7,000 at this point in 2031."]
    )
    assert found.published.value == "2032"
    assert "so far in 2032" in found.published.basis


def test_period_from_a_comparison_with_the_year_before(outlets):
    found = annotate(outlets, ["Some 20,000 people have crossed so far this year, twice the number in 2029."])
    assert found.published.value == "2030"


def test_month_when_a_dated_day_belongs_to_this_years_total(outlets):
    found = annotate(
        outlets,
        [
            "Crossings so far in 2032 have already passed 4,000.",
            "The busiest day so far this year was on April 14, when 600 people arrived.",
            "Last year the same mark was passed on June 2.",
        ],
    )
    assert found.published.value == "2032-04"


def test_office_holders_named_with_their_roles_pin_the_year(outlets):
    found = annotate(
        outlets,
        [
            "Home Secretary Ada Marsh met Tom Reyes, the French interior minister, in Calais.",
            "Former Home Secretary Ian Vale criticised the plan.",
        ],
    )
    assert found.published.value == "2032"
    assert "Ada Marsh named as Home Secretary" in found.published.basis
    assert "Ian Vale" not in found.published.basis


def test_no_period_when_evidence_is_thin(outlets):
    found = annotate(outlets, ["Ms Marsh said more must be done.", "Crossings rose this week."])
    assert found.published.value is None
    assert annotate(outlets, []).title.value is None


def annotate_with_rules(outlets, paragraphs: list[str], stamps: list[tuple[str, str]]) -> Annotations:
    """Run the metadata annotator with lines taken out by the named rules, at lines 101, 102 ..."""
    numbered = tuple(Paragraph(i, i, text) for i, text in enumerate(paragraphs, start=1))
    removed = tuple(RemovedText(101 + i, text, rule) for i, (text, rule) in enumerate(stamps))
    document = Document.read(
        SourceText("seeds/t.txt", "\n".join(paragraphs)),
        CleanText(numbered, removed),
        Knowledge(entities=ENTITIES, outlets=outlets),
    )
    return annotate_metadata(document, Annotations())


TIMESTAMP = "timestamp with full date (metadata)"
RUNNING_TOTAL = "Arrivals so far in 2032 stand at 9,100, up from 7,000 at this point in 2031."


@pytest.mark.parametrize(
    "line, date",
    [
        ("28 November 2031, 17:45 | Updated: 29 November 2031, 09:10", "2031-11-28"),
        ("Updated: 3 March 2033 | Published: 4 February 2033", "2033-02-04"),
        ("Published: Feb 4th, 2033", "2033-02-04"),
        ("Mon 14 Feb 2033 12.00 GMT", "2033-02-14"),
        ("2033-02-04T08:30Z", "2033-02-04"),
        ("04/02/2033 08:30", "2033-02-04"),
    ],
)
def test_a_dated_timestamp_beats_an_inferred_period(outlets, line, date):
    found = annotate_with_rules(outlets, [RUNNING_TOTAL], [(line, TIMESTAMP)])
    assert found.published.value == date
    assert found.published.basis.startswith("timestamp on line 101: ")
    assert found.published.inferred


def test_the_earliest_publication_date_of_several_timestamps(outlets):
    stamps = [
        ("Last modified on Tue 1 March 2033 10.00 GMT", TIMESTAMP),
        ("12 February 2033", TIMESTAMP),
        ("date 2033-02-10", "date stamp (metadata)"),
        ("1 January 2030", "copyright line"),  # not a (metadata) rule: never a publication date
    ]
    found = annotate_with_rules(outlets, [RUNNING_TOTAL], stamps)
    assert found.published.value == "2033-02-10"
    assert found.published.basis == "timestamp on line 103: date 2033-02-10"


def test_an_update_date_alone_still_dates_the_article(outlets):
    found = annotate_with_rules(outlets, [RUNNING_TOTAL], [("Updated: 5 May 2032", TIMESTAMP)])
    assert found.published.value == "2032-05-05"
    assert found.published.basis == "update timestamp on line 101: Updated: 5 May 2032"


def test_an_impossible_day_is_no_date(outlets):
    found = annotate_with_rules(outlets, [RUNNING_TOTAL], [("31/02/2033", TIMESTAMP)])
    assert found.published.value == "2032"
