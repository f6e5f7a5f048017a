"""Build many articles at once in worker processes, when there are enough to pay for starting them.

In: the articles to build (SourceText and Sidecar pairs), the Knowledge base and the function that
builds one (it must be importable by name: workers import it; anything else is built here).
Out: for each article, in the order given, its Article or a Failure naming the exception its build
raised. The output is the same whatever the number of workers.

`GENERATOR_WORKERS` sets the number of worker processes (default: the cores this process may use;
1 builds every article in this process). Fewer than MIN_BATCH articles are always built here, so
`mkdocs serve` rebuilds one edited article without starting a worker. Workers are started by a fork
server (or spawned where there is none), never forked from this process, which may run threads.
Each worker gets the Knowledge once and articles in chunks. If a worker dies, the articles without
a result are built here. As with any use of multiprocessing, a script that builds a site must keep
its top level under `if __name__ == "__main__":`, because workers import the script; without that
guard they fail to start (with a traceback) and the articles are built here.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from generator import cache
from generator.cache import Builder
from generator.models import Article, Knowledge, Sidecar, SourceText

WORKERS_ENV = "GENERATOR_WORKERS"
# Below this many articles, workers cost more than they save. An article takes about 10 ms to build;
# a worker is ready about 0.4 s after the pool starts (imports), and its first article takes 0.6-0.9 s
# more (compiling the patterns of the knowledge base), which a process that has built articles before
# (`mkdocs serve`) has done already. On two free cores that breaks even near 90 articles for a cold
# build and 240 for a warm one; more cores lower both.
MIN_BATCH = 200
CHUNKS_PER_WORKER = 8  # small enough chunks that no worker idles long at the end

Item = tuple[SourceText, Sidecar | None]


@dataclass(frozen=True)
class Failure:
    """An article whose build raised: the exception's type name and message."""

    error: str  # "IndexError: list index out of range"

    @classmethod
    def of(cls, err: Exception) -> Failure:
        return cls(f"{type(err).__name__}: {err}")


def build_all(items: Sequence[Item], knowledge: Knowledge, build: Builder) -> list[Article | Failure]:
    """Every item built with `build`, in worker processes when there are enough of them."""
    workers = worker_count(len(items))
    done = _in_workers(items, knowledge, build, workers) if workers > 1 and _importable(build) else []
    return done + [_build_one(build, source, sidecar, knowledge) for source, sidecar in items[len(done) :]]


def worker_count(articles: int) -> int:
    """How many workers build `articles` articles: GENERATOR_WORKERS, or the usable cores; 1 when
    there are too few articles to pay for starting workers. A setting that is not a whole number
    of at least 1 is ignored."""
    if articles < MIN_BATCH:
        return 1
    setting = os.environ.get(WORKERS_ENV, "").strip()
    wanted = int(setting) if setting.isdigit() and int(setting) >= 1 else usable_cores()
    return max(1, min(wanted, articles))


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+: honours affinity
    if counted is not None:
        return counted() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _build_one(
    build: Builder, source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge
) -> Article | Failure:
    try:
        return build(source, sidecar, knowledge)
    except Exception as err:  # a bug in an annotator: costs this article only
        return Failure.of(err)


def _importable(build: Builder) -> bool:
    """Whether workers can find `build` by name (a module-level function, not a closure)."""
    try:
        pickle.dumps(build)
    except Exception:
        return False
    return True


def _in_workers(items: Sequence[Item], knowledge: Knowledge, build: Builder, workers: int) -> list:
    """The results of the first items, in order: all of them, or those done before a worker died
    or the workers could not start."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunksize = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    done: list = []
    try:
        pool = ProcessPoolExecutor(
            workers, context, initializer=_start, initargs=(knowledge, build, cache.ANNOTATOR_VERSION)
        )
    except (OSError, ValueError, NotImplementedError):  # no processes or semaphores here
        return done
    try:
        for result in pool.map(_work, items, chunksize=chunksize):
            done.append(result)
    except (BrokenProcessPool, OSError, pickle.PicklingError):
        pass  # a worker died or an article could not be sent: the caller builds the rest here
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return done


_worker: tuple[Knowledge, Builder] | None = None  # set in each worker by _start


def _start(knowledge: Knowledge, build: Builder, version: str) -> None:
    """Run once in each worker. A worker whose code differs from the caller's (changed on disk since
    the caller imported it) refuses to start, so the caller builds every article itself and the
    cache never keeps an article under another code's key."""
    if version != cache.ANNOTATOR_VERSION:
        raise RuntimeError("the article code changed on disk since this build started")
    global _worker
    _worker = (knowledge, build)


def _work(item: Item) -> Article | Failure:
    assert _worker is not None, "_start runs first in every worker"
    knowledge, build = _worker
    return _build_one(build, item[0], item[1], knowledge)
