"""How long `mkdocs serve` takes to show a change to a seed.

Copies the project to a temporary folder (with `--articles N`, N articles: the seeds
and their sidecars plus copies of the seeds with their numbers shifted), starts
`python -m generator serve` there (what `make serve` runs), appends a sentence to
one seed and polls the article's page until the sentence appears.
Prints the seconds from the save to the change being served, for each of
several edits. Run: .venv/bin/python benchmarks/serve_latency.py [--edits 5] [--articles 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_d65c76bf8f280237.txt"
PAGE = "articles/government-review-channel-crossings-offshoring-2021/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def add_copies(project: Path, count: int) -> None:
    """Copies of the seeds, without sidecars, until the project holds `count` articles."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for n in range(max(0, count - len(seeds))):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = re.sub(r"\d+", lambda m, shift=n + 1: str(int(m.group()) + shift), text, count=3)
        (project / "seeds" / f"{n:05d}_copy.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument(
        "--articles", type=int, default=0, help="articles in the project (default: the seeds)"
    )
    parser.add_argument(
        "--start-timeout", type=float, default=600, help="seconds to wait for the first build"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("mkdocs.yml", "seeds", "content", "generator"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        add_copies(project, args.articles)
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # `generator serve` runs mkdocs in a child: stop both
        )
        try:
            url = f"http://127.0.0.1:{port}/{PAGE}"
            started = wait_for(url, "Who is quoted", args.start_timeout)
            if started is None:
                print("server did not start", file=sys.stderr)
                return 1
            print(f"first build served after {started:.1f} s")
            timings = []
            for edit in range(args.edits):
                marker = f"Benchmark sentence number {edit} was added to the seed."
                with (project / SEED).open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{marker}\n")
                seconds = wait_for(url, marker, 120)
                timings.append(seconds)
                print(f"edit {edit + 1}: {'timed out' if seconds is None else f'{seconds:.2f} s'}")
            done = sorted(t for t in timings if t is not None)
            if done:
                print(f"median {done[len(done) // 2]:.2f} s, worst {done[-1]:.2f} s over {len(done)} edits")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
