"""The figures pages: every figure of the record by measure and by year, and where reports differ.

In: the build's Catalogue (its knowledge gives the measures of content/units.yaml). Out: Pages:
`figures/index.md` (the measures, their years and the newest reports that differ),
`figures/<measure>/index.md` (its years) and `figures/<measure>/<year>.md` (its figures of that
year, the reports that differ side by side first). A page lists one measure's figures of one
year, so no page grows with the whole archive; the index shows the newest differences only.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from generator.annotate.sentences import sentence_ranges
from generator.models import Page
from generator.pages.environment import NOT_SEARCHED, front_matter
from generator.pages.figure_groups import (
    UNDATED,
    Difference,
    FigureRef,
    MeasureFigures,
    by_measure,
    differences,
    period_label,
)
from generator.pages.marks import escape_piece, locate
from generator.pages.mdtext import Markdown, escape_markdown, link
from generator.pages.views import Catalogue, date_label, figure_label

DIFFERENCES_ON_INDEX = 10  # the newest reports that differ, on figures/index.md; the rest on their pages
SOURCES_SIDE_BY_SIDE = 4  # columns of one difference block; more are counted
SENTENCE_LIMIT = 280  # characters of a figure's sentence shown with it
SECTIONS = (("year", "Whole year"), ("to date", "Year to date"), ("part", "Part of the year"))
CHART = "crossings.md"  # the chart of crossings, beside figures/index.md


@dataclass(frozen=True)
class Entry:
    """One figure as a year page lists it."""

    label: str
    period: str
    sentence: Markdown  # the sentence, escaped, the figure in bold
    source: Markdown  # "Title, ¶ n", linked to the paragraph
    outlet: str
    date: str
    anchor: Markdown  # `{: #f-… }`


@dataclass(frozen=True)
class Side:
    """One source in a block of reports that differ."""

    heading: str  # "Outlet, date"
    label: str
    written: str
    source: Markdown


def render_figures(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """The figures index, each measure's page and each measure's year pages."""
    measures = by_measure(catalogue, catalogue.knowledge.units)
    found = {m.measure.slug: differences([r for _, refs in m.by_page for r in refs]) for m in measures}
    pages = [_render_index(env, measures, found, catalogue)]
    for one in measures:
        if one.total:
            pages.append(_render_measure(env, one, found[one.measure.slug]))
            pages += [
                catalogue.memo.page(
                    f"figures/{one.measure.slug}/{key}.md",
                    (one.measure, key, refs, tuple(d for d in found[one.measure.slug] if str(d.year) == key)),
                    lambda one=one, key=key, refs=refs: _render_year(
                        env, one, key, refs, found[one.measure.slug]
                    ),
                )
                for key, refs in one.by_page
            ]
    return pages


def _render_index(
    env: jinja2.Environment,
    measures: tuple[MeasureFigures, ...],
    found: dict[str, list[Difference]],
    catalogue: Catalogue,
) -> Page:
    rows = [
        (
            link(m.measure.title, f"{m.measure.slug}/index.md"),
            m.measure.description,
            m.total,
            Markdown(
                " · ".join(link(_year_title(key), f"{m.measure.slug}/{key}.md") for key, _ in m.by_page)
            ),
            len(found[m.measure.slug]),
        )
        for m in measures
        if m.total
    ]
    titles = {m.measure.slug: m.measure.title for m in measures}
    newest = sorted((d for ds in found.values() for d in ds), key=lambda d: (-d.year, d.measure, d.anchor))
    text = env.get_template("figures_index.md.j2").render(
        front=front_matter(
            title="Figures",
            description="Every figure in the record by what it measures and the period it counts, with its source.",
        ),
        rows=rows,
        total=sum(m.total for m in measures),
        chart=link("Chart of crossings", CHART) if catalogue.knowledge.official is not None else None,
        differences=[_summary(d, titles[d.measure]) for d in newest[:DIFFERENCES_ON_INDEX]],
        more=max(0, len(newest) - DIFFERENCES_ON_INDEX),
    )
    return Page("figures/index.md", text, "content/units.yaml")


def _summary(difference: Difference, title: str) -> Markdown:
    """One line of the index: the measure, the period, the values and a link to the block."""
    values = " · ".join(
        f"{escape_markdown(figure_label(r.figure))} ({escape_markdown(_outlet(r))})" for r in difference.refs
    )
    target = f"{difference.measure}/{difference.year}.md#{difference.anchor}"
    return Markdown(f"{link(f'{title}, {_difference_label(difference)}', target)}: {values}")


def _render_measure(env: jinja2.Environment, one: MeasureFigures, found: list[Difference]) -> Page:
    slug = one.measure.slug
    rows = [
        (
            link(_year_title(key), f"{key}.md"),
            len(refs),
            *(
                sum(1 for r in refs if r.figure.period.year is not None and r.figure.period.span == s)
                for s, _ in SECTIONS
            ),
            sum(1 for r in refs if r.figure.period.year is None),
            sum(1 for d in found if str(d.year) == key),
        )
        for key, refs in one.by_page
    ]
    text = env.get_template("figures_measure.md.j2").render(
        front=front_matter(title=one.measure.title, description=one.measure.description or None),
        measure=one.measure,
        total=one.total,
        rows=rows,
        index=link("all measures", "../index.md"),
    )
    return Page(f"figures/{slug}/index.md", text, "content/units.yaml")


def _render_year(
    env: jinja2.Environment,
    one: MeasureFigures,
    key: str,
    refs: tuple[FigureRef, ...],
    found: list[Difference],
) -> Page:
    here = f"figures/{one.measure.slug}"
    sections = [
        (
            title,
            [
                _entry(r, here)
                for r in refs
                if r.figure.period.year is not None and r.figure.period.span == span
            ],
        )
        for span, title in SECTIONS
    ]
    unstated = [_entry(r, here) for r in refs if r.figure.period.year is None]
    heading = "Period not stated" + (
        f" (articles published in {key})" if key != UNDATED else " (undated articles)"
    )
    sections.append((heading, unstated))
    title = f"{one.measure.title}: {_year_title(key)}"
    text = env.get_template("figures_year.md.j2").render(
        front=front_matter(
            title=title,
            description=f"{one.measure.title} reported in the record, {_year_title(key)}.",
            **NOT_SEARCHED,
        ),
        title=title,
        measure=link(one.measure.title, "index.md"),
        differences=[_side_by_side(d, here) for d in found if str(d.year) == key],
        sections=[(t, entries) for t, entries in sections if entries],
        total=len(refs),
    )
    return Page(f"{here}/{key}.md", text, "content/units.yaml")


def _year_title(key: str) -> str:
    return "undated" if key == UNDATED else key


def _difference_label(difference: Difference) -> str:
    if difference.span == "year":
        return f"{difference.year}, whole year"
    return f"{difference.year}, year to date on {date_label(difference.as_of)}"


def _side_by_side(difference: Difference, here: str) -> tuple[str, Markdown, list[Side], int]:
    """A block of reports that differ: its heading, its anchor, one Side per source shown, and how many more."""
    sides = [
        Side(
            f"{_outlet(r)}, {date_label(r.article.annotations.published.value)}",
            figure_label(r.figure),
            r.figure.text,
            _source(r, here),
        )
        for r in difference.refs[:SOURCES_SIDE_BY_SIDE]
    ]
    anchor = Markdown(f"{{: #{difference.anchor} }}")
    return _difference_label(difference), anchor, sides, len(difference.refs) - len(sides)


def _entry(ref: FigureRef, here: str) -> Entry:
    annotations = ref.article.annotations
    return Entry(
        label=figure_label(ref.figure),
        period=period_label(ref.figure),
        sentence=sentence_of(ref),
        source=_source(ref, here),
        outlet=_outlet(ref),
        date=date_label(annotations.published.value),
        anchor=Markdown(f"{{: #{ref.anchor} }}"),
    )


def _outlet(ref: FigureRef) -> str:
    return ref.article.annotations.outlet.value or "outlet unknown"


def _source(ref: FigureRef, here: str) -> Markdown:
    """ "Title, ¶ n", linked to the paragraph from a page in `here` (`figures/<measure>`)."""
    paragraph = ref.figure.paragraph
    up = "../" * (here.count("/") + 1)
    return link(f"{ref.article.title}, ¶ {paragraph}", f"{up}articles/{ref.article.slug}.md#p{paragraph}")


def sentence_of(ref: FigureRef) -> Markdown:
    """The sentence the figure is stated in, escaped, the figure in bold; cut around it when long."""
    figure = ref.figure
    bold = f"**{escape_markdown(figure.text)}**"
    paragraph = next((p for p in ref.article.clean.paragraphs if p.number == figure.paragraph), None)
    span = locate(paragraph.text, figure.text, set(), whole_words=True) if paragraph is not None else None
    if paragraph is None or span is None:
        return Markdown(bold)
    text = paragraph.text
    first, last = next(((s, e) for s, e in sentence_ranges(text) if s <= span[0] < e), (0, len(text)))
    start, end = max(first, span[0] - SENTENCE_LIMIT // 2), min(last, span[1] + SENTENCE_LIMIT // 2)
    lead, tail = ("…" if start > first else ""), ("…" if end < last else "")
    before, after = escape_piece(text[start : span[0]]), escape_piece(text[span[1] : end].rstrip())
    return Markdown(f"{lead}{before.lstrip()}{bold}{after}{tail}")
