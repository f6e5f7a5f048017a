"""No page lists the whole archive: articles, quotations, each topic's evidence and a much-quoted
person's quotations are split by year; the people index lists the most quoted of each group.

The golden project has articles from 2024 and one without a date; the caps are lowered here so
that the split shows with three articles.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import build_site
from generator.pages import people, render, years

pytestmark = pytest.mark.fast

GOLDEN = Path(__file__).parent / "golden" / "project"


def pages_of(site) -> dict[str, str]:
    return {page.path: page.text for page in site.pages}


def article_links(text: str, prefix: str = "") -> list[str]:
    """The article pages a page's Markdown links to, in order (each once)."""
    found = []
    for slug in ("french-police-stop-four-boats", "001-crossings-rise", "003-lifeboat"):
        at = text.find(f"]({prefix}{slug}.md")
        if at >= 0:
            found.append((at, slug))
    return [slug for _, slug in sorted(found)]


def test_the_articles_index_shows_the_newest_and_each_year_its_own(monkeypatch) -> None:
    monkeypatch.setattr(years, "LATEST", 1)
    pages = pages_of(build_site(GOLDEN))
    index = pages["articles/index.md"]
    assert "- [2024](2024.md): 2 articles" in index and "- [Date unknown](undated.md): 1 article" in index
    assert article_links(index) == ["french-police-stop-four-boats"], "only the newest LATEST"
    assert article_links(pages["articles/2024.md"]) == ["french-police-stop-four-boats", "001-crossings-rise"]
    assert article_links(pages["articles/undated.md"]) == ["003-lifeboat"]


def test_a_topic_page_shows_the_newest_and_links_every_year(monkeypatch) -> None:
    monkeypatch.setattr(render, "LATEST_ON_TOPIC", 1)
    pages = pages_of(build_site(GOLDEN))
    topic = pages["topics/france-cooperation.md"]
    assert "2 articles, by year: [2024](france-cooperation/2024.md) (2)." in topic
    assert "The newest 1 are below" in topic
    evidence = topic.split("## Articles on this topic")[1].split("## Quotes on this topic")[0]
    assert article_links(evidence, "../articles/") == ["french-police-stop-four-boats"]
    year = pages["topics/france-cooperation/2024.md"]
    assert "[France cooperation](../france-cooperation.md) from 2024" in year
    assert article_links(year, "../../articles/") == ["french-police-stop-four-boats", "001-crossings-rise"]


def test_a_sidecar_named_like_a_year_is_refused_and_a_seed_so_named_moves_aside(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(GOLDEN, project)
    (project / "content" / "articles" / "2024.md").write_text(
        "---\nseed: 003_lifeboat.txt\ntitle: A lifeboat\n---\nSummary.\n", encoding="utf-8"
    )
    shutil.copy(project / "seeds" / "002_wire_calais.txt", project / "seeds" / "2023.txt")
    site = build_site(project)
    [problem] = [p for p in site.problems if p.path == "content/articles/2024.md"]
    assert "list of articles by year" in problem.message and problem.severity == "error"
    slugs = {a.slug for a in site.articles}
    assert "2023-article" in slugs and "2024" not in slugs and "2023" not in slugs


def test_a_person_quoted_often_has_the_newest_on_their_page_and_every_year_on_its_own(monkeypatch) -> None:
    monkeypatch.setattr(people, "QUOTES_ON_PAGE", 1)
    pages = pages_of(build_site(GOLDEN))
    person = pages["people/daniel-okoro.md"]
    assert "The newest 1 of 3; every quotation, by year: [2024](daniel-okoro/2024.md) (1) · " in person
    assert person.count(".md#p") == 1, "one quotation on the person's page"
    undated = pages["people/daniel-okoro/undated.md"]
    assert (
        "2 quotations, newest first." in undated and "back to [Daniel Okoro](../daniel-okoro.md)" in undated
    )
    assert undated.count("](../../articles/003-lifeboat.md#p") == 2
    assert "people/anne-ferrand/undated.md" not in pages, "one quotation: no page per year"


def test_the_people_index_lists_the_most_quoted_of_each_group_and_counts_the_rest(monkeypatch) -> None:
    monkeypatch.setattr(people, "PER_GROUP", 1)
    index = pages_of(build_site(Path(__file__).parent.parent))["people/index.md"]
    sections = re.findall(r"\n## (.+) \((\d+)\)\n\n((?:.*\n)+?)(?=\n## |\n\*Groups)", index)
    assert any(int(count) > 1 for _, count, _ in sections), "the project has a group of several"
    for heading, count, body in sections:
        assert body.count("\n| [") == 1, heading
        more = int(count) - 1
        assert (f"; {more} more, quoted less often" in body) == (more > 0), heading
