"""The people annotator: who an article names, with their roles, and which organisations.

People come from `NameIndex` (names.py): full names with evidence that they are
people, canonicalised through content/entities.yaml, with the role the article
states. Organisations are entities of kind `organisation` or `party` named in the prose
(by name or alias, "EU" -> European Union), bodies whose name ends in an organisation
word ("... Agency", "... Council"), and outlets someone "told".
Party names used as adjectives ("Labour MP", "Conservative government") are not
counted as the party acting.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.annotate.document import Document
from generator.annotate.people.name_spans import capitalised_runs
from generator.annotate.people.names import entity_for_alias
from generator.annotate.vocabulary import ARTICLES, identity_cache, matches_not_after, without_leading
from generator.models import Annotations, Entity, Paragraph, PersonRef

ORGANISATION_ENDINGS = frozenset(
    """Office Agency Council Organisation Command Court Commission Ministry Force Union Police
    Service Trust Foundation Institute Committee Department Authority Coastguard Tribunal""".split()
)
PARTY_AS_ADJECTIVE = re.compile(
    r"\s+(?:MPs?|government|governments|peers?|leader|leadership|ministers?|councillors?|candidates?"
    r"|members?|donors?|figures|sources?|voters|backbenchers?|activists|politicians?|party|MP’s|MP's"
    r"|administration|manifesto|policy|plans?|years?|era|rebels?|benches|frontbench)\b"
)
TOLD_OUTLET = re.compile(
    r"\b(?:told|telling|[Ss]peaking to|interview with|writing in|wrote in|according to)\s+"
    r"(?:the\s+)?(?:(?:regional|local|national)\s+)?(?:(?:newspaper|broadcaster|paper)\s+)?"
    r"((?:[A-Z][\w’'&\-]*)(?:\s(?:[A-Z][\w’'&\-]*|du|de|la))*)"
)
NATIONAL_QUALIFIERS = ARTICLES | {"uk", "british"}  # "the UK Border Force" is the Border Force
GLUED_BEFORE = re.compile(r"[\w-]")  # a name glued to this character is part of a longer word


def annotate_people(document: Document, annotations: Annotations) -> Annotations:
    """Fill `people` (canonical name and stated role) and `organisations`, in order of mention."""
    paragraphs = document.clean.paragraphs
    entities = document.knowledge.entities
    people = tuple(PersonRef(p.name, p.role) for p in document.names.ordered())
    organisations = tuple(organisations_named(paragraphs, entities))
    return replace(annotations, people=people, organisations=organisations)


def organisations_named(paragraphs: tuple[Paragraph, ...], entities: tuple[Entity, ...]) -> list[str]:
    """Canonical names of the organisations named in these paragraphs, first mention first."""
    found: list[tuple[int, int, str]] = []
    for paragraph in paragraphs:
        found.extend((paragraph.number, at, name) for at, name in _known_bodies(paragraph.text, entities))
        found.extend((paragraph.number, at, name) for at, name in _unknown_bodies(paragraph.text, entities))
    ordered: list[str] = []
    for _, _, name in sorted(found):
        if name not in ordered:
            ordered.append(name)
    return ordered


def _known_bodies(text: str, entities: tuple[Entity, ...]) -> list[tuple[int, str]]:
    pattern, names = _alias_pattern(entities)
    found = []
    for match in matches_not_after(pattern, GLUED_BEFORE, text) if names else ():
        entity = names[match.group(1)]
        if _is_party(entity) and PARTY_AS_ADJECTIVE.match(text, match.end()):
            continue
        found.append((match.start(), entity.name))
    return found


@identity_cache
def _alias_pattern(entities: tuple[Entity, ...]) -> tuple[re.Pattern[str], dict[str, Entity]]:
    """One regex for every organisation name and alias, longest first, not glued to a word after it
    (nor, by `matches_not_after` with `GLUED_BEFORE`, before it)."""
    names: dict[str, Entity] = {}
    for entity in entities:
        if entity.is_organisation:
            for alias in (entity.name, *entity.aliases):
                names.setdefault(alias, entity)
    alternatives = "|".join(re.escape(a) for a in sorted(names, key=lambda a: (-len(a), a)))
    return re.compile(r"(" + (alternatives or "(?!)") + r")(?!\w)"), names


def _is_party(entity: Entity) -> bool:
    """A political party: content/entities.yaml gives it `kind: party`."""
    return entity.kind == "party"


def _unknown_bodies(text: str, entities: tuple[Entity, ...]) -> list[tuple[int, str]]:
    found = []
    for run in capitalised_runs(text):
        words = without_leading(list(run.words))
        if len(words) >= 2 and words[-1] in ORGANISATION_ENDINGS:
            found.append((run.start, _canonical(words, entities)))
    for match in TOLD_OUTLET.finditer(text):
        name = match.group(1)
        entity = entity_for_alias(entities, name)
        if entity is None or entity.is_organisation:
            found.append((match.start(1), entity.name if entity else name))
    return [(at, name) for at, name in found if not _is_person_or_place(name, entities)]


def _canonical(words: list[str], entities: tuple[Entity, ...]) -> str:
    name = " ".join(words)
    entity = entity_for_alias(entities, name)
    if entity is not None:
        return entity.name
    name = " ".join(without_leading(words, NATIONAL_QUALIFIERS))
    for other in entities:
        if other.is_organisation and (name == other.name or name.endswith(" " + other.name)):
            return other.name
    return name


def _is_person_or_place(name: str, entities: tuple[Entity, ...]) -> bool:
    entity = entity_for_alias(entities, name)
    return entity is not None and not entity.is_organisation
