"""How long `make serve` takes to show a change to a seed.

Starts `python -m generator serve` (what `make serve` runs) in a copy of the project (or in
`--project`, used as it is), appends a sentence to one seed and polls the article's page until
the sentence appears. Prints the seconds from the save to the change being served, for each of
several edits; `--json` prints them as JSON instead (benchmarks/build_scale.py reads that).
Run: .venv/bin/python benchmarks/serve_latency.py [--edits 5]
"""

from __future__ import annotations

import argparse
import json
import os
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
        with urllib.request.urlopen(url, timeout=5) as response:
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


def measure(
    project: Path, seed: str, page: str, edits: int, start_timeout: float, edit_timeout: float
) -> dict:
    """Serve `project`, edit `seed` `edits` times; the seconds to start and to show each edit."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the mkdocs child is stopped with it
    )
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        started = wait_for(url, "</html>", start_timeout)
        if started is None:
            return {"start_s": None, "edits_s": []}
        timings = []
        for edit in range(edits):
            marker = f"Benchmark sentence number {edit} was added to the seed."
            with (project / seed).open("a", encoding="utf-8") as handle:
                handle.write(f"\n{marker}\n")
            timings.append(wait_for(url, marker, edit_timeout))
        return {"start_s": started, "edits_s": timings}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument(
        "--project", type=Path, help="serve this project as it is (default: a copy of this one)"
    )
    parser.add_argument("--seed", default=SEED, help="the seed to edit, relative to the project")
    parser.add_argument("--page", default=PAGE, help="the URL path of its article page")
    parser.add_argument("--start-timeout", type=float, default=120)
    parser.add_argument("--edit-timeout", type=float, default=60)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = args.project
        if project is None:
            project = Path(tmp)
            for name in ("mkdocs.yml", "seeds", "content", "generator"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        result = measure(project, args.seed, args.page, args.edits, args.start_timeout, args.edit_timeout)
    if args.json:
        print(json.dumps(result))
        return 0 if result["start_s"] is not None else 1
    if result["start_s"] is None:
        print("server did not start", file=sys.stderr)
        return 1
    for n, seconds in enumerate(result["edits_s"], 1):
        print(f"edit {n}: {'timed out' if seconds is None else f'{seconds:.2f} s'}")
    done = sorted(t for t in result["edits_s"] if t is not None)
    if done:
        print(f"median {done[len(done) // 2]:.2f} s, worst {done[-1]:.2f} s over {len(done)} edits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
