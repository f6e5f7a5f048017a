"""The site at archive scale: build time, memory, page weight, first search and serve latency.

For each N it makes a temporary project of N synthetic articles (benchmarks/synthetic.py:
recombined from the seeds and the development set, names, numbers and dates varied, spread over
2018–2026, outlets and topics; the same archive for the same N) and measures, each step in its own
process:

- generator: `build_site` alone (clean, annotate, link, render), cold; then again with the
  in-memory ArticleCache the hook uses after one seed changed; peak memory (ru_maxrss);
- full build: `mkdocs build` with the hook, cold, and again after one seed changed;
- stock: `generator export`, then MkDocs + Material with the same markdown_extensions, plugins and
  navigation, no hook, no theme override, on the exported Markdown (the reference the full build is
  compared with);
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
import resource
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

from search_bytes import CHROMIUM, FLAGS  # noqa: E402  (the offline-safe Chromium flags)
from synthetic import DEV, make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
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
    """Run `command` in `cwd`; its seconds, CPU seconds (its own and every descendant's: the worker
    processes that build articles, Pagefind), peak memory (MB, the largest ru_maxrss of that process
    tree), status, stderr tail."""
    _become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=err)
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        _reap_orphans()
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-3000:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "seconds": seconds,
        "cpu_s": max(cpu, usage.ru_utime + usage.ru_stime),
        "peak_mb": usage.ru_maxrss / 1024,  # the largest process (the workers are smaller)
        "status": child.returncode,
        "stdout": out.decode("utf-8", "replace"),
        "stderr_tail": tail,
    }


def _become_subreaper() -> None:
    """Adopt this process's orphaned descendants (Linux), so their CPU time is counted: a build's
    worker processes are children of multiprocessing's fork server, which outlives the build."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans() -> None:
    """Wait for every descendant a step left behind (its fork server exits once the step has)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _tree_cpu() -> float:
    """CPU seconds of this process, of its children that were waited for, and of its living
    children and what they waited for (the fork server and the workers it reaped)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    waited = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += sum(int(f) for f in fields[11:15]) / tick  # utime stime cutime cstime
    return total


def generator_step(project: Path, seed: str | None, profile: Path | None) -> None:
    """(In a child.) build_site cold, then again after `seed` changed (unless None), with the hook's
    ArticleCache."""
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
    start, cpu = time.perf_counter(), _tree_cpu()
    site = build_site(project, cache)
    cold, cold_cpu = time.perf_counter() - start, _tree_cpu() - cpu
    if profiler is not None:
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        flat = profiler.output_text(unicode=True, flat=True, flat_time="total")
        profile.with_suffix(".flat.txt").write_text(flat, encoding="utf-8")
    cold_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "cold_s": cold,
        "cold_cpu_s": cold_cpu,
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
    if seed is None:
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    path = project / seed
    original = path.read_bytes()
    path.write_bytes(original + EDIT.encode("utf-8"))
    start, cpu = time.perf_counter(), _tree_cpu()
    build_site(project, cache)
    result["rebuild_s"] = time.perf_counter() - start
    result["rebuild_cpu_s"] = _tree_cpu() - cpu
    path.write_bytes(original)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def mkdocs_step(arguments: list[str]) -> None:
    """(In a child.) `mkdocs <arguments>`, then the peak memory of this process (MkDocs, the hook,
    the generator) as JSON on the last line of stdout."""
    import atexit
    import resource
    import runpy

    def report() -> None:
        peak = {"self_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        print(json.dumps(peak), flush=True)

    atexit.register(report)
    sys.argv = ["mkdocs", *arguments]
    runpy.run_module("mkdocs", run_name="__main__")


def mkdocs(arguments: list[str], project: Path) -> dict:
    """Run `mkdocs <arguments>` in its own process: seconds, CPU, peak memory of the whole tree and
    of the MkDocs process alone (a child it forks, Pagefind, starts with the parent's memory counted)."""
    step = run([sys.executable, str(Path(__file__).resolve()), "--mkdocs-step", *arguments], project)
    lines = step["stdout"].strip().splitlines()
    step.update(json.loads(lines[-1]) if lines else {})
    return step


MKDOCS_KEYS = ("seconds", "cpu_s", "peak_mb", "self_peak_mb")


def stock_config(project: Path, docs: Path) -> Path:
    """A minimal mkdocs.yml: Material, the project's markdown_extensions, plugins and navigation, no hook."""
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
    for key in ("nav", "not_in_nav"):  # the same navigation: without it every page lists every page
        if key in config:
            stock[key] = config[key]
    path = project / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(stock, sort_keys=False), encoding="utf-8")
    return path


