"""Golden files: a small fixed project built in full, each input beside its expected output.

tests/golden/project/ is a project of its own (seeds/ and content/), written for these
tests, so an edit to the real content/ never changes a golden file. Beside the inputs:

- expected/<page path>, the Markdown of every page `build_site` makes;
- seeds/<seed stem>.record.json, the annotate record of every seed (`article_record`).

Every expected file is compared with what the build makes now. A page or record with no
expected file fails, and so does an expected file the build no longer makes.
`pytest --update-goldens` rewrites them all (and deletes stale ones) for review in the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import build_site
from generator.models import Site
from generator.pages.records import article_record

pytestmark = pytest.mark.fast  # one build of three short articles: well under a second

PROJECT = Path(__file__).parent / "golden" / "project"
EXPECTED = "expected"  # the folder of expected pages, beside seeds/ and content/
RECORD = ".record.json"  # the suffix of a seed's expected record, beside the seed
UPDATE_HINT = "run `pytest tests/test_golden.py --update-goldens` and review the diff"


def expected_files() -> list[str]:
    """Every expected file on disk, as a project-relative posix path."""
    pages = [p for p in (PROJECT / EXPECTED).rglob("*") if p.is_file()]  # Markdown pages and the feed
    records = (PROJECT / "seeds").glob(f"*{RECORD}")
    return sorted(p.relative_to(PROJECT).as_posix() for p in [*pages, *records])


def outputs(site: Site) -> dict[str, str]:
    """What the build makes, by the path of the expected file that holds it."""
    made = {f"{EXPECTED}/{page.path}": page.text for page in site.pages}
    for article in site.articles:
        seed = Path(article.source.path)
        record = json.dumps(article_record(article), ensure_ascii=False, indent=2) + "\n"
        made[seed.with_name(seed.stem + RECORD).as_posix()] = record
    return made


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(PROJECT)


@pytest.fixture(scope="module")
def made(site: Site, update_goldens: bool) -> dict[str, str]:
    """The build's outputs; with --update-goldens, first written over the expected files."""
    found = outputs(site)
    if update_goldens:
        for stale in set(expected_files()) - set(found):
            (PROJECT / stale).unlink()
        for path, text in found.items():
            target = PROJECT / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for folder in sorted((PROJECT / EXPECTED).rglob("*"), reverse=True):  # deepest first
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return found


def test_golden_project_builds_without_problems(site: Site) -> None:
    problems = "\n".join(str(p) for p in site.problems)
    assert site.problems == (), f"the golden project must build cleanly:\n{problems}"


def test_every_output_has_an_expected_file(made: dict[str, str]) -> None:
    missing = sorted(set(made) - set(expected_files()))
    assert not missing, f"no expected file for {', '.join(missing)}; {UPDATE_HINT}"


@pytest.mark.parametrize("path", expected_files())
def test_output_matches_expected_file(path: str, made: dict[str, str], update_goldens: bool) -> None:
    if update_goldens and path not in made:
        pytest.skip(f"{path} was stale and has been deleted")
    assert path in made, f"{path} is no longer generated; {UPDATE_HINT}"
    expected = (PROJECT / path).read_text(encoding="utf-8")
    assert made[path] == expected, f"{path} differs from what the build makes; {UPDATE_HINT}"


def test_golden_project_exercises_every_annotation(site: Site) -> None:
    """The small project keeps covering what it was written to cover, whatever the goldens say."""
    records = [article_record(a) for a in site.articles]
    quotes = [q for r in records for q in r["quotes"]]
    assert any(q["speaker"] and q["role"] for q in quotes), "a quote with a speaker and a role"
    assert {q["cue"].startswith("pronoun:") for q in quotes if q["cue"]} == {True, False}
    assert any(f["unit"] == "people" for r in records for f in r["figures"]), "a figure with a unit"
    assert any(f["unit"] in ("GBP", "EUR") for r in records for f in r["figures"]), "a sum of money"
    assert any(r["topics"] for r in records) and any(r["mentions"] for r in records), "topics and mentions"
    assert any(r["boilerplate"] for r in records), "a junk line removed"
    assert any(r["removed_fragments"] for r in records), "a junk prefix (a dateline) removed"
    assert any(related for _, related in site.index.related_articles), "related articles"
    assert any("\n*[" in p.text for p in site.pages if p.path.startswith("articles/")), "a glossary term"
    with_sidecar = [a for a in site.articles if a.sidecar is not None]
    inferred = [a for a in site.articles if a.sidecar is None]
    assert with_sidecar and not with_sidecar[0].annotations.title.inferred, "a title given by a sidecar"
    assert any(
        a.annotations.outlet.value and a.annotations.published.value and a.annotations.title.inferred
        for a in inferred
    ), "a title, outlet and date inferred from the text alone"
