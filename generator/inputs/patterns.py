"""Contributor regular expressions: the one place they are compiled, on a linear-time engine.

Patterns in content/ (topic terms, junk rules, outlet signals) come from pull requests by
strangers, so they run on RE2 (google-re2), never on Python's backtracking `re`: matching
costs time proportional to the text whatever the pattern, so `(?:\\w+\\s?)+$` cannot hang
the build. The code's own fixed regexes stay on `re`.

The syntax is Python's, less what needs backtracking. Semantics chosen for English news text:

- `\\w` `\\d` `\\s` (and `\\W` `\\D` `\\S`) mean what they mean in Python: Unicode letters and
  digits (`Élisabeth` is one word; the curly apostrophe of `Macron’s` is not a word
  character, as in Python), Unicode digits, and Unicode spaces (a no-break space is a space).
  They are rewritten to Unicode classes before RE2 sees them, because RE2's own are ASCII.
- `\\b` and `\\B` are RE2's: ASCII word boundaries, so an accented letter counts as a non-word
  character for them (`\\bÉlisabeth` never matches). Topic terms need no `\\b`: a term only
  counts where no letter or digit is glued to either end of the match.
- `\\Z` means end of text (RE2 spells it `\\z`); `\\N{NAME}`, `\\uXXXX`, `\\UXXXXXXXX` name a character.
- Inline flags `(?i)` `(?m)` `(?s)` work at the start or anywhere, and so do groups like
  `(?i:...)` and `(?-i:...)`. `(?x)` (verbose), `(?a)`, `(?u)`, `(?L)` do not.
- Not supported, with an explanation from `pattern_problem`: look-ahead and look-behind,
  back-references, atomic groups, possessive repeats, conditionals, `(?#...)` comments.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import re2

LINEAR_ENGINE = "patterns run on a linear-time engine (RE2) that never backtracks"
WORD = r"\p{L}\p{N}_"
SPACE = r"\t\n\v\f\r\p{Z}\x{85}\x{1c}-\x{1f}"
CLASS_ESCAPES = {"w": WORD, "d": r"\p{Nd}", "s": SPACE, "D": r"\P{Nd}"}
ESCAPES = {
    "w": f"[{WORD}]",
    "W": f"[^{WORD}]",
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "s": f"[{SPACE}]",
    "S": f"[^{SPACE}]",
    "Z": r"\z",
}
CHARACTER_ESCAPE = re.compile(r"\\(?:N\{([^}]*)\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
UNSUPPORTED_GROUPS = {
    "(?=": "look-ahead `(?=...)` is not supported: {why}; match the following text instead, or drop it",
    "(?!": "negative look-ahead `(?!...)` is not supported: {why}; drop it and accept the wider match",
    "(?<=": "look-behind `(?<=...)` is not supported: {why}; match the preceding text instead, or drop it",
    "(?<!": "negative look-behind `(?<!...)` is not supported: {why}; drop it and accept the wider match",
    "(?>": "atomic group `(?>...)` is not supported: {why}; write a plain group `(?:...)`",
    "(?P=": "back-reference `(?P=name)` is not supported: {why}; write the repeated text out",
    "(?(": "conditional group `(?(...)...)` is not supported: {why}; write the alternatives with `|`",
    "(?#": "comment group `(?#...)` is not supported: {why}; put the comment in YAML after `#` instead",
    "(?x": "verbose flag `(?x)` is not supported: {why}; write the pattern on one line without comments",
}


PatternMatch = re2._Match  # `.start() .end() .span() .group()`, in characters of the text searched


class PatternError(ValueError):
    """A contributor pattern that cannot be used; the message says why and what to write instead."""


@dataclass(frozen=True)
class ContributorPattern:
    """A compiled contributor pattern. Match objects have `.start() .end() .span() .group()`."""

    source: str  # as the contributor wrote it
    regex: re2._Regexp

    def search(self, text: str, pos: int = 0) -> PatternMatch | None:
        """The first match anywhere in `text` from `pos` on, or None."""
        return self.regex.search(text, pos)

    def match(self, text: str) -> PatternMatch | None:
        """A match that starts at the start of `text`, or None."""
        return self.regex.match(text)

    def fullmatch(self, text: str) -> PatternMatch | None:
        """A match of the whole of `text`, or None."""
        return self.regex.fullmatch(text)

    def finditer(self, text: str, pos: int = 0) -> Iterator[PatternMatch]:
        """Every non-overlapping match in `text` from `pos` on, left to right."""
        return self.regex.finditer(text, pos)

    def spans_utf8(self, data: bytes, pos: int = 0) -> Iterator[tuple[int, int]]:
        """`finditer`'s matches as (start, end) byte offsets into `data`, a text encoded to UTF-8.

        For a caller that scans one text with many patterns: `finditer` encodes the text on every
        call and turns every match's offsets back into characters. Like `finditer` (the wrapper's
        loop, step for step), it steps past an empty match by one character, never into one.
        """
        while True:
            found = self.regex.search(data, pos)
            if found is None:
                return
            start, end = found.span()
            yield start, end
            if pos == len(data):
                return
            pos = end if end != pos else pos + utf8_length(data[pos])

    @property
    def groupindex(self) -> dict[str, int]:
        """Named groups and their numbers."""
        return self.regex.groupindex


def utf8_length(lead: int) -> int:
    """How many bytes the UTF-8 character that starts with byte `lead` takes."""
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


@lru_cache(maxsize=1024)
def compile_pattern(source: str, *, ignore_case: bool = False, multiline: bool = False) -> ContributorPattern:
    """A contributor's pattern (Python syntax) in; a linear-time compiled pattern out.

    `ignore_case` is Python's IGNORECASE, `multiline` its MULTILINE (`^` and `$` at every
    line). Raises PatternError, with a message for the contributor, when it cannot be used.
    """
    check_python_syntax(source)
    translated = engine_source(source, multiline=multiline)
    try:
        return ContributorPattern(source, re2.compile(translated, engine_options(ignore_case=ignore_case)))
    except re2.error as err:
        raise PatternError(explain_engine_error(source, err)) from None


def engine_source(source: str, *, multiline: bool = False) -> str:
    """A contributor's pattern as RE2 reads it, with `compile_pattern`'s multiline flag."""
    return ("(?m)" if multiline else "") + to_re2_syntax(source)


def engine_options(*, ignore_case: bool = False) -> re2.Options:
    """RE2's options for `compile_pattern`'s ignore_case."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    return options


