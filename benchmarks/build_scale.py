"""The site at archive scale: build time, memory, page weight, first search and serve latency.

For each N it makes a temporary project of N synthetic articles (benchmarks/synthetic.py:
recombined from the seeds and the development set, names, numbers and dates varied, spread over
2018–2026, outlets and topics; the same archive for the same N) and measures, each step in its own
process:

- generator: `build_site` alone (clean, annotate, link, render), cold; then again with the
  in-memory ArticleCache the hook uses after one seed changed; peak memory (ru_maxrss);
- full build: `mkdocs build` with the hook, cold, and again after one seed changed;
- stock: `generator export`, then MkDocs + Material with the same markdown_extensions and plugins,
  no hook, on the exported Markdown (the reference the full build is compared with);
- weight: HTML bytes of an article page (median, largest), of the largest page, of the whole site;
- first search: in headless Chromium, load the home page, type a query into the search box, wait
  for a result; the bytes of every response from load to the first result, and the seconds;
- serve: seconds from saving a seed to `make serve` showing it (benchmarks/serve_latency.py).

It prints a table and writes benchmarks/results/<N>.json (output: not committed). On a shared
machine the times are upper bounds. Not part of `make test`.

Run: .venv/bin/python benchmarks/build_scale.py --articles 100 1000 5000
     [--skip-browser] [--skip-stock] [--skip-serve] [--skip-rebuild] [--profile]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# How a search box and a search result look, in Material and in Pagefind's UI; the first visible wins.
SEARCH_OPENERS = ["label.md-search__icon", "label[for='__search']"]
SEARCH_INPUTS = [
    "input.md-search__input",
    "input.pagefind-ui__search-input",
    "input[type='search']",
    "input[name='query']",
]
SEARCH_RESULTS = ", ".join(
    [
        ".md-search-result__item",
        ".pagefind-ui__result",
        ".pagefind-modular-list-result",
        "[data-search-result]",
        ".search-result",
    ]
)
EDIT = "\nA benchmark sentence was added to this seed to measure a rebuild.\n"


# --- steps, each in a child process -------------------------------------------------------------


def run(command: list[str], cwd: Path) -> dict:
    """Run `command` in `cwd`; its seconds, peak memory (MB, ru_maxrss of that child), status, stderr tail."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=err)
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-3000:]
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "status": child.returncode,
        "stdout": out.decode("utf-8", "replace"),
        "stderr_tail": tail,
    }


def generator_step(project: Path, seed: str, profile: Path | None) -> None:
    """(In a child.) build_site cold, then again after `seed` changed, with the hook's ArticleCache."""
    import resource

    sys.path.insert(0, str(project))
    from generator import build_site
    from generator.cache import ArticleCache

    cache = ArticleCache()
    profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    start = time.perf_counter()
    site = build_site(project, cache)
    cold = time.perf_counter() - start
    if profiler is not None:
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        flat = profiler.output_text(unicode=True, flat=True, flat_time="total")
        profile.with_suffix(".flat.txt").write_text(flat, encoding="utf-8")
    cold_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "cold_s": cold,
        "cold_peak_mb": cold_peak,
        "articles": len(site.articles),
        "pages": len(site.pages),
        "people": len(site.index.people),
        "quotes": sum(len(a.annotations.quotes) for a in site.articles),
        "markdown_bytes": sum(len(p.text.encode("utf-8")) for p in site.pages),
        "largest_markdown": sorted(((len(p.text.encode("utf-8")), p.path) for p in site.pages), reverse=True)[
            :8
        ],
        "errors": sum(p.severity == "error" for p in site.problems),
    }
    del site
    path = project / seed
    original = path.read_bytes()
    path.write_bytes(original + EDIT.encode("utf-8"))
    start = time.perf_counter()
    build_site(project, cache)
    result["rebuild_s"] = time.perf_counter() - start
    path.write_bytes(original)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def stock_config(project: Path, docs: Path) -> Path:
    """A minimal mkdocs.yml: Material, the project's markdown_extensions and plugins, no hook."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    stock = {
        "site_name": "Stock MkDocs + Material",
        "docs_dir": str(docs),
        "theme": {"name": "material"},
        "markdown_extensions": config.get("markdown_extensions", []),
        "plugins": config.get("plugins", ["search"]),
    }
    path = project / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(stock, sort_keys=False), encoding="utf-8")
    return path


# --- what the site weighs ------------------------------------------------------------------------


def weigh(site: Path) -> dict:
    """Bytes of the whole site, of its article pages and of its largest HTML page."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = {str(p.relative_to(site)): p.stat().st_size for p in files if p.suffix == ".html"}
    articles = [size for path, size in html.items() if path.startswith("articles/") and path.count("/") == 2]
    largest = max(html.items(), key=lambda item: item[1])
    return {
        "site_bytes": sum(p.stat().st_size for p in files),
        "site_files": len(files),
        "html_bytes": sum(html.values()),
        "article_median_bytes": statistics.median(articles) if articles else None,
        "article_max_bytes": max(articles) if articles else None,
        "largest_page": {"path": largest[0], "bytes": largest[1]},
        "largest_pages": sorted(((size, path) for path, size in html.items()), reverse=True)[:8],
    }


