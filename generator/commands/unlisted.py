"""People and organisations the annotator found that content/entities.yaml does not list.

In: a built Site and its entities. Out: entries ready to paste into
entities.yaml, each with the role the articles give and where the name was
seen, so a contributor can check and add them.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass

import yaml

from generator import build_site
from generator.commands import find_root
from generator.models import Article, Entity


@dataclass(frozen=True)
class Unlisted:
    name: str
    kind: str  # "person" or "organisation"
    roles: tuple[str, ...]
    seen_in: tuple[str, ...]  # project-relative source files


def known_names(entities: tuple[Entity, ...]) -> set[str]:
    """Every canonical name and alias, case-folded."""
    return {n.casefold() for e in entities for n in (e.name, *e.aliases)}


def unlisted_names(articles: tuple[Article, ...], entities: tuple[Entity, ...]) -> list[Unlisted]:
    """Names found in the articles and missing from the entities, people first, then by name."""
    known = known_names(entities)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in articles:
        found = article.annotations
        named = [(p.name, "person", p.role) for p in found.people]
        named += [(o, "organisation", None) for o in found.organisations]
        for name, kind, role in named:
            if name.casefold() in known or name.startswith(("unnamed ", "unknown")):
                continue
            seen[(kind, name)].add(article.source.path)
            if role:
                roles[(kind, name)].add(role)
    return [
        Unlisted(name, kind, tuple(sorted(roles[(kind, name)])), tuple(sorted(seen[(kind, name)])))
        for kind, name in sorted(seen, key=lambda key: (key[0] != "person", key[1].casefold()))
    ]


def as_yaml(entries: list[Unlisted]) -> str:
    """The entries as entities.yaml text, with where each was seen as a comment."""
    blocks = []
    for entry in entries:
        data = {"name": entry.name, "kind": entry.kind}
        if entry.roles:
            data["roles"] = [{"title": role} for role in entry.roles]
        text = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=100)
        blocks.append(f"# seen in {', '.join(entry.seen_in)}\n{text}")
    return "\n".join(blocks)


def cmd_unlisted_names(args: argparse.Namespace) -> int:
    """List people and organisations found in the articles but missing from content/entities.yaml."""
    root = find_root()
    site = build_site(root)
    entries = unlisted_names(site.articles, site.knowledge.entities)
    if entries:
        print("# Check each entry against the articles, then paste it into content/entities.yaml.")
        print(as_yaml(entries), end="")
    print(f"{len(entries)} name(s) not in content/entities.yaml", file=sys.stderr)
    return 0
