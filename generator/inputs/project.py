"""Read seeds/ and content/: the only module that opens those folders.

In: the project root. Out: SourceText for every seed, a Sidecar for every
article sidecar, and the Knowledge contributors wrote (topics, entities, junk
rules, outlets, glossary, units, official totals). Every file is validated once, here, against its schema in
`schema.py`; each error becomes a Problem naming the file and line, and the
file (or the one entry of a list file) that has it is left out of the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.inputs.files import ProjectReading, read_source  # noqa: F401 (the CLI reads one file with it)
from generator.inputs.front_matter import FrontMatter
from generator.inputs.markdown_limits import markdown_body_problems
from generator.inputs.schema import (
    REVIEW_LINE,
    REVIEWED_FIELDS,
    EntityEntry,
    EventEntry,
    GlossaryEntry,
    JunkRuleEntry,
    OutletEntry,
    PageFront,
    SidecarFront,
    TermFront,
    TopicFront,
    UnitsFile,
    validate_entries,
    validate_located_entries,
    validate_mapping,
    validate_official,
    validate_units,
)
from generator.inputs.slugs import slugify
from generator.inputs.text_warnings import invisible_character_warning, visible_text
from generator.inputs.textfile import KeyLines
from generator.models import (
    Entity,
    Event,
    EventOverride,
    FigureOverride,
    GlossaryTerm,
    HandPage,
    JunkRule,
    Knowledge,
    LineChoice,
    Measure,
    OfficialCount,
    OfficialSeries,
    Outlet,
    OutletSignal,
    Period,
    Problem,
    QuoteOverride,
    Role,
    Sidecar,
    SourceText,
    TopicDef,
    Units,
    WeightedTerm,
)

SEEDS = "seeds"
CONTENT = "content"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Inputs:
    """Everything read from disk for one build."""

    sources: tuple[SourceText, ...]
    sidecars: tuple[Sidecar, ...]
    knowledge: Knowledge
    home: str  # the hand-written Markdown body of content/index.md
    problems: tuple[Problem, ...]
    key_lines: Mapping[str, KeyLines] = field(default_factory=dict)  # by path: the line of every YAML key
    pages: tuple[HandPage, ...] = ()  # hand-written pages other than the home page
    images: tuple[str, ...] = ()  # content-relative paths of images, published as they are


def read_inputs(root: Path) -> Inputs:
    """Read and validate every seed, sidecar and knowledge file under `root`, collecting problems."""
    reading = ProjectReading(root)
    content = reading.content_files(root / CONTENT)
    sources = tuple(_read_seeds(reading))
    sidecars = tuple(_read_sidecars(reading))
    knowledge = _read_knowledge(reading)
    pages = tuple(_read_pages(reading, content.pages))
    home = next((p.body.strip() for p in pages if p.page == "index.md"), "")
    problems = tuple(sorted(reading.problems, key=lambda p: (p.path, p.line or 0)))
    others = tuple(p for p in pages if p.page != "index.md")
    return Inputs(sources, sidecars, knowledge, home, problems, reading.key_lines, others, content.images)


def _read_seeds(reading: ProjectReading) -> Iterator[SourceText]:
    for path in reading.files(reading.root / SEEDS, "*.txt"):
        source = reading.source(path)
        if source is not None:
            warning = invisible_character_warning(source)
            reading.problems += [warning] if warning is not None else []
            yield source


def _markdown_files(reading: ProjectReading, folder: str) -> Iterator[tuple[Path, FrontMatter, str]]:
    """Each Markdown file of content/<folder> whose front matter could be read, with its slug.

    A file name that is not already a slug is an error; the file still counts, under
    its normalised slug, so that two names for one URL are reported as a collision.
    """
    for path in reading.files(reading.root / CONTENT / folder, "*.md"):
        if path.name == "index.md":
            continue
        slug = slugify(path.stem) or "name"
        if not _SLUG.fullmatch(path.stem):
            message = (
                f"file name `{path.name}` is not a slug; "
                f"rename it to lower-case letters, digits and hyphens: `{slug}.md`"
            )
            reading.problems.append(Problem(reading.relative(path), 1, message))
        front_matter = reading.front_matter(path)
        if front_matter is not None:
            yield path, front_matter, slug


def _read_validated(reading: ProjectReading, folder: str, model: type, build: Callable) -> Iterator:
    """Each Markdown file in content/<folder> whose front matter passes `model`, built into a record."""
    for path, front_matter, slug in _markdown_files(reading, folder):
        rel = reading.relative(path)
        front = _validated(reading, model, front_matter, rel)
        if front is not None:
            yield build(front, front_matter, rel, slug)


def _validated(reading: ProjectReading, model: type, front_matter: FrontMatter, rel: str):
    """The front matter as `model`, or None when it or the Markdown body has a problem (recorded)."""
    front, problems = validate_mapping(model, front_matter.document, rel)
    problems += markdown_body_problems(front_matter.body, rel, front_matter.body_line)
    reading.problems += problems
    return front if not problems else None


def _read_sidecars(reading: ProjectReading) -> Iterator[Sidecar]:
    return _read_validated(reading, "articles", SidecarFront, _sidecar)


def _sidecar(front: SidecarFront, front_matter: FrontMatter, rel: str, slug: str) -> Sidecar:
    overrides = front.overrides.quotes if front.overrides is not None else []
    lines = front_matter.document.key_lines
    return Sidecar(
        path=rel,
        slug=slug,
        seed=front.seed,
        title=visible_text(front.title or "") or None,
        outlet=_text_or_none(front.outlet),
        published=front.published,
        basis=_text_or_none(front.basis),
        summary=front_matter.body.strip() or None,
        topics=tuple(front.topics) if front.topics is not None else None,
        quote_overrides=tuple(
            QuoteOverride(
                o.quote, o.speaker, _text_or_none(o.role), lines.line_of(("overrides", "quotes", i, "quote"))
            )
            for i, o in enumerate(overrides)
        ),
        event_overrides=tuple(
            EventOverride(o.text, o.drop, o.date, lines.line_of(("overrides", "events", i, "text")))
            for i, o in enumerate(front.overrides.events if front.overrides is not None else [])
        ),
        figure_overrides=tuple(
            FigureOverride(
                o.figure,
                o.measure,
                _period(o.period),
                o.drop,
                lines.line_of(("overrides", "figures", i, "figure")),
            )
            for i, o in enumerate(front.overrides.figures if front.overrides is not None else [])
        ),
        review=tuple(r for r in front.review or () if r in REVIEWED_FIELDS),
        keep=_line_choices(front.keep, "keep", lines),
        remove=_line_choices(front.remove, "remove", lines),
        review_lines=tuple(
            LineChoice(int(found.group(1)), lines.line_of(("review", i)))
            for i, r in enumerate(front.review or ())
            if (found := REVIEW_LINE.fullmatch(r))
        ),
    )


def _period(written: str | None) -> Period | None:
    """A figure override's `period:` (validated: `2021`, `2021 to date`, `2021 part`, `unknown`)."""
    if written is None:
        return None
    if written == "unknown":
        return Period()
    year, _, span = written.partition(" ")
    return Period(year=int(year), span=span or "year")


