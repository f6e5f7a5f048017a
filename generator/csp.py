"""A Content-Security-Policy for every built page, as a <meta> tag (GitHub Pages sets no headers).

In: one page's HTML as the theme rendered it. Out: the same HTML with a CSP
<meta> first in <head>. Scripts may come only from the site itself, plus the
theme's own inline scripts, allowed by their SHA-256 hash. Only inline scripts
outside the page's <article> are hashed: whatever sits inside the article came
from content, and must never be allowed to run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")

BASE_POLICY = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self' 'unsafe-inline'"),  # the theme sets style attributes from its script
    ("font-src", "'self' data:"),
    ("connect-src", "'self' https://api.github.com"),  # the theme shows the repository's facts
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def theme_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the executable inline scripts outside <article>, in page order."""
    outside = _ARTICLE.sub("", html)
    hashes = []
    for match in _INLINE_SCRIPT.finditer(outside):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str) -> str:
    """The policy text for one page."""
    scripts = " ".join(["'self'", *theme_script_hashes(html)])
    directives = [*BASE_POLICY[:1], ("script-src", scripts), *BASE_POLICY[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_csp_meta(html: str) -> str:
    """Insert the page's CSP <meta> right after <head>, before any script can run."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
