"""What links here: every article, topic and person page lists the pages that link to it.

In: every Page of the site, rendered, and the order articles are listed in (newest first).
Out: the same Pages, each article, topic and person page with a "What links here" section at
its end. The links are read from the generated Markdown itself (`[text](target.md#anchor)`,
as `mdtext.link` and the templates write them), so the lists are true by construction and a
new page kind's links count without a line here. One pass builds target -> sources.

A section's index page (`index.md`, `*/index.md`), `tags.md` and the pages of a year
(`articles/2024.md`, `topics/<slug>/2024.md` ...) list whole sections or years of them: they are
named on one line, not in the lists. Each list shows at most `SHOWN` pages, then counts the rest,
so a page stays bounded however many pages link to it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from urllib.parse import unquote, urlsplit

import yaml

from generator.inputs.slugs import is_listing_slug
from generator.models import Page
from generator.pages.mdtext import Markdown, escape_markdown, link

SHOWN = 30  # pages listed per kind; the rest are counted
KINDS: tuple[tuple[str, str], ...] = (  # the folder of a linking page -> its list's heading
    ("articles", "Articles"),
    ("topics", "Topics"),
    ("people", "People"),
    ("", "Other pages"),
)
WITH_SECTION = ("articles", "topics", "people")  # the folders whose pages get the section
HEADING = "## What links here"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An inline link's target: `](` then no space or parenthesis up to `)`. Text that was escaped
# has `\]\(`; the backslashes before `]` are counted, so an escaped `]` never opens a target.
_TARGET = re.compile(r"\]\(([^()\s]+)\)")


class Remembered:
    """What the last build read from each page and wrote, by path (`mkdocs serve`): a page whose
    text is unchanged is not read again, and a section whose page and sources are unchanged is
    not written again."""

    def __init__(self) -> None:
        self.read: dict[str, tuple[str, str, list[str]]] = {}  # path -> (text, title, every link target)
        self.written: dict[str, tuple[object, str]] = {}  # path -> (what the section shows, page text)

    def keep_only(self, paths: set[str]) -> None:
        self.read = {p: v for p, v in self.read.items() if p in paths}
        self.written = {p: v for p, v in self.written.items() if p in paths}


def with_backlinks(
    pages: Iterable[Page], order: Mapping[str, int] | None = None, remembered: Remembered | None = None
) -> tuple[Page, ...]:
    """`pages` with a "What links here" section on every article, topic and person page.

    `order` ranks pages within a list (articles newest first); the others follow by title.
    `remembered`: what the last build read and wrote, reused where a page is unchanged.
    """
    pages = tuple(pages)
    memory = remembered or Remembered()
    paths = {page.path for page in pages if page.path.endswith(".md")}
    resolved: dict[tuple[str, str], str | None] = {}  # (folder, target) -> docs path: links repeat
    titles: dict[str, str] = {}
    sources: dict[str, set[str]] = {}
    for page in pages:
        if page.path not in paths:
            continue
        known = memory.read.get(page.path)
        if known is None or known[0] != page.text:
            known = (page.text, _title(page), links_from(page, None, resolved))
            memory.read[page.path] = known
        titles[page.path] = known[1]
        for target in known[2]:
            if target in paths:
                sources.setdefault(target, set()).add(page.path)
    memory.keep_only(paths)
    rank = order or {}

    def key(path: str) -> tuple:
        return (rank.get(path, len(rank)), titles[path].casefold(), path)

    links: dict[tuple[str, str], Markdown] = {}  # (source, target's folder) -> link: sources repeat

    def linked(path: str, here: str) -> Markdown:
        if (path, here) not in links:
            links[path, here] = link(titles[path], posixpath.relpath(path, here or "."))
        return links[path, here]

    def sectioned(page: Page) -> Page:
        found = sorted(sources.get(page.path, ()), key=key)
        shows = (page.text, tuple((path, titles[path]) for path in found))
        known = memory.written.get(page.path)
        if known is None or known[0] != shows:
            known = (shows, _with_section(page, found, linked))
            memory.written[page.path] = known
        return replace(page, text=known[1])

    return tuple(sectioned(page) if gets_section(page.path) else page for page in pages)


def gets_section(path: str) -> bool:
    """True for an article, topic or person page (not a section's index, nor a list of a year)."""
    folder, _, name = path.rpartition("/")
    return folder in WITH_SECTION and name.endswith(".md") and not is_listing(path)


def is_listing(path: str) -> bool:
    """A page that lists a whole section or a year of one: the home page, a section's index, the
    tags page, `articles/2024.md`, `topics/<slug>/2024.md`, `quotes/undated.md` ..."""
    stem = path.rpartition("/")[2].removesuffix(".md")
    return path in ("index.md", "tags.md") or stem == "index" or is_listing_slug(stem)


def links_from(
    page: Page, paths: set[str] | None, resolved: dict[tuple[str, str], str | None] | None = None
) -> list[str]:
    """The docs paths of the other pages `page` links to (of `paths`, unless None), in order, each once.

    `resolved` remembers what each (folder, target) resolved to, for the next page.
    """
    found: dict[str, None] = {}
    text, folder = page.text, posixpath.dirname(page.path)
    known = {} if resolved is None else resolved
    for match in _TARGET.finditer(text):
        if _escaped(text, match.start()):
            continue
        key = (folder, match.group(1).split("#", 1)[0])
        if key not in known:
            known[key] = resolve(page.path, key[1])
        target = known[key]
        if target is not None and (paths is None or target in paths) and target != page.path:
            found[target] = None
    return list(found)


def _escaped(text: str, at: int) -> bool:
    """True when the character at `at` follows an odd number of backslashes."""
    start = at
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (at - start) % 2 == 1


def resolve(source: str, target: str) -> str | None:
    """The docs path a relative Markdown link `target` on page `source` points to, or None."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))


def _title(page: Page) -> str:
    """The page's title as its front matter gives it; its path when it has none. The front matter
    is the generator's own (`environment.front_matter`: plain keys, no aliases), so the C loader
    reads it, a tenth of the time of the located loader contributor files need."""
    text, title = page.text, None
    end = text.find("\n---\n", 4) if text.startswith("---\n") else -1
    if end != -1:
        try:
            data = yaml.load(text[4:end], Loader=_LOADER)
        except yaml.YAMLError:
            data = None
        title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else page.path.removesuffix(".md")


def _with_section(page: Page, sources: list[str], linked: Callable[[str, str], Markdown]) -> str:
    """The page's text with its "What links here" section appended; `linked(source, folder)` is
    the link to a source from a page in `folder`."""
    here = posixpath.dirname(page.path)
    listings = [path for path in sources if is_listing(path)]
    grouped: dict[str, list[str]] = {folder: [] for folder, _ in KINDS}
    for path in sources:
        if not is_listing(path):
            folder = path.split("/", 1)[0] if "/" in path else ""
            grouped[folder if folder in grouped else ""].append(path)
    lines = [HEADING, ""]
    for folder, heading in KINDS:
        found = grouped[folder]
        if not found:
            continue
        lines += [f"**{escape_markdown(heading)}** ({len(found)})", ""]
        lines += [f"- {linked(path, here)}" for path in found[:SHOWN]]
        if len(found) > SHOWN:
            lines.append(f"- *and {len(found) - SHOWN} more*")
        lines.append("")
    if not any(grouped.values()):
        lines += ["No other page links here yet.", ""]
    if listings:
        lines += ["Also listed on " + " · ".join(linked(path, here) for path in sorted(listings)) + ".", ""]
    return page.text.rstrip("\n") + "\n\n" + "\n".join(lines)
