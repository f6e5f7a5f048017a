"""Page junk out, kept on record; the article's paragraphs in.

`clean_text` reads a raw article file line by line. Lines that the rules in
content/junk.yaml call junk (captions, share prompts, video-player notices, ...)
and lines shaped like related-article teasers are taken out and kept in
`CleanText.removed`. What is left becomes numbered paragraphs: one per line, except
hard-wrapped wire copy, whose lines are joined back when a line stops mid-sentence.

Only safe normalisation happens: zero-width characters go and lines are trimmed.
The article's own quote marks and apostrophes stay, so every quote and figure the
annotators find is an exact substring of a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from generator.inputs.patterns import ContributorPattern, PatternError, PatternMatch, compile_pattern
from generator.models import CleanText, JunkRule, Paragraph, RemovedText, SourceText

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
TERMINAL = tuple('.!?;"”…)')
QUOTE_OPENERS = tuple("\"“‘'")
FUNCTION_WORDS = frozenset(
    "a an and as at but by for from in into of on or than that the their to which who whose with".split()
)
TEASER_RULE = "related-article teaser (headline shape)"
COLON_HEADLINE = re.compile(r"^[A-Z][^:.!?]{2,60}: [A-Z‘'\"“]")
SINGLE_QUOTED = re.compile(r"‘[^‘’]{2,60}’")
SAYS_ENDING = re.compile(
    r", (?:[\w'’-]+ ){0,3}(?:says?|warns?|claims?|admits?|insists?|reveals?|urges?|vows?)$"
)
MAX_LINE = 20_000
LIST_ENDS = tuple('.!:;,"”')
BARE_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}")


@dataclass(frozen=True)
class CompiledRules:
    lines: tuple[tuple[str, ContributorPattern], ...]
    prefixes: tuple[tuple[str, ContributorPattern], ...]


@dataclass(frozen=True)
class KeptLine:
    number: int  # 1-based line in the source file
    text: str
    after_blank: bool  # a blank line (or the file start) comes before it


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
    return CompiledRules(tuple(lines), tuple(prefixes))


def normalise_line(raw: str) -> str:
    """Drop zero-width characters and surrounding whitespace; leave everything else as it is."""
    return ZERO_WIDTH.sub("", raw).strip()


def matching_line_rule(text: str, compiled: CompiledRules) -> str | None:
    """The name of the first whole-line rule that matches `text`, or None."""
    if len(text) > MAX_LINE:
        return None
    for name, pattern in compiled.lines:
        if pattern.fullmatch(text):
            return name
    return None


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


def has_headline_signal(text: str) -> bool:
    """True when a line is shaped like a headline: colon form, ‘quoted’ words, "..., X says", Title Case."""
    if COLON_HEADLINE.match(text) or SINGLE_QUOTED.search(text) or SAYS_ENDING.search(text):
        return True
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(long_words) >= 4 and len(capitalised) >= 0.7 * len(long_words)


def looks_like_teaser(text: str) -> bool:
    """A short, unpunctuated, headline-shaped line: a link to another story, not prose."""
    words = text.split()
    if not 7 <= len(words) <= 25 or len(text) > 180:
        return False
    if text.endswith(TERMINAL) or text.startswith(QUOTE_OPENERS) or text.endswith(","):
        return False
    if text.endswith("’") and "‘" not in text:
        return False
    if words[-1].lower() in FUNCTION_WORDS or re.search(r"[.!?][\"”’]? [A-Z]", text):
        return False
    return has_headline_signal(text)


def continues_mid_sentence(line: str, following: KeptLine) -> bool:
    """True when hard-wrapped copy breaks a sentence between `line` and the next line."""
    if following.after_blank or not line or line.endswith(TERMINAL) or line.endswith((":", "’")):
        return False
    first = following.text[0]
    last_word = line.split()[-1].lower()
    return first.islower() or line.endswith((",", "-", "–", "—")) or last_word in FUNCTION_WORDS


def strip_junk_lines(text: str, rules: tuple[JunkRule, ...]) -> tuple[list[KeptLine], list[RemovedText]]:
    """Split the file into lines; junk lines and junk prefixes go to the record, the rest is kept."""
    compiled = compile_rules(rules)
    kept: list[KeptLine] = []
    removed: list[RemovedText] = []
    after_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = normalise_line(raw)
        if not line:
            after_blank = True
            continue
        name = matching_line_rule(line, compiled)
        if name is None:
            prefix = split_prefix(line, compiled)
            if prefix is not None:
                name = matching_line_rule(prefix[2], compiled)
            if prefix is not None and name is None:
                removed.append(RemovedText(number, prefix[1], prefix[0], whole_line=False))
                line = prefix[2]
        if name is not None:
            removed.append(RemovedText(number, raw, name))
            continue
        kept.append(KeptLine(number, line, after_blank))
        after_blank = False
    return kept, removed


def _link_like(text: str) -> bool:
    """A short line with no sentence ending: an item of a link list or a topic tag."""
    words = text.split()
    return (
        len(words) <= 15
        and len(text) <= 120
        and not text.endswith(LIST_ENDS)
        and not text.startswith(QUOTE_OPENERS)
    )


def drop_furniture_blocks(
    kept: list[KeptLine], removed: list[RemovedText], rules: tuple[JunkRule, ...], raw_lines: list[str]
) -> tuple[list[KeptLine], list[RemovedText]]:
    """Lines that are junk because of the junk line next to them.

    Under a heading whose rule `opens_list` ("Related Topics"), the short unpunctuated lines
    that follow are links or tags; above a journalist's title whose rule `names_above`
    ("Political reporter"), a bare name is the byline's name.
    """
    openers = {r.name for r in rules if r.opens_list}
    titles = {r.line for r in removed if r.whole_line and r.rule in {x.name for x in rules if x.names_above}}
    headings = sorted(r.line for r in removed if r.whole_line and r.rule in openers)
    prose, dropped, in_list, previous = [], [], False, 0
    for line in kept:
        in_list = in_list or bisect_left(headings, line.number) > bisect_right(headings, previous)
        raw = raw_lines[line.number - 1]
        if in_list and _link_like(line.text):
            dropped.append(RemovedText(line.number, raw, "link or tag under a related-links heading"))
        elif line.number + 1 in titles and BARE_NAME.fullmatch(line.text):
            dropped.append(RemovedText(line.number, raw, "byline name"))
        else:
            prose.append(line)
            in_list = False
        previous = line.number
    return prose, removed + dropped


def join_wrapped_lines(kept: list[KeptLine]) -> list[KeptLine]:
    """Join lines of hard-wrapped copy back into paragraphs; other lines stay one paragraph each."""
    groups: list[list[KeptLine]] = []
    for line in kept:
        if groups and continues_mid_sentence(groups[-1][-1].text, line):
            groups[-1].append(line)  # joined once at the end: repeated joining costs quadratic time
        else:
            groups.append([line])
    return [KeptLine(g[0].number, " ".join(line.text for line in g), g[0].after_blank) for g in groups]


def drop_teasers(lines: list[KeptLine], raw_lines: list[str]) -> tuple[list[KeptLine], list[RemovedText]]:
    """Take out headline-shaped lines standing alone; the first line (the standfirst) always stays."""
    prose: list[KeptLine] = []
    removed: list[RemovedText] = []
    for index, line in enumerate(lines):
        single_line = line.text == normalise_line(raw_lines[line.number - 1])
        if index > 0 and single_line and looks_like_teaser(line.text):
            removed.append(RemovedText(line.number, raw_lines[line.number - 1], TEASER_RULE))
        else:
            prose.append(line)
    return prose, removed


def clean_text(source: SourceText, rules: tuple[JunkRule, ...]) -> CleanText:
    """Raw article text in; numbered paragraphs and the junk taken out (by line, with its rule) out."""
    text = source.text if isinstance(source.text, str) else ""
    raw_lines = text.split("\n")
    kept, removed = strip_junk_lines(text, rules)
    kept, removed = drop_furniture_blocks(kept, removed, rules, raw_lines)
    prose, teasers = drop_teasers(join_wrapped_lines(kept), raw_lines)
    paragraphs = tuple(Paragraph(i, line.number, line.text) for i, line in enumerate(prose, start=1))
    all_removed = tuple(sorted(removed + teasers, key=lambda r: (r.line, r.whole_line)))
    return CleanText(paragraphs=paragraphs, removed=all_removed)
