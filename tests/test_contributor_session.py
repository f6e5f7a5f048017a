"""A contributor's session, replayed: add a seed, scaffold its sidecar, edit it, check, build.

Also the promises around it: `new-article` never overwrites, the build never
writes into seeds/ or content/, and every page's edit link opens the file to edit.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_mkdocs_build

NEW_ARTICLE = """\
Border Force officers intercepted four small boats carrying 212 people in the Channel on Tuesday, the Home Office said.
Share this article
The Home Secretary, Yvette Cooper, said: "Every crossing puts lives at risk and fills the pockets of the smuggling gangs."
French police stopped a further three boats leaving beaches near Calais, officials in Paris said.
"""


def generator(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True
    )


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(root: Path, tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    shutil.copytree(root / "generator", project / "generator")  # mkdocs.yml names its hook by path
    return project


def test_add_scaffold_edit_check_and_publish(project: Path) -> None:
    (project / "seeds" / "950_interceptions.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    scaffold = generator(
        project, "new-article", "seeds/950_interceptions.txt", "--slug", "interceptions-2025"
    )
    assert scaffold.returncode == 0, scaffold.stderr
    sidecar = project / "content" / "articles" / "interceptions-2025.md"
    assert scaffold.stdout.strip() == "content/articles/interceptions-2025.md"
    text = sidecar.read_text(encoding="utf-8")
    assert "seed: 950_interceptions.txt" in text and "review:" in text and "- title" in text

    # The contributor corrects the title and marks it checked, as they would in an editor.
    lines = text.splitlines()
    lines = [
        ("title: Four boats intercepted as French police stop three more" if ln.startswith("title:") else ln)
        for ln in lines
        if ln != "- title"
    ]
    sidecar.write_text("\n".join(lines) + "\n", encoding="utf-8")
    check = generator(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr

    before = fingerprint(project / "seeds") | fingerprint(project / "content")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert before == fingerprint(project / "seeds") | fingerprint(project / "content"), (
        "the build wrote into sources"
    )

    page = project / "site" / "articles" / "interceptions-2025" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert (
        "Four boats intercepted as French police stop three more" in html.select_one("article h1").get_text()
    )
    speakers = [row.find("td").get_text(strip=True) for row in html.select("article table tbody tr")]
    assert "Yvette Cooper" in speakers
    removed = html.select_one("article details").get_text()
    assert "Share this article" in removed
    index = (project / "site" / "articles" / "index.html").read_text(encoding="utf-8")
    assert "interceptions-2025/" in index


def test_new_article_never_overwrites(project: Path) -> None:
    existing = project / "content" / "articles" / "uk-france-one-for-one-returns-pilot-2025.md"
    before = existing.read_bytes()
    result = generator(project, "new-article", "seeds/002_10fcbd9f08f1f2fb.txt", "--slug", existing.stem)
    assert result.returncode == 1
    assert "already exists; nothing was written" in result.stderr
    assert existing.read_bytes() == before


def test_new_article_refuses_a_slug_outside_content(project: Path) -> None:
    result = generator(project, "new-article", "seeds/002_10fcbd9f08f1f2fb.txt", "--slug", "../../escape")
    assert result.returncode == 0, result.stderr  # slugified to `escape`, inside content/articles/
    assert (project / "content" / "articles" / "escape.md").exists()
    assert not (project.parent / "escape.md").exists()


EDIT_TARGETS = {
    "index.html": "content/index.md",
    "about/index.html": "content/about.md",
    "glossary/index.html": "content/glossary.yaml",
    "topics/offshoring/index.html": "content/topics/offshoring.md",
    "articles/uk-france-one-for-one-returns-pilot-2025/index.html": "content/articles/uk-france-one-for-one-returns-pilot-2025.md",
}


@pytest.mark.parametrize("page", sorted(EDIT_TARGETS))
def test_edit_link_opens_the_file_to_edit(built_site: Path, page: str) -> None:
    html = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
    edit = html.select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None, f"{page} has no edit link"
    assert edit["href"].endswith("/edit/main/" + EDIT_TARGETS[page])


@pytest.mark.parametrize("page", ["articles/index.html", "topics/index.html"])
def test_generated_index_pages_have_no_edit_link(built_site: Path, page: str) -> None:
    html = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
    assert html.select_one("a.md-content__button[href*='/edit/']") is None


def test_a_quote_override_applies_with_straight_quote_marks_and_mid_quote_text(project: Path) -> None:
    from generator import build_site

    sidecar = project / "content" / "articles" / "uk-france-one-for-one-returns-pilot-2025.md"
    text = sidecar.read_text(encoding="utf-8")
    override = (
        "overrides:\n  quotes:\n"
        '    - quote: "I\'ve seen a number of videos"\n      speaker: A Corrected Speaker\n'
        '    - quote: "French police could start intercepting"\n      speaker: Nobody\n'
    )
    sidecar.write_text(text.replace("basis:", override + "basis:", 1), encoding="utf-8")
    site = build_site(project)
    article = next(a for a in site.articles if a.slug == sidecar.stem)
    corrected = [q for q in article.annotations.quotes if q.speaker == "A Corrected Speaker"]
    assert [q.text[:28] for q in corrected] == ["I’ve seen a number of videos"]
    assert corrected[0].cue == "corrected by an editor"
    warnings = [str(p) for p in site.problems if p.severity == "warning"]
    # In the article, but reported speech, not a quotation: the override would silently do nothing.
    assert any(
        "French police could start intercepting" in w and "matches no quotation" in w for w in warnings
    ), [str(p) for p in site.problems]


UNSURE_ARTICLE = """\
Border Force brought 212 people ashore at Dover on Tuesday after four boats were intercepted, the Home Office said.
Migrants are brought ashore at Dover on Tuesday morning
Picture: Gareth Fuller
The Home Secretary said every crossing puts lives at risk and fills the pockets of the smuggling gangs.
The Rwanda question
French police stopped a further three boats leaving beaches near Calais, officials in Paris said.
"""


def test_a_contributor_confirms_the_lines_the_cleaner_was_unsure_of(project: Path) -> None:
    from generator import build_site

    (project / "seeds" / "951_dover.txt").write_text(UNSURE_ARTICLE, encoding="utf-8")
    assert generator(project, "new-article", "seeds/951_dover.txt", "--slug", "dover-2025").returncode == 0
    sidecar = project / "content" / "articles" / "dover-2025.md"
    text = sidecar.read_text(encoding="utf-8")
    caption = "- 'line 2 removed (caption: the line above a picture credit): Migrants are brought ashore at Dover on Tuesday morning'"
    heading = "- 'line 5 kept (short, like a heading or caption): The Rwanda question'"
    assert caption in text.splitlines() and heading in text.splitlines()
    page = next(p for p in build_site(project).pages if p.path == "articles/dover-2025.md")
    assert "The cleaner was unsure of lines 2, 5" in page.text

    # The caption is the article's own sentence, the heading is page furniture: the editor says so.
    edited = text.replace(caption + "\n", "").replace(heading + "\n", "")
    sidecar.write_text(edited.replace("review:\n", "keep: [2]\nremove: [5]\nreview:\n"), encoding="utf-8")
    check = generator(project, "check")
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr

    article = next(a for a in build_site(project).articles if a.slug == "dover-2025")
    assert "Migrants are brought ashore at Dover on Tuesday morning" in [
        p.text for p in article.clean.paragraphs
    ]
    assert "The Rwanda question" not in [p.text for p in article.clean.paragraphs]
    assert (5, "removed by an editor (content/articles/dover-2025.md)") in [
        (r.line, r.rule) for r in article.clean.removed
    ]
