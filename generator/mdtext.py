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
_SAFE_SCHEME = re.compile(r"(?i)^(https?:|mailto:|#|\.{0,2}/|[a-z0-9_-]+(\.md|/)?(#|$))")
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?[^)\n]*\)")
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
    """Hand-written Markdown from content/, with live HTML, unsafe links and attribute lists disarmed."""
    text = _CONTROL.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _LINK.sub(_disarm_link, text)
    text = _ATTR_LIST.sub(lambda m: "\\" + m.group(0), text)
    return Markdown(text)


def _disarm_link(match: re.Match) -> str:
    """Keep links to pages, anchors and http(s)/mailto; turn any other link or image into text."""
    if _SAFE_SCHEME.match(match.group(3)) and not match.group(1):
        return match.group(0)
    return match.group(0).replace("[", "\\[", 1)
