"""Shared fixtures: the project root, its topics, one strict build of the whole site, and a served copy."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.annotate.topics import topic_order
from generator.inputs.project import read_inputs
from generator.models import TopicDef

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output, for review",
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@functools.cache
def project_topics() -> tuple[TopicDef, ...]:
    """The repository's topics as the build reads them from content/topics/, in topic order.

    A plain function, not a fixture, so that `parametrize` can use it when tests are collected.
    """
    return tuple(sorted(read_inputs(ROOT).knowledge.topics, key=topic_order))


def topic_slugs() -> tuple[str, ...]:
    """The slugs of the repository's topics, in topic order."""
    return tuple(t.slug for t in project_topics())


def copy_project(target: Path) -> Path:
    """mkdocs.yml, seeds/ and content/ of the repository, copied into `target` (made if missing)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("seeds", "content"):
        shutil.copytree(ROOT / folder, target / folder, symlinks=True)
    return target


def run_generator(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` in `project`, using this checkout's package."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        check=False,
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_mkdocs_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `out`, as `make site` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def pagefind_fragments(site: Path) -> list[dict]:
    """What Pagefind's index holds for each page (url, content, meta, anchors), read from its
    gzipped fragment files, in file order."""
    pages = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        pages.append(json.loads(data[data.index(b"{") :].decode("utf-8")))
    return pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built once with `mkdocs build --strict`; the build must succeed."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
