"""Read seeds/ and content/: the only module that opens those folders.

In: the project root. Out: SourceText for every seed, a Sidecar for every
article sidecar, and the Knowledge contributors wrote (topics, entities, junk
rules, outlets). A file that cannot be used becomes a Problem naming its path
and line; the other files are still read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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
from .textfile import read_text_file, split_front_matter

SEEDS = "seeds"
CONTENT = "content"


@dataclass(frozen=True)
class Inputs:
    """Everything read from disk for one build."""

    sources: tuple[SourceText, ...]
    sidecars: tuple[Sidecar, ...]
    knowledge: Knowledge
    home: str  # the hand-written Markdown body of content/index.md
    problems: tuple[Problem, ...]


def read_inputs(root: Path) -> Inputs:
    """Read every seed, sidecar and knowledge file under `root`, collecting problems."""
    problems: list[Problem] = []
    sources = tuple(_collect(_read_seeds(root), problems))
    sidecars = tuple(_collect(_read_sidecars(root), problems))
    knowledge = _read_knowledge(root, problems)
    home = _read_home(root, problems)
    return Inputs(sources, sidecars, knowledge, home, tuple(problems))


def read_source(root: Path, path: Path) -> SourceText:
    """One raw article file as SourceText; InputError if it cannot be decoded."""
    rel = _relative(root, path)
    return SourceText(path=rel, text=read_text_file(path, rel))


def _collect(items: Iterator[Any], problems: list[Problem]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def _relative(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_seeds(root: Path) -> Iterator[SourceText | Problem]:
    for path in sorted((root / SEEDS).glob("*.txt")):
        try:
            yield read_source(root, path)
        except InputError as err:
            yield err.problem


def _read_sidecars(root: Path) -> Iterator[Sidecar | Problem]:
    for path in sorted((root / CONTENT / "articles").glob("*.md")):
        if path.name == "index.md":
            continue
        rel = _relative(root, path)
        try:
            meta, body, _ = split_front_matter(read_text_file(path, rel), rel)
            yield _sidecar_from(meta, body, rel, path.stem)
        except InputError as err:
            yield err.problem


def _sidecar_from(meta: dict[str, Any], body: str, rel: str, slug: str) -> Sidecar:
    if not meta.get("seed"):
        raise InputError(Problem(rel, 1, "front matter needs `seed:` naming the file in seeds/"))
    overrides = tuple(
        QuoteOverride(str(o.get("quote", "")), str(o.get("speaker", "")), _text_or_none(o.get("role")))
        for o in (meta.get("overrides") or {}).get("quotes", []) or []
    )
    topics = meta.get("topics")
    return Sidecar(
        path=rel,
        slug=slug,
        seed=str(meta["seed"]),
        title=_text_or_none(meta.get("title")),
        outlet=_text_or_none(meta.get("outlet")),
        published=_date_text(meta.get("published")),
        basis=_text_or_none(meta.get("basis")),
        summary=body.strip() or None,
        topics=tuple(str(t) for t in topics) if topics is not None else None,
        quote_overrides=overrides,
    )


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date_text(value: Any) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return _text_or_none(value)


def _read_knowledge(root: Path, problems: list[Problem]) -> Knowledge:
    content = root / CONTENT
    return Knowledge(
        topics=tuple(_collect(_read_topics(root), problems)),
        entities=tuple(_entity(e) for e in _yaml_list(root, content / "entities.yaml", problems)),
        junk=tuple(_junk_rule(r) for r in _yaml_list(root, content / "junk.yaml", problems, "rules")),
        outlets=tuple(_outlet(o) for o in _yaml_list(root, content / "outlets.yaml", problems, "outlets")),
    )


def _yaml_list(root: Path, path: Path, problems: list[Problem], key: str | None = None) -> list[dict]:
    if not path.exists():
        return []
    rel = _relative(root, path)
    try:
        data = load_yaml(read_text_file(path, rel), rel)
    except InputError as err:
        problems.append(err.problem)
        return []
    if key is not None and isinstance(data, dict):
        data = data.get(key)
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        problems.append(Problem(rel, 1, f"expected a list of mappings{f' under `{key}:`' if key else ''}"))
        return []
    return data


def load_yaml(text: str, rel: str, line_offset: int = 0) -> Any:
    """Parse YAML safely; a syntax error becomes an InputError with its line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(Problem(rel, line, f"YAML syntax error: {reason}")) from None


def _entity(data: dict) -> Entity:
    roles = tuple(
        Role(str(r.get("title", "")), _date_text(r.get("start")), _date_text(r.get("end")))
        for r in data.get("roles") or []
        if isinstance(r, dict)
    )
    return Entity(
        name=str(data.get("name", "")),
        kind=str(data.get("kind", "person")),
        aliases=tuple(str(a) for a in data.get("aliases") or []),
        roles=roles,
        note=_text_or_none(data.get("note")),
    )


def _junk_rule(data: dict) -> JunkRule:
    return JunkRule(str(data.get("name", "")), str(data.get("pattern", "")), str(data.get("where", "line")))


def _outlet(data: dict) -> Outlet:
    signals = tuple(
        OutletSignal(str(s.get("pattern", "")), float(s.get("weight", 1.0)))
        for s in data.get("signals") or []
        if isinstance(s, dict)
    )
    return Outlet(str(data.get("name", "")), signals)


def _read_topics(root: Path) -> Iterator[TopicDef | Problem]:
    for path in sorted((root / CONTENT / "topics").glob("*.md")):
        if path.name == "index.md":
            continue
        rel = _relative(root, path)
        try:
            meta, body, _ = split_front_matter(read_text_file(path, rel), rel)
            yield _topic_from(meta, body, rel, path.stem)
        except InputError as err:
            yield err.problem


def _topic_from(meta: dict[str, Any], body: str, rel: str, slug: str) -> TopicDef:
    match = meta.get("match") or {}
    terms = tuple(_term(t) for t in match.get("terms") or [] if isinstance(t, dict))
    return TopicDef(
        path=rel,
        slug=slug,
        title=str(meta.get("title") or slug),
        description=str(meta.get("description") or ""),
        intro=body.strip(),
        terms=terms,
        sentence_threshold=float(match.get("sentence_threshold", 2.0)),
        related=tuple(str(r) for r in meta.get("related") or []),
    )


def _term(data: dict) -> WeightedTerm:
    if "pattern" in data:
        return WeightedTerm(str(data["pattern"]), float(data.get("weight", 1.0)), is_pattern=True)
    return WeightedTerm(str(data.get("phrase", "")), float(data.get("weight", 1.0)))


def _read_home(root: Path, problems: list[Problem]) -> str:
    path = root / CONTENT / "index.md"
    if not path.exists():
        return ""
    rel = _relative(root, path)
    try:
        _, body, _ = split_front_matter(read_text_file(path, rel), rel)
    except InputError as err:
        problems.append(err.problem)
        return ""
    return body.strip()
