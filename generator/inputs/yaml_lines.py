"""YAML loaded safely and by hand from the node tree, with the line of every key.

In: the text of one YAML document (a knowledge file or a Markdown file's front
matter). Out: a YamlDocument of plain Python values, the line of every key and
list item, and a located Problem for everything refused. Duplicate keys and tags
other than plain values are refused, and anchors and aliases (the way to build an
expansion bomb) are refused before anything is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from generator.models import InputError, Problem

KeyPath = tuple[str | int, ...]
MAX_DEPTH = 20  # contributor files nest four or five levels; deeper is a mistake or an attack
_CORE = "tag:yaml.org,2002:"
_TEXT_TAGS = ("str", "value", "merge")  # `=` and `<<` are read as plain text
_VALUE_TAGS = ("int", "float", "bool", "null", "timestamp")
_CONSTRUCT = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class ImpossibleDate:
    """A scalar YAML reads as a date that does not exist (2025-02-30), kept as its text."""

    text: str


@dataclass(frozen=True)
class KeyLines:
    """The line of every key and list item of one YAML document, by key path."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, else of its nearest located ancestor, else the document's first line."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.first_line


@dataclass(frozen=True)
class YamlDocument:
    """A loaded YAML document: plain Python values plus what is needed to locate problems."""

    data: Any
    key_lines: KeyLines
    unquoted: dict[KeyPath, str] = field(default_factory=dict)  # unquoted text YAML read as a non-string
    rejected: tuple[KeyPath, ...] = ()  # values refused by the loader (problems already reported)
    problems: tuple[Problem, ...] = ()


class _RefusedYaml(yaml.MarkedYAMLError):
    """Valid YAML that contributor files may not use."""


class _ContributorLoader(yaml.SafeLoader):
    """Composes nodes only, refusing anchors, aliases and deep nesting as soon as they are parsed."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            reason = "anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full"
            raise _RefusedYaml(None, None, reason, event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _RefusedYaml(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


@lru_cache(maxsize=1024)
def load_yaml_document(text: str, rel: str, first_line: int = 1) -> YamlDocument:
    """Load one YAML document safely, keeping the line of every key; InputError if it cannot be read.

    Pure-Python composing is slow (entities.yaml takes a third of a second), so documents are
    remembered by their text: `mkdocs serve` rebuilds re-read only what changed. Callers must
    treat the returned data as read-only.
    """
    loader = _ContributorLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as err:
        raise InputError(_yaml_problem(err, text, rel, first_line)) from None
    finally:
        loader.dispose()
    if node is None:
        return YamlDocument(None, KeyLines({}, first_line))
    builder = _Builder(rel, first_line)
    data = builder.value(node, ())
    lines = KeyLines(builder.lines, first_line)
    return YamlDocument(data, lines, builder.unquoted, tuple(builder.rejected), tuple(builder.problems))


def _yaml_problem(err: yaml.YAMLError, text: str, rel: str, first_line: int) -> Problem:
    mark = getattr(err, "problem_mark", None)
    if mark is not None:
        line = mark.line + first_line
    else:  # a reader error: a character YAML does not allow
        line = text.count("\n", 0, getattr(err, "position", 0)) + first_line
    reason = getattr(err, "problem", None) or str(err).splitlines()[0]
    if "'\\t'" in reason:
        reason += "; indent with spaces, not tabs"
    context, context_mark = getattr(err, "context", None), getattr(err, "context_mark", None)
    if context and context_mark is not None and context_mark.line + first_line != line:
        reason += f" ({context} that starts at line {context_mark.line + first_line})"
    return Problem(rel, line, reason if isinstance(err, _RefusedYaml) else f"YAML syntax error: {reason}")


class _Builder:
    """Turns a node tree into plain values, noting lines, unquoted non-text values and problems."""

    def __init__(self, rel: str, first_line: int):
        self.rel, self.first_line = rel, first_line
        self.lines: dict[KeyPath, int] = {}
        self.unquoted: dict[KeyPath, str] = {}
        self.rejected: list[KeyPath] = []
        self.problems: list[Problem] = []

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        self.lines.setdefault(path, self._line(node))
        kind = node.tag.removeprefix(_CORE)
        if isinstance(node, yaml.MappingNode) and kind == "map":
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode) and kind == "seq":
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and kind in _TEXT_TAGS + _VALUE_TAGS:
            return self._scalar(node, kind, path)
        shown = "!!" + kind if node.tag.startswith(_CORE) else node.tag
        self._refuse(
            path, f"the YAML tag `{shown}` is not allowed; use plain text, numbers, lists and mappings"
        )
        return None

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = self._line(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(self.rel, line, "a key must be a plain word, not a list or mapping")
                )
                continue
            key = key_node.value
            if key in first:
                message = f"duplicate key `{key}` (first at line {first[key]}); keep one of them"
                self.problems.append(Problem(self.rel, line, message))
                continue
            first[key] = self.lines[(*path, key)] = line
            result[key] = self.value(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, kind: str, path: KeyPath) -> Any:
        if kind in _TEXT_TAGS:
            return node.value
        try:
            value = getattr(_CONSTRUCT, f"construct_yaml_{kind}")(node)
        except (ValueError, yaml.YAMLError):
            if kind != "timestamp":
                self._refuse(path, f"`{node.value}` cannot be read as !!{kind}")
                return None
            value = ImpossibleDate(node.value)
        if node.style is None:
            self.unquoted[path] = node.value
        return value

    def _refuse(self, path: KeyPath, message: str) -> None:
        self.rejected.append(path)
        self.problems.append(Problem(self.rel, self.lines[path], message))

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line