SET_MEMORY = 256 << 20  # RE2's default (8 MB) is too small for a hundred rules in one automaton


class FullMatchSet:
    """Several contributor patterns matched against a whole text in one pass (RE2's set): which
    of them match, in one scan however many there are."""

    def __init__(self, sources: tuple[str, ...]):
        options = engine_options()
        options.max_mem = SET_MEMORY
        self._set = re2.Set.FullMatchSet(options)
        for source in sources:
            self._set.Add(engine_source(source))
        self._set.Compile()

    def first(self, text: str) -> int | None:
        """The position in `sources` of the first pattern that matches the whole of `text`, or None."""
        found = self._set.Match(text)
        return min(found) if found else None


class SearchSet:
    """Which of several contributor patterns may match somewhere in a text, in one scan (RE2's set).

    Built with `compile_pattern`'s flags, it answers for each pattern exactly as that pattern's
    own `search` would, so a caller can skip the full scan of every pattern the set rules out.
    The answer is a superset: a pattern the set cannot hold, or a scan RE2 gives up on (its
    automaton out of memory), counts as "may match".
    """

    def __init__(self, sources: tuple[str, ...], *, ignore_case: bool = False, multiline: bool = False):
        self._sources = frozenset(sources)
        self._numbered: dict[int, str] = {}  # the set's number for each pattern it holds
        self._unsure: set[str] = set()  # patterns the set could not take: always "may match"
        options = engine_options(ignore_case=ignore_case)
        options.max_mem = SET_MEMORY
        self._set: re2.Set | None = re2.Set.SearchSet(options)
        self._sentinel = self._set.Add("")  # matches every text: without it in an answer, RE2 gave up
        for source in sorted(self._sources):
            try:
                self._numbered[self._set.Add(engine_source(source, multiline=multiline))] = source
            except (re2.error, PatternError):
                self._unsure.add(source)
        try:
            self._set.Compile()
        except re2.error:
            self._set = None

    def possible(self, text: str) -> frozenset[str]:
        """The sources that may match somewhere in `text`: all that do, and any the set is unsure of."""
        found = self._set.Match(text) if self._set is not None else None
        if not found or self._sentinel not in found:
            return self._sources
        return frozenset(self._numbered[n] for n in found if n != self._sentinel) | self._unsure


