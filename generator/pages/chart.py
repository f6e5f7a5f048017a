"""The chart of crossings as an inline SVG: official annual totals as bars, reported figures as points.

In: the official counts by year and the reported points (value, year, kind, link, label). Out: one
SVG element as text, made by string building: every text and attribute value passes `_text`
(XML-escaped), every number `_number` (fixed decimals), so two builds are byte-identical and no
article or contributor text can become markup. Colours come from CSS classes (extra.css) over
`currentColor` defaults, so the chart follows the light and dark palettes and reads without CSS.

The SVG is a group (`role="group"`) named by its `<title>` and described by its `<desc>`, the
text alternative of the whole drawing; the drawing itself (legend, axes, bars) is hidden from
assistive technology, and each point is a link to its paragraph named by its value, kind and
source, reachable by keyboard. (As `role="img"` its links would be presentational: unreachable,
and an accessibility error.) The page's table gives every value and link as well.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from generator.models import OfficialCount

WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, TOP, BOTTOM = 70, 16, 56, 36  # margins around the plot
TITLE_ID, DESC_ID = "crossings-chart-title", "crossings-chart-desc"
KINDS = ("year", "to date", "far")  # a whole-year figure, a year-to-date one, one far from the official total


@dataclass(frozen=True)
class Point:
    """One reported figure on the chart."""

    year: int
    value: int | float
    kind: str  # one of KINDS
    href: str  # relative URL of its paragraph (a generator-made path)
    label: str  # what a pointer's tooltip says: value, outlet, date


def _text(value: object) -> str:
    """Any value as XML text or attribute value."""
    return html.escape(str(value), quote=True)


def _number(value: float) -> str:
    """A coordinate with one decimal, "-0.0" never."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _thousands(value: float) -> str:
    return f"{value:,.0f}"


def nice_top(largest: float) -> tuple[int, int]:
    """(top, step) of the value axis: a step of 1, 2 or 5 times a power of ten, at most six steps."""
    if largest <= 0:
        return 10, 2
    power = 10 ** max(0, math.floor(math.log10(largest)) - 1)
    for step in (p * power for p in (1, 2, 5, 10, 20, 50, 100)):
        if math.ceil(largest / step) <= 6:
            return int(math.ceil(largest / step) * step), int(step)
    return int(largest), int(largest)


def crossings_svg(
    official: tuple[OfficialCount, ...], points: list[Point], title: str, description: str
) -> str:
    """The chart as one SVG element (no blank line inside, so Markdown keeps it as one HTML block)."""
    years = sorted({c.year for c in official} | {p.year for p in points})
    if not years:
        years = [0]
    first, count = years[0], years[-1] - years[0] + 1
    top, step = nice_top(max([c.count for c in official] + [float(p.value) for p in points] + [0]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    band = plot_w / count

    def x_of(year: int) -> float:
        return LEFT + (year - first + 0.5) * band

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="crossings-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="group" aria-labelledby="{TITLE_ID}" aria-describedby="{DESC_ID}">',
        f'<title id="{TITLE_ID}">{_text(title)}</title>',
        f'<desc id="{DESC_ID}">{_text(description)}</desc>',
        *_legend(),
        *_value_axis(top, step, y_of, plot_w),
        *_year_axis(first, count, x_of),
        *_bars(official, x_of, y_of, band),
        *_points(points, x_of, y_of, band),
        "</svg>",
    ]
    return "\n".join(parts)


def _legend() -> list[str]:
    """Two rows above the plot: the bar and each kind of point, each shape with its words."""
    rows = (16, 38)
    return [
        '<g class="chart-legend" font-size="12" fill="currentColor" aria-hidden="true">',
        f'<rect class="chart-bar" x="{LEFT}" y="{rows[0] - 10}" width="12" height="12" fill="currentColor" fill-opacity="0.25"/>',
        f'<text x="{LEFT + 18}" y="{rows[0]}">Official total</text>',
        f'<circle class="chart-point" cx="{LEFT + 206}" cy="{rows[0] - 4}" r="5" fill="currentColor"/>',
        f'<text x="{LEFT + 218}" y="{rows[0]}">Reported, whole year</text>',
        f'<circle class="chart-point chart-point--to-date" cx="{LEFT + 6}" cy="{rows[1] - 4}" r="5" fill="none" '
        'stroke="currentColor" stroke-width="2"/>',
        f'<text x="{LEFT + 18}" y="{rows[1]}">Reported, year to date</text>',
        f'<path class="chart-point chart-point--far" d="{_diamond(LEFT + 206, rows[1] - 4, 6)}" fill="currentColor"/>',
        f'<text x="{LEFT + 218}" y="{rows[1]}">Far from the official total (shape and colour)</text>',
        "</g>",
    ]


def _value_axis(top: int, step: int, y_of, plot_w: float) -> list[str]:
    parts = ['<g class="chart-axis" font-size="12" fill="currentColor" aria-hidden="true">']
    for value in range(0, top + 1, step):
        y = _number(y_of(value))
        parts.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y}" y2="{y}" '
            'stroke="currentColor" stroke-opacity="0.15"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y}" text-anchor="end" dominant-baseline="middle">{_thousands(value)}</text>'
        )
    parts.append("</g>")
    return parts


