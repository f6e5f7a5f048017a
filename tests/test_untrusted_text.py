"""Article and contributor text stays text: checked on the built HTML, parsed, never grepped.

Payloads are planted in every place text enters the site: a seed paragraph, a
quotation, a sidecar's title, outlet and summary, a topic introduction and a
hand-written page. None may become a live element, attribute, link or template.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import run_mkdocs_build

PAYLOADS = [
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '{: onclick="alert(1)" }',
]
JOINED = " ".join(PAYLOADS)


def plant(project: Path) -> None:
    seed = project / "seeds" / "900_hostile.txt"
    seed.write_text(
        f"A plain opening sentence about Channel crossings and the payloads {JOINED} that follow.\n"
        f'"Every one of these words must stay text {JOINED} on the page," said Jane Tester.\n'
        f"{PAYLOADS[6]}\n",
        encoding="utf-8",
    )
    (project / "content" / "articles" / "hostile.md").write_text(
        "---\nseed: 900_hostile.txt\n"
        "title: 'Title <script>alert(1)</script> {{ 7*7 }}'\n"
        "outlet: '<img src=x onerror=alert(1)>'\npublished: 2024-05\n---\n"
        f"Summary {JOINED}\n",
        encoding="utf-8",
    )
    topic = project / "content" / "topics" / "offshoring.md"
    topic.write_text(topic.read_text(encoding="utf-8") + f"\n{JOINED}\n\n{PAYLOADS[3]}\n", encoding="utf-8")
    (project / "content" / "quoted.md").write_text(
        '# Boats " http-equiv="refresh" content="0;url=https://evil.example/ in the Channel\n\nText.\n',
        encoding="utf-8",
    )
    about = project / "content" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + f"\n{PAYLOADS[2]}\n\n{PAYLOADS[4]}\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def hostile_site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "seeds", "content", "generator"):
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    plant(project)
    out = project / "site"
    result = run_mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


PAGES = [
    "articles/hostile/index.html",
    "topics/offshoring/index.html",
    "about/index.html",
    "articles/index.html",
]


@pytest.mark.parametrize("page", PAGES)
def test_no_live_markup_from_text(hostile_site: Path, page: str) -> None:
    html = BeautifulSoup((hostile_site / page).read_text(encoding="utf-8"), "html.parser")
    article = html.select_one("article")
    assert article is not None
    assert not article.find_all(["script", "iframe", "object", "embed"]), "text became a live element"
    assert not article.find_all("img"), "text became an image"
    for element in article.find_all(True):
        events = [a for a in element.attrs if a.lower().startswith("on")]
        assert not events, f"text became an event handler: {element.name} {events}"
        for attr in ("href", "src", "action", "formaction"):
            value = str(element.get(attr, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"live {attr}={value!r}"


def test_payloads_arrive_as_visible_text(hostile_site: Path) -> None:
    html = BeautifulSoup((hostile_site / PAGES[0]).read_text(encoding="utf-8"), "html.parser")
    text = html.select_one("article").get_text(" ")
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "<script>alert(1)</script>" in text
    assert "[click](javascript:alert(1))" in text
    assert "Title <script>alert(1)</script> {{ 7*7 }}" in html.select_one("article h1").get_text()


def test_every_page_carries_a_content_security_policy(hostile_site: Path) -> None:
    for page in sorted(hostile_site.rglob("*.html")):
        meta = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert meta is not None, f"{page}: no CSP"
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == "'none'"


def test_sharing_tags_hold_a_heading_title_as_text(hostile_site: Path) -> None:
    """A page titled by its heading alone: the quote marks in it cannot open an attribute."""
    head = BeautifulSoup((hostile_site / "quoted/index.html").read_text(encoding="utf-8"), "html.parser").head
    for meta in head.find_all("meta", attrs={"property": "og:title"}) + head.find_all(
        "meta", attrs={"name": "twitter:title"}
    ):
        assert set(meta.attrs) <= {"property", "name", "content"}, meta
        assert meta["content"].startswith('Boats " http-equiv="refresh"')
    assert head.find("meta", attrs={"http-equiv": "refresh"}) is None
