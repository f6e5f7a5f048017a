"""Open data (`data/`): the record's tables as CSV and JSON, a Frictionless Data Package, and its page.

In: the build's Catalogue. Out: `data/<table>.csv` and `data/<table>.json` for each table of
TABLES, `data/datapackage.json` (a Frictionless Data Package, v1, describing every file) and
`data/index.md`, the "About the data" page. A table is defined once, one column a line: its
name, Table Schema type, description and how to read its value. The CSV header, the JSON keys,
the descriptor's schema and the page's field lists all come from that definition, so they
cannot drift. Values are data, never markup: the CSV module and `json` write them, and a CSV
text cell a spreadsheet would run as a formula gets a `'` in front (`spreadsheet_safe`).
Every file is sorted and free of timestamps, so two builds of one input are byte-identical.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import jinja2

from generator.annotate.quotes.annotator import UNKNOWN
from generator.link import PEOPLE_GROUPS
from generator.models import Article, Event, Page
from generator.pages.environment import front_matter
from generator.pages.mdtext import Markdown, link
from generator.pages.views import Catalogue, person_slug

FOLDER = "data"
PACKAGE = "datapackage.json"
STRING, INTEGER, NUMBER, BOOLEAN, ARRAY = "string", "integer", "number", "boolean", "array"
PARTIAL_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # YYYY, YYYY-MM or YYYY-MM-DD
# A CSV text cell starting with one of these is a formula (or may become one) in a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, Table Schema type and description, and how to read it."""

    name: str
    type: str  # STRING, INTEGER, NUMBER, BOOLEAN or ARRAY (of strings)
    description: str
    value: Callable[[Any], object]
    required: bool = False
    pattern: str | None = None

    def field(self) -> dict[str, object]:
        """The column as a Table Schema field descriptor."""
        field: dict[str, object] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, object] = {"required": True} if self.required else {}
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            field["constraints"] = constraints
        return field


@dataclass(frozen=True)
class Table:
    """A table of the data package: what one row is, its columns, and where its rows come from."""

    name: str
    title: str
    row: str  # what one row is, for the page and the descriptor
    rows: Callable[[Catalogue], Iterable[Any]]
    key: tuple[str, ...]  # the primary key
    columns: tuple[Column, ...]

    def schema(self) -> dict[str, object]:
        """The Table Schema shared by the table's CSV and JSON files."""
        return {
            "fields": [c.field() for c in self.columns],
            "primaryKey": list(self.key),
            "missingValues": [""],
        }


@dataclass(frozen=True)
class InArticle:
    """A quotation or figure of an article, with its place among the article's ones."""

    article: Article
    number: int  # 1-based, in the article's order
    item: Any  # the Quote or Figure
    person: str | None = None  # a quotation's speaker's page slug, when the build has that page


def _page_url(slug: str, paragraph: int | None = None) -> str:
    return f"articles/{slug}/" + (f"#p{paragraph}" if paragraph else "")


def _quotations(catalogue: Catalogue) -> Iterable[InArticle]:
    for article in catalogue.newest_first():
        for number, quote in enumerate(article.annotations.quotes, 1):
            slug = person_slug(quote.speaker)
            known = quote.speaker != UNKNOWN and slug in catalogue.people
            yield InArticle(article, number, quote, slug if known else None)


def _figures(catalogue: Catalogue) -> Iterable[InArticle]:
    for article in catalogue.newest_first():
        for number, figure in enumerate(article.annotations.figures, 1):
            yield InArticle(article, number, figure)