def pattern_problem(source: str) -> str | None:
    """Why a contributor's pattern cannot be used, in the contributor's words; None when it can."""
    try:
        compile_pattern(source)
    except PatternError as err:
        return str(err)
    return None


def check_python_syntax(source: str) -> None:
    """Raise PatternError, saying where, when `source` is not even a Python regular expression.

    Python's compiler gives the position of a syntax error, which RE2 does not; compiling
    runs nothing, so it cannot hang.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": RE2 reads [[:alpha:]]
            re.compile(source)
    except re.error as err:
        raise PatternError(
            f"pattern does not compile: {err.msg} at position {err.pos}; "
            "escape ( ) [ ] { } . * + ? | \\ with a backslash to match them literally"
        ) from None


def explain_engine_error(source: str, err: re2.error) -> str:
    """RE2's terse error for `source` turned into what is wrong and how to fix it."""
    detail = (
        err.args[0].decode("utf-8", "replace") if err.args and isinstance(err.args[0], bytes) else str(err)
    )
    operator = detail.rsplit(": ", 1)[-1]
    for opening, message in UNSUPPORTED_GROUPS.items():
        if opening in source and (opening.startswith(operator) or operator.startswith(opening)):
            return message.format(why=LINEAR_ENGINE)
    if re.search(r"invalid escape sequence: \\[1-9]", detail):
        return f"back-references like `\\1` are not supported: {LINEAR_ENGINE}; write the repeated text out"
    if detail.startswith("bad repetition operator") and re.search(r"[*+?}]\+", detail):
        return f"possessive repeats like `a++` are not supported: {LINEAR_ENGINE}; drop the second `+`"
    if detail.startswith("invalid repetition size"):
        return f"`{operator}` is too many repeats: counts go up to 1000; use `*` or `+`"
    if detail.startswith("pattern too large"):
        return "the pattern is too large to run; lower the counts in repeats such as `{0,300}`"
    if detail.startswith("invalid perl operator: (?"):
        return f"`{operator}` is not a supported flag or group here; the flags are i, m and s, as in `(?i)`"
    return (
        f"pattern does not compile: {detail}; "
        "escape ( ) [ ] { } . * + ? | \\ with a backslash to match them literally"
    )


def to_re2_syntax(source: str) -> str:
    """Python-syntax `source` rewritten for RE2: Unicode `\\w \\d \\s`, `\\Z`, named characters."""
    out, index, in_class = [], 0, False
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            piece, index = _escape(source, index, in_class)
        elif in_class and source.startswith("[:", index) and ":]" in source[index:]:
            piece = source[index : source.index(":]", index) + 2]  # a POSIX class such as [:alpha:]
            index += len(piece)
        elif char == "[" and not in_class:
            piece, in_class = char + _class_start(source, index + 1), True
            index += len(piece)
        else:
            in_class = in_class and char != "]"
            piece, index = char, index + 1
        out.append(piece)
    return "".join(out)


def _class_start(source: str, index: int) -> str:
    """The `^` and a leading literal `]` right after a class's `[`, which do not close it."""
    start = "^" if source.startswith("^", index) else ""
    return start + ("]" if source.startswith("]", index + len(start)) else "")


def _escape(source: str, index: int, in_class: bool) -> tuple[str, int]:
    """The RE2 form of the escape at `index` and the index after it."""
    letter = source[index + 1]
    named = CHARACTER_ESCAPE.match(source, index)
    if named:
        return f"\\x{{{_code_point(named):X}}}", named.end()
    if in_class and letter in "WS":
        raise PatternError(
            f"`\\{letter}` inside [...] is not supported; write `(?:\\{letter}|[...])` with the rest of the class"
        )
    table = CLASS_ESCAPES if in_class else ESCAPES
    if letter in table:
        return table[letter], index + 2
    if not letter.isascii():
        return letter, index + 2  # Python reads `\é` as a plain `é`
    return source[index : index + 2], index + 2


def _code_point(found: re.Match[str]) -> int:
    """The character named by `\\N{NAME}`, `\\uXXXX` or `\\UXXXXXXXX`."""
    name, short, long = found.groups()
    if name is None:
        return int(short or long, 16)
    try:
        return ord(unicodedata.lookup(name))
    except KeyError:
        raise PatternError(f"`\\N{{{name}}}` names no Unicode character; check the spelling") from None
