"""The contributor junk rules of content/junk.yaml, applied line by line.

Whole-line rules take a line out; prefix rules take the junk off the start of a line and
keep the rest. Rules that open a list (a "Related topics" heading) or name a journalist's
title also take out the short lines under them or the bare name above them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from generator.clean.lines import KeptLine, normalise_line
from generator.inputs.patterns import (
    ContributorPattern,
    FullMatchSet,
    PatternError,
    PatternMatch,
    compile_pattern,
)
from generator.models import NO_EDITS, JunkRule, LineEdits, RemovedText

MAX_LINE = 20_000
LIST_ENDS = tuple('.!:;,"”')
QUOTE_OPENERS = tuple("\"“‘'")
QUOTED_HEAD = re.compile(r"[‘'\"“][^‘’'\"“”]{1,40}[’'\"”] ?\w")
BARE_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}")


@dataclass(frozen=True)
class CompiledRules:
    lines: tuple[tuple[str, ContributorPattern], ...]
    prefixes: tuple[tuple[str, ContributorPattern], ...]
    line_set: FullMatchSet | None = None  # the whole-line rules as one set: one scan of a line


@lru_cache(maxsize=8)
def compile_rules(rules: tuple[JunkRule, ...]) -> CompiledRules:
    """Compile the junk rules once; a rule whose pattern does not compile is skipped."""
    lines, prefixes = [], []
    for rule in rules:
        try:
            pattern = compile_pattern(rule.pattern)
        except PatternError:
            continue
        (prefixes if rule.where == "prefix" else lines).append((rule.name, pattern))
    line_set = FullMatchSet(tuple(pattern.source for _, pattern in lines)) if lines else None
    return CompiledRules(tuple(lines), tuple(prefixes), line_set)


def matching_line_rule(text: str, compiled: CompiledRules) -> str | None:
    """The name of the first whole-line rule that matches `text`, or None."""
    if len(text) > MAX_LINE or compiled.line_set is None:
        return None
    first = compiled.line_set.first(text)
    return None if first is None else compiled.lines[first][0]


def split_prefix(text: str, compiled: CompiledRules) -> tuple[str, str, str] | None:
    """(rule name, junk prefix, rest) when a prefix rule matches the start of `text`.

    The prefix is the whole match, or only up to the end of the group named `junk` when the
    pattern has one: the rest of the match is what must follow the junk, and stays.
    """
    for name, pattern in compiled.prefixes:
        found = pattern.match(text)
        end = prefix_end(found, pattern)
        if end > 0 and text[end:].strip():
            return name, text[:end], text[end:].strip()
    return None


def prefix_end(found: PatternMatch | None, pattern: ContributorPattern) -> int:
    """Where the junk prefix of a prefix rule's match ends: the `junk` group's end, else the match's."""
    if found is None:
        return 0
    group = pattern.groupindex.get("junk")
    if group is None:
        return found.end()
    return max(found.end(group), 0)  # -1 when the group took no part in the match


def editor_reason(edits: LineEdits) -> str:
    """The reason the page gives for a line an editor took out."""
    return f"removed by an editor ({edits.by})" if edits.by else "removed by an editor"


def rule_for_line(line: str, compiled: CompiledRules) -> tuple[str | None, tuple[str, str, str] | None]:
    """(the whole-line rule that takes `line` out, None) or (None, the prefix rule's split), or neither.

    A line whose rest, once a prefix is off, is junk by a whole-line rule goes whole."""
    name = matching_line_rule(line, compiled)
    prefix = split_prefix(line, compiled) if name is None else None
    if prefix is None:
        return name, None
    rest_rule = matching_line_rule(prefix[2], compiled)
    return (rest_rule, None) if rest_rule is not None else (None, prefix)


def strip_junk_lines(
    text: str, rules: tuple[JunkRule, ...], edits: LineEdits = NO_EDITS
) -> tuple[list[KeptLine], list[RemovedText]]:
    """Split the file into lines; junk lines and junk prefixes go to the record, the rest is kept.

    An editor's `remove:` lines go whatever the rules say; `keep:` lines stay whole."""
    compiled = compile_rules(rules)
    kept: list[KeptLine] = []
    removed: list[RemovedText] = []
    after_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = normalise_line(raw)
        if not line:
            after_blank = True
            continue
        name, prefix = None, None
        if number in edits.remove:
            name = editor_reason(edits)
        elif number not in edits.keep:
            name, prefix = rule_for_line(line, compiled)
        if prefix is not None:
            removed.append(RemovedText(number, prefix[1], prefix[0], whole_line=False))
            line = prefix[2]
        if name is not None:
            removed.append(RemovedText(number, raw, name))
            continue
        kept.append(KeptLine(number, line, after_blank))
        after_blank = False
    return kept, removed


def _link_like(text: str) -> bool:
    """A short line with no sentence ending: an item of a link list or a topic tag.

    A line opening with a quote mark counts only when the quote closes inside it (a headline
    such as ‘Record’ crossings ...), not when the line is a quotation.
    """
    words = text.split()
    if text.startswith(QUOTE_OPENERS) and not QUOTED_HEAD.match(text):
        return False
    return len(words) <= 15 and len(text) <= 120 and not text.endswith(LIST_ENDS)


def still_in_list(in_list: bool, junk: list[tuple[int, bool]], previous: int, number: int) -> bool:
    """Whether a link list runs on to line `number`, given the junk lines since the last kept line.

    `junk` holds (line, opens a list) for every whole line taken out, in order. The last of
    them between the two kept lines decides: a list heading opens a list, other junk ends it.
    """
    last = bisect_left(junk, (number, False)) - 1
    if last < 0 or junk[last][0] <= previous:
        return in_list
    return junk[last][1]


def drop_furniture_blocks(
    kept: list[KeptLine],
    removed: list[RemovedText],
    rules: tuple[JunkRule, ...],
    raw_lines: list[str],
    keep: frozenset[int] = frozenset(),
) -> tuple[list[KeptLine], list[RemovedText]]:
    """Lines that are junk because of the junk line next to them.

    Under a heading whose rule `opens_list` ("Related Topics"), the short unpunctuated lines
    that follow are links or tags, until another kind of junk line or a prose line; above a
    journalist's title whose rule `names_above` ("Political reporter"), a bare name is the
    byline's name. Lines in `keep` (an editor's) always stay.
    """
    openers = {r.name for r in rules if r.opens_list}
    titles = {r.line for r in removed if r.whole_line and r.rule in {x.name for x in rules if x.names_above}}
    junk = sorted((r.line, r.rule in openers) for r in removed if r.whole_line)
    prose, dropped, in_list, previous = [], [], False, 0
    for line in kept:
        in_list = still_in_list(in_list, junk, previous, line.number)
        raw = raw_lines[line.number - 1]
        if line.number in keep:
            prose.append(line)
        elif in_list and _link_like(line.text):
            dropped.append(RemovedText(line.number, raw, "link or tag under a related-links heading"))
        elif line.number + 1 in titles and BARE_NAME.fullmatch(line.text):
            dropped.append(RemovedText(line.number, raw, "byline name"))
        else:
            prose.append(line)
            in_list = False
        previous = line.number
    return prose, removed + dropped