# --- the first search in a browser ----------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_search(site: Path, query: str, timeout_s: float) -> dict:
    """Load the home page in headless Chromium, search for `query`; bytes and seconds to the first result."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    finished = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context()
            context.on("requestfinished", lambda request: finished.append(request))
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base, wait_until="load")
            loaded = time.perf_counter() - start
            box = page.locator(", ".join(f"{s}:visible" for s in SEARCH_INPUTS)).first
            if not box.count():  # a search box behind a button (narrow layouts, some themes)
                page.locator(", ".join(f"{s}:visible" for s in SEARCH_OPENERS)).first.click()
            box.wait_for(state="visible", timeout=10_000)
            box.click()
            typed_at = time.perf_counter()
            box.press_sequentially(query, delay=30)
            typed = time.perf_counter()
            page.locator(SEARCH_RESULTS).first.wait_for(state="visible", timeout=timeout_s * 1000)
            answered = time.perf_counter()
            requests = list(finished)
            sizes = [(r.url, r.sizes()["responseBodySize"]) for r in requests]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    search = [(url, n) for url, n in sizes if "search" in url.lower() or "pagefind" in url.lower()]
    return {
        "query": query,
        "load_s": loaded,
        "first_result_s": answered - typed_at,
        "after_typing_s": answered - typed,
        "from_load_s": answered - start,
        "requests": len(sizes),
        "bytes": sum(n for _, n in sizes),
        "search_bytes": sum(n for _, n in search),
        "largest": sorted(((n, url.removeprefix(base)) for url, n in sizes), reverse=True)[:5],
    }


# --- one N ---------------------------------------------------------------------------------------


def measure(count: int, args: argparse.Namespace) -> dict:
    """Every measure for an archive of `count` articles."""
    result: dict = {"n": count, "machine": machine()}
    with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        planned = make_project(project, count)
        first, second = planned[0], planned[len(planned) // 2]
        query = _query(planned)
        py = sys.executable
        me = str(Path(__file__).resolve())
        log(count, "generator")
        profile = RESULTS / f"profile-{count}.txt" if args.profile else None
        step = run(
            [py, me, "--generator-step", str(project), f"seeds/{first.seed}", str(profile or "")], project
        )
        _check(step, "generator")
        result["generator"] = json.loads(step["stdout"].strip().splitlines()[-1])
        result["generator"]["process_peak_mb"] = step["peak_mb"]
        if args.generator_only:
            return result
        log(count, "mkdocs build")
        site = Path(tmp) / "site"
        build = run([py, "-m", "mkdocs", "build", "-q", "-d", str(site)], project)
        _check(build, "mkdocs build")
        result["full_build"] = {"seconds": build["seconds"], "peak_mb": build["peak_mb"]}
        result["weight"] = weigh(site)
        if not args.skip_rebuild:
            log(count, "mkdocs build after one change")
            path = project / "seeds" / second.seed
            original = path.read_bytes()
            path.write_bytes(original + EDIT.encode("utf-8"))
            again = run([py, "-m", "mkdocs", "build", "-q", "-d", str(Path(tmp) / "site2")], project)
            path.write_bytes(original)
            _check(again, "second mkdocs build")
            result["full_rebuild"] = {"seconds": again["seconds"], "peak_mb": again["peak_mb"]}
        if not args.skip_stock:
            log(count, "stock MkDocs + Material")
            docs = Path(tmp) / "export"
            _check(run([py, "-m", "generator", "export", "--out", str(docs)], project), "export")
            config = stock_config(project, docs)
            stock = run(
                [py, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(Path(tmp) / "stock")],
                project,
            )
            _check(stock, "stock build")
            result["stock_build"] = {"seconds": stock["seconds"], "peak_mb": stock["peak_mb"]}
        if not args.skip_browser:
            log(count, f"first search for {query!r}")
            result["first_search"] = first_search(site, query, timeout_s=max(60, count / 20))
        if not args.skip_serve:
            log(count, "serve latency")
            timeout = 120 + count * 0.2
            serve = run(
                [
                    py,
                    str(ROOT / "benchmarks" / "serve_latency.py"),
                    "--project",
                    str(project),
                    "--seed",
                    f"seeds/{first.seed}",
                    "--page",
                    f"articles/{first.slug}/",
                    "--edits",
                    str(args.edits),
                    "--start-timeout",
                    str(timeout),
                    "--edit-timeout",
                    str(timeout),
                    "--json",
                ],
                project,
            )
            result["serve"] = json.loads(serve["stdout"].strip().splitlines()[-1])
    return result


def _query(planned) -> str:
    """A surname most articles' readers would search for: the most frequent surname in the archive."""
    counts: dict[str, int] = {}
    for one in planned:
        for word in set(one.text.split()):
            if word.istitle() and word.isalpha() and len(word) > 5:
                counts[word] = counts.get(word, 0) + 1
    from synthetic import LAST

    return max(LAST, key=lambda name: (counts.get(name, 0), name))


