"""`make serve` (`generator serve`) as a contributor uses it: changes show up, no rebuild loop, a broken file keeps the last good page.

Behaviour only; how fast is measured by benchmarks/serve_latency.py, not asserted here.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import copy_project

PAGE = "articles/government-review-channel-crossings-offshoring-2021/"
SIDECAR = "content/articles/government-review-channel-crossings-offshoring-2021.md"
SEED = "seeds/000_d65c76bf8f280237.txt"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class Server:
    def __init__(self, project: Path, port: int, log: Path):
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log
        self.process = subprocess.Popen(  # what `make serve` runs: `mkdocs serve --dirty` in a child
            [sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count("Building documentation")

    def page(self, path: str = PAGE) -> str:
        return fetch(self.url + path)


@pytest.fixture
def server(root: Path, tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    project = copy_project(tmp_path / "project")
    shutil.copytree(root / "generator", project / "generator")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    running = Server(project, port, tmp_path / "serve.log")
    try:
        assert wait_until(lambda: "Who is quoted" in running.page()), running.log.read_text()
        yield project, running
    finally:
        running.stop()


def test_a_changed_seed_is_served_without_a_rebuild_loop(server: tuple[Path, Server]) -> None:
    project, running = server
    with (project / SEED).open("a", encoding="utf-8") as handle:
        handle.write("\nA sentence a contributor has just added to the seed.\n")
    assert wait_until(lambda: "A sentence a contributor has just added" in running.page())
    settled = running.builds()
    time.sleep(3)
    assert running.builds() == settled, "serve keeps rebuilding: something writes into a watched folder"


def test_a_broken_sidecar_shows_its_error_and_the_last_good_page_stays(server: tuple[Path, Server]) -> None:
    project, running = server
    sidecar = project / SIDECAR
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    assert wait_until(lambda: "unknown key `titel`" in running.log.read_text(encoding="utf-8")), (
        running.log.read_text()
    )
    assert wait_until(lambda: "Who is quoted" in running.page()), "the article's page went away"
    assert "serving the last good version of " + PAGE.rstrip("/") + ".md" in running.log.read_text(
        encoding="utf-8"
    )
    assert "Returns deals" in running.page("topics/returns-deals/"), "other pages must keep serving"
