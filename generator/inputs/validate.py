"""Checks across files: what no single file can tell about itself.

In: the Inputs read from disk (each file already valid on its own). Out:
Problems located at the key that is wrong: a sidecar naming a missing seed,
two sidecars claiming one seed, two articles with one slug, a sidecar named like a year's list, two
topics with
one position, unknown topics, a curated event naming an unknown topic or article. A quote or
event override is checked with its article (`article.override_problems`), where both its text and
what the annotator found are known.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import PurePosixPath

from generator.inputs.project import CONTENT, SEEDS, Inputs
from generator.inputs.slugs import default_slug, is_listing_slug
from generator.inputs.textfile import KeyLines, KeyPath
from generator.models import ArticleInput, Problem, Sidecar


def check_inputs(inputs: Inputs) -> tuple[list[Problem], tuple[ArticleInput, ...]]:
    """Every cross-file problem in the inputs, sorted by file and line, and the articles to build:
    each seed joined to its sidecar, under its page's slug. Where two would share one page,
    the file the problem asks to rename is left out, so what is reported is what is missing."""
    slug_problems, refused = _duplicate_slugs(inputs)
    problems = (
        _missing_seeds(inputs)
        + _duplicate_seeds(inputs)
        + slug_problems
        + _duplicate_positions(inputs)
        + _unknown_topics(inputs)
    )
    articles = tuple(a for a in _joined(inputs) if _owner(a) not in refused)
    problems += _curated_event_references(inputs, {a.slug for a in articles})
    return sorted(problems, key=lambda p: (p.path, p.line or 0)), articles


def _joined(inputs: Inputs) -> list[ArticleInput]:
    """Every seed with the first sidecar that names it (a second one is reported by `_duplicate_seeds`)."""
    sidecars: dict[str, Sidecar] = {}
    for sidecar in inputs.sidecars:
        sidecars.setdefault(sidecar.seed, sidecar)
    return [
        ArticleInput(
            s, sidecars.get(s.name), sidecars[s.name].slug if s.name in sidecars else default_slug(s)
        )
        for s in inputs.sources
    ]


def _owner(article: ArticleInput) -> str:
    """The file that gives an article its slug: its sidecar, else its seed."""
    return article.sidecar.path if article.sidecar is not None else article.source.path


def _line(inputs: Inputs, path: str, keys: KeyPath) -> int:
    return inputs.key_lines.get(path, KeyLines()).line_of(keys)


def _missing_seeds(inputs: Inputs) -> list[Problem]:
    unreadable = [PurePosixPath(p.path).name for p in inputs.problems if p.path.startswith(f"{SEEDS}/")]
    seeds = {s.name for s in inputs.sources} | set(unreadable)
    return [
        Problem(
            s.path,
            _line(inputs, s.path, ("seed",)),
            f"`seed: {s.seed}` names no file in seeds/; check the file name",
        )
        for s in inputs.sidecars
        if s.seed not in seeds
    ]


def _duplicate_seeds(inputs: Inputs) -> list[Problem]:
    claims: dict[str, list[str]] = defaultdict(list)
    for sidecar in inputs.sidecars:
        claims[sidecar.seed].append(sidecar.path)
    return [
        Problem(
            path,
            _line(inputs, path, ("seed",)),
            f"seed {seed} already has a sidecar, {paths[0]}; keep one of them",
        )
        for seed, paths in sorted(claims.items())
        for path in paths[1:]
    ]


def _duplicate_slugs(inputs: Inputs) -> tuple[list[Problem], set[str]]:
    """Two articles would share one page (a sidecar named like another seed's default slug, two
    names differing only by case), or a sidecar is named like a list of articles by year (`2024.md`):
    a problem for the file to rename, and the set of those files."""
    with_sidecar = {s.seed for s in inputs.sidecars}
    owners = [(s.slug, s.path) for s in inputs.sidecars]
    owners += [(default_slug(s), s.path) for s in inputs.sources if s.name not in with_sidecar]
    first: dict[str, str] = {}
    problems, refused = [], set()
    for slug, path in owners:
        if is_listing_slug(slug):  # only a sidecar's name can be one (default_slug avoids them)
            message = (
                f"`{slug}` is the name of the list of articles by year (articles/{slug}/); rename this file"
            )
            problems.append(Problem(path, 1, message))
            refused.add(path)
    for slug, path in sorted(owners, key=lambda owner: (owner[1].startswith(SEEDS), owner[1])):
        if path in refused:
            continue
        if slug in first:  # sidecars sort first: the file to rename is the sidecar, if there is one
            renamed, other = (first[slug], path) if not first[slug].startswith(SEEDS) else (path, first[slug])
            message = (
                f"slug `{slug}` is also the slug of {other}{_lookalike(renamed, other)}; rename this file"
            )
            problems.append(Problem(renamed, 1, message))
            refused.add(renamed)
            first[slug] = other
        first.setdefault(slug, path)
    return problems, refused


def _lookalike(path: str, other: str) -> str:
    """Why two different file names look alike: letter case or Unicode normalisation."""
    a, b = PurePosixPath(path).stem, PurePosixPath(other).stem
    if a != b and unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b):
        return " (the names differ only in Unicode normalisation: the same letters, encoded differently)"
    if a != b and unicodedata.normalize("NFC", a).casefold() == unicodedata.normalize("NFC", b).casefold():
        return " (the names differ only in letter case)"
    return ""


def _duplicate_positions(inputs: Inputs) -> list[Problem]:
    """Two topic files with one `position:`: a problem at the `position:` line of each but the first
    by slug (the one the tie puts first), naming the file that already has that position."""
    first: dict[int, str] = {}
    problems = []
    for topic in sorted(inputs.knowledge.topics, key=lambda t: (t.position, t.slug)):
        if topic.position in first:
            other = first[topic.position]
            message = (
                f"`position: {topic.position}` is also the position of {other}; "
                "give each topic its own number (gaps are fine)"
            )
            problems.append(Problem(topic.path, _line(inputs, topic.path, ("position",)), message))
        first.setdefault(topic.position, topic.path)
    return problems


def _unknown_topics(inputs: Inputs) -> list[Problem]:
    """`related:` or `topics:` naming a topic no file in content/topics/ defines, or one named twice.

    The known topics are the topic files that passed their own checks. A topic whose file is there
    but has errors is not reported again here: its own errors say what to fix.
    """
    known = sorted(t.slug for t in inputs.knowledge.topics)
    broken = _broken_topics(inputs)
    named = [(t.path, "related", t.related) for t in inputs.knowledge.topics]
    named += [(s.path, "topics", s.topics or ()) for s in inputs.sidecars]
    problems = []
    for path, key, slugs in named:
        for index, slug in enumerate(slugs):
            line = _line(inputs, path, (key, index))
            if slug not in known and slug not in broken:
                message = f"`{key}:` names unknown topic `{slug}`; known topics: {', '.join(known)}"
                problems.append(Problem(path, line, message))
            elif slug in slugs[:index]:
                problems.append(Problem(path, line, f"`{key}:` names `{slug}` twice; remove one"))
    return problems


EVENTS = f"{CONTENT}/events.yaml"


def _curated_event_references(inputs: Inputs, articles: set[str]) -> list[Problem]:
    """A curated event whose `article:` is no article's slug, or whose `topics:` names an unknown topic."""
    lines = inputs.key_lines.get(EVENTS, KeyLines())
    entries = {
        line: keys
        for keys, line in lines.lines.items()
        if keys and isinstance(keys[-1], int) and keys[:-1] in ((), ("events",))
    }
    known, broken = sorted(t.slug for t in inputs.knowledge.topics), _broken_topics(inputs)
    sidecars_with_errors = _broken_topics(inputs, f"{CONTENT}/articles/")  # their own errors say it
    problems = []
    for event in (e for e in inputs.knowledge.events if e.line is not None):
        entry = entries.get(event.line, ())
        if event.article is not None and event.article not in articles | sidecars_with_errors:
            message = (
                f"`article: {event.article}` names no article; write the slug of its page "
                "(the name of its sidecar in content/articles/ without .md)"
            )
            problems.append(Problem(EVENTS, lines.line_of((*entry, "source", "article")), message))
        for index, slug in enumerate(event.topics):
            if slug not in known and slug not in broken:
                message = f"`topics:` names unknown topic `{slug}`; known topics: {', '.join(known)}"
                problems.append(Problem(EVENTS, lines.line_of((*entry, "topics", index)), message))
    return problems


def _broken_topics(inputs: Inputs, folder: str = f"{CONTENT}/topics/") -> set[str]:
    """The slugs of the topic files (or the files of `folder`) that are there but were left out
    for errors of their own."""
    return {
        PurePosixPath(p.path).stem
        for p in inputs.problems
        if p.path.startswith(folder) and p.path.endswith(".md") and p.severity == "error"
    }
