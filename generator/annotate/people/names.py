"""Find the people an article names, with their roles, and resolve later references.

`build_name_index(paragraphs, knowledge)` reads the whole article once and returns a
`NameIndex`: full names found in the text ("Lilian Greenwood"), the roles the article
gives them (pre-modifiers "Transport minister Lilian Greenwood", appositives
"Enver Solomon, the chief executive of the Refugee Council,"), and what it needs to
resolve "Ms Greenwood", "Sir Keir", "Meloni", "the Prime Minister" or "President
Macron" back to one canonical name, using content/entities.yaml for aliases and
for the titles people held.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from generator.annotate.people.name_spans import CapitalisedRun, capitalised_runs, person_in_run
from generator.annotate.vocabulary import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    identity_cache,
    non_person_words,
    strip_possessive,
    without_leading,
)
from generator.models import Entity, Knowledge, Paragraph

TITLE_ABBREVIATIONS = {"pm": "prime minister"}
MAX_WORDS = 12  # a reference longer than this is not a name or a title


@dataclass(frozen=True)
class PersonInfo:
    """One person the article names: canonical name, stated role, gender hint."""

    name: str
    role: str | None = None
    gender: str | None = None  # "male" / "female" from honorifics, else None
    first_paragraph: int = 0


@dataclass(frozen=True)
class NameIndex:
    """Everything needed to turn a reference in the text into a canonical name. Read-only once built."""

    people: Mapping[str, PersonInfo] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)  # "home secretary" -> name
    non_person: frozenset[str] = frozenset()  # capitalised words no person's name holds

    def ordered(self) -> list[PersonInfo]:
        """People in order of first mention."""
        return sorted(self.people.values(), key=lambda p: (p.first_paragraph, p.name))

    def role_of(self, name: str) -> str | None:
        """The role the article gives this person, if any."""
        info = self.people.get(name)
        return info.role if info else None

    def gender_of(self, name: str) -> str | None:
        info = self.people.get(name)
        return info.gender if info else None

    def resolve(self, reference: str) -> str | None:
        """Canonical name for a reference to a person, or None if it names nobody known."""
        words = without_leading([strip_possessive(w) for w in reference.split()[-MAX_WORDS:]])
        if not words:
            return None
        text = " ".join(words)
        return (
            self._by_name(text) or self._by_title(text) or self._by_honorific(words) or self._by_tail(words)
        )

    def _by_name(self, text: str) -> str | None:
        if text in self.people:
            return text
        entity = entity_for_alias(self.entities, text, kind="person")
        if entity is not None:
            return entity.name
        if " " not in text:
            return self._by_surname(text) or self._by_first_name(text)
        return None

    def _by_honorific(self, words: list[str]) -> str | None:
        if len(words) < 2 or words[0] not in HONORIFICS:
            return None
        rest = words[1:]
        if len(rest) == 1:
            if words[0] in ("Sir", "Dame", "Lord", "Lady"):
                found = self._by_first_name(rest[0]) or self._by_surname(rest[0])
            else:
                found = self._by_surname(rest[0])
            # Nobody fuller is named: the article's own form is the name ("Lord Reed", "Ms Okafor").
            return found or (" ".join(words) if rest[0][:1].isupper() else None)
        return self._by_name(" ".join(rest))

    def _by_tail(self, words: list[str]) -> str | None:
        """ "Home Secretary Yvette Cooper" or "President Macron": the name at the end."""
        for size in (3, 2, 1):
            if len(words) > size:
                found = self._by_name(" ".join(words[-size:]))
                if found:
                    return found
        return None

    def _by_surname(self, surname: str) -> str | None:
        for info in self.ordered():
            if info.name.split()[-1] == surname:
                return info.name
        return _person_surnames(self.entities).get(surname)

    def _by_first_name(self, first: str) -> str | None:
        matches = [p.name for p in self.ordered() if p.name.split()[0] == first]
        return matches[0] if len(matches) == 1 else None

    def _by_title(self, text: str) -> str | None:
        title = TITLE_ABBREVIATIONS.get(text.lower(), text.lower())
        if title in self.titles:
            return self.titles[title]
        for info in self.ordered():
            entity = entity_for_alias(self.entities, info.name, kind="person")
            if entity and any(r.title.lower() == title for r in entity.roles):
                return info.name
        for known, name in sorted(self.titles.items()):
            if known.endswith(" " + title):
                return name
        return None


def entity_for_alias(entities: tuple[Entity, ...], text: str, kind: str | None = None) -> Entity | None:
    """The entity whose name or one of whose aliases is exactly `text` (else the same ignoring case)."""
    exact, folded = _alias_table(entities)
    for table, key in ((exact, text), (folded, text.lower())):
        for entity in table.get(key, ()):
            if kind is None or entity.kind == kind:
                return entity
    return None


@identity_cache
def _alias_table(entities: tuple[Entity, ...]) -> tuple[dict[str, list[Entity]], dict[str, list[Entity]]]:
    """Every name and alias -> the entities that have it, in file order; as written and lower-cased."""
    exact: dict[str, list[Entity]] = {}
    folded: dict[str, list[Entity]] = {}
    for entity in entities:
        for alias in dict.fromkeys((entity.name, *entity.aliases)):
            exact.setdefault(alias, []).append(entity)
        for alias in dict.fromkeys(a.lower() for a in (entity.name, *entity.aliases)):
            folded.setdefault(alias, []).append(entity)
    return exact, folded


@identity_cache
def _person_surnames(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Each surname -> the name of the first person entity (in file order) that has it."""
    surnames: dict[str, str] = {}
    for entity in entities:
        if entity.kind == "person":
            surnames.setdefault(entity.name.split()[-1], entity.name)
    return surnames