def _check(step: dict, what: str) -> None:
    if step["status"]:
        raise SystemExit(f"{what} failed ({step['status']}):\n{step['stderr_tail']}")


def log(count: int, what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {count} articles: {what}", file=sys.stderr, flush=True)


def machine() -> dict:
    """The machine the numbers came from."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(int(mem.split()[1]) / 1024 / 1024, 1),
        "load_1min": os.getloadavg()[0],
        "python": platform.python_version(),
    }


# --- the table -----------------------------------------------------------------------------------


def _s(value) -> str:
    return "–" if value is None else f"{value:.1f} s"


def _mb(value) -> str:
    return "–" if value is None else f"{value:,.0f} MB"


def _kb(value) -> str:
    return "–" if value is None else f"{value / 1024:,.0f} KB"


def table(results: list[dict]) -> str:
    """The results as a Markdown table, one column per N."""

    def get(r, *keys):
        for key in keys:
            r = r.get(key) if isinstance(r, dict) else None
        return r

    def ms_per_article(r):
        return f"{get(r, 'generator', 'cold_s') / r['n'] * 1000:.0f} ms an article"

    def share(r):
        full = get(r, "full_build", "seconds")
        return "–" if not full else f"{get(r, 'generator', 'cold_s') / full:.0%}"

    def ratio(r):
        full, stock = get(r, "full_build", "seconds"), get(r, "stock_build", "seconds")
        return "–" if not (full and stock) else f"{full / stock:.2f}×"

    def serve(r):
        edits = [t for t in get(r, "serve", "edits_s") or [] if t is not None]
        if get(r, "serve") is None:
            return "–"
        return f"{statistics.median(edits):.1f} s" if edits else "timed out"

    def search(r):
        s = get(r, "first_search")
        return "–" if s is None else f"{_kb(s['bytes'])} ({_kb(s['search_bytes'])} search)"

    def largest(r):
        page = get(r, "weight", "largest_page")
        return "–" if page is None else f"{_kb(page['bytes'])} (`{page['path']}`)"

    rows = [
        ("articles / pages", lambda r: f"{r['n']:,} / {get(r, 'generator', 'pages'):,}"),
        ("generator, cold", lambda r: f"{_s(get(r, 'generator', 'cold_s'))} ({ms_per_article(r)})"),
        ("generator, one seed changed (ArticleCache)", lambda r: _s(get(r, "generator", "rebuild_s"))),
        ("full `mkdocs build` (hook)", lambda r: _s(get(r, "full_build", "seconds"))),
        ("full build, one seed changed", lambda r: _s(get(r, "full_rebuild", "seconds"))),
        ("stock MkDocs + Material, same Markdown", lambda r: _s(get(r, "stock_build", "seconds"))),
        ("full build ÷ stock", ratio),
        ("generator share of the full build", share),
        ("peak memory: generator", lambda r: _mb(get(r, "generator", "process_peak_mb"))),
        ("peak memory: full build", lambda r: _mb(get(r, "full_build", "peak_mb"))),
        ("peak memory: stock build", lambda r: _mb(get(r, "stock_build", "peak_mb"))),
        (
            "article page HTML (median / largest)",
            lambda r: (
                f"{_kb(get(r, 'weight', 'article_median_bytes'))} / {_kb(get(r, 'weight', 'article_max_bytes'))}"
            ),
        ),
        ("largest HTML page", largest),
        (
            "whole site",
            lambda r: (
                f"{get(r, 'weight', 'site_bytes') / 2**20:,.0f} MB, {get(r, 'weight', 'site_files'):,} files"
                if get(r, "weight")
                else "–"
            ),
        ),
        ("first search: downloaded", search),
        ("first search: typing to first result", lambda r: _s(get(r, "first_search", "first_result_s"))),
        ("serve: saved seed shown (median)", serve),
    ]
    head = "| | " + " | ".join(f"{r['n']:,} articles" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for label, cell in rows:
        cells = []
        for r in results:
            try:
                cells.append(cell(r))
            except (TypeError, KeyError, ZeroDivisionError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth(results: list[dict]) -> list[str]:
    """How each measured time grew from one N to the next, beside how the archive grew."""
    lines = []
    for a, b in zip(results, results[1:]):
        for label, keys in (
            ("generator", ("generator", "cold_s")),
            ("full build", ("full_build", "seconds")),
        ):
            x, y = a, b
            for key in keys:
                x, y = (x or {}).get(key), (y or {}).get(key)
            if x and y:
                lines.append(f"{label}: {b['n'] / a['n']:.0f}× the articles, {y / x:.2f}× the time")
    return lines


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--generator-step":
        project, seed, profile = sys.argv[2:5]
        generator_step(Path(project), seed, Path(profile) if profile else None)
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--skip-browser", action="store_true", help="no first search in Chromium")
    parser.add_argument("--skip-stock", action="store_true", help="no stock MkDocs + Material build")
    parser.add_argument("--skip-serve", action="store_true", help="no serve latency")
    parser.add_argument("--skip-rebuild", action="store_true", help="no second full build after a change")
    parser.add_argument("--generator-only", action="store_true", help="only the generator step")
    parser.add_argument("--edits", type=int, default=2, help="seed edits under serve (default 2)")
    parser.add_argument(
        "--profile", action="store_true", help="profile the cold generator (pyinstrument) into results/"
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    for count in args.articles:
        result = measure(count, args)
        (RESULTS / f"{count}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        results.append(result)
    m = results[0]["machine"]
    print(table(results))
    print()
    print("\n".join(growth(results)))
    print(
        f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gb']} GB RAM, load {m['load_1min']:.1f} at start"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
