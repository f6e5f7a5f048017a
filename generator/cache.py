"""Remember built articles between builds, so `mkdocs serve` re-annotates only what changed.

An article depends only on its source text, its sidecar and the knowledge base,
all frozen values. When the knowledge base changes every entry is dropped;
otherwise an article is rebuilt only when its text or its sidecar changed.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.models import Article, Knowledge, Sidecar, SourceText

Builder = Callable[[SourceText, Sidecar | None, Knowledge], Article]


class ArticleCache:
    """Built articles keyed by (source, sidecar), valid for one knowledge base at a time."""

    def __init__(self) -> None:
        self._knowledge: Knowledge | None = None
        self._articles: dict[tuple[SourceText, Sidecar | None], Article] = {}

    def get(
        self, source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge, build: Builder
    ) -> Article:
        """The article for these inputs, built with `build` unless an identical build is remembered."""
        if knowledge != self._knowledge:
            self._knowledge, self._articles = knowledge, {}
        key = (source, sidecar)
        if key not in self._articles:
            self._articles[key] = build(source, sidecar, knowledge)
        return self._articles[key]

    def keep_only(self, keys: set[tuple[SourceText, Sidecar | None]]) -> None:
        """Forget articles whose inputs are gone, so the cache never outgrows the project."""
        self._articles = {k: v for k, v in self._articles.items() if k in keys}
