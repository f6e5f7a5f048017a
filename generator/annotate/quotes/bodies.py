"""Organisations named in a stretch of prose, for the speakers that point back to one.

News copy often names a body in one clause and quotes it through a shorter phrase
in the next: "Downing Street said ... a spokesperson added", "The Supreme Court ruled
... the court found", "The charity warned". `bodies_named` lists the bodies a text
names, in order: organisations and parties from content/entities.yaml, by name or
alias, and capitalised names that end in an institutional head noun ("Fire Brigades
Union", "Kent County Council").
"""

from __future__ import annotations

import re

from generator.annotate.people.name_spans import capitalised_runs
from generator.annotate.vocabulary import BODY_HEADS, NOT_NAME_STARTS, identity_cache, matches_not_after
from generator.models import Entity


def bodies_named(text: str, entities: tuple[Entity, ...]) -> list[str]:
    """The bodies `text` names (canonical names where known), in the order they appear."""
    return [name for _, name in bodies_at(text, entities)]


def bodies_at(text: str, entities: tuple[Entity, ...]) -> list[tuple[int, str]]:
    """(offset, canonical name) of each body `text` names, in order."""
    found: dict[int, str] = {}
    known = _known_bodies(entities)
    if known.pattern:
        for match in matches_not_after(known, GLUED, text):
            found[match.start()] = _canonical(entities, match.group())
    covered = [range(start, start + len(name)) for start, name in found.items()]
    for run in capitalised_runs(text):
        words = list(run.words)
        while words and words[0] in NOT_NAME_STARTS:
            words = words[1:]
        if len(words) > 1 and words[-1] in BODY_HEADS and not any(run.start in r for r in covered):
            found.setdefault(run.start, " ".join(words))
    return sorted(found.items())


def latest_body(text: str, entities: tuple[Entity, ...], head: str | None = None) -> str | None:
    """The last body `text` names; with `head`, the last whose name ends in that noun ("court")."""
    for name in reversed(bodies_named(text, entities)):
        if head is None or name.split()[-1].lower() == head.lower():
            return name
    return None


GLUED = re.compile(r"[\w’']")  # a name glued to this character is part of a longer word


@identity_cache
def _known_bodies(entities: tuple[Entity, ...]) -> re.Pattern[str]:
    """One pattern for every organisation's and party's name and alias, longest first, not glued to
    a word after it (nor, by `matches_not_after` with `GLUED`, before it)."""
    names = {n for e in entities if e.is_organisation for n in (e.name, *e.aliases) if len(n) > 2}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w’'])") if alternatives else re.compile("")


def _canonical(entities: tuple[Entity, ...], text: str) -> str:
    for entity in entities:
        if entity.is_organisation and text in (entity.name, *entity.aliases):
            return entity.name
    return text
