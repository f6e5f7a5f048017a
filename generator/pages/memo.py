"""Pages rendered by the last build, reused when what they are made from is unchanged (`mkdocs serve`).

In: for each page, its path, the values it is rendered from, and how to render it; once a build,
what every page may read (the topics, the glossary, which people have pages, the templates).
Out: the Page, rendered again only when one of those values changed. Values are compared with
`==`; an unchanged article is the same object from one build to the next (generator/cache.py), so
comparing it costs next to nothing. A memo made for one build renders every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from generator.models import Page
from generator.pages.backlinks import Remembered


class PageMemo:
    """Rendered pages by path, each with the values it was rendered from."""

    def __init__(self) -> None:
        self._shared: object = None
        self._pages: dict[str, tuple[object, list[Page]]] = {}
        self._used: set[str] = set()
        self.rendered = 0  # pages rendered (not reused) since the memo was made, for tests and benchmarks
        self.backlinks = Remembered()  # what "What links here" read and wrote
        self.rendered_now: list[str] = []  # what this build rendered (not reused), for tests

    def start(self, shared: object, templates: Path) -> None:
        """Begin a build whose pages may all read `shared` and the templates in `templates`:
        when either changed since the last build, every page is rendered again."""
        shared = (shared, _folder_digest(templates))
        if shared != self._shared:
            self._shared, self._pages = shared, {}
        self._used, self.rendered_now = set(), []

    def page(self, path: str, inputs: object, render: Callable[[], Page]) -> Page:
        """The page at `path`: the last build's when `inputs` equal its inputs, else `render()`."""
        return self.pages(path, inputs, lambda: [render()])[0]

    def pages(self, key: str, inputs: object, render: Callable[[], list[Page]]) -> list[Page]:
        """The pages rendered together under `key` (a person's page and its years): the last
        build's when `inputs` equal its inputs, else `render()`."""
        self._used.add(key)
        known = self._pages.get(key)
        if known is not None and known[0] == inputs:
            return known[1]
        pages = render()
        self.rendered += len(pages)
        self.rendered_now += [page.path for page in pages]
        self._pages[key] = (inputs, pages)
        return pages

    def finish(self) -> None:
        """Forget the pages this build did not ask for."""
        self._pages = {path: known for path, known in self._pages.items() if path in self._used}


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
