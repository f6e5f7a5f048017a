"""Documentary site generator: raw articles in, an annotated, cross-linked site out.

`build_site(root)` is the one orchestrator. It reads top to bottom:
read the inputs, build every article (clean + annotate), cross-link them once
all are known, then render every page. Only `ingest` reads the disk; the
MkDocs adapter and the export command are the only writers.
"""

from __future__ import annotations

from pathlib import Path

from .article import build_article
from .ingest import read_inputs
from .link import cross_link
from .models import Site
from .render import render_site
from .validate import check_inputs


def build_site(root: Path) -> Site:
    """Build the whole site in memory from the project at `root`."""
    inputs = read_inputs(root)
    problems = list(inputs.problems) + check_inputs(inputs)
    sidecars = {s.seed: s for s in inputs.sidecars}
    articles = tuple(
        build_article(source, sidecars.get(Path(source.path).name), inputs.knowledge)
        for source in inputs.sources
    )
    index = cross_link(articles, inputs.knowledge.topics)
    pages = render_site(articles, inputs.knowledge.topics, index, inputs.home)
    return Site(articles, inputs.knowledge.topics, index, pages, tuple(problems))
