"""What a reader's first search downloads, and how long it takes to answer, in headless Chromium.

Serves a built site (a folder `mkdocs build` wrote, with Pagefind's index in pagefind/) on
localhost, opens a page, types a query into the header search box and waits for the first result.
Counts every response from the moment the search box takes focus (the index starts loading then)
until the first result shows: bytes as sent (headers and body; this server does not compress, so
JavaScript and WebAssembly count uncompressed, and Pagefind's index files are gzip already), and
the seconds from typing the query to the first result on screen (the script waits 0.1 s after the
last keystroke before it searches; that is included).

Run: .venv/bin/python benchmarks/search_bytes.py SITE_DIR [--query WORD] [--page /articles/] [--json]
From Python: `measure_first_search(site_dir, query)` returns the same numbers as a dict.
Drives Debian's /usr/bin/chromium (as the browser tests do); needs the dev extra (playwright).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIRST_RESULT = ".md-search-result__item a"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The folder served over HTTP on a free localhost port; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def first_search(
    page, base_url: str, query: str, path: str = "/", site_dir: Path | None = None, timeout_ms: int = 30_000
) -> dict:
    """On an open Playwright page: load `path`, search `query`; the bytes and seconds of the first search.

    With `site_dir` (the folder `base_url` serves, uncompressed), a response's body counts as the size
    of its file there: Chromium does not report the body size of a worker's script.
    """
    page.goto(base_url + path, wait_until="networkidle")
    fetched: list[tuple[str, int]] = []

    def count(request) -> None:
        sizes = request.sizes()
        body = sizes["responseBodySize"]
        if site_dir is not None and request.url.startswith(base_url + "/"):
            local = site_dir / request.url[len(base_url) + 1 :].split("?")[0].split("#")[0]
            local = local / "index.html" if local.is_dir() else local
            body = local.stat().st_size if local.is_file() else body
        fetched.append((request.url, sizes["responseHeadersSize"] + body))

    page.on("requestfinished", count)
    page.locator("input.md-search__input").focus()
    start = time.perf_counter()
    page.locator("input.md-search__input").fill(query)
    page.locator(FIRST_RESULT).first.wait_for(state="visible", timeout=timeout_ms)
    seconds = time.perf_counter() - start
    page.remove_listener("requestfinished", count)
    results = page.locator(".md-search-result__item").count()
    return {
        "query": query,
        "page": path,
        "bytes": sum(size for _, size in fetched),
        "requests": len(fetched),
        "seconds": round(seconds, 3),
        "results_shown": results,
        "first_result": page.locator(FIRST_RESULT).first.get_attribute("href"),
        "files": sorted(fetched, key=lambda item: -item[1]),
    }


def measure_first_search(site_dir: Path, query: str, path: str = "/") -> dict:
    """Serve `site_dir`, open `path` in a fresh Chromium, search `query`: bytes, requests, seconds."""
    from playwright.sync_api import sync_playwright

    with served(Path(site_dir)) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            measured = first_search(context.new_page(), url, query, path, Path(site_dir))
            context.close()
        finally:
            browser.close()
    measured["files"] = [(name.removeprefix(url), size) for name, size in measured["files"]]
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", type=Path, help="a built site (with pagefind/)")
    parser.add_argument("--query", default="Channel", help="what the reader types (default: Channel)")
    parser.add_argument("--page", default="/", help="the page the search starts from (default: /)")
    parser.add_argument("--json", action="store_true", help="print the measurement as JSON")
    args = parser.parse_args()
    if not (args.site_dir / "pagefind" / "pagefind.js").is_file():
        print(f"{args.site_dir}: no pagefind/pagefind.js; build the site first", file=sys.stderr)
        return 2
    measured = measure_first_search(args.site_dir, args.query, args.page)
    if args.json:
        print(json.dumps(measured, indent=2))
        return 0
    print(f"query {measured['query']!r} from {measured['page']}: first result in {measured['seconds']:.3f} s")
    print(f"downloaded {measured['bytes']:,} bytes in {measured['requests']} requests; the largest:")
    for name, size in measured["files"][:8]:
        print(f"  {size:>9,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
