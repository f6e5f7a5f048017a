"""Who a speaker phrase refers to: a named person, an organisation, or an unnamed source.

`resolve_speaker` turns the noun phrase of an attribution into a `Speaker`:
"Ms Greenwood" -> Lilian Greenwood (via the article's `NameIndex`), "A UK Home Office
spokesperson" -> "Home Office spokesperson", "said one source" -> "unnamed source",
qualified by the nearest "Westminster sources say" when the phrase names no body,
"France's interior ministry" -> "French interior ministry" (content/entities.yaml).
Pronouns are left to the caller, which knows who the passage is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.annotate.people.names import NameIndex, entity_for_alias
from generator.annotate.quotes.bodies import latest_body
from generator.annotate.sentences import sentence_ranges
from generator.annotate.vocabulary import (
    DETERMINERS,
    ORGANISATION_HEADS,
    PRONOUNS,
    SOURCE_NOUNS,
    SPOKESPERSON_NOUNS,
    is_capitalised,
    strip_possessive,
    without_leading,
)
from generator.models import Entity

SOURCES_SAY = re.compile(
    r"\b((?:[A-Z][\w’'\-]*\s){0,3})(?:sources|insiders)\s+(?:say|said|believe|claim|suggest|told|admit|have)\b"
)
QUALIFIER_DROP = frozenset({"senior", "close", "to", "the", "of", "for", "UK", "British"})
# "the charity warned": a head noun that points back to the body the passage is about.
BACK_POINTING_HEADS = frozenset(
    {"charity", "group", "organisation", "union", "campaign", "court", "tribunal"}
)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: kind is person, organisation, source or pronoun."""

    name: str
    kind: str
    gender: str | None = None  # for pronouns: "male", "female", "thing", "group"


def pronoun_in(phrase: str) -> str | None:
    """The pronoun a speaker phrase consists of ("he", "She"), if it is one."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0].lower()
    return None


def resolve_speaker(phrase: str, index: NameIndex, recent_text: str) -> Speaker | None:
    """The speaker a noun phrase names; `recent_text` is the prose just before it."""
    pronoun = pronoun_in(phrase)
    if pronoun is not None:
        return Speaker(pronoun, "pronoun", PRONOUNS[pronoun])
    words = [strip_possessive(w) for w in re.findall(r"[^\W_][\w'’\-]*", phrase)]
    lowered = [w.lower() for w in words]
    if any(w in SPOKESPERSON_NOUNS for w in lowered):
        return _spokesperson(words, index, recent_text)
    if lowered and lowered[-1] in SOURCE_NOUNS:
        if lowered[0] == "the" and len(lowered) == 2:
            return Speaker(lowered[-1], "source", "source")  # "the source": the one already quoted
        return Speaker(_unnamed_source(words[:-1], recent_text), "source")
    close_source = _source_close_to(words, index)
    if close_source is not None:
        return close_source
    if len(lowered) == 2 and lowered[0] in ("the", "this") and lowered[1] in BACK_POINTING_HEADS:
        return _body_pointed_back_to(lowered[1], index, recent_text)
    person = index.resolve(phrase)
    if person is not None:
        return Speaker(person, "person", index.gender_of(person))
    return _organisation(phrase, index)


def _spokesperson(words: list[str], index: NameIndex, recent_text: str) -> Speaker:
    """ "a Home Office spokesperson", "a spokesman for the charity", "spokesperson Jo Bloggs"; a bare
    "a spokesperson" speaks for the body named last in its sentence or the one before."""
    position = next(i for i, w in enumerate(words) if w.lower() in SPOKESPERSON_NOUNS)
    after = [w for w in words[position + 1 :] if w.lower() not in DETERMINERS | {"for", "at"}]
    person = index.resolve(" ".join(after)) if after and all(is_capitalised(w) for w in after) else None
    if person is not None:
        return Speaker(person, "person", index.gender_of(person))
    body = [w for w in words[:position] if w.lower() not in DETERMINERS and w.lower() != "their"]
    if not body:
        body = after
    organisation = _canonical_organisation(" ".join(body), index.entities) if body else ""
    if not organisation:
        organisation = latest_body(_last_sentences(recent_text), index.entities) or ""
    return Speaker(f"{organisation} spokesperson".strip(), "organisation")


def _last_sentences(text: str, count: int = 2) -> str:
    """The last `count` sentences of `text` (the one being read and the one before it)."""
    ranges = sentence_ranges(text.rstrip())
    return text[ranges[-count][0] :] if len(ranges) >= count else text


def _source_close_to(words: list[str], index: NameIndex) -> Speaker | None:
    """ "a source close to the minister" -> "unnamed source close to <the minister's name>"."""
    lowered = [w.lower() for w in words]
    for position, word in enumerate(lowered[:-2]):
        if word in SOURCE_NOUNS and lowered[position + 1 : position + 3] == ["close", "to"]:
            rest = " ".join(words[position + 3 :])
            named = index.resolve(rest) or _organisation(rest, index)
            target = named.name if isinstance(named, Speaker) else named or rest
            return Speaker(f"unnamed {word} close to {target}", "source")
    return None


def _body_pointed_back_to(head: str, index: NameIndex, recent_text: str) -> Speaker:
    """ "the court" -> the last body named whose name ends in "Court"; else a placeholder for the caller."""
    named = latest_body(recent_text, index.entities, head)
    if named is not None:
        return Speaker(named, "organisation")
    return Speaker(head, "description", "thing")


def _unnamed_source(modifiers: list[str], recent_text: str) -> str:
    qualifier = [w for w in modifiers if w.lower() not in DETERMINERS and w not in QUALIFIER_DROP]
    if not qualifier or not any(is_capitalised(w) for w in qualifier):
        nearby = SOURCES_SAY.findall(recent_text)
        if nearby and nearby[-1].strip():
            qualifier = nearby[-1].split()
    qualifier = [w for w in qualifier if w not in QUALIFIER_DROP]
    return " ".join(["unnamed", *qualifier, "source"])


def _organisation(phrase: str, index: NameIndex) -> Speaker | None:
    """The organisation a phrase names: a known one, one ending in a head noun, or a capitalised body."""
    entities = index.entities
    words = without_leading(phrase.split(), DETERMINERS)
    if not words:
        return None
    text = " ".join(words)
    entity = entity_for_alias(entities, text)
    if entity is not None and entity.is_organisation:
        return Speaker(entity.name, "organisation")
    if words[-1].lower() in ORGANISATION_HEADS or (
        entity is None and _is_named_body(words, index.non_person)
    ):
        return Speaker(_canonical_organisation(text, entities), "organisation")
    return None


def _is_named_body(words: list[str], non_person: frozenset[str]) -> bool:
    """Capitalised words ending in one no person's name holds ("Channel Rescue", "Refugee Council")."""
    return len(words) > 1 and all(is_capitalised(w) for w in words) and words[-1] in non_person


def _canonical_organisation(text: str, entities: tuple[Entity, ...]) -> str:
    entity = entity_for_alias(entities, text)
    if entity is not None:
        return entity.name
    for prefix in ("UK ", "British "):
        if text.startswith(prefix):
            entity = entity_for_alias(entities, text[len(prefix) :])
            if entity is not None:
                return entity.name
    return text
