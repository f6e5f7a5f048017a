"""Untrusted text into Markdown that renders as exactly that text.

Article text, quotes, titles and names come from scraped pages and pull
requests. Every value a template prints passes through `escape_markdown`
unless Python marked it as `Markdown` (built here from escaped parts), so
`<script>`, `{{ 7*7 }}`, `[x](javascript:…)` and `{: onclick=… }` arrive on
the page as visible text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from functools import lru_cache

# Characters Python-Markdown (and CommonMark engines) give meaning anywhere in a line,
# and the markers that only matter where a line starts: headings, lists, setext
# underlines and pymdownx.details' `???` (`?` and `=` cannot be backslash-escaped,
# so the first one becomes an entity). `!!!`, `*[`, `{`, `|` and `>` are escaped already.
_INLINE = re.compile(r"([\\`*_{}\[\]()!|])")
_LINE_START = re.compile(r"^([#+-]|\d+\.|\?\?\?|=)")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class Markdown(str):
    """Markdown built by the generator from escaped parts: printed as is."""

    __slots__ = ()


@lru_cache(maxsize=1 << 16)  # names, titles, outlets and dates are escaped again and again
def _escaped(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = text.translate(_HTML)
    text = " ".join(_INLINE.sub(r"\\\1", text).split())
    return _LINE_START.sub(lambda m: _escape_marker(m.group(1)), text)


def escape_markdown(text: str) -> str:
    """Escape `text` so that it renders literally, inline, on one line."""
    return _escaped(str(text))


def _escape_marker(marker: str) -> str:
    """A line-start marker as text: `\\#`, `1\\.`, `&#63;??`, `&#61;`."""
    if marker == "???":
        return "&#63;??"
    if marker == "=":
        return "&#61;"
    return marker[:-1] + "\\." if marker.endswith(".") else "\\" + marker


def finalize(value: object) -> str:
    """Jinja's finalize hook: escape every printed value not marked as Markdown."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return escape_markdown(str(value))


def link(text: str, target: str) -> Markdown:
    """A Markdown link with escaped text; `target` is generator-made and URL-safe."""
    return Markdown(f"[{escape_markdown(text)}]({target})")


# --- hand-written Markdown ---------------------------------------------------------------

