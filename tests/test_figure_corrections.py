"""An editor corrects a figure in the article's sidecar (`overrides: figures:`), and `check` says
where a correction is wrong; a figure's period is resolved against the article's final date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build_site
from generator.article import resolve_period
from generator.models import Period, Site

pytestmark = pytest.mark.fast  # builds of the three-article golden project

GOLDEN = Path(__file__).parent / "golden" / "project"
SIDECAR = "content/articles/french-police-stop-four-boats.md"
FRONT_END = "published: 2024-05\n"  # the sidecar's `overrides:` follows it


def build_with(tmp_path: Path, overrides: str) -> Site:
    """The golden project built with `overrides` (a whole `overrides:` block) merged into its one
    sidecar's `overrides:`, which already corrects an event."""
    project = tmp_path / "project"
    shutil.copytree(GOLDEN, project, ignore=shutil.ignore_patterns("expected"))
    path = project / SIDECAR
    text = path.read_text(encoding="utf-8")
    assert FRONT_END + "overrides:\n" in text and overrides.startswith("overrides:\n")
    path.write_text(text.replace(FRONT_END + "overrides:\n", FRONT_END + overrides, 1), encoding="utf-8")
    return build_site(project)


def figures_of(site: Site) -> dict[str, tuple[str, Period]]:
    article = next(a for a in site.articles if a.sidecar is not None)
    return {f.text: (f.measure, f.period) for f in article.annotations.figures}


def test_an_editor_sets_a_measure_and_a_period_or_drops_a_figure(tmp_path: Path) -> None:
    site = build_with(
        tmp_path,
        "overrides:\n"
        "  figures:\n"
        "    - figure: About 200 people\n"
        "      measure: prevented\n"
        "      period: 2024 part\n"
        "    - figure: €30m\n"
        "      period: 2025\n"
        "    - figure: two officials\n"
        "      drop: true\n",
    )
    assert [str(p) for p in site.problems] == []
    figures = figures_of(site)
    assert figures["About 200 people"] == ("prevented", Period(2024, None, "part"))
    assert figures["€30m"] == ("money", Period(2025, None, "year"))
    assert "two officials" not in figures
    page = next(p for p in site.pages if p.path == "articles/french-police-stop-four-boats.md")
    assert '<span class="fg">two officials' not in page.text


def test_a_wrong_correction_is_named_at_its_line(tmp_path: Path) -> None:
    site = build_with(
        tmp_path,
        "overrides:\n"
        "  figures:\n"
        "    - figure: four small boats\n"  # line 8
        "      measure: ferries\n"
        "    - figure: 9,999 people\n"  # line 10
        "      measure: arrivals\n"
        "    - figure: Calais\n"  # line 12: in the text, but no figure
        "      period: 2024\n",
    )
    messages = [str(p) for p in site.problems]
    known = "arrivals, boats, deaths, detained, money, other, prevented, returns"
    assert messages == [
        f"{SIDECAR}:8: `measure: ferries` is no measure of content/units.yaml; write one of {known}",
        f'{SIDECAR}:10: figure "9,999 people" is not in seeds/002_wire_calais.txt; copy it as the article page writes it',
        f'{SIDECAR}:12: warning: figure "Calais" names no figure found in the article; copy one from its Key figures table',
    ]
    assert figures_of(site)["four small boats"][0] == "boats"  # an unknown measure changes nothing


@pytest.mark.parametrize(
    "item, message",
    [
        ("    - figure: €30m\n      period: last year\n", "9: `last year` is not a period"),
        (
            "    - figure: €30m\n      drop: true\n      measure: money\n",
            "8: `drop: true` takes the figure out",
        ),
        ("    - figure: €30m\n", "8: say what to correct"),
        ("    - figure: €30m\n      measure: Money\n", "9: `measure` is `Money`, not a slug"),
    ],
    ids=["bad period", "drop and measure", "nothing to correct", "measure not a slug"],
)
def test_the_schema_locates_a_malformed_correction(tmp_path: Path, item: str, message: str) -> None:
    site = build_with(tmp_path, "overrides:\n  figures:\n" + item)
    found = [str(p) for p in site.problems]
    assert len(found) == 1 and found[0].startswith(f"{SIDECAR}:{message}"), found


@pytest.mark.parametrize(
    "period, published, resolved",
    [
        (Period(None, 0, "year"), "2021-11-25", Period(2021, None, "to date")),
        (Period(None, 1, "year"), "2021-11", Period(2020, None, "year")),
        (Period(None, 0, "to date"), "2025", Period(2025, None, "to date")),
        (Period(2024, None, "to date"), "2025-03", Period(2024, None, "to date")),
        (Period(2030, None, "year"), "2025-03", Period(2030, None, "part")),
        (Period(2019, None, "year"), None, Period(2019, None, "year")),
        (Period(None, 0, "part"), None, Period()),
        (Period(), "2021", Period()),
    ],
)
def test_a_period_is_resolved_against_the_published_date(
    period: Period, published: str | None, resolved: Period
) -> None:
    assert resolve_period(period, published) == resolved
