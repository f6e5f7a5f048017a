"""Read seeds/ and content/: the only module that opens those folders.

In: the project root. Out: SourceText for every seed, a Sidecar for every
article sidecar, and the Knowledge contributors wrote (topics, entities, junk
rules, outlets). Every file is validated once, here, against its schema in
`schema.py`; each error becomes a Problem naming the file and line, and the
file (or the one entry of a list file) that has it is left out of the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .models import (
    Entity,
    InputError,
    JunkRule,
    Knowledge,
    Outlet,
    OutletSignal,
    Problem,
    QuoteOverride,
    Role,
    Sidecar,
    SourceText,
    TopicDef,
    WeightedTerm,
)
from .schema import (
    EntityEntry,
    JunkRuleEntry,
    OutletEntry,
    SidecarFront,
    TermFront,
    TopicFront,
    validate_entries,
    validate_mapping,
)
from .textfile import (
    FrontMatter,
    KeyLines,
    YamlDocument,
    load_yaml_document,
    read_text_file,
    split_front_matter,
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


class _Reading:
    """What one read of the project has found so far: problems, and the lines of every file's keys."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.key_lines: dict[str, KeyLines] = {}

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def front_matter(self, path: Path) -> FrontMatter | None:
        rel = self.relative(path)
        try:
            found = split_front_matter(read_text_file(path, rel), rel)
        except InputError as err:
            self.problems.append(err.problem)
            return None
        self.noted(rel, found.document)
        return found

    def yaml_file(self, path: Path) -> YamlDocument | None:
        rel = self.relative(path)
        try:
            document = load_yaml_document(read_text_file(path, rel), rel)
        except InputError as err:
            self.problems.append(err.problem)
            return None
        return self.noted(rel, document)

    def noted(self, rel: str, document: YamlDocument) -> YamlDocument:
        self.key_lines[rel] = document.key_lines
        self.problems += document.problems
        return document


def read_inputs(root: Path) -> Inputs:
    """Read and validate every seed, sidecar and knowledge file under `root`, collecting problems."""
    reading = _Reading(root)
    sources = tuple(_read_seeds(reading))
    sidecars = tuple(_read_sidecars(reading))
    knowledge = _read_knowledge(reading)
    home = _read_home(reading)
    problems = tuple(sorted(reading.problems, key=lambda p: (p.path, p.line or 0)))
    return Inputs(sources, sidecars, knowledge, home, problems, reading.key_lines)


def read_source(root: Path, path: Path) -> SourceText:
    """One raw article file as SourceText; InputError if it cannot be decoded."""
    rel = _Reading(root).relative(path)
    return SourceText(path=rel, text=read_text_file(path, rel))


def _read_seeds(reading: _Reading) -> Iterator[SourceText]:
    for path in sorted((reading.root / SEEDS).glob("*.txt")):
        try:
            yield read_source(reading.root, path)
        except InputError as err:
            reading.problems.append(err.problem)


def _markdown_files(reading: _Reading, folder: str) -> Iterator[tuple[Path, FrontMatter]]:
    """Each Markdown file of content/<folder> whose front matter could be read, named by a slug."""
    for path in sorted((reading.root / CONTENT / folder).glob("*.md")):
        if path.name == "index.md":
            continue
        if not _SLUG.fullmatch(path.stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "name"
            message = (
                f"file name `{path.name}` is not a slug; "
                f"rename it to lower-case letters, digits and hyphens: `{suggestion}.md`"
            )
            reading.problems.append(Problem(reading.relative(path), 1, message))
        found = reading.front_matter(path)
        if found is not None:
            yield path, found


def _read_sidecars(reading: _Reading) -> Iterator[Sidecar]:
    for path, found in _markdown_files(reading, "articles"):
        rel = reading.relative(path)
        front, problems = validate_mapping(SidecarFront, found.document, rel)
        reading.problems += problems
        if front is not None:
            yield _sidecar(front, found.body, rel, path.stem)


def _sidecar(front: SidecarFront, body: str, rel: str, slug: str) -> Sidecar:
    overrides = front.overrides.quotes if front.overrides is not None else []
    return Sidecar(
        path=rel,
        slug=slug,
        seed=front.seed,
        title=_text_or_none(front.title),
        outlet=_text_or_none(front.outlet),
        published=front.published,
        basis=_text_or_none(front.basis),
        summary=body.strip() or None,
        topics=tuple(front.topics) if front.topics is not None else None,
        quote_overrides=tuple(QuoteOverride(o.quote, o.speaker, _text_or_none(o.role)) for o in overrides),
        review=tuple(front.review),
    )


def _text_or_none(value: str | None) -> str | None:
    return (value or "").strip() or None


def _read_topics(reading: _Reading) -> Iterator[TopicDef]:
    for path, found in _markdown_files(reading, "topics"):
        rel = reading.relative(path)
        front, problems = validate_mapping(TopicFront, found.document, rel)
        reading.problems += problems
        if front is not None:
            yield _topic(front, found.body, rel, path.stem)


def _topic(front: TopicFront, body: str, rel: str, slug: str) -> TopicDef:
    return TopicDef(
        path=rel,
        slug=slug,
        title=front.title.strip(),
        description=front.description.strip(),
        intro=body.strip(),
        terms=tuple(_term(t) for t in front.match.terms),
        sentence_threshold=front.match.sentence_threshold,
        related=tuple(front.related),
    )


def _term(term: TermFront) -> WeightedTerm:
    if term.pattern is not None:
        return WeightedTerm(term.pattern, term.weight, is_pattern=True)
    return WeightedTerm(term.phrase or "", term.weight)


def _read_knowledge(reading: _Reading) -> Knowledge:
    return Knowledge(
        topics=tuple(_read_topics(reading)),
        entities=tuple(_entity(e) for e in _read_entries(reading, "entities.yaml", EntityEntry, "entities")),
        junk=tuple(
            JunkRule(r.name, r.pattern, r.where)
            for r in _read_entries(reading, "junk.yaml", JunkRuleEntry, "rules")
        ),
        outlets=tuple(_outlet(o) for o in _read_entries(reading, "outlets.yaml", OutletEntry, "outlets")),
    )


def _read_entries(reading: _Reading, name: str, model: type, key: str) -> list:
    path = reading.root / CONTENT / name
    document = reading.yaml_file(path) if path.exists() else None
    if document is None:
        return []
    entries, problems = validate_entries(model, document, reading.relative(path), key)
    reading.problems += problems
    return entries


def _entity(entry: EntityEntry) -> Entity:
    return Entity(
        name=entry.name,
        kind=entry.kind,
        aliases=tuple(entry.aliases),
        roles=tuple(Role(r.title, r.start, r.end) for r in entry.roles),
        note=_text_or_none(entry.note),
    )


def _outlet(entry: OutletEntry) -> Outlet:
    return Outlet(entry.name, tuple(OutletSignal(s.pattern, s.weight) for s in entry.signals))


def _read_home(reading: _Reading) -> str:
    path = reading.root / CONTENT / "index.md"
    found = reading.front_matter(path) if path.exists() else None
    return found.body.strip() if found is not None else ""
