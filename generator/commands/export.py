"""Write the generated Markdown tree to a folder, for inspection and for other engines.

In: a built Site, the project root and an output folder. Out: the folder holds
every page (generated, and hand-written ones disarmed; front matter HTML-safe,
because the theme prints it raw under any engine) plus the images of content/ that
the project reader approved, so any engine that reads `mkdocs.yml`
with `docs_dir` pointed there can build it. Nothing else in content/ is copied
(no links, no scripts, no other files): the reader decides, once, what belongs.
Every file is written atomically, readable like any file the user creates; the
output folder must not be inside seeds/ or content/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from generator import build_site
from generator.commands import find_root
from generator.inputs.front_matter import dump_front_matter, split_front_matter
from generator.models import Site
from generator.pages.html_safety import safe_meta


def _file_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def theme_safe_page(text: str, path: str) -> str:
    """A page's Markdown with the front matter the theme prints made HTML-safe (`safe_meta`), as the
    MkDocs adapter does at build time: another engine's copy of the theme prints it raw too."""
    if not path.endswith(".md"):
        return text
    front_matter = split_front_matter(text, path)
    if not front_matter.document.data:
        return text
    return dump_front_matter(safe_meta(front_matter.document.data), front_matter.body.rstrip("\n"))


def export_site(site: Site, root: Path, out: Path) -> int:
    """Write every page of `site` and its approved images under `out`; return the count."""
    out = out.resolve()
    for protected in (root / "seeds", root / "content"):
        if out == protected.resolve() or protected.resolve() in out.parents:
            raise ValueError(f"refusing to export into {protected}: it holds hand-written files")
    for page in site.pages:
        write_atomic(out / page.path, theme_safe_page(page.text, page.path).encode("utf-8"))
    for image in site.images:
        write_atomic(out / image, (root / "content" / image).read_bytes())
    return len(site.pages) + len(site.images)


def cmd_export(args: argparse.Namespace) -> int:
    """Write every page's Markdown (and the images of content/) to a folder, for other engines."""
    root = find_root()
    site = build_site(root)
    for problem in site.problems:
        print(problem, file=sys.stderr)
    written = export_site(site, root, Path(args.out))
    print(f"wrote {written} files to {args.out}", file=sys.stderr)
    return 1 if any(p.severity == "error" for p in site.problems) else 0