def _events(catalogue: Catalogue) -> Iterable[tuple[int, Event]]:
    return enumerate(catalogue.index.events, 1)


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _number(value: float | int) -> float | int:
    """A whole number as an integer (`54000000`, not `54000000.0`), in both CSV and JSON."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


ARTICLE_OF = "The slug of the article (a row of articles)."
PAGE_OF = "The page on the site, relative to the site's root."

ARTICLES = Table(
    name="articles",
    title="Articles",
    row="one article of the record, newest first",
    rows=lambda catalogue: catalogue.newest_first(),
    key=("slug",),
    columns=(
        Column("slug", STRING, "The article's identifier.", lambda a: a.slug, required=True),
        Column("title", STRING, "The title an editor gave, or one inferred from the text.", lambda a: a.title, required=True),
        Column("title_inferred", BOOLEAN, "True when no editor has written the title.", lambda a: a.annotations.title.inferred, required=True),
        Column("outlet", STRING, "The news outlet that published it; empty when unknown.", lambda a: a.annotations.outlet.value),
        Column("outlet_inferred", BOOLEAN, "True when the outlet was inferred from the text, not given by an editor.", lambda a: a.annotations.outlet.inferred, required=True),
        Column("published", STRING, "The date of publication: YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown.", lambda a: a.annotations.published.value, pattern=PARTIAL_DATE),
        Column("published_inferred", BOOLEAN, "True when the date was inferred from the text, not given by an editor.", lambda a: a.annotations.published.inferred, required=True),
        Column("author", STRING, "The byline, when the page had one.", lambda a: a.annotations.author.value),
        Column("summary", STRING, "An editor's summary, on one line, when there is one.", lambda a: _one_line(a.annotations.summary)),
        Column("topics", ARRAY, "The slugs of the topics the article is on (rows of topics).", lambda a: list(a.topic_slugs), required=True),
        Column("paragraphs", INTEGER, "Paragraphs of article text, after page junk was removed.", lambda a: len(a.clean.paragraphs), required=True),
        Column("quotations", INTEGER, "Quotations found (rows of quotations).", lambda a: len(a.annotations.quotes), required=True),
        Column("figures", INTEGER, "Key figures found (rows of figures).", lambda a: len(a.annotations.figures), required=True),
        Column("source_file", STRING, "The raw text in the project's repository.", lambda a: a.source.path, required=True),
        Column("page", STRING, PAGE_OF, lambda a: _page_url(a.slug), required=True),
    ),
)  # fmt: skip

QUOTATIONS = Table(
    name="quotations",
    title="Quotations",
    row="one direct quotation, by article (newest first) and then in the article's order",
    rows=_quotations,
    key=("article", "number"),
    columns=(
        Column("article", STRING, ARTICLE_OF, lambda c: c.article.slug, required=True),
        Column("number", INTEGER, "The quotation's place among the article's quotations, from 1.", lambda c: c.number, required=True),
        Column("paragraph", INTEGER, "The paragraph it is in, as numbered on the article's page.", lambda c: c.item.paragraph, required=True),
        Column("speaker", STRING, "Who said it, as the annotator or an editor names them; 'unknown' when no one could be found.", lambda c: c.item.speaker, required=True),
        Column("person", STRING, "The slug of the speaker's row of people, when they have one.", lambda c: c.person),
        Column("role", STRING, "The speaker's role as the article gives it.", lambda c: c.item.role),
        Column("text", STRING, "The quotation, without its quote marks, exactly as in the article.", lambda c: c.item.text, required=True),
        Column("cue", STRING, "What the attribution rests on: the attributing words, 'continuation' or 'pronoun: …'.", lambda c: c.item.cue),
        Column("page", STRING, PAGE_OF + " The anchor is the paragraph.", lambda c: _page_url(c.article.slug, c.item.paragraph), required=True),
    ),
)  # fmt: skip

FIGURES = Table(
    name="figures",
    title="Figures",
    row="one key figure, by article (newest first) and then in the article's order",
    rows=_figures,
    key=("article", "number"),
    columns=(
        Column("article", STRING, ARTICLE_OF, lambda c: c.article.slug, required=True),
        Column("number", INTEGER, "The figure's place among the article's figures, from 1.", lambda c: c.number, required=True),
        Column("paragraph", INTEGER, "The paragraph it is in, as numbered on the article's page.", lambda c: c.item.paragraph, required=True),
        Column("value", NUMBER, "The number.", lambda c: _number(c.item.value), required=True),
        Column("unit", STRING, "Its unit: what is counted (people, boats ...), a currency code, percent or times.", lambda c: c.item.unit, required=True),
        Column("counts", STRING, "What the number counts, in a few words, when the annotator could tell.", lambda c: c.item.counts),
        Column("measure", STRING, "What it measures: a measure of content/units.yaml (arrivals, deaths, returns ...) or 'other'.", lambda c: c.item.measure, required=True),
        Column("period_year", INTEGER, "The year it counts, when its sentence or the article's date says.", lambda c: c.item.period.year),
        Column("period_span", STRING, "How much of that year: 'year' (the whole year), 'to date' (from January to the article's day) or 'part' (a day, a month).", lambda c: c.item.period.span if c.item.period.year is not None else None),
        Column("text", STRING, "The phrase exactly as in the article.", lambda c: c.item.text, required=True),
        Column("page", STRING, PAGE_OF + " The anchor is the paragraph.", lambda c: _page_url(c.article.slug, c.item.paragraph), required=True),
    ),
)  # fmt: skip

PEOPLE = Table(
    name="people",
    title="People",
    row="one person or body quoted or named, by slug",
    rows=lambda catalogue: catalogue.people.values(),
    key=("slug",),
    columns=(
        Column("slug", STRING, "The person's identifier (their page is people/<slug>/).", lambda p: p.slug, required=True),
        Column("name", STRING, "The spelling the articles use most often.", lambda p: p.name, required=True),
        Column("group", STRING, "How the site groups them: " + ", ".join(key for key, _ in PEOPLE_GROUPS) + ".", lambda p: p.group, required=True),
        Column("roles", ARRAY, "The roles the articles give them, as written, newest first.", lambda p: [role for role, _ in p.roles], required=True),
        Column("quotations", INTEGER, "Their quotations in the record (rows of quotations).", lambda p: len(p.quotes), required=True),
        Column("articles", INTEGER, "Articles that quote or name them.", lambda p: p.named_in, required=True),
        Column("page", STRING, PAGE_OF, lambda p: f"people/{p.slug}/", required=True),
    ),
)  # fmt: skip

TOPICS = Table(
    name="topics",
    title="Topics",
    row="one topic, in the site's order",
    rows=lambda catalogue: catalogue.topics.values(),
    key=("slug",),
    columns=(
        Column("slug", STRING, "The topic's identifier.", lambda t: t.slug, required=True),
        Column("title", STRING, "The topic's title.", lambda t: t.title, required=True),
        Column("description", STRING, "What the topic covers.", lambda t: t.description),
        Column("page", STRING, PAGE_OF, lambda t: f"topics/{t.slug}/", required=True),
    ),
)  # fmt: skip

EVENTS = Table(
    name="events",
    title="Events",
    row="one dated event of the timeline, in date order: a sentence of an article, or a curated entry",
    rows=_events,
    key=("number",),
    columns=(
        Column("number", INTEGER, "The event's place in the timeline's date order, from 1.", lambda e: e[0], required=True),
        Column("date", STRING, "When it happened (or is to happen): YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows.", lambda e: e[1].date, required=True, pattern=PARTIAL_DATE),
        Column("text", STRING, "The sentence that tells of it, or a curated entry's text.", lambda e: e[1].text, required=True),
        Column("phrase", STRING, "The date as the article wrote it.", lambda e: e[1].phrase),
        Column("resolved", BOOLEAN, "True when the date was worked out from a relative phrase ('in July', 'yesterday') and the article's date.", lambda e: e[1].resolved, required=True),
        Column("corrected", BOOLEAN, "True when an editor dated it in the article's sidecar.", lambda e: e[1].corrected, required=True),
        Column("curated", BOOLEAN, "True for an entry of content/events.yaml rather than a sentence of an article.", lambda e: e[1].curated, required=True),
        Column("article", STRING, ARTICLE_OF + " Empty for a curated event with a source outside the project.", lambda e: e[1].article),
        Column("paragraph", INTEGER, "The paragraph it is in, as numbered on the article's page.", lambda e: e[1].paragraph),
        Column("source_title", STRING, "A curated event's source outside the project.", lambda e: e[1].source_title),
        Column("source_url", STRING, "That source's address (http or https).", lambda e: e[1].source_url),
        Column("page", STRING, PAGE_OF + " The anchor is the paragraph.", lambda e: _page_url(e[1].article, e[1].paragraph) if e[1].article else None),
    ),
)  # fmt: skip

# The tables of the package, one a line, in the order the page and the descriptor list them.
TABLES: tuple[Table, ...] = (ARTICLES, QUOTATIONS, FIGURES, PEOPLE, TOPICS, EVENTS)


def spreadsheet_safe(text: str) -> str:
    """A CSV text cell no spreadsheet runs: `'` before a leading `=`, `+`, `-`, `@`, tab or line
    break (and their full-width forms); carriage returns as line feeds, which the CSV quotes."""
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def csv_cell(column: Column, value: object) -> str:
    """A value as its CSV cell: Table Schema's lexical forms, text made spreadsheet-safe."""
    if value is None:
        return ""
    if column.type == BOOLEAN:
        return "true" if value else "false"
    if column.type == ARRAY:
        return json.dumps(value, ensure_ascii=False)  # Table Schema's form for an array: JSON
    if column.type in (INTEGER, NUMBER):
        return str(value)
    return spreadsheet_safe(str(value))


