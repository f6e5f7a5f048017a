"""Limits on hand-written Markdown, checked when it is read: long lines and deeply nested brackets.

Python-Markdown itself slows down on runs of unmatched brackets, so a body over the
limits is a located error and its file is left out of the build.
"""

from __future__ import annotations

import re

from generator.models import Problem

MAX_LINE_CHARS = 5_000  # in hand-written Markdown; longer lines are refused
MAX_BRACKET_NESTING = 8


def markdown_body_problems(text: str, rel: str, first_line: int = 1) -> list[Problem]:
    """Lines too long and brackets nested too deep in hand-written Markdown, each located.

    In: a Markdown body from content/, the path contributors know the file by, and the file's
    line number of the body's first line. Out: a Problem for each line longer than
    MAX_LINE_CHARS, and for each paragraph whose `[` and `(` nest deeper than
    MAX_BRACKET_NESTING (at the line where they first do), in line order.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems = [
        Problem(
            rel,
            number,
            f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}: "
            "break it into shorter lines",
        )
        for number, line in enumerate(lines, first_line)
        if len(line) > MAX_LINE_CHARS
    ]
    problems += _nesting_problems(lines, rel, first_line)
    return sorted(problems, key=lambda problem: problem.line or 0)


_BRACKET_TOKENS = re.compile(r"\\.|[\[\]()]")


def _nesting_problems(lines: list[str], rel: str, first_line: int) -> list[Problem]:
    """One Problem per paragraph in which `[` and `(` nest deeper than MAX_BRACKET_NESTING."""
    problems: list[Problem] = []
    depth, deepest, too_deep_at = 0, 0, None
    for number, line in enumerate([*lines, ""], first_line):
        if not line.strip():
            if too_deep_at is not None:
                problems.append(Problem(rel, too_deep_at, _nesting_message(deepest)))
            depth, deepest, too_deep_at = 0, 0, None
            continue
        for token in _BRACKET_TOKENS.findall(line):
            if token in "[(":
                depth += 1
                deepest = max(deepest, depth)
                if depth > MAX_BRACKET_NESTING and too_deep_at is None:
                    too_deep_at = number
            elif token in "])":
                depth = max(depth - 1, 0)
    return problems


def _nesting_message(deepest: int) -> str:
    return (
        f"brackets nested {deepest} deep; the limit is {MAX_BRACKET_NESTING}: close each [ and ( "
        "before opening more, or write \\[ and \\( for brackets that are only text"
    )
