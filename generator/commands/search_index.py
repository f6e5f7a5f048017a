"""The search index: Pagefind run over a built site, writing `pagefind/` beside the pages.

In: a folder of built HTML pages. Out: `<site>/pagefind/`, an index split into small files that a
reader's browser fetches only as a query needs them (`generator/theme/javascripts/search.js` asks it).
Pagefind indexes what the theme marks with `data-pagefind-body` (main.html: the content of articles,
topics, people, quotations, the glossary and the about page), minus the selectors below.
The hook runs it after every build, so `mkdocs build`, `generator build` and `mkdocs serve` all have it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# Inside the indexed content, what is not text of the page: the tag list and the edit pencil above
# the title, the paragraph-number permalinks ("¶ 12") and the headings' permalink signs.
NOT_INDEXED = (".md-tags", ".md-content__button", "a.pn", ".headerlink")


def pagefind_command(site_dir: Path) -> list[str]:
    """The command that indexes the site in `site_dir`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path, *, background: bool = False) -> str | None:
    """Write the search index of the site in `site_dir`; the reason it failed, or None.

    `background`: at the lowest CPU priority (where `nice` exists), so that under `make serve` the
    next rebuild, which a reader waits for, is not slowed by the index of the last one."""
    command = pagefind_command(site_dir)
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", "19", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"Pagefind could not run: {err}"
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        output = (result.stderr or result.stdout).strip()
        return f"Pagefind failed (exit {result.returncode}): {output[-2000:]}"
    return None
