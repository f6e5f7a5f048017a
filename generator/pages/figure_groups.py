"""The figures of the record grouped for the figures pages: by measure, by year, and where reports differ.

In: the build's Catalogue (the articles newest first) and the measures of content/units.yaml.
Out: FigureRefs (a figure, its article and its place in the article's figures) with the page and
anchor each is listed at, and the groups of figures that give different numbers for one measure
and one period. Pure: nothing here renders.

URLs are made from the annotations alone: a figure is listed at `figures/<measure>/<year>/`, the
year its period names or, when it names none, the year its article was published (`undated/`
without either), under the anchor `#f-<article slug>-<n>`, n its place among the article's figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.annotate.vocabulary import currency_symbol
from generator.models import Article, Figure, Measure, Units
from generator.pages.views import Catalogue

OTHER = Measure("other", "Other figures", description="Shares, changes, distances and other numbers.")
UNDATED = "undated"  # the page of figures with no period from articles with no date
# Words before a number that make it a bound or an estimate, not a count: "more than 28,000".
AT_LEAST = ("more than", "over", "at least", "above", "in excess of", "upwards of", "exceeding")
AT_MOST = ("fewer than", "less than", "under", "almost", "nearly", "up to", "below", "just under")
ABOUT = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "close to")


@dataclass(frozen=True)
class FigureRef:
    """One figure of one article, and where the figures pages list it."""

    article: Article
    position: int  # 1-based place among the article's figures
    figure: Figure

    @property
    def anchor(self) -> str:
        """The entry's id on its page; article slugs are [a-z0-9-], so it is safe as it is."""
        return f"f-{self.article.slug}-{self.position}"

    @property
    def page_key(self) -> str:
        """The year of the page that lists the figure: its period's, else its article's, else UNDATED."""
        if self.figure.period.year is not None:
            return str(self.figure.period.year)
        published = self.article.annotations.published.value or ""
        return published[:4] if published[:4].isdigit() else UNDATED

    @property
    def path(self) -> str:
        """The docs path of its page: `figures/<measure>/<year>.md`."""
        return f"figures/{self.figure.measure}/{self.page_key}.md"


def measures_of(units: Units) -> tuple[Measure, ...]:
    """The measures pages are made for: those of content/units.yaml, then OTHER."""
    return (*units.measures, OTHER)


def figure_refs(article: Article) -> tuple[FigureRef, ...]:
    """The article's figures as FigureRefs, in the article's order."""
    return tuple(FigureRef(article, n, f) for n, f in enumerate(article.annotations.figures, 1))


def figure_href(ref: FigureRef, *, from_dir: str) -> str:
    """A docs-relative link to a figure's entry from a page in `from_dir` ("articles", "figures",
    "figures/<measure>")."""
    target = f"{ref.path}#{ref.anchor}"
    if from_dir == f"figures/{ref.figure.measure}":
        return target.removeprefix(f"{from_dir}/")
    if from_dir == "figures":
        return target.removeprefix("figures/")
    return f"../{target}"


def period_label(figure: Figure) -> str:
    """ "2021", "2021, year to date", "part of 2021" or "period not stated"."""
    period = figure.period
    if period.year is None:
        return "period not stated"
    if period.span == "to date":
        return f"{period.year}, year to date"
    return f"part of {period.year}" if period.span == "part" else str(period.year)


@dataclass(frozen=True)
class Difference:
    """Figures of one measure and one period, from two articles or more, that give different numbers."""

    measure: str
    year: int
    span: str  # "year" or "to date"
    as_of: str  # for "to date": the day the articles were published (YYYY-MM-DD); "" for "year"
    refs: tuple[FigureRef, ...]  # newest article first

    @property
    def anchor(self) -> str:
        """The id of its block on the year page: `differ-year`, `differ-to-date-2021-11-25`, ..."""
        unit = currency_of(self.refs[0].figure)
        parts = ["differ", self.span.replace(" ", "-"), self.as_of, unit.lower()]
        return "-".join(p for p in parts if p)


