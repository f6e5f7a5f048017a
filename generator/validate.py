"""Checks across files: what no single file can tell about itself.

In: the Inputs read from disk. Out: Problems (sidecar naming a missing seed,
two sources claiming one URL, unknown topics).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from .ingest import Inputs
from .models import TOPIC_SLUGS, Problem


def check_inputs(inputs: Inputs) -> list[Problem]:
    """Every cross-file problem in the inputs, in a stable order."""
    return _missing_seeds(inputs) + _duplicate_seeds(inputs) + _unknown_topics(inputs)


def _missing_seeds(inputs: Inputs) -> list[Problem]:
    seeds = {PurePosixPath(s.path).name for s in inputs.sources}
    return [
        Problem(s.path, 2, f"`seed: {s.seed}` names no file in seeds/; check the file name")
        for s in inputs.sidecars
        if s.seed not in seeds
    ]


def _duplicate_seeds(inputs: Inputs) -> list[Problem]:
    claims: dict[str, list[str]] = defaultdict(list)
    for sidecar in inputs.sidecars:
        claims[sidecar.seed].append(sidecar.path)
    return [
        Problem(paths[1], 2, f"seed {seed} already has a sidecar, {paths[0]}; keep one of them")
        for seed, paths in sorted(claims.items())
        if len(paths) > 1
    ]


def _unknown_topics(inputs: Inputs) -> list[Problem]:
    known = {t.slug for t in inputs.knowledge.topics} | set(TOPIC_SLUGS)
    problems = [
        Problem(t.path, None, f"`related:` names unknown topic {r!r}; known topics: {', '.join(sorted(known))}")
        for t in inputs.knowledge.topics
        for r in t.related
        if r not in known
    ]
    problems += [
        Problem(s.path, None, f"`topics:` names unknown topic {t!r}; known topics: {', '.join(sorted(known))}")
        for s in inputs.sidecars
        for t in s.topics or ()
        if t not in known
    ]
    return problems
