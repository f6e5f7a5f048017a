"""Cold and warm builds with the annotation cache (.cache/annotations/).

Makes a temporary project of N articles (the seeds and their sidecars, plus copies of the seeds with
their numbers shifted, as benchmarks/serve_latency.py does), then times `build_site` with an empty
cache folder (cold) and again with a new cache object on the same folder (warm: every article read
back from disk, as in a new process), and the same for the whole `python -m generator build`.
Run: .venv/bin/python benchmarks/build_cache.py --articles 1000 [--no-command]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_project  # noqa: E402

from generator import build_site  # noqa: E402
from generator.cache import CACHE_ENV, CACHE_FOLDER, ArticleCache  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def generator_build(project: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop(CACHE_ENV, None)
    command = [sys.executable, "-m", "generator", "build", "--no-strict"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--articles", type=int, default=0, help="articles in the project (default: the seeds)"
    )
    parser.add_argument("--no-command", action="store_true", help="time build_site only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        if args.articles:
            make_project(project, args.articles)  # the synthetic archive of build_scale.py
        else:
            for name in ("mkdocs.yml", "seeds", "content", "generator"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        folder = project / CACHE_FOLDER
        cold_cache, warm_cache = ArticleCache(folder), ArticleCache(folder)
        cold = timed(lambda: build_site(project, cold_cache))
        warm = timed(lambda: build_site(project, warm_cache))
        count = len(list(folder.glob("*.pickle")))
        print(f"articles: {count}; annotated cold {cold_cache.built}, warm {warm_cache.built}")
        print(f"build_site: cold {cold:.1f} s, warm {warm:.1f} s ({warm / cold:.0%} of cold)")
        if not args.no_command:
            shutil.rmtree(project / ".cache")
            cold = timed(lambda: generator_build(project))
            warm = timed(lambda: generator_build(project))
            print(f"generator build: cold {cold:.1f} s, warm {warm:.1f} s ({warm / cold:.0%} of cold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
