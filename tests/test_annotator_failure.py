"""A bug in an annotator costs one page and a loud error, never the rest of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator
from generator import article as article_module


def test_an_annotator_crash_is_reported_and_the_other_pages_build(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = article_module.build_article

    def flaky(source, sidecar, knowledge):
        if source.path.endswith("002_10fcbd9f08f1f2fb.txt"):
            raise IndexError("list index out of range")
        return real(source, sidecar, knowledge)

    monkeypatch.setattr(generator, "build_article", flaky)
    site = generator.build_site(root)
    messages = [str(p) for p in site.problems]
    assert messages == [
        "seeds/002_10fcbd9f08f1f2fb.txt:1: the annotator failed on this file "
        "(IndexError: list index out of range); please report it as a bug"
    ]
    assert len(site.articles) == 4
    assert {p.path for p in site.pages} >= {f"topics/{t}.md" for t in ("offshoring", "returns-deals")}
