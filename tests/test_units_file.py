"""content/units.yaml: the project's file is valid, and a contributor's mistakes are located and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.files import ProjectReading
from generator.inputs.project import read_units
from generator.inputs.schema import validate_units
from generator.inputs.textfile import load_yaml_document
from generator.models import Units

pytestmark = pytest.mark.fast

ROOT = Path(__file__).resolve().parent.parent
REL = "content/units.yaml"


def problems_of(text: str) -> list[str]:
    """Every problem in `text` read as content/units.yaml, as "line: message"."""
    document = load_yaml_document(text, REL)
    _, problems = validate_units(document, REL)
    return [f"{p.line}: {p.message}" for p in [*document.problems, *problems]]


def test_the_project_file_is_valid_and_fills_every_field() -> None:
    reading = ProjectReading(ROOT)
    units = read_units(reading)
    assert reading.problems == []
    empty = [name for name, value in vars(units).items() if not value]
    assert empty == [], f"content/units.yaml leaves these empty: {empty}"
    assert ("vessel", "boats") in units.counted and ("pounds", "GBP") in units.money


MISTAKES = {
    "unknown key": ("countd:\n  boats: [boat]\n", ["1: unknown key `countd`; did you mean `counted`?"]),
    "unknown nested key": (
        "deaths:\n  afterr: [died]\n",
        ["2: unknown key `afterr`; did you mean `after`?"],
    ),
    "a noun under two units": (
        "counted:\n  boats: [boat, vessel]\n  ships:\n    - ship\n    - vessel\n",
        ["5: `vessel` is listed twice (first at line 2); keep one of them"],
    ),
    "a noun counted and money": (
        "counted:\n  GBP things: [pound]\nmoney:\n  GBP: [pound]\n",
        ["4: `pound` is listed twice (first at line 2); keep one of them"],
    ),
    "a word twice in a list": (
        "not_counted:\n  - mark\n  - total\n  - mark\n",
        ["4: `mark` is listed twice (first at line 2); keep one of them"],
    ),
    "a capitalised noun": (
        "counted:\n  boats:\n    - Boat\n",
        [
            "3: `Boat` is not a lower-case word or phrase; write letters, hyphens and apostrophes "
            "in lower case, words separated by single spaces"
        ],
    ),
    "three hyphenated words": (
        "hyphenated:\n  member states:\n    - member of bloc\n",
        ["3: `member of bloc` has more than two words; write the hyphenated word and at most one after it"],
    ),
    "a word where a list belongs": ("not_years: people\n", ["1: `not_years` should be a list, not `people`"]),
    "a number where a word belongs": (
        "abbreviations: [km, 3]\n",
        ['1: `3` without quotes is read by YAML as the number 3, not text; write it in quotes: "3"'],
    ),
}


@pytest.mark.parametrize(("text", "expected"), MISTAKES.values(), ids=list(MISTAKES))
def test_mistakes_are_located_and_explained(text: str, expected: list[str]) -> None:
    assert problems_of(text) == expected


def test_an_invalid_file_is_reported_and_left_out(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "units.yaml").write_text("counted:\n  boats: [Boat]\n", encoding="utf-8")
    reading = ProjectReading(tmp_path)
    assert read_units(reading) == Units()
    assert [(p.path, p.line) for p in reading.problems] == [(REL, 2)]


def test_a_missing_or_empty_file_means_no_units(tmp_path: Path) -> None:
    assert read_units(ProjectReading(tmp_path)) == Units()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "units.yaml").write_text("# nothing yet\n", encoding="utf-8")
    reading = ProjectReading(tmp_path)
    assert read_units(reading) == Units() and reading.problems == []
