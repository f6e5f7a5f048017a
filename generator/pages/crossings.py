"""The chart of crossings, `figures/crossings.md`: reported small-boat arrivals against the official totals.

In: the build's Catalogue: its articles' figures of the measure content/official.yaml names, and
those official annual totals with their source. Out: one Page (none without official totals): an
inline SVG (chart.py) with a text alternative, the reported figures far from the official total
for their year, and a data table of every value drawn, each linked to its paragraph.

A reported figure is drawn when it counts a whole year or the year to date. It is far from the
official total when a whole-year figure is more than FAR (20%) off it, or a year-to-date figure
more than FAR above the total for the whole year (no part of a year can exceed it). At most
POINTS_PER_YEAR figures are drawn for a year (the far ones first, then whole years, newest
article first); the table counts the rest and links the year's figures page.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from generator.models import OfficialCount, OfficialSeries, Page
from generator.pages.chart import Point, crossings_svg
from generator.pages.environment import front_matter
from generator.pages.figure_groups import FigureRef, figure_href, figure_refs
from generator.pages.mdtext import Markdown, escape_markdown, link
from generator.pages.views import Catalogue, date_label, figure_label

PATH = "figures/crossings.md"
FROM_DIR = "figures"
FAR = 0.20
POINTS_PER_YEAR = 12
FAR_LISTED = 20  # the far figures listed above the table, newest first; the table flags them all
NOT_COUNTS = frozenset({"percent", "times", "share", "GBP", "EUR", "USD"})
TITLE = "Small-boat arrivals by year: official totals and the figures reported in the articles"


@dataclass(frozen=True)
class Reported:
    """A reported figure as the chart draws it: its year, kind and how far it is from the official total."""

    ref: FigureRef
    year: int
    kind: str  # "year", "to date" or "far"
    off: float | None  # (value - official) / official; None without an official total


def render_crossings(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """The chart page, when content/official.yaml gives official totals."""
    official = catalogue.knowledge.official
    if official is None:
        return []
    totals = {c.year: c for c in official.counts}
    reported = [_reported(ref, totals) for ref in _arrival_figures(catalogue, official.measure)]
    drawn, hidden = _drawn(reported)
    far = [r for r in reported if r.kind == "far"]
    svg = crossings_svg(
        official.counts, [_point(r) for r in drawn], TITLE, _description(official, drawn, far)
    )
    years = sorted(set(totals) | {r.year for r in reported})
    text = env.get_template("crossings.md.j2").render(
        front=front_matter(title="Chart of crossings", description=TITLE + "."),
        svg=Markdown(svg),
        official=official,
        source=link(official.source_title, official.url),
        copied=date_label(official.copied),
        far=[_line(r) for r in far[:FAR_LISTED]],
        far_more=max(0, len(far) - FAR_LISTED),
        rows=[_row(year, totals.get(year), drawn, hidden, official.measure) for year in years],
        index=link("all figures", "index.md"),
    )
    return [Page(PATH, text, "content/official.yaml")]


def _arrival_figures(catalogue: Catalogue, measure: str) -> list[FigureRef]:
    """The figures of `measure` that count people over a whole year or the year to date, newest first."""
    return [
        ref
        for article in catalogue.newest_first()
        for ref in figure_refs(article)
        if ref.figure.measure == measure
        and ref.figure.unit not in NOT_COUNTS
        and ref.figure.period.year is not None
        and ref.figure.period.span in ("year", "to date")
    ]


def _reported(ref: FigureRef, totals: dict[int, OfficialCount]) -> Reported:
    year, value, span = ref.figure.period.year or 0, float(ref.figure.value), ref.figure.period.span
    total = totals.get(year)
    off = (value - total.count) / total.count if total is not None and total.count else None
    far = off is not None and (abs(off) > FAR if span == "year" else off > FAR)
    return Reported(ref, year, "far" if far else span, off)


def _drawn(reported: list[Reported]) -> tuple[list[Reported], dict[int, int]]:
    """The figures drawn (at most POINTS_PER_YEAR a year: far ones first, then whole years), and
    how many of each year are not."""
    rank = {"far": 0, "year": 1, "to date": 2}
    drawn, hidden = [], {}
    for year in sorted({r.year for r in reported}):
        ordered = sorted(
            (r for r in reported if r.year == year), key=lambda r: rank[r.kind]
        )  # stable: newest first
        drawn += ordered[:POINTS_PER_YEAR]
        if len(ordered) > POINTS_PER_YEAR:
            hidden[year] = len(ordered) - POINTS_PER_YEAR
    return drawn, hidden


def _source_words(ref: FigureRef) -> str:
    annotations = ref.article.annotations
    return f"{annotations.outlet.value or 'outlet unknown'}, {date_label(annotations.published.value)}"


def _point(reported: Reported) -> Point:
    ref = reported.ref
    kind = {"year": "whole year", "to date": "year to date", "far": "far from the official total"}[
        reported.kind
    ]
    href = f"../../articles/{ref.article.slug}/#p{ref.figure.paragraph}"  # the built page's URL: raw HTML is not rewritten
    return Point(
        reported.year,
        ref.figure.value,
        reported.kind,
        href,
        f"{figure_label(ref.figure)}, {kind}: {_source_words(ref)}",
    )


def _description(official: OfficialSeries, drawn: list[Reported], far: list[Reported]) -> str:
    """The chart's text alternative: what the bars and points show, and the far figures."""
    years = [c.year for c in official.counts]
    span = f"{years[0]} to {years[-1]}" if years else "no year yet"
    whole = sum(1 for r in drawn if r.ref.figure.period.span == "year")
    text = (
        f"Bars: {official.title}, the {official.publisher}'s published annual totals, {span}. "
        f"Points: {len(drawn)} figures reported in the articles, {whole} for a whole year and "
        f"{len(drawn) - whole} for the year to date. "
    )
    if not far:
        return text + "No reported figure is far from the official total. The table below gives every value."
    listed = "; ".join(f"{figure_label(r.ref.figure)} for {r.year} ({_source_words(r.ref)})" for r in far[:5])
    more = f" and {len(far) - 5} more" if len(far) > 5 else ""
    return text + f"Far from the official total: {listed}{more}. The table below gives every value."


