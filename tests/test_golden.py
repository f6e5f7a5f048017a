"""Golden files: the generated Markdown of every article and topic page, reviewed like code.

Each page's expected text lives in tests/golden/<path>. A missing golden file is a
failure; `pytest --update-goldens` rewrites them for review in the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build_site

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages(root: Path) -> dict[str, str]:
    site = build_site(root)
    return {p.path: p.text for p in site.pages if p.path.startswith(("articles/", "topics/"))}


def _expected_paths() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))


def test_every_page_has_a_golden_file(pages: dict[str, str], update_goldens: bool) -> None:
    if update_goldens:
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for stale in set(_expected_paths()) - set(pages):
            (GOLDEN / stale).unlink()
    assert sorted(pages) == _expected_paths(), "run `pytest --update-goldens` and review the diff"


@pytest.mark.parametrize("path", _expected_paths())
def test_page_matches_golden(path: str, pages: dict[str, str]) -> None:
    assert path in pages, f"{path} is no longer generated"
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    assert pages[path] == expected, (
        f"{path} differs from its golden file; run `pytest --update-goldens` to review"
    )
