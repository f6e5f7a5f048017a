"""Tests for generator.commands.linkcheck on small hand-written site trees."""

from __future__ import annotations

from pathlib import Path

from generator.commands.linkcheck import find_broken_links


def make_site(root: Path, pages: dict[str, str]) -> Path:
    """Write {relative path: body HTML} under root/site and return that folder."""
    site = root / "site"
    for rel, body in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return site


def test_good_links_report_nothing(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="articles/x/">x</a> <a href="#top" id="top">top</a>',
            "articles/x/index.html": '<a href="../y/#p3">y</a> <img src="../../img/a.png">',
            "articles/y/index.html": '<p id="p3">three</p><a href="../../">home</a>',
            "img/a.png": "",
        },
    )
    assert find_broken_links(site) == []


def test_missing_file(tmp_path):
    site = make_site(tmp_path, {"articles/x/index.html": '<a href="../gone/">gone</a>'})
    assert find_broken_links(site) == [
        f"{site.as_posix()}/articles/x/index.html: broken link to ../gone/ (no file at articles/gone)"
    ]


def test_missing_anchor(tmp_path):
    site = make_site(
        tmp_path,
        {
            "articles/x/index.html": '<a href="../y/#p3">y</a>',
            "articles/y/index.html": '<p id="p2">two</p>',
        },
    )
    assert find_broken_links(site) == [
        f'{site.as_posix()}/articles/x/index.html: broken link to ../y/#p3 (no element with id "p3")'
    ]


def test_anchor_on_same_page_and_a_name(tmp_path):
    site = make_site(
        tmp_path,
        {"index.html": '<a name="old"></a><a href="#old">ok</a><a href="#nope">bad</a>'},
    )
    assert find_broken_links(site) == [
        f'{site.as_posix()}/index.html: broken link to #nope (no element with id "nope")'
    ]


def test_directory_url_means_its_index_html(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="topics/">t</a> <a href="topics">t</a> <a href="topics/#a">a</a>',
            "topics/index.html": '<h1 id="a">A</h1>',
            "empty/keep.txt": "",
        },
    )
    assert find_broken_links(site) == []
    (site / "index.html").write_text('<a href="empty/">e</a>', encoding="utf-8")
    assert find_broken_links(site) == [
        f"{site.as_posix()}/index.html: broken link to empty/ (no file at empty)"
    ]


def test_root_relative_with_and_without_site_prefix(tmp_path):
    """MkDocs writes /<repo>/… into 404.html when the site lives under /<repo>/."""
    site = make_site(
        tmp_path,
        {
            "404.html": (
                '<link href="/repo/assets/main.css" rel="stylesheet">'
                '<a href="/repo/">home</a> <a href="/topics/#a">t</a> <a href="/">root</a>'
                '<a href="/repo/nothing/">x</a> <a href="/topics/gone/">g</a>'
            ),
            "index.html": "",
            "gone/index.html": "",
            "assets/main.css": "",
            "topics/index.html": '<h1 id="a">A</h1>',
        },
    )
    # /topics/gone/ is not re-read as /gone/: topics/ is a real top-level folder.
    assert find_broken_links(site) == [
        f"{site.as_posix()}/404.html: broken link to /repo/nothing/ (no file at repo/nothing)",
        f"{site.as_posix()}/404.html: broken link to /topics/gone/ (no file at topics/gone)",
    ]


def test_javascript_href_is_an_error(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="JavaScript:void(0)">click</a>'})
    assert find_broken_links(site) == [
        f"{site.as_posix()}/index.html: broken link to JavaScript:void(0) (javascript: URL)"
    ]


def test_external_links_are_ignored(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": (
                '<a href="https://example.org/x#y">a</a> <a href="http://example.org">b</a>'
                '<a href="mailto:someone@example.org">c</a> <script src="//cdn.example.org/a.js"></script>'
                '<img src="data:image/png;base64,AAAA">'
            )
        },
    )
    assert find_broken_links(site) == []


def test_link_outside_the_site(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="../secret.html">up</a>'})
    assert find_broken_links(site) == [
        f"{site.as_posix()}/index.html: broken link to ../secret.html (points outside the site)"
    ]


def test_order_is_deterministic_and_repeats_are_reported_once(tmp_path):
    site = make_site(
        tmp_path,
        {
            "b/index.html": '<a href="/zz/">z</a><a href="/aa/">a</a><a href="/zz/">z again</a>',
            "a/index.html": '<a href="nope.html">n</a>',
        },
    )
    prefix = site.as_posix()
    assert find_broken_links(site) == [
        f"{prefix}/a/index.html: broken link to nope.html (no file at a/nope.html)",
        f"{prefix}/b/index.html: broken link to /zz/ (no file at zz)",
        f"{prefix}/b/index.html: broken link to /aa/ (no file at aa)",
    ]


def test_message_uses_the_site_path_as_given(tmp_path, monkeypatch):
    make_site(tmp_path, {"articles/x/index.html": '<a href="../y/#p3">y</a>'})
    monkeypatch.chdir(tmp_path)
    assert find_broken_links(Path("site")) == [
        "site/articles/x/index.html: broken link to ../y/#p3 (no file at articles/y)"
    ]