def _offset(reported: Reported) -> str:
    return f"{reported.off:+.0%}" if reported.off is not None else ""


def _line(reported: Reported) -> Markdown:
    """A far figure: value, year, how far off, source linked to its paragraph."""
    ref = reported.ref
    what = "whole year" if ref.figure.period.span == "year" else "year to date"
    value = link(figure_label(ref.figure), figure_href(ref, from_dir=FROM_DIR))
    return Markdown(
        f"{value} for {reported.year} ({what}), {escape_markdown(_offset(reported))} against the official total — "
        f"{link(_source_words(ref) + f', ¶ {ref.figure.paragraph}', _paragraph(ref))}"
    )


def _paragraph(ref: FigureRef) -> str:
    return f"../articles/{ref.article.slug}.md#p{ref.figure.paragraph}"


def _row(
    year: int, total: OfficialCount | None, drawn: list[Reported], hidden: dict[int, int], measure: str
) -> tuple:
    """(year, official total, reported figures) for one row of the data table."""
    shown = "—"
    if total is not None:
        shown = f"{total.count:,}" + (" (provisional)" if total.provisional else "")
    cells = []
    for reported in (r for r in drawn if r.year == year):
        ref = reported.ref
        what = "whole year" if ref.figure.period.span == "year" else "year to date"
        far = (
            f" **far from the official total, {escape_markdown(_offset(reported))}**"
            if reported.kind == "far"
            else ""
        )
        value = link(figure_label(ref.figure), figure_href(ref, from_dir=FROM_DIR))
        cells.append(
            f"{value} ({what}){far}, {link(_source_words(ref) + f', ¶ {ref.figure.paragraph}', _paragraph(ref))}"
        )
    if year in hidden:
        cells.append(f"and {hidden[year]} more: {link(f'{year} figures', f'{measure}/{year}.md')}")
    return year, shown, Markdown("<br>".join(cells) or "—")