def table_csv(table: Table, rows: list[Any]) -> str:
    """The table as CSV: a header of the column names, then a line a row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in table.columns])
    for row in rows:
        writer.writerow([csv_cell(c, c.value(row)) for c in table.columns])
    return out.getvalue()


def table_json(table: Table, rows: list[Any]) -> str:
    """The table as a JSON array of objects, one a line; a missing value is null. Keys are in the
    schema's order (fixed, so the file is deterministic), which table readers match to the fields."""
    lines = [json.dumps({c.name: c.value(row) for c in table.columns}, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def _resource(table: Table, path: str, text: str) -> dict[str, object]:
    data = text.encode("utf-8")
    resource: dict[str, object] = {
        "name": table.name if path.endswith(".csv") else f"{table.name}-json",
        "title": f"{table.title} ({path.rsplit('.', 1)[1].upper()})",
        "description": f"A row is {table.row}.",
        "path": path,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": table.schema(),
    }
    if path.endswith(".csv"):
        resource |= {
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "dialect": {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\n"},
        }
    else:
        resource |= {"format": "json", "mediatype": "application/json"}
    return resource


def package(resources: list[dict[str, object]]) -> dict[str, object]:
    """The Data Package descriptor (`datapackage.json`) for the given resources."""
    return {
        "profile": "data-package",
        "name": "channel-crossings-record",
        "title": "Channel Crossings Record: annotated news reporting on Channel small-boat crossings",
        "description": (
            "Articles on UK policy on small-boat crossings of the English Channel, with who is quoted, "
            "the key figures, the people named and the topics, as the site shows them. "
            "The page About the data (index.html beside this file) gives the method, licence and known limits."
        ),
        "keywords": ["English Channel", "small boats", "migration", "UK policy", "news", "quotations"],
        "licenses": [LICENCE],
        "sources": [{"title": "News articles as collected in the project's seeds/ folder"}],
        "resources": resources,
    }


def render_data(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """Every table as CSV and JSON, the package descriptor, and the "About the data" page."""
    pages, resources, files = [], [], []
    for table in TABLES:
        if not all(_NAME.fullmatch(c.name) for c in table.columns):
            raise ValueError(f"a column name of {table.name} is not a plain identifier")
        rows = list(table.rows(catalogue))
        made = [
            (f"{table.name}.csv", table_csv(table, rows)),
            (f"{table.name}.json", table_json(table, rows)),
        ]
        for path, text in made:
            pages.append(Page(f"{FOLDER}/{path}", text, None))
            resources.append(_resource(table, path, text))
        files.append((table, len(rows), [link(path, path) for path, _ in made]))
    descriptor = json.dumps(package(resources), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    pages.append(Page(f"{FOLDER}/{PACKAGE}", descriptor, None))
    text = env.get_template("data.md.j2").render(
        front=front_matter(
            title="About the data",
            description="The record's articles, quotations, figures and people as CSV and JSON: "
            "what each file holds, how it is made, its licence and its limits.",
        ),
        files=files,
        fields=[(table, [(Markdown(f"`{c.name}`"), c) for c in table.columns]) for table in TABLES],
        package=link(PACKAGE, PACKAGE),
        licence=link(LICENCE["title"], LICENCE["path"]),
        formula_start=Markdown(", ".join(f"`{c}`" for c in FORMULA_START if c.isascii() and c.isprintable())),
    )
    pages.append(Page(f"{FOLDER}/index.md", text, None))
    return pages
