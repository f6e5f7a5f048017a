"""Build time and page weight at archive scale.

Makes a temporary project with N articles (the seeds, repeated with each copy's
figures shifted so no two texts are identical), then times the generator
(`build_site`) and the whole `mkdocs build`, and reports the weight of an
article page and of the search index.
Run: .venv/bin/python benchmarks/build_scale.py --articles 500
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_project(folder: Path, count: int) -> None:
    for name in ("mkdocs.yml", "content", "generator"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    for sidecar in (folder / "content" / "articles").glob("*.md"):
        sidecar.unlink()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    (folder / "seeds").mkdir()
    for n in range(count):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = re.sub(r"\d+", lambda m, shift=n: str(int(m.group()) + shift), text, count=3)
        (folder / "seeds" / f"{n:05d}_copy.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_project(project, args.articles)
        sys.path.insert(0, str(ROOT))
        from generator import build_site

        start = time.perf_counter()
        site = build_site(project)
        generate = time.perf_counter() - start
        start = time.perf_counter()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        build = time.perf_counter() - start
        if result.returncode:
            print(result.stderr[-2000:], file=sys.stderr)
            return 1
        page = next((project / "site" / "articles").glob("*/index.html"))
        index = sum(p.stat().st_size for p in (project / "site" / "pagefind").rglob("*") if p.is_file())
        print(f"articles: {len(site.articles)}")
        print(
            f"generator (clean, annotate, link, render): {generate:.1f} s ({generate / args.articles * 1000:.0f} ms/article)"
        )
        print(f"mkdocs build, whole site: {build:.1f} s")
        print(
            f"article page: {page.stat().st_size / 1024:.0f} KB; search index (pagefind/, all chunks; "
            f"a search fetches a few, see benchmarks/search_bytes.py): {index / 1024:.0f} KB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
