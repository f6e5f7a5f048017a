"""What the theme prints or runs, made safe: page metadata, the Content-Security-Policy, title attributes.

Material's templates print `page.meta` values and titles into the page without
escaping, and its tooltips insert an element's `title` attribute with innerHTML.
So the generator hands the theme only HTML-safe values (`safe_meta`); tooltip
text is escaped where it is made (`mdtext`), and `live_titles` finds any `title`
attribute that would still become markup, so the build can refuse the page. Every
page carries a fixed Content-Security-Policy that allows scripts from the site's
own files only (and WebAssembly, which search runs): the theme override (generator/theme) moves the theme's inline
scripts into files, so no inline script is ever allowed and no hash is needed
(`inline_scripts` finds any that appear, so the build can refuse them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from generator.inputs.text_warnings import visible_text

META_TEXT = ("title", "description")
HIDE_VALUES = frozenset({"navigation", "toc", "footer", "tags", "path", "feedback"})
POLICY = (
    ("default-src", "'self'"),
    # The site's own files only: no inline script, no eval. WebAssembly may compile (search runs
    # Pagefind's, from the site), which 'wasm-unsafe-eval' allows without allowing eval.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self' 'unsafe-inline'"),  # the theme sets style attributes from its script
    ("font-src", "'self' data:"),
    ("connect-src", "'self' https://api.github.com"),  # the theme shows the repository's facts
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
CSP_META = '<meta http-equiv="Content-Security-Policy" content="{}">'.format(
    "; ".join(f"{name} {value}" for name, value in POLICY)
)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_TAG_WITH_TITLE = re.compile(r'<[A-Za-z][^<>]*?\stitle="[^<>]*>')  # only the tags worth a closer look
_TITLE_ATTRIBUTE = re.compile(r'(\stitle=")([^"]*)(")')
_MARKUP_OPENING = re.compile(r"<[A-Za-z!/?]")
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")


def safe_meta(meta: Mapping[str, object]) -> dict[str, object]:
    """The page metadata the theme may print raw: title, description and tags HTML-escaped, hide
    checked against its known values, `search: {exclude: true}` as it is; every other key dropped
    (the theme would act on it)."""
    safe: dict[str, object] = {}
    for key in META_TEXT:
        value = meta.get(key)
        if isinstance(value, str) and visible_text(value):
            safe[key] = html.escape(visible_text(value), quote=True)
    tags = meta.get("tags")
    if isinstance(tags, list):
        safe["tags"] = [html.escape(visible_text(t), quote=True) for t in tags if isinstance(t, str)]
    hide = meta.get("hide")
    if isinstance(hide, list):
        safe["hide"] = [h for h in hide if h in HIDE_VALUES]
    if meta.get("search") == {"exclude": True}:  # left out of the search index
        safe["search"] = {"exclude": True}
    return safe


def live_titles(page: str) -> list[str]:
    """The `title` attributes that a tooltip inserting them with innerHTML would turn into markup:
    once the browser decodes the attribute, a `<` opens a tag or a comment."""
    found = []
    for tag in _TAG_WITH_TITLE.finditer(page):
        for title in _TITLE_ATTRIBUTE.finditer(tag.group(0)):
            if _MARKUP_OPENING.search(html.unescape(title.group(2))):
                found.append(title.group(2))
    return found


def inline_scripts(page: str) -> list[str]:
    """The bodies of the executable inline scripts in a page (data blocks such as JSON left out)."""
    found = []
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        found.append(match.group("body"))
    return found


def add_csp_meta(page: str) -> str:
    """Insert the Content-Security-Policy <meta> right after <head>, before any script can run."""
    head = _HEAD.search(page)
    if head is None:
        return page
    return page[: head.end()] + CSP_META + page[head.end() :]
