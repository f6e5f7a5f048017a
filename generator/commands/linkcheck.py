"""Find broken internal links in a built site, offline.

Every `*.html` file under the site folder is parsed once. Each `href` and `src`
that points inside the site (relative, like `../y/#p3`, or root-relative, like
`/assets/x.css`) must name a file that exists (a directory URL means its
`index.html`), and its `#fragment`, if any, must match an `id` (or an `<a
name>`) in the target page. `javascript:` URLs are always reported. URLs with
any other scheme or a host (`https:`, `mailto:`, `data:`, `//cdn…`) are left
alone.

Root-relative links are checked leniently: GitHub Pages serves a project site
under `/<repo>/`, so MkDocs writes `/<repo>/assets/…` into pages such as
`404.html` while the built folder has no `<repo>/` in it. A root-relative path
that is not found as is, and whose first segment names nothing at the top of
the site, is tried again without that segment (so `/<repo>/` is the site's
root). The price: a wrong first segment on its own, as in `/typo/`, passes
whenever the root page exists.

Stdlib only, no MkDocs imports, so it can check any built folder.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = ("href", "src")


@dataclass
class Page:
    """What one HTML file offers (ids) and asks for (link URLs, in order)."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    """Collects the ids, `<a name>`s and href/src values of one document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif name in LINK_ATTRS and value.strip():
                self.page.links.append(value.strip())


def parse_page(path: Path) -> Page:
    """Parse one HTML file; undecodable bytes are replaced, not fatal."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def _target_file(site_dir: Path, rel: str) -> str | None:
    """Site-relative file a URL path names, or None if nothing is there.

    `rel` is a normalised POSIX path inside the site ("" is the root). A
    directory, with or without a trailing slash, stands for its index.html.
    """
    candidate = site_dir / rel if rel else site_dir
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate.relative_to(site_dir).as_posix()
    return None


def _resolve(site_dir: Path, page_rel: str, path: str) -> tuple[str | None, str]:
    """Find the file a link's path names, as (site-relative file, reason).

    The file is None when it cannot be found; the reason then says why.
    """
    if not path:
        return page_rel, ""
    if path.startswith("/"):
        joined = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
        tries = [joined]
        first, _, rest = joined.partition("/")
        if first and not (site_dir / first).exists():
            tries.append(rest)  # served under /<first>/: try without it
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
        tries = [joined]
    if joined == ".." or joined.startswith("../"):
        return None, "points outside the site"
    for rel in tries:
        found = _target_file(site_dir, "" if rel == "." else rel)
        if found is not None:
            return found, ""
    return None, f"no file at {tries[0] or '.'}"


def check_link(site_dir: Path, page_rel: str, url: str, pages: dict[str, Page]) -> str | None:
    """Why `url`, found on page `page_rel`, is broken, or None if it is fine."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "javascript":
        return "javascript: URL"
    if parts.scheme or parts.netloc:
        return None  # external: not ours to check
    target, reason = _resolve(site_dir, page_rel, unquote(parts.path))
    if target is None:
        return reason
    fragment = parts.fragment
    if not fragment or target not in pages:
        return None  # no anchor, or not an HTML page we parsed
    if fragment in pages[target].ids or unquote(fragment) in pages[target].ids:
        return None
    return f'no element with id "{unquote(fragment)}"'


def find_broken_links(site_dir: Path) -> list[str]:
    """Every broken internal link in the built site, one message each.

    Messages read `<site_dir>/<page>: broken link to <url> (<reason>)`, in page
    order (sorted paths) and then document order; a URL repeated on the same
    page is reported once.
    """
    site_dir = Path(site_dir)
    files = sorted(site_dir.rglob("*.html"))
    pages = {f.relative_to(site_dir).as_posix(): parse_page(f) for f in files}
    messages: list[str] = []
    for page_rel, page in pages.items():
        for url in dict.fromkeys(page.links):
            reason = check_link(site_dir, page_rel, url, pages)
            if reason is not None:
                shown = (site_dir / page_rel).as_posix()
                messages.append(f"{shown}: broken link to {url} ({reason})")
    return messages


def cmd_linkcheck(args: argparse.Namespace) -> int:
    """Check every internal link and #anchor in a built site folder, offline."""
    broken = find_broken_links(Path(args.site))
    for message in broken:
        print(message)
    print(f"{len(broken)} broken link(s)", file=sys.stderr)
    return 1 if broken else 0