RoleFinder = Callable[["NameIndex", tuple[Paragraph, ...]], dict[str, str]]


def build_name_index(
    paragraphs: tuple[Paragraph, ...], knowledge: Knowledge, role_finders: tuple[RoleFinder, ...] = ()
) -> NameIndex:
    """Read every paragraph once: the people named, their roles and genders, as a read-only index.

    `knowledge` gives the entities names resolve to and the places and outlets no person is.
    Each of `role_finders` reads the index built so far and returns roles for people who have
    none yet (name -> role); they run in order, each seeing the roles the ones before it gave.
    """
    entities, non_person = knowledge.entities, non_person_words(knowledge)
    people: dict[str, PersonInfo] = {}
    index = NameIndex(people, entities, {}, non_person)  # resolves against the people added so far
    runs = [(p.number, run) for p in paragraphs for run in capitalised_runs(p.text)]
    for number, run in runs:
        found = person_in_run(run, entities, non_person)
        if found is not None:
            _add_person(index, people, found.name, found.role, number)
    for _, run in runs:
        _note_honorific(index, people, run)
    titles = MappingProxyType(_titles(people))  # the titles written beside names, not the inferred ones
    for find_roles in role_finders:
        for name, role in find_roles(
            NameIndex(MappingProxyType(dict(people)), entities, titles, non_person), paragraphs
        ).items():
            if name in people and people[name].role is None:
                people[name] = replace(people[name], role=role)
    return NameIndex(MappingProxyType(people), entities, titles, non_person)


def _titles(people: dict[str, PersonInfo]) -> dict[str, str]:
    """Each title a stated role gives ("home secretary" -> name), first mention first."""
    titles: dict[str, str] = {}
    for info in sorted(people.values(), key=lambda p: (p.first_paragraph, p.name)):
        for part in info.role.split(", ") if info.role else ():
            titles.setdefault(re.sub(r"^the\s+", "", part, flags=re.IGNORECASE).lower(), info.name)
    return titles


def _add_person(
    index: NameIndex, people: dict[str, PersonInfo], name: str, role: str | None, paragraph: int
) -> None:
    canonical = index.resolve(name) if " " not in name else None
    name = canonical or _canonical_full_name(index, name)
    info = people.get(name)
    if info is None:
        people[name] = PersonInfo(name, role, None, paragraph)
    elif info.role is None and role:
        people[name] = replace(info, role=role)


def _canonical_full_name(index: NameIndex, name: str) -> str:
    entity = entity_for_alias(index.entities, name, kind="person")
    return entity.name if entity else name


def _note_honorific(index: NameIndex, people: dict[str, PersonInfo], run: CapitalisedRun) -> None:
    words = run.words
    for position, word in enumerate(words[:-1]):
        if word in HONORIFICS:
            name = index.resolve(" ".join(words[position : position + 2]))
            if name and name in people and people[name].gender is None:
                if word in MALE_HONORIFICS:
                    people[name] = replace(people[name], gender="male")
                elif word in FEMALE_HONORIFICS:
                    people[name] = replace(people[name], gender="female")