def _line_choices(numbers: list[int] | None, key: str, lines: KeyLines) -> tuple[LineChoice, ...]:
    """A `keep:` or `remove:` list as seed line numbers, each with the line of its list item."""
    return tuple(LineChoice(n, lines.line_of((key, i))) for i, n in enumerate(numbers or ()))


def _text_or_none(value: str | None) -> str | None:
    return (value or "").strip() or None


def _read_topics(reading: ProjectReading) -> Iterator[TopicDef]:
    return _read_validated(reading, "topics", TopicFront, _topic)


def _topic(front: TopicFront, front_matter: FrontMatter, rel: str, slug: str) -> TopicDef:
    return TopicDef(
        path=rel,
        slug=slug,
        title=front.title.strip(),
        description=front.description.strip(),
        intro=front_matter.body.strip(),
        terms=tuple(_term(t) for t in front.match.terms),
        position=front.position,
        sentence_threshold=front.match.sentence_threshold,
        related=tuple(front.related),
    )


def _term(term: TermFront) -> WeightedTerm:
    if term.pattern is not None:
        return WeightedTerm(term.pattern, term.weight, is_pattern=True)
    return WeightedTerm(term.phrase or "", term.weight)


def _read_knowledge(reading: ProjectReading) -> Knowledge:
    return Knowledge(
        topics=tuple(_read_topics(reading)),
        entities=tuple(_entity(e) for e in _read_entries(reading, "entities.yaml", EntityEntry, "entities")),
        junk=tuple(
            JunkRule(r.name, r.pattern, r.where, r.opens_list, r.names_above)
            for r in _read_entries(reading, "junk.yaml", JunkRuleEntry, "rules")
        ),
        outlets=tuple(_outlet(o) for o in _read_entries(reading, "outlets.yaml", OutletEntry, "outlets")),
        glossary=tuple(
            GlossaryTerm(g.term, " ".join(g.definition.split()), tuple(g.aliases))
            for g in _read_entries(reading, "glossary.yaml", GlossaryEntry, "terms")
        ),
        units=(units := read_units(reading)),
        events=read_events(reading),
        official=read_official(reading, units),
    )


def _read_entries(reading: ProjectReading, name: str, model: type, key: str) -> list:
    path = reading.root / CONTENT / name
    document = reading.yaml_file(path) if path.exists() and reading.is_safe(path) else None
    if document is None:
        return []
    entries, problems = validate_entries(model, document, reading.relative(path), key)
    reading.problems += problems
    return entries


