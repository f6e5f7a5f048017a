"""`export` writes the generated Markdown tree; Zensical (Material's successor) builds it from mkdocs.yml.

This is the site's way past Material for MkDocs' end of life: the generated
Markdown is plain enough that another engine reading the same `mkdocs.yml`
builds the same pages, with no MkDocs hook.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import topic_slugs
from generator.inputs.slugs import is_listing_slug


def export(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "export", "--out", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
    )


def zensical_config(root: Path, docs: str) -> str:
    """The project's mkdocs.yml pointed at the exported tree, without the MkDocs-only hook and watch list."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {docs}")
    text = text.replace("custom_dir: generator/theme", f"custom_dir: {root / 'generator' / 'theme'}")
    text = re.sub(r"^hooks:\n(  - .*\n)+", "", text, flags=re.MULTILINE)
    return re.sub(r"^watch:\n(  - .*\n)+", "", text, flags=re.MULTILINE)


def test_export_writes_every_page_and_leaves_content_alone(root: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}
    result = export(root, tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "index.md").exists()
    exported = {p.stem for p in (tmp_path / "docs" / "articles").glob("*.md")}
    sidecars = {p.stem for p in (root / "content" / "articles").glob("*.md")}
    assert {s for s in exported if not is_listing_slug(s)} == {"index", *sidecars}
    assert {"2021", "2025"} <= exported, "the lists of articles by year"
    assert {p.stem for p in (tmp_path / "docs" / "topics").glob("*.md")} >= set(topic_slugs())
    assert before == {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}


def test_export_refuses_to_write_into_content(root: Path) -> None:
    result = export(root, root / "content" / "out")
    assert result.returncode != 0
    assert "refusing to export into" in result.stderr
    assert not (root / "content" / "out").exists()


def test_zensical_builds_the_exported_tree(root: Path, tmp_path: Path) -> None:
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert zensical, "zensical is missing: install the dev extra (pip install -e '.[dev]')"
    assert export(root, tmp_path / "docs").returncode == 0
    (tmp_path / "mkdocs.yml").write_text(zensical_config(root, "docs"), encoding="utf-8")
    result = subprocess.run([zensical, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    articles = sorted(
        p for p in (site / "articles").glob("*/index.html") if not is_listing_slug(p.parent.name)
    )
    assert len(articles) == 5
    for page in articles:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.select("p[id^=p]"), f"{page}: paragraph anchors lost"
        assert html.find("details"), f"{page}: removed-lines box lost"
    for topic in topic_slugs():
        assert (site / "topics" / topic / "index.html").exists()


def test_exported_front_matter_is_safe_for_a_theme_that_prints_it_raw(root: Path, tmp_path: Path) -> None:
    """Zensical runs no adapter: the exported titles and descriptions are already HTML-escaped."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "seeds", "content"):
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    sidecar = project / "content" / "articles" / "uk-france-one-for-one-returns-pilot-2025.md"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(
        text.replace("title: ", "title: 'x\" http-equiv=\"refresh <script>' # ", 1), encoding="utf-8"
    )
    assert export(project, tmp_path / "docs").returncode in (0, 1)
    page = (tmp_path / "docs" / "articles" / "uk-france-one-for-one-returns-pilot-2025.md").read_text(
        encoding="utf-8"
    )
    front = page.split("---", 2)[1]
    title = next(line for line in front.splitlines() if line.startswith("title:"))
    assert "<" not in title and '\\"' not in title and "&quot;" in title and "&lt;script&gt;" in title
