"""Open data (`data/`): a valid Data Package whose CSV and JSON files match their one schema, with
untrusted text kept as text and no CSV cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from generator import build_site
from generator.link import cross_link
from generator.models import (
    Annotations,
    Article,
    CleanText,
    Figure,
    Knowledge,
    Page,
    Paragraph,
    Quote,
    Sourced,
    SourceText,
)
from generator.pages.backlinks import links_from
from generator.pages.data import FORMULA_START, TABLES, render_data
from generator.pages.environment import make_environment
from generator.pages.views import Catalogue

PROJECT = Path(__file__).parent / "golden" / "project"
NAME = re.compile(r"^([-a-z0-9._/])+$")  # the spec's pattern for package and resource names
TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year"}

pytestmark = pytest.mark.fast


def data_files(pages) -> dict[str, str]:
    """The text of every file under data/, by its path inside data/."""
    return {p.path.removeprefix("data/"): p.text for p in pages if p.path.startswith("data/")}


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return data_files(build_site(PROJECT).pages)


@pytest.fixture(scope="module")
def descriptor(files: dict[str, str]) -> dict:
    return json.loads(files["datapackage.json"])


def test_the_descriptor_has_what_the_data_package_spec_requires(descriptor: dict, files: dict) -> None:
    assert NAME.match(descriptor["name"]) and descriptor["title"]
    assert descriptor["licenses"] and all(x.get("name") or x.get("path") for x in descriptor["licenses"])
    assert all(source["title"] for source in descriptor["sources"])
    names = [r["name"] for r in descriptor["resources"]]
    assert len(names) == len(set(names)) and all(NAME.match(n) for n in names)
    for resource in descriptor["resources"]:
        path = resource["path"]
        assert path in files and not path.startswith("/") and ".." not in path.split("/")
        assert resource["format"] == path.rsplit(".", 1)[1]
        assert resource["mediatype"] == {"csv": "text/csv", "json": "application/json"}[resource["format"]]
        data = files[path].encode("utf-8")
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        schema = resource["schema"]
        fields = [f["name"] for f in schema["fields"]]
        assert len(fields) == len(set(fields)) and all(f["type"] in TYPES for f in schema["fields"])
        assert set(schema["primaryKey"]) <= set(fields)
        if resource["format"] == "csv":
            assert resource["profile"] == "tabular-data-resource"


def test_every_table_is_one_csv_and_one_json_under_one_schema(descriptor: dict) -> None:
    by_table: dict[str, list[dict]] = {}
    for resource in descriptor["resources"]:
        by_table.setdefault(resource["path"].rsplit(".", 1)[0], []).append(resource)
    assert sorted(by_table) == sorted(t.name for t in TABLES)
    for table, resources in by_table.items():
        assert sorted(r["format"] for r in resources) == ["csv", "json"], table
        assert resources[0]["schema"] == resources[1]["schema"], table


def parse_cell(field: dict, cell: str) -> object:
    """A CSV cell read as its Table Schema type says; the test fails if it does not parse."""
    if cell == "":
        assert not field.get("constraints", {}).get("required"), f"{field['name']} is required"
        return None
    kind = field["type"]
    if kind == "integer":
        assert str(int(cell)) == cell
        return int(cell)
    if kind == "number":
        return json.loads(cell)
    if kind == "boolean":
        assert cell in ("true", "false")
        return cell == "true"
    if kind == "array":
        value = json.loads(cell)
        assert isinstance(value, list) and all(isinstance(v, str) for v in value)
        return value
    pattern = field.get("constraints", {}).get("pattern")
    assert pattern is None or re.fullmatch(pattern, cell), (field["name"], cell)
    return cell


def json_type_ok(field: dict, value: object) -> bool:
    if value is None:
        return not field.get("constraints", {}).get("required")
    return {
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "array": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "string": lambda v: isinstance(v, str),
    }[field["type"]](value)


def test_csv_headers_are_the_schema_and_every_cell_parses(descriptor: dict, files: dict) -> None:
    for resource in (r for r in descriptor["resources"] if r["format"] == "csv"):
        fields = resource["schema"]["fields"]
        rows = list(csv.reader(io.StringIO(files[resource["path"]], newline="")))
        assert rows[0] == [f["name"] for f in fields], resource["path"]
        assert len(rows) > 1, f"{resource['path']} has no rows on the golden project"
        for row in rows[1:]:
            assert len(row) == len(fields)
            for field, cell in zip(fields, row):
                parse_cell(field, cell)


def test_json_rows_have_the_schema_keys_and_types_and_match_the_csv(descriptor: dict, files: dict) -> None:
    for resource in (r for r in descriptor["resources"] if r["format"] == "json"):
        fields = resource["schema"]["fields"]
        rows = json.loads(files[resource["path"]])
        table = resource["path"].removesuffix(".json")
        csv_rows = list(csv.DictReader(io.StringIO(files[f"{table}.csv"], newline="")))
        assert len(rows) == len(csv_rows)
        for row, csv_row in zip(rows, csv_rows):
            assert list(row) == [f["name"] for f in fields]  # the schema's order: table readers match it
            for field in fields:
                value = row[field["name"]]
                assert json_type_ok(field, value), (table, field["name"], value)
                if field["type"] != "string":
                    assert parse_cell(field, csv_row[field["name"]]) == value


def test_the_about_page_links_every_data_file_and_lists_every_field(files: dict) -> None:
    about = files["index.md"]
    targets = links_from(Page("data/index.md", about), {f"data/{name}" for name in files})
    linked = {target.removeprefix("data/") for target in targets}
    assert linked == set(files) - {"index.md"}
    for table in TABLES:
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in about


# --- untrusted text ---------------------------------------------------------------------------

HOSTILE_TITLE = '=HYPERLINK("https://evil.example/","Click") </script><img src=x onerror=alert(1)>'
HOSTILE = {
    "title": HOSTILE_TITLE,
    "outlet": "@SUM(1+1)*cmd|' /C calc'!A0",
    "speaker": "+Speaker Name",
    "role": "-2+3+cmd|' /C calc'!A0",
    "quote": "=1+1 and then some more words of the quotation",
    "cue": "\tsaid the minister",
    "counts": "\r=2+2 people",
    "figure": "－5 people",
}


def hostile_catalogue() -> Catalogue:
    text = f"{HOSTILE['quote']} is what they said, and {HOSTILE['figure']} came."
    article = Article(
        slug="evil",
        source=SourceText("seeds/evil.txt", text),
        sidecar=None,
        clean=CleanText((Paragraph(1, 1, text),), ()),
        annotations=Annotations(
            title=Sourced(HOSTILE["title"], "editor"),
            outlet=Sourced(HOSTILE["outlet"]),
            published=Sourced("2024-05", "editor"),
            quotes=(Quote(HOSTILE["speaker"], HOSTILE["role"], HOSTILE["quote"], 1, HOSTILE["cue"]),),
            figures=(Figure(5, "people", HOSTILE["figure"], 1, HOSTILE["counts"]),),
        ),
    )
    return Catalogue.of((article,), Knowledge(), cross_link((article,), ()))


@pytest.fixture(scope="module")
def hostile_files() -> dict[str, str]:
    return data_files(render_data(make_environment(), hostile_catalogue()))


def test_no_csv_text_cell_starts_a_formula(hostile_files: dict) -> None:
    cells = [
        cell
        for name, text in hostile_files.items()
        if name.endswith(".csv")
        for row in csv.reader(io.StringIO(text, newline=""))
        for cell in row
    ]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    for value in HOSTILE.values():
        expected = "'" + value.replace("\r", "\n")
        assert expected in cells, f"{value!r} is not in a CSV cell as {expected!r}"


def test_json_and_csv_hold_hostile_text_as_it_is(hostile_files: dict) -> None:
    articles = json.loads(hostile_files["articles.json"])
    assert articles[0]["title"] == HOSTILE_TITLE and articles[0]["outlet"] == HOSTILE["outlet"]
    quotation = json.loads(hostile_files["quotations.json"])[0]
    assert (quotation["speaker"], quotation["role"], quotation["text"], quotation["cue"]) == (
        HOSTILE["speaker"],
        HOSTILE["role"],
        HOSTILE["quote"],
        HOSTILE["cue"],
    )
    assert json.loads(hostile_files["figures.json"])[0]["counts"] == HOSTILE["counts"]
    row = next(csv.DictReader(io.StringIO(hostile_files["articles.csv"], newline="")))
    assert row["title"] == "'" + HOSTILE_TITLE


def test_the_about_page_prints_no_row_values(hostile_files: dict) -> None:
    """The page describes the files (counts, fields); no text of a row reaches it."""
    about = hostile_files["index.md"]
    assert "evil.example" not in about and "<img" not in about and "HYPERLINK" not in about


def test_two_renders_are_byte_identical() -> None:
    assert hostile_files_once() == hostile_files_once()


def hostile_files_once() -> dict[str, str]:
    return data_files(render_data(make_environment(), hostile_catalogue()))