def read_events(reading: ProjectReading) -> tuple[Event, ...]:
    """content/events.yaml as curated Events, each with its line; an invalid entry is reported and left out."""
    path = reading.root / CONTENT / "events.yaml"
    document = reading.yaml_file(path) if path.exists() and reading.is_safe(path) else None
    if document is None:
        return ()
    located, problems = validate_located_entries(EventEntry, document, reading.relative(path), "events")
    reading.problems += problems
    return tuple(_event(entry, document.key_lines.line_of(where)) for where, entry in located)


def _event(entry: EventEntry, line: int) -> Event:
    source = entry.source
    return Event(
        date=entry.date,
        text=" ".join(entry.text.split()),
        article=source.article,
        curated=True,
        source_title=" ".join(source.title.split()) if source.title else None,
        source_url=source.url,
        topics=tuple(entry.topics),
        line=line,
    )


def read_units(reading: ProjectReading) -> Units:
    """content/units.yaml as Units, its problems added to `reading`; empty Units (the figures
    annotator's grammar alone) when the file is missing or invalid."""
    path = reading.root / CONTENT / "units.yaml"
    document = reading.yaml_file(path) if path.exists() and reading.is_safe(path) else None
    if document is None or document.data is None:
        return Units()
    found, problems = validate_units(document, reading.relative(path))
    reading.problems += problems
    return _units(found) if found is not None else Units()


def read_official(reading: ProjectReading, units: Units) -> OfficialSeries | None:
    """content/official.yaml's small-boat arrivals, its problems added to `reading`; None when the
    file is missing or invalid, or names a measure content/units.yaml does not define."""
    path = reading.root / CONTENT / "official.yaml"
    document = reading.yaml_file(path) if path.exists() and reading.is_safe(path) else None
    if document is None or document.data is None:
        return None
    rel = reading.relative(path)
    found, problems = validate_official(document, rel)
    reading.problems += problems
    series = found.small_boat_arrivals if found is not None else None
    if series is None:
        return None
    known = sorted(m.slug for m in units.measures)
    if series.measure not in known:
        line = document.key_lines.line_of(("small_boat_arrivals", "measure"))
        message = f"`measure: {series.measure}` is no measure of content/units.yaml; write one of {', '.join(known)}"
        reading.problems.append(Problem(rel, line, message))
        return None
    source = series.source
    return OfficialSeries(
        measure=series.measure,
        title=series.title.strip(),
        source_title=source.title.strip(),
        publisher=source.publisher.strip(),
        url=source.url,
        copied=source.copied,
        counts=tuple(
            OfficialCount(y.year, y.count, y.provisional) for y in sorted(series.years, key=lambda y: y.year)
        ),
    )


def _units(found: UnitsFile) -> Units:
    return Units(
        counted=_noun_units(found.counted),
        money=_noun_units(found.money),
        hyphenated=_noun_units(found.hyphenated),
        abbreviations=tuple(found.abbreviations),
        skipped_adjectives=tuple(found.skipped_adjectives),
        not_counted=tuple(found.not_counted),
        deaths_after=tuple(found.deaths.after),
        deaths_before=tuple(found.deaths.before),
        ordinal_nouns=tuple(found.ordinals.nouns),
        ordinal_events=tuple(found.ordinals.events),
        people_story_words=tuple(found.people_story_words),
        not_years=tuple(found.not_years),
        counts_of_people=tuple(found.counts_of_people),
        measures=tuple(
            Measure(m.measure, m.title.strip(), tuple(m.units), tuple(m.words), m.description.strip())
            for m in found.measures
        ),
    )


def _noun_units(by_unit: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    """(noun, unit) pairs in the file's order, from `unit: [nouns]`."""
    return tuple((noun, unit) for unit, nouns in by_unit.items() for noun in nouns)


def _entity(entry: EntityEntry) -> Entity:
    return Entity(
        name=entry.name,
        kind=entry.kind,
        aliases=tuple(entry.aliases),
        roles=tuple(Role(r.title, r.start, r.end) for r in entry.roles),
        note=_text_or_none(entry.note),
    )


def _outlet(entry: OutletEntry) -> Outlet:
    signals = tuple(OutletSignal(s.pattern, s.weight) for s in entry.signals)
    return Outlet(entry.name, signals, tuple(entry.aliases))


def _read_pages(reading: ProjectReading, paths: tuple[Path, ...]) -> Iterator[HandPage]:
    """Each hand-written page whose front matter passes `PageFront`; a bad one is reported and left out."""
    for path in paths:
        front_matter = reading.front_matter(path)
        if front_matter is None:
            continue
        rel = reading.relative(path)
        front = _validated(reading, PageFront, front_matter, rel)
        if front is not None:
            yield HandPage(
                path=rel,
                page=path.relative_to(reading.root / CONTENT).as_posix(),
                body=front_matter.body,
                title=front.title,
                description=front.description.strip() or None,
                tags=tuple(front.tags),
                hide=tuple(front.hide),
            )
