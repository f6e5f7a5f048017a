"""Decode text files strictly, split Markdown front matter and load YAML, with located errors.

Every file a contributor or a scraper hands us passes through here, so every
failure names the file and, where it can, the line or byte. YAML is loaded
safely and by hand from the node tree, so that every key keeps its line,
duplicate keys and tags other than plain values are refused, and anchors and
aliases (the way to build an expansion bomb) are refused before anything is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .models import InputError, Problem

MAX_BYTES = 2_000_000  # an article is tens of KB; anything this large is not an article
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def read_text_file(path: Path, rel: str) -> str:
    """Read `path` as UTF-8 (a BOM is accepted), with line endings normalised to "\\n"."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(Problem(rel, None, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}"))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Problem(rel, None, f"cannot read file: {err.strerror}")) from None
    return decode_text(data, rel)


def decode_text(data: bytes, rel: str) -> str:
    """Decode bytes as UTF-8 or raise InputError naming the line and byte offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(rel, 1, "file is UTF-16; save it as UTF-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(_byte_problem(rel, data, nul, "contains a NUL byte: binary, not text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            _byte_problem(rel, data, err.start, f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8")
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _byte_problem(rel: str, data: bytes, offset: int, message: str) -> Problem:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Problem(rel, line, f"{message} at byte offset {offset}", column=column)


# --- YAML with a line for every key --------------------------------------------

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


def load_yaml_document(text: str, rel: str, first_line: int = 1) -> YamlDocument:
    """Load one YAML document safely, keeping the line of every key; InputError if it cannot be read."""
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


# --- Markdown front matter ---------------------------------------------------------


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split in two: its front matter (a mapping) and its body."""

    document: YamlDocument
    body: str
    body_line: int  # the line of the file where the body starts


def split_front_matter(text: str, rel: str) -> FrontMatter:
    """Split `---` front matter from a Markdown body; InputError if the front matter is unusable.

    A file without front matter has an empty mapping.
    """
    first = text.split("\n", 1)[0]
    if not _FENCE.fullmatch(first):
        return FrontMatter(YamlDocument({}, KeyLines()), text, 1)
    closing = _FENCE.search(text, len(first) + 1)
    if closing is None:
        raise InputError(
            Problem(rel, 1, "front matter opened with `---` is never closed; add a `---` line after it")
        )
    document = load_yaml_document(text[len(first) + 1 : closing.start()], rel, first_line=2)
    if document.data is None:
        document = YamlDocument({}, document.key_lines, problems=document.problems)
    if not isinstance(document.data, dict):
        kind = (
            "a list; remove the `- ` before the keys" if isinstance(document.data, list) else "a single value"
        )
        message = f"front matter must be `key: value` lines, not {kind}"
        raise InputError(Problem(rel, document.key_lines.line_of(()), message))
    body_start = text.count("\n", 0, closing.end()) + 2
    return FrontMatter(document, text[closing.end() :].lstrip("\n"), body_start)
