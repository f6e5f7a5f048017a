"""Write the generated Markdown tree to a folder, for inspection and for other engines.

In: a built Site, the project root and an output folder. Out: the folder holds
every generated page plus content/'s other hand-written files (pages,
stylesheets), so any engine that reads `mkdocs.yml` with `docs_dir` pointed
there can build it. Every file is written atomically; the output folder must
not be inside seeds/ or content/.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .models import Site

HAND_WRITTEN_SKIP = (".yaml", ".yml")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_site(site: Site, root: Path, out: Path) -> int:
    """Write every page of `site` and the untouched content files under `out`; return the count."""
    out = out.resolve()
    for protected in (root / "seeds", root / "content"):
        if out == protected.resolve() or protected.resolve() in out.parents:
            raise ValueError(f"refusing to export into {protected}: it holds hand-written files")
    generated = {page.path for page in site.pages}
    for page in site.pages:
        write_atomic(out / page.path, page.text.encode("utf-8"))
    copied = 0
    content = root / "content"
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content).as_posix()
        if (
            path.is_file()
            and rel not in generated
            and not rel.endswith(HAND_WRITTEN_SKIP)
            and not _is_sidecar(rel)
        ):
            write_atomic(out / rel, path.read_bytes())
            copied += 1
    return len(site.pages) + copied


def _is_sidecar(rel: str) -> bool:
    return rel.startswith(("articles/", "topics/")) and rel.endswith(".md")
