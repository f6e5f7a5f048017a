"""The Atom feed: well formed, what Atom requires, newest first, every value text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import build_site

A = "{http://www.w3.org/2005/Atom}"
PROJECT = Path(__file__).parent / "golden" / "project"

pytestmark = pytest.mark.fast


@pytest.fixture(scope="module")
def feed() -> ET.Element:
    page = next(p for p in build_site(PROJECT).pages if p.path == "feed.xml")
    return ET.fromstring(page.text.encode("utf-8"))


def test_the_feed_has_what_atom_requires(feed: ET.Element) -> None:
    assert feed.tag == f"{A}feed"
    for name in ("title", "id", "updated"):
        assert feed.find(f"{A}{name}").text
    assert feed.find(f"{A}link[@rel='self']").get("href") == "feed.xml"
    entries = feed.findall(f"{A}entry")
    assert entries
    for entry in entries:
        for name in ("title", "id", "updated"):
            assert entry.find(f"{A}{name}").text, name
        assert entry.find(f"{A}author/{A}name").text
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith("articles/")
        assert entry.find(f"{A}id").text.startswith("tag:")


def test_entries_are_newest_first_and_dated_by_the_article(feed: ET.Element) -> None:
    dates = [entry.find(f"{A}updated").text for entry in feed.findall(f"{A}entry")]
    assert dates == sorted(dates, reverse=True)
    assert feed.find(f"{A}updated").text == dates[0]
