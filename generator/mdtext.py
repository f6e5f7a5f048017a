"""Untrusted text into Markdown that renders as exactly that text.

Article text, quotes, titles and names come from scraped pages and pull
requests. Every value a template prints passes through `escape_markdown`
unless Python marked it as `Markdown` (built here from escaped parts), so
`<script>`, `{{ 7*7 }}`, `[x](javascript:…)` and `{: onclick=… }` arrive on
the page as visible text.
"""

from __future__ import annotations

import re

# Characters Python-Markdown (and CommonMark engines) give meaning anywhere in a line,
# and the ones that only matter where a line starts (headings, lists).
_INLINE = re.compile(r"([\\`*_{}\[\]()!|])")
_LINE_START = re.compile(r"^([#+-]|\d+\.)")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?[^)\n]*\)")
_COMMENT_LINE = re.compile(r"<!--[^<>]*-->")
_REFERENCE = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*<?([^\s>]*)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{\s*:?\s*[#.:\w][^}\n]*\}")


class Markdown(str):
    """Markdown built by the generator from escaped parts: printed as is."""

    __slots__ = ()


def escape_markdown(text: str) -> str:
    """Escape `text` so that it renders literally, inline, on one line."""
    text = _CONTROL.sub("", str(text))
    text = "".join(_HTML.get(ch, ch) for ch in text)
    text = " ".join(_INLINE.sub(r"\\\1", text).split())
    return _LINE_START.sub(lambda m: _escape_marker(m.group(1)), text)


def _escape_marker(marker: str) -> str:
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


def contributor_markdown(text: str) -> Markdown:
    """Hand-written Markdown from content/, with live HTML, unsafe links and attribute lists disarmed.

    A line that is nothing but an HTML comment (`<!-- material/tags -->`) is inert and kept.
    """
    text = _CONTROL.sub("", text)
    text = "\n".join(
        line if _COMMENT_LINE.fullmatch(line) else _escape_html(line) for line in text.split("\n")
    )
    text = _LINK.sub(_disarm_link, text)
    text = _REFERENCE.sub(_disarm_reference, text)
    text = _ATTR_LIST.sub(lambda m: "\\" + m.group(0), text)
    return Markdown(text)


def _escape_html(line: str) -> str:
    """`&` and `<` as entities, so no tag or entity in contributor text reaches the page live."""
    return line.replace("&", "&amp;").replace("<", "&lt;")


def is_safe_target(target: str) -> bool:
    """A link target with no scheme (a page, an anchor) or an http(s)/mailto one."""
    scheme = _SCHEME.match(target)
    return scheme is None or scheme.group(0).lower() in _SAFE_SCHEMES


def _disarm_reference(match: re.Match) -> str:
    """A reference definition (`[1]: url`) with an unsafe target becomes text."""
    if is_safe_target(match.group(3)):
        return match.group(0)
    return match.group(1) + "\\" + match.group(0)[len(match.group(1)) :]


def _disarm_link(match: re.Match) -> str:
    """Keep links to pages, anchors and http(s)/mailto; turn any other link or image into text."""
    if is_safe_target(match.group(3)):
        return match.group(0)
    return match.group(0).replace("[", "\\[", 1)
