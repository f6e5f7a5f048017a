"""Spot a person's name inside a run of capitalised words, with the role written beside it.

A capitalised run ("Home Secretary Yvette Cooper", "Refugee Council") is a person
only with evidence: a known person entity, a job title before it ("Transport
minister Lilian Greenwood"), an appositive after it ("Enver Solomon, the chief
executive of ..."), an honorific, or a speech verb next to it ("said Tony Smith",
"Jo Stevens questioned").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.annotate.vocabulary import (
    HONORIFICS,
    NOT_NAME_STARTS,
    POSSESSIVE_ENDINGS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_HEADS,
    VERB_FILLERS,
    WORD,
    identity_cache,
    is_capitalised,
    strip_possessive,
)
from generator.models import Entity

MAX_RUN = 10  # no name or title runs longer; caps the work on odd text
PARTICLES = frozenset({"de", "von", "der", "du", "van", "da", "di", "le", "la", "bin", "al"})
APPOSITIVE = re.compile(r",\s+(?:(?:the|a|an)\s+)?([^,.;:\"“”()\n]{2,120})(?=[,.;:])")
ACTION_VERBS = SPEECH_VERBS | frozenset(
    "met visited signed tabled launched proposed defended criticised attacked".split()
)


@dataclass(frozen=True)
class CapitalisedRun:
    """Consecutive capitalised words in a paragraph, and where they sit in it."""

    words: tuple[str, ...]  # possessive endings removed
    start: int
    end: int
    text: str  # the whole paragraph


@dataclass(frozen=True)
class FoundPerson:
    name: str
    role: str | None
    start: int  # where the name itself starts in the paragraph


@lru_cache(maxsize=1024)
def capitalised_runs(text: str) -> tuple[CapitalisedRun, ...]:
    """Every run of capitalised words (particles like "von" allowed inside)."""
    runs: list[CapitalisedRun] = []
    current: list[re.Match[str]] = []
    for match in WORD.finditer(text):
        token = match.group()
        if not current and not token[0].isupper():
            continue  # most words: lower case and in no run, which the rest would leave as they are
        joined = bool(current) and text[current[-1].end() : match.start()] == " "
        particle_ok = token in PARTICLES and joined
        if (is_capitalised(token) or particle_ok) and (not current or joined) and len(current) < MAX_RUN:
            current.append(match)
            if token.endswith(POSSESSIVE_ENDINGS):
                runs.append(_run(current, text))
                current = []
            continue
        if current:
            runs.append(_run(current, text))
        current = [match] if is_capitalised(token) else []
    if current:
        runs.append(_run(current, text))
    return tuple(r for r in runs if r.words)


def _run(matches: list[re.Match[str]], text: str) -> CapitalisedRun:
    while matches and matches[-1].group() in PARTICLES:
        matches = matches[:-1]
    words = tuple(strip_possessive(m.group()) for m in matches)
    if not matches:
        return CapitalisedRun((), 0, 0, text)
    return CapitalisedRun(words, matches[0].start(), matches[-1].end(), text)


def person_in_run(
    run: CapitalisedRun, entities: tuple[Entity, ...], non_person: frozenset[str]
) -> FoundPerson | None:
    """The person named at the end of this run, with their stated role, or None.

    `non_person` holds the capitalised words no name holds (`non_person_words`)."""
    known = _known_person(run, entities)
    if known is not None:
        name, size = known
    else:
        if _names_something_else(run, entities):
            return None
        size = 2
        name = " ".join(run.words[-2:])
        if not _looks_like_name(run.words[-2:], non_person):
            return None
    name_start = _word_start(run, len(run.words) - size)
    role = _role_for(run, name_start)
    if known is None and role is None and not _has_person_evidence(run, name_start):
        return None
    return FoundPerson(name, role, name_start)


def _known_person(run: CapitalisedRun, entities: tuple[Entity, ...]) -> tuple[str, int] | None:
    people, _ = _entity_names(entities)
    for size in range(min(len(run.words), 4), 0, -1):
        tail = " ".join(run.words[-size:])
        entity = people.get(tail)
        if entity is not None:
            name_words = entity.name.split()
            in_name = [w for w in tail.split() if w in name_words]
            return entity.name, max(len(in_name), 1)
    return None


def _names_something_else(run: CapitalisedRun, entities: tuple[Entity, ...]) -> bool:
    return _other_names_re(entities).search(" ".join(run.words)) is not None


@identity_cache
def _other_names_re(entities: tuple[Entity, ...]) -> re.Pattern[str]:
    """Any multi-word name of a place, body or thing, anywhere in a text: one scan, not one per name."""
    _, others = _entity_names(entities)
    return re.compile("|".join(map(re.escape, others)) if others else "(?!)")


@identity_cache
def _entity_names(entities: tuple[Entity, ...]) -> tuple[dict[str, Entity], tuple[str, ...]]:
    """Person names and aliases -> entity; multi-word names of everything else."""
    people: dict[str, Entity] = {}
    others: list[str] = []
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            if entity.kind == "person":
                people.setdefault(alias, entity)
            elif " " in alias:
                others.append(alias)
    return people, tuple(sorted(set(others)))


def _looks_like_name(words: tuple[str, ...], non_person: frozenset[str]) -> bool:
    """Two capitalised words that could be a forename and surname."""
    if len(words) != 2 or words[0] in NOT_NAME_STARTS or words[0] in HONORIFICS:
        return False
    for word in words:
        if word in non_person or word.isupper() or not is_capitalised(word):
            return False
        if word.lower() in ROLE_WORDS:
            return False
    return True


def _word_start(run: CapitalisedRun, position: int) -> int:
    offset = run.start
    for word in run.words[:position]:
        offset = run.text.index(word, offset) + len(word)
    return run.text.index(run.words[position], offset)


def _role_for(run: CapitalisedRun, name_start: int) -> str | None:
    before = _premodifier(run.text, name_start)
    after = _appositive(run.text, run.end)
    parts = [part for part in (before, after) if part]
    return ", ".join(parts) if parts else None


def _premodifier(text: str, name_start: int) -> str | None:
    tokens = list(WORD.finditer(text[max(0, name_start - 120) : name_start]))
    offset = max(0, name_start - 120)
    kept: list[re.Match[str]] = []
    boundary = name_start - offset
    for token in reversed(tokens):
        word = token.group()
        if text[offset + token.end() : offset + boundary].strip():
            break
        if (
            word in HONORIFICS
            or word.lower() in ROLE_WORDS
            or (is_capitalised(word) and word not in NOT_NAME_STARTS)
        ):
            kept.insert(0, token)
            boundary = token.start()
            continue
        break
    while kept and (kept[0].group().lower() in ("of", "the", "for") or kept[0].group() in HONORIFICS):
        kept = kept[1:]
    words = [k.group().lower() for k in kept]
    if not any(w in TITLE_HEADS for w in words):
        return None
    return text[offset + kept[0].start() : offset + kept[-1].end()]


def _appositive(text: str, end: int) -> str | None:
    match = APPOSITIVE.match(text, end)
    if match is None:
        return None
    role = match.group(1).strip()
    words = [w.lower() for w in WORD.findall(role)]
    if not words or words[0] in ("who", "which", "where", "when", "and", "but"):
        return None
    if not any(w in TITLE_HEADS for w in words) or len(words) > 14:
        return None
    return role


def _has_person_evidence(run: CapitalisedRun, name_start: int) -> bool:
    before_words = WORD.findall(run.text[max(0, name_start - 40) : name_start])
    if before_words and (before_words[-1] in HONORIFICS or before_words[-1].lower() in SPEECH_VERBS):
        return True
    if any(w in HONORIFICS for w in run.words[:-2]):
        return True
    after = WORD.findall(run.text[run.end : run.end + 60])
    for word in after[:4]:
        if word.lower() in ACTION_VERBS:
            return True
        if word.lower() not in VERB_FILLERS:
            break
    surname = run.words[-1]
    return bool(re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame) " + re.escape(surname) + r"\b", run.text))