_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME_RUN = re.compile(r"[a-z][a-z0-9+.-]*")
# Removed before a target's scheme is read: whitespace, controls, invisible formatting, backslashes.
_INVISIBLE = re.compile(r"[\s\\\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_ENTITY_TAIL = re.compile(r"&[#\w]*$")
_TARGET_PREFIX = 200  # characters of a reference target read for its scheme

_COMMENT_LINE = re.compile(r"<!--[^<>]*-->")
# `(target "title")` after `]`: a target with no space, quote, bracket, backslash or backtick
# and at most one level of balanced parentheses, then an optional one-line title.
_URL_CHAR = r"""[^\s()<>"'\[\]\\`]"""
_INLINE_TARGET = re.compile(
    rf"""\(\s*+((?:{_URL_CHAR}|\({_URL_CHAR}*+\))*+)(?>[ \t]++("[^"\n]*+"|'[^'\n]*+'))?+\s*+\)"""
)
_SAME_LINE_TITLE = re.compile(r"""[ \t]++(?:"[^"\n]*+"|'[^'\n]*+'|\([^()\n]*+\))[ \t]*+(?=\n|$)""")
_BLANKS = re.compile(r"[ \t]*+")
_QUOTE_PREFIX = re.compile(r"[ \t>]*+")
_LINE_PREFIX = re.compile(r"[ \t>*+\-.0-9]*+")  # what a list or blockquote may put before a block
_BLANK_LINE = re.compile(r"[ \t]*+(?:\n|$)")
_DEFINITION_EVENTS = re.compile(r"\*\[|[\[\]\\\n]")


def contributor_markdown(text: str) -> Markdown:
    """Hand-written Markdown from content/, with live HTML, unsafe links and attribute lists disarmed.

    In: any text. Out: Markdown in which, for Python-Markdown with abbr, admonition, attr_list,
    tables, toc and pymdownx.details, `<` and `&` are text (a line that is nothing but an HTML
    comment, `<!-- material/tags -->`, is kept); every link, image or reference definition whose
    target is not a page, an anchor or http(s)/mailto is text; no link title survives; every `{`
    is escaped, so no attribute list applies; abbreviation definitions are escaped once more,
    as they become title attributes a tooltip reads as HTML. Linear in the length of `text`.
    """
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(
        line if _COMMENT_LINE.fullmatch(line) else _escape_html(line) for line in text.split("\n")
    )
    edits = _Edits()
    _disarm_inline_links(text, edits)
    _disarm_definitions(text, edits)
    _escape_braces(text, edits)
    return Markdown(edits.apply(text))


def _escape_html(line: str) -> str:
    """`&` and `<` as entities, so no tag or entity in contributor text reaches the page live."""
    return line.replace("&", "&amp;").replace("<", "&lt;")


class _Edits:
    """Replacements of spans of a text, collected in any order and applied in one pass."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int, str]] = []

    def insert(self, at: int, new: str) -> None:
        self.spans.append((at, at, new))

    def replace(self, start: int, end: int, new: str) -> None:
        self.spans.append((start, end, new))

    def apply(self, text: str) -> str:
        """`text` with every span replaced; a span inside one already replaced is dropped."""
        parts, done = [], 0
        for start, end, new in sorted(self.spans):
            if start < done:
                continue
            parts += [text[done:start], new]
            done = end
        parts.append(text[done:])
        return "".join(parts)


def is_safe_target(target: str, complete: bool = True) -> bool:
    """A link target with no scheme (a page, an anchor) or an http(s)/mailto one.

    The scheme is read as a browser would and more: after decoding entities, removing
    whitespace, controls and backslashes, and lower-casing. `complete=False` says `target` is
    only the start of a longer one: a start that could still grow into a scheme is unsafe.
    """
    for candidate in (target, _decode_entities(target, complete)):
        if not _scheme_is_safe(candidate, complete):
            return False
    return True


def _decode_entities(text: str, complete: bool) -> str:
    """`text` with entities decoded until none is left (`&amp;#106;` → `j`), at most 3 rounds."""
    for _ in range(3):
        if not complete:
            text = _ENTITY_TAIL.sub("", text)  # an entity cut in half could decode to anything
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _scheme_is_safe(target: str, complete: bool) -> bool:
    plain = _INVISIBLE.sub("", target).lstrip("<").lower()
    run = _SCHEME_RUN.match(plain)
    if run is None:
        return complete or plain != ""
    if run.end() == len(plain):
        return complete  # a bare word is a page; a cut-off one might be `javascript`
    return plain[run.end()] != ":" or run.group(0) in _SAFE_SCHEMES


def _disarm_inline_links(text: str, edits: _Edits) -> None:
    """Every `](`: keep `(target)` if the target is safe, drop its title; else escape the `(`.

    Python-Markdown reads an inline link's target only from a `(` right after a `]`, whichever
    `[` it pairs that `]` with, so checking every `](` needs no bracket matching.
    """
    start = text.find("](")
    while start != -1:
        match = _INLINE_TARGET.match(text, start + 1)
        if match is None or not is_safe_target(match.group(1)):
            edits.insert(start + 1, "\\")
        elif match.group(2):
            edits.replace(match.end(1), match.end(2), "")
        start = text.find("](", start + 1)


def _disarm_definitions(text: str, edits: _Edits) -> None:
    """Reference definitions (`[id]: target`) and abbreviations (`*[term]: definition`) made safe."""
    _DefinitionScan(text, edits).run()


class _DefinitionScan:
    """One pass over the text for the `]:` of reference and abbreviation definitions.

    Python-Markdown reads a reference definition wherever a `[` starts a line once lists and
    blockquotes are stripped, with its target on that line or the next and an optional title
    after it; an abbreviation wherever `*[` starts a line, its definition on the line or the next.
    Over-approximated here: any `[` after nothing but list and quote markers, any `*[`.
    """

    def __init__(self, text: str, edits: _Edits) -> None:
        self.text, self.edits = text, edits
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.spaces: list[int] | None = None
        self.after_target: dict[int, tuple[str, int]] = {}
        self.escape_again_from: dict[int, int] = {}  # line start → where a definition starts on it

    def run(self) -> None:
        """Disarm unsafe reference definitions, mark abbreviation definitions, then escape those."""
        text = self.text
        line_start, prefix_end = 0, _LINE_PREFIX.match(text).end()
        open_at, open_starts_line, in_abbreviation = -1, False, False
        for event in _DEFINITION_EVENTS.finditer(text):
            at, kind = event.start(), event.group()
            if kind == "\n":
                line_start, prefix_end = at + 1, _LINE_PREFIX.match(text, at + 1).end()
                in_abbreviation = in_abbreviation and not _BLANK_LINE.match(text, at + 1)
            elif kind == "\\":
                in_abbreviation = False  # abbr's term is `[^\\]*?`
            elif kind == "*[":
                open_at, open_starts_line, in_abbreviation = at + 1, False, True
            elif kind == "[":
                open_at = at
                open_starts_line = at == prefix_end and (at == line_start or text[at - 1] in " \t>")
            else:
                colon = _colon_after(text, at)
                if colon != -1 and in_abbreviation:
                    self._mark_abbreviation(colon)
                    in_abbreviation = False
                if colon == at + 1 and open_starts_line:
                    self._check_reference(open_at, colon)
                open_at, open_starts_line = -1, False
        self._escape_abbreviations()

    def _check_reference(self, open_at: int, colon: int) -> None:
        """Escape the `[` of a definition whose target is unsafe; drop a title on its line.

        A definition followed by other text on its line, or by a line that opens with a quote
        or `(` (a title Python-Markdown would read), is escaped too.
        """
        text = self.text
        start = _BLANKS.match(text, colon + 1).end()
        if text.startswith("\n", start):
            start = _QUOTE_PREFIX.match(text, start + 1).end()
        end = self._space_at_or_after(start)
        if end == start:
            return  # no target: not a definition
        target = text[start : min(end, start + _TARGET_PREFIX)]
        after, title_end = self._after_target(end)
        if not is_safe_target(target, complete=end - start <= _TARGET_PREFIX) or after == "text":
            self.edits.insert(open_at, "\\")
        elif after == "title":
            self.edits.replace(end, title_end, "")

    def _space_at_or_after(self, at: int) -> int:
        if self.spaces is None:
            self.spaces = [m.start() for m in re.finditer(r"\s", self.text)]
        index = bisect_left(self.spaces, at)
        return self.spaces[index] if index < len(self.spaces) else len(self.text)

    def _after_target(self, end: int) -> tuple[str, int]:
        """("title", where it ends) for a title on the target's line; ("text", 0) for anything
        else there or a next line opening with a quote or `(`; ("nothing", 0) otherwise."""
        if end not in self.after_target:
            text = self.text
            title = _SAME_LINE_TITLE.match(text, end)
            line_end = title.end() if title else _BLANKS.match(text, end).end()
            below = _QUOTE_PREFIX.match(text, line_end + 1).end() if line_end < len(text) else line_end
            if (line_end < len(text) and text[line_end] != "\n") or text[below : below + 1] in (
                "'",
                '"',
                "(",
            ):
                self.after_target[end] = ("text", 0)
            else:
                self.after_target[end] = ("title", line_end) if title else ("nothing", 0)
        return self.after_target[end]

    def _mark_abbreviation(self, colon: int) -> None:
        """Remember where the definition after `colon` starts: on its line, or the next if that is blank."""
        start = _BLANKS.match(self.text, colon + 1).end()
        start = start + 1 if self.text.startswith("\n", start) else colon + 1
        line_start = self._line_start(start)
        self.escape_again_from[line_start] = min(start, self.escape_again_from.get(line_start, start))

    def _line_start(self, at: int) -> int:
        index = bisect_left(self.newlines, at)
        return self.newlines[index - 1] + 1 if index else 0

    def _escape_abbreviations(self) -> None:
        """`&` as `&amp;` once more in every abbreviation definition: the title attribute a tooltip
        inserts as HTML then holds `&lt;` and `&amp;`, which show as `<` and `&`."""
        for start in self.escape_again_from.values():
            index = bisect_left(self.newlines, start)
            end = self.newlines[index] if index < len(self.newlines) else len(self.text)
            for amp in re.finditer("&", self.text[start:end]):
                self.edits.replace(start + amp.start(), start + amp.start() + 1, "&amp;")


def _colon_after(text: str, bracket: int) -> int:
    """Where the `:` of `]:` or `] :` is, or -1."""
    if text.startswith(":", bracket + 1):
        return bracket + 1
    return bracket + 2 if text.startswith(" :", bracket + 1) else -1


def _escape_braces(text: str, edits: _Edits) -> None:
    """A backslash before every `{` not escaped already: attr_list then reads no attribute list."""
    for match in re.finditer(r"(?<!\\)(\\*+)\{", text):
        if len(match.group(1)) % 2 == 0:
            edits.insert(match.end() - 1, "\\")
