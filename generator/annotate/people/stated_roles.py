"""Roles an article gives people away from their name.

Two habits of news copy, each read by a pure function that returns roles (name -> role)
for `build_name_index` to give people who have none: a title used in place of the name ("the Prime Minister has
admitted ...", resolved to the person in the article who held that title), and the
lead-in, where a paragraph quotes an unnamed role ("the immigration minister has
said") and the next paragraph names the person ("Kevin Foster said ...").
"""

from __future__ import annotations

import re

from generator.annotate.people.name_spans import capitalised_runs
from generator.annotate.people.names import NameIndex
from generator.annotate.vocabulary import TITLE_HEADS, WORD
from generator.models import Paragraph

ROLE_LEAD = re.compile(
    r"\b(?:the|one|an?)\s+([\w'’ \-]{3,80}?)\s+(?:has |have |had )?"
    r"(?:said|told|urged|warned|demanded|claimed|insisted|admitted|added|revealed)\b"
)


def title_roles(index: NameIndex, paragraphs: tuple[Paragraph, ...]) -> dict[str, str]:
    """ "the Prime Minister" resolved to someone with no stated role gives them that role (name -> role)."""
    roles: dict[str, str] = {}
    for paragraph in paragraphs:
        for run in capitalised_runs(paragraph.text):
            words = list(run.words)
            preceded = paragraph.text[max(0, run.start - 4) : run.start].lower() == "the "
            if words and words[0] == "The":
                words, preceded = words[1:], True
            if not preceded or not words or not any(w.lower() in TITLE_HEADS | {"pm"} for w in words):
                continue
            name = index.resolve(" ".join(["the", *words]))
            if name and _has_no_role(index, roles, name):
                title = " ".join(words)
                roles[name] = "Prime Minister" if title == "PM" else title
    return roles


def lead_in_roles(index: NameIndex, paragraphs: tuple[Paragraph, ...]) -> dict[str, str]:
    """An unnamed role speaking in one paragraph names the person introduced in the next (name -> role)."""
    roles: dict[str, str] = {}
    for previous, paragraph in zip(paragraphs, paragraphs[1:]):
        role = _unnamed_role(previous.text)
        if role is None:
            continue
        named = index.resolve(role)
        if named is not None:
            if _has_no_role(index, roles, named):
                roles[named] = role
            continue
        newcomers = [p for p in index.ordered() if p.first_paragraph == paragraph.number]
        if newcomers and _has_no_role(index, roles, newcomers[0].name):
            roles[newcomers[0].name] = role
    return roles


def _has_no_role(index: NameIndex, given: dict[str, str], name: str) -> bool:
    """A person of the index with no stated role, and none given yet."""
    info = index.people.get(name)
    return info is not None and info.role is None and name not in given


def _unnamed_role(text: str) -> str | None:
    for match in ROLE_LEAD.finditer(text):
        role = match.group(1)
        words = [w.lower() for w in WORD.findall(role)]
        if len(words) <= 8 and any(w in TITLE_HEADS for w in words):
            return role
    return None
