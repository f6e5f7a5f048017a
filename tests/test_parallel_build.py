"""Articles built in worker processes make the same site as articles built one after another, and a
failing or crashing build still costs one article at most. Every build here runs in a temporary copy of
the project with two workers and a batch of two, so the five seed articles go to the workers.

The builders below are module-level functions because workers import them by name; a monkeypatch
made in this process is invisible to a worker."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

import generator
from conftest import copy_project
from generator import build_site, parallel
from generator.article import build_article
from generator.cache import ArticleCache

FAILING_SEED = "seeds/002_10fcbd9f08f1f2fb.txt"
Outcome = tuple[list[tuple[str, str]], list[str], int]  # pages (path, text), problems, articles built


def failing_build(source, sidecar, knowledge):
    """The real build, except that one seed meets an annotator bug (in a worker as here)."""
    if source.path == FAILING_SEED:
        raise IndexError("list index out of range")
    return build_article(source, sidecar, knowledge)


def crashing_build(source, sidecar, knowledge):
    """The real build, except that a worker dies outright on one seed."""
    if source.path == FAILING_SEED and multiprocessing.parent_process() is not None:
        os._exit(1)
    return build_article(source, sidecar, knowledge)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def from_workers(monkeypatch: pytest.MonkeyPatch) -> list[list]:
    """Two workers for any batch of two or more articles; returns the results each pool gave back."""
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_BATCH", 2)
    pools: list[list] = []
    real = parallel._in_workers

    def spy(*args):
        pools.append(real(*args))
        return pools[-1]

    monkeypatch.setattr(parallel, "_in_workers", spy)
    return pools


def outcome(project: Path) -> Outcome:
    cache = ArticleCache()
    site = build_site(project, cache)
    return [(p.path, p.text) for p in site.pages], [str(p) for p in site.problems], cache.built


def sequential(project: Path, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    with monkeypatch.context() as patch:
        patch.setenv(parallel.WORKERS_ENV, "1")
        return outcome(project)


def test_workers_build_the_same_site_page_for_page(
    project: Path, from_workers: list[list], monkeypatch: pytest.MonkeyPatch
) -> None:
    in_workers = outcome(project)
    assert [len(results) for results in from_workers] == [5], "every article came back from a worker"
    assert in_workers == sequential(project, monkeypatch)
    assert in_workers[2] == 5 and in_workers[1] == []


def test_an_annotator_failing_in_a_worker_costs_only_its_article(
    project: Path, from_workers: list[list], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "build_article", failing_build)
    pages, problems, built = outcome(project)
    assert [len(results) for results in from_workers] == [5]
    assert [r.error for r in from_workers[0] if isinstance(r, parallel.Failure)] == [
        "IndexError: list index out of range"
    ], "the failure happened in a worker"
    assert problems == [
        f"{FAILING_SEED}:1: the annotator failed on this file "
        "(IndexError: list index out of range); please report it as a bug"
    ]
    assert built == 4
    assert (pages, problems, built) == sequential(project, monkeypatch)


def test_a_worker_that_dies_leaves_the_rest_to_this_process(
    project: Path, from_workers: list[list], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "build_article", crashing_build)
    in_workers = outcome(project)
    assert len(from_workers) == 1 and len(from_workers[0]) < 5, "the pool broke"
    assert in_workers == sequential(project, monkeypatch)
    assert in_workers[1] == [] and in_workers[2] == 5


def test_workers_running_other_code_than_this_process_build_nothing(
    project: Path, from_workers: list[list], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = sequential(project, monkeypatch)
    monkeypatch.setattr(generator.cache, "ANNOTATOR_VERSION", "code edited since this process started")
    assert outcome(project) == expected
    assert from_workers == [[]]


def test_one_worker_or_a_small_batch_builds_here(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    with monkeypatch.context() as patch:
        patch.setattr(parallel, "MIN_BATCH", 2)
        assert outcome(project)[2] == 5
    monkeypatch.delenv(parallel.WORKERS_ENV)
    assert parallel.MIN_BATCH > 5, "an edit to a few articles (mkdocs serve) starts no worker"
    assert outcome(project)[2] == 5


@pytest.mark.parametrize(("setting", "workers"), [("3", 3), ("1", 1), ("0", None), ("two", None), ("", None)])
def test_the_workers_setting(setting: str, workers: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, setting)
    batch = parallel.MIN_BATCH
    assert parallel.worker_count(batch) == (workers or min(parallel.usable_cores(), batch))
    assert parallel.worker_count(batch - 1) == 1
    assert parallel.worker_count(2) == 1