def _year_axis(first: int, count: int, x_of) -> list[str]:
    parts = [
        '<g class="chart-axis" font-size="12" fill="currentColor" text-anchor="middle" aria-hidden="true">'
    ]
    for year in range(first, first + count):
        parts.append(f'<text x="{_number(x_of(year))}" y="{HEIGHT - BOTTOM + 20}">{_text(year)}</text>')
    parts.append("</g>")
    return parts


def _bars(official: tuple[OfficialCount, ...], x_of, y_of, band: float) -> list[str]:
    width = band * 0.6
    parts = ['<g class="chart-official" aria-hidden="true">']
    for count in official:
        y = y_of(count.count)
        kind = "chart-bar chart-bar--provisional" if count.provisional else "chart-bar"
        parts.append(
            f'<rect class="{kind}" x="{_number(x_of(count.year) - width / 2)}" y="{_number(y)}" '
            f'width="{_number(width)}" height="{_number(y_of(0) - y)}" fill="currentColor" fill-opacity="0.25">'
            f"<title>{_text(count.year)}: {_thousands(count.count)} (official{', provisional' if count.provisional else ''})</title></rect>"
        )
    parts.append("</g>")
    return parts


def _points(points: list[Point], x_of, y_of, band: float) -> list[str]:
    by_year: dict[int, list[Point]] = {}
    for point in points:
        by_year.setdefault(point.year, []).append(point)
    parts = ['<g class="chart-reported">']
    for year, group in sorted(by_year.items()):
        gap = min(12.0, band * 0.6 / max(1, len(group)))
        for index, point in enumerate(group):
            x = x_of(year) + (index - (len(group) - 1) / 2) * gap
            y = y_of(float(point.value))
            parts.append(
                f'<a href="{_text(point.href)}" aria-label="{_text(point.label)}">'
                f"<title>{_text(point.label)}</title>{_mark(point.kind, x, y)}</a>"
            )
    parts.append("</g>")
    return parts


def _mark(kind: str, x: float, y: float) -> str:
    if kind == "far":
        return f'<path class="chart-point chart-point--far" d="{_diamond(x, y)}" fill="currentColor"/>'
    if kind == "to date":
        return (
            f'<circle class="chart-point chart-point--to-date" cx="{_number(x)}" cy="{_number(y)}" r="5" '
            'fill="none" stroke="currentColor" stroke-width="2"/>'
        )
    return f'<circle class="chart-point" cx="{_number(x)}" cy="{_number(y)}" r="5" fill="currentColor"/>'


def _diamond(x: float, y: float, size: float = 7) -> str:
    return (
        f"M{_number(x)},{_number(y - size)} L{_number(x + size)},{_number(y)} "
        f"L{_number(x)},{_number(y + size)} L{_number(x - size)},{_number(y)} Z"
    )