# --- what the site weighs ------------------------------------------------------------------------


def weigh(site: Path) -> dict:
    """Bytes of the whole site, of its article pages and of its largest HTML page."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = {str(p.relative_to(site)): p.stat().st_size for p in files if p.suffix == ".html"}
    articles = [
        size
        for path, size in html.items()
        if path.startswith("articles/") and path.count("/") == 2 and not _is_listing(path.split("/")[1])
    ]
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


def _is_listing(name: str) -> bool:
    """A list of articles by year (articles/2024/, articles/undated/), not an article page."""
    return name.isdigit() or name == "undated"


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
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
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
        planned = make_project(project, count, dev=args.dev)
        result["development_set"] = str(args.dev) if (args.dev / "articles").is_dir() else None
        first, second = planned[0], planned[len(planned) // 2]
        query = _query(planned)
        py = sys.executable
        me = str(Path(__file__).resolve())
        log(count, "generator")
        profile = RESULTS / f"profile-{count}.txt" if args.profile else None
        edit = "" if args.skip_rebuild else f"seeds/{first.seed}"
        step = run([py, me, "--generator-step", str(project), edit, str(profile or "")], project)
        _check(step, "generator")
        result["generator"] = json.loads(step["stdout"].strip().splitlines()[-1])
        result["generator"]["process_peak_mb"] = step["peak_mb"]
        if args.generator_only:
            return result
        log(count, "mkdocs build")
        site = Path(tmp) / "site"
        build = mkdocs(["build", "-q", "-d", str(site)], project)
        _check(build, "mkdocs build")
        result["full_build"] = {k: build.get(k) for k in MKDOCS_KEYS}
        # Pagefind again on the same pages, from this small process: a child forked from the big
        # MkDocs process starts with its memory counted, so its own peak is measured here.
        sys.path.insert(0, str(ROOT))
        from generator.commands.search_index import pagefind_command

        index = run(pagefind_command(site), project)
        _check(index, "Pagefind")
        result["search_index"] = {k: index[k] for k in ("seconds", "cpu_s", "peak_mb")}
        result["weight"] = weigh(site)
        if not args.skip_rebuild:
            log(count, "mkdocs build after one change")
            path = project / "seeds" / second.seed
            original = path.read_bytes()
            path.write_bytes(original + EDIT.encode("utf-8"))
            again = mkdocs(["build", "-q", "-d", str(Path(tmp) / "site2")], project)
            path.write_bytes(original)
            _check(again, "second mkdocs build")
            result["full_rebuild"] = {k: again.get(k) for k in MKDOCS_KEYS}
        if not args.skip_stock:
            log(count, "stock MkDocs + Material")
            docs = Path(tmp) / "export"
            _check(run([py, "-m", "generator", "export", "--out", str(docs)], project), "export")
            config = stock_config(project, docs)
            stock = mkdocs(["build", "-q", "-f", str(config), "-d", str(Path(tmp) / "stock")], project)
            _check(stock, "stock build")
            result["stock_build"] = {k: stock.get(k) for k in MKDOCS_KEYS}
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


def _get(r, *keys):
    for key in keys:
        r = r.get(key) if isinstance(r, dict) else None
    return r


def _timed(step: str, wall: str, cpu: str):
    """A cell: wall-clock seconds, and CPU seconds in brackets (steadier on a shared machine)."""
    return lambda r: (
        f"{_s(_get(r, step, wall))} ({_s(_get(r, step, cpu))} CPU)" if _get(r, step, wall) else "–"
    )


def table(results: list[dict]) -> str:
    """The results as a Markdown table, one column per N."""

    def per_article(r):
        return f"{_get(r, 'generator', 'cold_cpu_s') / r['n'] * 1000:.0f} ms CPU an article"

    def share(r):
        full = _get(r, "full_build", "cpu_s")
        return "–" if not full else f"{_get(r, 'generator', 'cold_cpu_s') / full:.0%}"

    def ratio(r):
        full, stock = _get(r, "full_build", "cpu_s"), _get(r, "stock_build", "cpu_s")
        return "–" if not (full and stock) else f"{full / stock:.2f}×"

    def serve(r):
        if _get(r, "serve") is None:
            return "–"
        edits = [t for t in _get(r, "serve", "edits_s") or [] if t is not None]
        start = _get(r, "serve", "start_s")
        first = "did not start" if start is None else f"first page after {start:.0f} s"
        return (f"{statistics.median(edits):.1f} s" if edits else "timed out") + f" ({first})"

    def search(r):
        s = _get(r, "first_search")
        return "–" if s is None else f"{_kb(s['bytes'])} ({_kb(s['search_bytes'])} of it search)"

    def answer(r):
        s = _get(r, "first_search")
        return (
            "–"
            if s is None
            else f"{s['first_result_s']:.1f} s ({s['after_typing_s']:.1f} s after the last key)"
        )

    def largest(r):
        pages = _get(r, "weight", "largest_pages")
        return "–" if not pages else ", ".join(f"{_kb(size)} `{path}`" for size, path in pages[:2])

    def site(r):
        w = _get(r, "weight")
        return "–" if not w else f"{w['site_bytes'] / 2**20:,.0f} MB, {w['site_files']:,} files"

    def article(r):
        w = _get(r, "weight")
        return "–" if not w else f"{_kb(w['article_median_bytes'])} / {_kb(w['article_max_bytes'])}"

    rows = [
        ("articles / pages", lambda r: f"{r['n']:,} / {_get(r, 'generator', 'pages'):,}"),
        ("generator, cold", lambda r: f"{_timed('generator', 'cold_s', 'cold_cpu_s')(r)}; {per_article(r)}"),
        ("generator, one seed changed (ArticleCache)", _timed("generator", "rebuild_s", "rebuild_cpu_s")),
        ("full `mkdocs build` (hook)", _timed("full_build", "seconds", "cpu_s")),
        ("full build, one seed changed", _timed("full_rebuild", "seconds", "cpu_s")),
        ("stock MkDocs + Material, same Markdown", _timed("stock_build", "seconds", "cpu_s")),
        ("of the full build: Pagefind alone", _timed("search_index", "seconds", "cpu_s")),
        ("full build ÷ stock (CPU)", ratio),
        ("generator share of the full build (CPU)", share),
        (
            "peak memory: generator / full build / stock",
            lambda r: " / ".join(
                _mb(_get(r, *keys))
                for keys in (
                    ("generator", "process_peak_mb"),
                    ("full_build", "peak_mb"),
                    ("stock_build", "peak_mb"),
                )
            ),
        ),
        (
            "peak memory of the full build: MkDocs process / Pagefind alone",
            lambda r: (
                f"{_mb(_get(r, 'full_build', 'self_peak_mb'))} / {_mb(_get(r, 'search_index', 'peak_mb'))}"
            ),
        ),
        ("article page HTML (median / largest)", article),
        ("largest HTML pages", largest),
        ("whole site", site),
        ("first search: downloaded from page load to first result", search),
        ("first search: first key to first result", answer),
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
            ("generator CPU", ("generator", "cold_cpu_s")),
            ("full build", ("full_build", "seconds")),
            ("full build CPU", ("full_build", "cpu_s")),
        ):
            x, y = _get(a, *keys), _get(b, *keys)
            if x and y:
                lines.append(f"{label}: {b['n'] / a['n']:.0f}× the articles, {y / x:.2f}× the time")
    return lines


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--mkdocs-step":
        mkdocs_step(sys.argv[2:])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--generator-step":
        project, seed, profile = sys.argv[2:5]
        generator_step(Path(project), seed or None, Path(profile) if profile else None)
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--skip-browser", action="store_true", help="no first search in Chromium")
    parser.add_argument("--skip-stock", action="store_true", help="no stock MkDocs + Material build")
    parser.add_argument("--skip-serve", action="store_true", help="no serve latency")
    parser.add_argument("--skip-rebuild", action="store_true", help="no second build after a change")
    parser.add_argument("--generator-only", action="store_true", help="only the generator step")
    parser.add_argument("--edits", type=int, default=2, help="seed edits under serve (default 2)")
    parser.add_argument(
        "--dev", type=Path, default=DEV, help=f"the development set (default {DEV}; $BENCH_DEV)"
    )
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
