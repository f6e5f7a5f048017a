"""What the theme prints or runs: metadata escaped and allow-listed, titles inert, one fixed policy."""

from __future__ import annotations

import html

from bs4 import BeautifulSoup

from generator.pages.html_safety import CSP_META, add_csp_meta, inline_scripts, live_titles, safe_meta


def test_meta_values_are_html_escaped_and_unknown_keys_dropped() -> None:
    meta = {
        "title": 'Ministers said</title><script>alert(1)</script> " http-equiv="refresh',
        "description": '"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "tags": ["X</article><script>alert(2)</script>"],
        "hide": ["toc", "everything"],
        "template": "redirect.html",
        "location": "https://evil.example/",
        "subtitle": "<script>alert(3)</script>",
    }
    safe = safe_meta(meta)
    assert set(safe) == {"title", "description", "tags", "hide"}
    assert "<" not in safe["title"] and '"' not in safe["title"]
    assert html.unescape(safe["title"]).startswith("Ministers said</title><script>")
    assert "<" not in safe["description"] and '"' not in safe["description"]
    assert safe["tags"] == ["X&lt;/article&gt;&lt;script&gt;alert(2)&lt;/script&gt;"]
    assert safe["hide"] == ["toc"]


def test_invisible_and_bidi_characters_never_reach_the_head() -> None:
    safe = safe_meta({"title": "Boats \u202eleave\u202c Dunkirk\u200b", "tags": ["A\u2066b\u2069"]})
    assert safe["title"] == "Boats leave Dunkirk"
    assert safe["tags"] == ["Ab"]


def test_titles_that_a_tooltip_would_turn_into_markup_are_found() -> None:
    # The theme's tooltip sets innerHTML to the element's decoded title.
    live = '<abbr title="&lt;meta http-equiv=&quot;refresh&quot;&gt;">UK</abbr>'
    inert = '<abbr title="&amp;lt;meta&amp;gt; Border Force &amp; co, 3 &lt; 4">UK</abbr>'
    text = '<p>text title="&lt;b&gt;" outside a tag</p>'
    assert live_titles(live) == ["&lt;meta http-equiv=&quot;refresh&quot;&gt;"]
    assert live_titles(inert + text) == []


def test_the_policy_allows_no_inline_script_and_is_the_same_on_every_page() -> None:
    page = "<html><head><title>x</title></head><body></body></html>"
    first, second = add_csp_meta(page), add_csp_meta(page.replace("x", "y"))
    policy = BeautifulSoup(first, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = dict(part.strip().split(" ", 1) for part in policy["content"].split(";"))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"  # WebAssembly (search), never eval
    assert directives["object-src"] == "'none'"
    assert CSP_META in first and CSP_META in second
    assert first.index(CSP_META) < first.index("<title>")


def test_inline_scripts_are_found_and_data_blocks_are_not() -> None:
    page = (
        '<script src="a.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
        "<script>alert(1)</script><SCRIPT type=module>x()</SCRIPT>"
    )
    assert inline_scripts(page) == ["alert(1)", "x()"]
