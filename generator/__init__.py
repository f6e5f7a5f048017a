"""Documentary site generator: raw articles in, an annotated, cross-linked site out.

`build_site(root)` is the one orchestrator. It reads top to bottom:
read the inputs, build every article (clean + annotate), cross-link them once
all are known, then render every page. Only `inputs` reads the disk; the
MkDocs adapter and the export command are the only writers.
"""

from __future__ import annotations

from pathlib import Path

from generator.article import build_article, figure_override_problems, line_choice_problems, override_problems
from generator.cache import ArticleCache
from generator.inputs.project import read_inputs
from generator.inputs.text_warnings import prose_warning
from generator.inputs.validate import check_inputs
from generator.link import cross_link
from generator.models import Article, ArticleInput, Knowledge, Problem, Site
from generator.pages.memo import PageMemo
from generator.pages.render import render_site
from generator.parallel import Failure, build_all


def build_site(root: Path, cache: ArticleCache | None = None, memo: PageMemo | None = None) -> Site:
    """Build the whole site in memory from the project at `root`.

    In: the project folder; optionally the articles of earlier builds (an ArticleCache:
    `mkdocs serve` keeps one in memory, the build commands give it a folder) and the
    pages of the last build (a PageMemo, kept by `mkdocs serve`). Out: a Site with every
    page that could be built and every Problem found; a bad file costs its own page,
    never the others.
    """
    inputs = read_inputs(root)
    checked, to_build = check_inputs(inputs)
    problems = list(inputs.problems) + checked
    articles = build_articles(to_build, inputs.knowledge, cache or ArticleCache(), problems)
    problems += [w for w in map(prose_warning, articles) if w is not None]
    problems += [problem for article in articles for problem in override_problems(article)]
    problems += [p for article in articles for p in line_choice_problems(article, inputs.knowledge.junk)]
    problems += [p for article in articles for p in figure_override_problems(article, inputs.knowledge.units)]
    knowledge = inputs.knowledge
    index = cross_link(articles, knowledge.topics, knowledge.entities, knowledge.events)
    pages = render_site(articles, inputs.knowledge, index, inputs.home, inputs.pages, memo)
    return Site(articles, inputs.knowledge, index, pages, tuple(problems), inputs.images)


def build_articles(
    to_build: tuple[ArticleInput, ...], knowledge: Knowledge, cache: ArticleCache, problems: list[Problem]
) -> tuple[Article, ...]:
    """Clean and annotate every article the cache does not hold: in worker processes when there are
    many (parallel.py; `GENERATOR_WORKERS=1` builds them all here), with the same result. An article
    the annotator fails on is left out with an error, so the failure is loud but costs one page."""
    found = [cache.find(one.source, one.sidecar, knowledge) for one in to_build]
    missing: dict[str, ArticleInput] = {}
    for one, (key, article) in zip(to_build, found):
        if article is None:
            missing.setdefault(key, one)
    items = [(one.source, one.sidecar) for one in missing.values()]
    built = dict(zip(missing, build_all(items, knowledge, build_article)))
    for key, result in built.items():
        if isinstance(result, Article):
            cache.add(key, result)
    articles = []
    for one, (key, article) in zip(to_build, found):
        result = article or built[key]
        if isinstance(result, Failure):  # a bug in an annotator, not in the file: report it, build the rest
            message = f"the annotator failed on this file ({result.error}); please report it as a bug"
            problems.append(Problem(one.source.path, 1, message))
        else:
            articles.append(result)
    cache.keep_only_used()
    return tuple(articles)
