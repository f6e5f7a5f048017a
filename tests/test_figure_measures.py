"""What a figure measures and over which period: small cases written the way news copy states them.

Each case is one paragraph; the figure named by its value is read with the project's
content/units.yaml and compared by (measure, year, years back, span).
"""

from __future__ import annotations

import pytest

from generator.annotate.document import Document
from generator.annotate.figures.annotator import annotate_figures
from generator.inputs.schema import validate_units
from generator.inputs.textfile import load_yaml_document
from generator.models import Annotations, CleanText, Knowledge, Paragraph, Period, SourceText
from tests.test_figures import project_units

pytestmark = pytest.mark.fast


def figure_in(text: str, value: float):
    """The figure of `value` in the one-paragraph article `text`."""
    paragraphs = (Paragraph(1, 1, text),)
    knowledge = Knowledge(units=project_units())
    document = Document.read(SourceText("seeds/t.txt", text), CleanText(paragraphs, ()), knowledge)
    found = [f for f in annotate_figures(document, Annotations()).figures if f.value == value]
    assert found, f"no figure {value} in {text!r}"
    return found[0]


MEASURES = [
    ("Some 412 migrants crossed the Channel in small boats on Saturday.", 412, "arrivals"),
    ("Officials said 1,300 people had arrived at Dover since the weekend.", 1300, "arrivals"),
    ("A further 89 people made the journey on Monday.", 89, "arrivals"),
    ("The Home Office said 2,100 asylum seekers had been deported to their home countries.", 2100, "returns"),
    ("Ministers say they have removed 3,400 people with no right to remain.", 3400, "returns"),
    ("French police stopped 750 migrants from reaching the beaches.", 750, "prevented"),
    ("Twelve men who crossed in a dinghy were arrested at the port.", 12, "detained"),
    ("Three smugglers were jailed at Canterbury Crown Court.", 3, "detained"),
    ("At least 14 people drowned when the boat sank.", 14, "deaths"),
    ("The number of deaths this year rose to 45, compared with just 12 last year.", 12, "deaths"),
    ("The government will spend £75m on new patrols.", 75_000_000, "money"),
    ("Coastguards counted 23 boats in the Channel.", 23, "boats"),
    ("Crossings were up 46% on the same period last year.", 46, "other"),
    ("The patrol covers more than 90 miles of coastline.", 90, "other"),
    ("The hotel housed 400 people awaiting a decision.", 400, "other"),
    # the figure's own clause wins over the next one's words
    ("More than 9,100 migrants have arrived so far this year and dozens have died.", 9100, "arrivals"),
    # the clause has no measure word: the nearest one before it in the sentence
    (
        "The number of arrivals so far is higher than in 2023, when the figure stood at 3,020.",
        3020,
        "arrivals",
    ),
]


@pytest.mark.parametrize("text, value, measure", MEASURES, ids=[m[2] + "-" + str(m[1]) for m in MEASURES])
def test_measure_is_read_from_the_unit_and_the_words_of_the_clause(
    text: str, value: float, measure: str
) -> None:
    assert figure_in(text, value).measure == measure


PERIODS = [
    ("In 2022, 45,800 people crossed the Channel.", 45800, Period(2022, None, "year")),
    ("Some 29,400 people crossed in 2023, the Home Office said.", 29400, Period(2023, None, "year")),
    ("More than 6,100 migrants have crossed so far this year.", 6100, Period(None, 0, "to date")),
    ("The total for the year so far stands at 5,210.", 5210, Period(None, 0, "to date")),
    ("Around 7,000 people crossed this year.", 7000, Period(None, 0, "year")),
    ("Last year, 31,000 people made the crossing.", 31000, Period(None, 1, "year")),
    ("Last year, the 5,000 arrivals mark was passed on 31 March.", 5000, Period(None, 1, "part")),
    (
        "This is 12% higher than at this point in 2024, when 4,120 had crossed.",
        4120,
        Period(2024, None, "to date"),
    ),
    ("A record 880 people crossed on Tuesday.", 880, Period(None, 0, "part")),
    ("Some 210 people crossed in 24 hours.", 210, Period(None, 0, "part")),
    ("Nobody had crossed more than 1,000 in a single day in 2022.", 1000, Period(2022, None, "part")),
    ("Since records began in 2018, 150,000 people have crossed.", 150000, Period()),
    ("The government hopes to cut arrivals to 10,000 by 2030.", 10000, Period()),
    ("More than 24,000 migrants have been deported since Labour came to office.", 24000, Period()),
]


@pytest.mark.parametrize("text, value, period", PERIODS, ids=[str(p[1]) for p in PERIODS])
def test_period_is_read_from_the_clause_or_the_sentence_before_it(
    text: str, value: float, period: Period
) -> None:
    assert figure_in(text, value).period == period


def units_problems(text: str) -> list[str]:
    """Every problem in `text` read as content/units.yaml, as "line: message"."""
    document = load_yaml_document(text, "content/units.yaml")
    _, problems = validate_units(document, "content/units.yaml")
    return [f"{p.line}: {p.message}" for p in [*document.problems, *problems]]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "measures:\n  - measure: other\n    title: Other\n",
            ["2: `other` is the name of one of the site's own figures pages; choose another"],
        ),
        (
            "measures:\n  - measure: returns\n    title: Returns\n    words: [deported]\n"
            "  - measure: removals\n    title: Removals\n    words:\n      - removed\n      - deported\n",
            ["9: `deported` is listed twice (first at line 4); keep one of them"],
        ),
        (
            "measures:\n  - measure: deaths\n    title: Deaths\n  - measure: deaths\n    title: Dead\n",
            ["4: `deaths` is listed twice (first at line 2); keep one of them"],
        ),
        ("measures:\n  - measure: boats\n    units: [boats]\n", ["2: `title:` is missing; add it"]),
    ],
    ids=["reserved slug", "a word in two measures", "a measure twice", "no title"],
)
def test_a_contributors_measure_mistakes_are_located(text: str, expected: list[str]) -> None:
    found = units_problems(text)
    assert [f[: len(e)] for f, e in zip(found, expected)] == expected and len(found) == len(expected), found
