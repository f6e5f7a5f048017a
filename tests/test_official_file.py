"""content/official.yaml: the project's file is valid, and a contributor's mistakes are located."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.files import ProjectReading
from generator.inputs.project import read_official, read_units
from generator.inputs.schema import validate_official
from generator.inputs.textfile import load_yaml_document
from generator.models import Measure, Units

pytestmark = pytest.mark.fast

ROOT = Path(__file__).resolve().parent.parent
REL = "content/official.yaml"
VALID = """\
small_boat_arrivals:
  measure: arrivals
  title: People arriving by small boat
  source:
    title: Irregular migration to the UK
    publisher: Home Office
    url: https://www.gov.uk/government/collections/irregular-migration-to-the-uk-statistics
    copied: 2026-12-01
  years:
    - year: 2021
      count: 28526
    - year: 2022
      count: 45774
      provisional: true
"""


def problems_of(text: str) -> list[str]:
    document = load_yaml_document(text, REL)
    _, problems = validate_official(document, REL)
    return [f"{p.line}: {p.message}" for p in [*document.problems, *problems]]


def test_the_project_file_is_valid_and_names_its_source() -> None:
    reading = ProjectReading(ROOT)
    official = read_official(reading, read_units(reading))
    assert reading.problems == []
    assert official is not None and official.publisher == "Home Office"
    assert official.url.startswith("https://www.gov.uk/")
    years = [c.year for c in official.counts]
    assert (
        years == sorted(years) and {2021: 28526}.items() <= {c.year: c.count for c in official.counts}.items()
    )


MISTAKES = {
    "a year twice": (
        VALID.replace("    - year: 2022", "    - year: 2021"),
        ["12: 2021 is listed twice (first at line 10); keep one of them"],
    ),
    "a script address": (
        VALID.replace(
            "https://www.gov.uk/government/collections/irregular-migration-to-the-uk-statistics",
            "javascript:alert(1)",
        ),
        ["7: `javascript:alert(1)` is not an https address of plain characters"],
    ),
    "a quote in the address": (
        VALID.replace("-statistics\n", '-statistics" onmouseover="x\n'),
        [
            '7: `https://www.gov.uk/government/collections/irregular-migration-to-the-uk-statistics" onmouseover="x`'
        ],
    ),
    "a negative count": (VALID.replace("count: 28526", "count: -3"), ["11: `count` must be 0 or more"]),
    "a count as text": (VALID.replace("count: 28526", "count: '28,526'"), ["11: `count` should be"]),
    "a month for the copy date": (
        VALID.replace("copied: 2026-12-01", "copied: 2026-12"),
        ["8: `2026-12` is not a full date"],
    ),
    "a year out of range": (VALID.replace("year: 2021", "year: 21"), ["10: `year` must be 1900 or more"]),
    "an unknown key": (
        VALID.replace("provisional: true", "provisonal: true"),
        ["14: unknown key `provisonal`"],
    ),
}


@pytest.mark.parametrize("text, expected", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_contributors_mistakes_are_located(text: str, expected: list[str]) -> None:
    found = problems_of(text)
    assert len(found) == len(expected) and all(f.startswith(e) for f, e in zip(found, expected)), found


def test_a_measure_that_units_yaml_does_not_define_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / REL).write_text(VALID.replace("measure: arrivals", "measure: landings"), encoding="utf-8")
    reading = ProjectReading(tmp_path)
    units = Units(measures=(Measure("arrivals", "Arrivals"),))
    assert read_official(reading, units) is None
    assert [str(p) for p in reading.problems] == [
        f"{REL}:2: `measure: landings` is no measure of content/units.yaml; write one of arrivals"
    ]
