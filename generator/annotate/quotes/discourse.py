"""Who the passage is about: the state that pronouns and continuations resolve against.

A person becomes the topic when a sentence opens with them ("The Rear Admiral
denied ...", "Although Ms Elphicke's constituents ...") or when they are given a
quotation or reported speech. Someone named in passing later in a sentence ("calls
by John Vine") does not change the topic. "he"/"she" resolve to the latest topic
person whose gender (from honorifics) does not contradict the pronoun; "it" to
the latest organisation; "they" to the latest organisation or source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from generator.annotate.people.name_spans import capitalised_runs
from generator.annotate.people.names import NameIndex
from generator.annotate.quotes.bodies import bodies_at
from generator.annotate.quotes.speakers import Speaker
from generator.annotate.vocabulary import WORD

SUBJECT_WINDOW = 3  # a topic person is named within the first words of the sentence
# An opening participle or prepositional phrase, ended by a comma, holds no subject:
# "Referring to the minister's letter, he added", "In a message seen by reporters, Smith said".
OPENING_PHRASE = re.compile(
    r"(?:[A-Z][a-z]+ing|In|On|At|After|Before|Despite|Unlike|Following|During|Amid|With|Without)\b[^,]{0,120},"
)
BODY_OPENING = re.compile(r"\s*(?:The\s+)?")


@dataclass
class Discourse:
    """The current speaker and the recent topics, most recent last."""

    current: Speaker | None = None
    people: list[Speaker] = field(default_factory=list)
    bodies: list[Speaker] = field(default_factory=list)

    def attend(self, speaker: Speaker) -> None:
        """Make this speaker the one the passage is now about."""
        self.current = speaker
        target = self.people if speaker.kind == "person" else self.bodies
        if speaker in target:
            target.remove(speaker)
        target.append(speaker)

    def pronoun(self, gender: str | None) -> Speaker | None:
        """The speaker a pronoun of this gender most likely refers to."""
        if gender in ("male", "female"):
            for person in reversed(self.people):
                if person.gender in (None, gender):
                    return person
            return None
        if gender == "thing":
            organisations = [b for b in self.bodies if b.kind == "organisation"]
            return organisations[-1] if organisations else None
        if self.bodies:
            return self.bodies[-1]
        return self.current


def sentence_subject(hidden: str, start: int, end: int, index: NameIndex) -> Speaker | None:
    """The person or body a sentence opens with, if any: its grammatical topic."""
    opening = OPENING_PHRASE.match(hidden, start, end)
    if opening is not None:
        start = opening.end()
    return _person_subject(hidden, start, end, index) or _body_subject(hidden, start, end, index)


def _body_subject(hidden: str, start: int, end: int, index: NameIndex) -> Speaker | None:
    """A body named first in the sentence ("The Liberal Democrats have ...", "Unison said")."""
    opening = BODY_OPENING.match(hidden, start, end)
    first = opening.end() - start if opening else 0
    for position, name in bodies_at(hidden[start:end], index.entities)[:1]:
        if position <= first:
            return Speaker(name, "organisation")
    return None


def _person_subject(hidden: str, start: int, end: int, index: NameIndex) -> Speaker | None:
    """The person named within the first words of the sentence."""
    words = list(islice(WORD.finditer(hidden, start, end), SUBJECT_WINDOW))  # not every word of the sentence
    if not words:
        return None
    if words[0].group().lower() == "the":
        for size in range(len(words), 1, -1):
            name = index.resolve(hidden[words[0].start() : words[size - 1].end()])
            if name is not None:
                return Speaker(name, "person", index.gender_of(name))
    window_end = words[-1].end()
    for run in capitalised_runs(hidden[start : min(end, window_end + 80)]):
        if start + run.start >= window_end:
            break
        for size in range(len(run.words), 0, -1):
            name = index.resolve(" ".join(run.words[:size]))
            if name is not None:
                return Speaker(name, "person", index.gender_of(name))
    return None