def currency_of(figure: Figure) -> str:
    """The figure's currency code when it is money ("GBP"), else "": money compares in one currency."""
    return figure.unit if currency_symbol(figure.unit) else ""


def value_range(figure: Figure) -> tuple[float, float]:
    """The numbers a figure allows, as its words give it: "more than 28,000" is 28,000 or more,
    "nearly 46,000" at most 46,000, "about 45,000" 44,000 to 46,000; a bare round number ("28,500",
    from 1,000 up) any number that rounds to it; any other number itself."""
    value = float(figure.value)
    words = " ".join(figure.text.casefold().split())
    step = _rounding_step(value)
    if words.startswith(AT_LEAST):
        return value, float("inf")
    if words.startswith(AT_MOST):
        return 0.0, value
    if words.startswith(ABOUT):
        return value - step, value + step
    if value >= 1000 and step >= 100:
        return value - step / 2, value + step / 2
    return value, value


def _rounding_step(value: float) -> float:
    """10 to the number of zeros the value ends with: 45,000 -> 1,000; 28,526 -> 1; 0.5 -> 0."""
    if not value.is_integer() or value == 0:
        return 0.0
    number, step = int(value), 1
    while number % (step * 10) == 0:
        step *= 10
    return float(step) if step > 1 else 0.0


def contradict(first: Figure, second: Figure) -> bool:
    """True when no one number fits both figures' words (value_range)."""
    low_a, high_a = value_range(first)
    low_b, high_b = value_range(second)
    return high_a < low_b or high_b < low_a


def differences(refs: list[FigureRef]) -> list[Difference]:
    """The groups of `refs` (all of one measure) that differ: one period, and two figures from
    different articles that contradict each other (no number fits both). A part of a year (a day, a
    month) is never compared, nor is a year to date unless the articles were published on the same,
    fully dated day."""
    groups: defaultdict[tuple, list[FigureRef]] = defaultdict(list)
    for ref in refs:
        key = _comparable_period(ref)
        if key is not None:
            groups[key].append(ref)
    found = []
    for (measure, year, span, as_of, _), members in groups.items():
        if any(
            a.article.slug != b.article.slug and contradict(a.figure, b.figure)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
        ):
            found.append(Difference(measure, year, span, as_of, tuple(members)))
    return sorted(found, key=lambda d: (-d.year, d.span, d.as_of, d.anchor))


def _comparable_period(ref: FigureRef) -> tuple | None:
    figure, published = ref.figure, ref.article.annotations.published.value or ""
    period = figure.period
    if figure.measure == OTHER.slug or period.year is None or period.span == "part":
        return None
    as_of = published if period.span == "to date" else ""
    if period.span == "to date" and len(as_of) != 10:
        return None
    return (figure.measure, period.year, period.span, as_of, currency_of(figure))


@dataclass(frozen=True)
class MeasureFigures:
    """Every figure of one measure, by the year of the page that lists it (newest first, UNDATED last)."""

    measure: Measure
    by_page: tuple[tuple[str, tuple[FigureRef, ...]], ...]

    @property
    def total(self) -> int:
        return sum(len(refs) for _, refs in self.by_page)


def by_measure(catalogue: Catalogue, units: Units) -> tuple[MeasureFigures, ...]:
    """Every figure of the record under its measure and page year, newest article first. One pass
    over the articles: the cost grows with the number of figures."""
    found: defaultdict[str, defaultdict[str, list[FigureRef]]] = defaultdict(lambda: defaultdict(list))
    for ref in _every_figure(catalogue):
        found[ref.figure.measure][ref.page_key].append(ref)
    return tuple(
        MeasureFigures(m, tuple((key, tuple(found[m.slug][key])) for key in _page_order(found[m.slug])))
        for m in measures_of(units)
    )


def _every_figure(catalogue: Catalogue) -> Iterator[FigureRef]:
    for article in catalogue.newest_first():
        yield from figure_refs(article)


def _page_order(pages: dict[str, list[FigureRef]]) -> list[str]:
    """Page years newest first, UNDATED last."""
    return sorted(pages, key=lambda key: (key == UNDATED, -int(key) if key != UNDATED else 0))
