"""Untrusted and hand-written Markdown, rendered with the site's extensions.

`contributor_markdown` must turn every unsafe link, reference, attribute list, raw HTML and
link title into text while ordinary Markdown keeps working, in time linear in its input;
`escape_markdown` must never let article text open a block; glossary definitions must reach
Material's tooltips (which insert a title attribute as HTML) as text only.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from conftest import copy_project, run_generator
from generator.inputs.markdown_limits import MAX_BRACKET_NESTING, markdown_body_problems
from generator.inputs.schema import GlossaryEntry
from generator.pages.mdtext import contributor_markdown, escape_markdown, is_safe_target
from generator.pages.views import abbreviations

EXTENSIONS = ["abbr", "admonition", "attr_list", "tables", "toc", "pymdownx.details"]


def render(source: str) -> str:
    """HTML as the site's Python-Markdown (mkdocs.yml's extensions) makes it."""
    return markdown.Markdown(extensions=EXTENSIONS).convert(source)


def soup(source: str) -> BeautifulSoup:
    return BeautifulSoup(render(source), "html.parser")


def contributor_soup(text: str) -> BeautifulSoup:
    return soup(contributor_markdown(text))


def _browser_safe(url: str) -> bool:
    """What a browser would do with an href: no scheme, or http(s)/mailto (tabs and newlines dropped)."""
    plain = "".join(ch for ch in url if ch not in "\t\n\r").strip("\x00 ").lower()
    scheme, colon, _ = plain.partition(":")
    if not colon or not scheme[:1].isalpha() or not all(c.isalnum() or c in "+-." for c in scheme):
        return True
    return scheme in ("http", "https", "mailto")


def assert_inert(html: BeautifulSoup) -> None:
    """No unsafe link or image, no title holding markup, no attribute an attribute list set."""
    for element in html.find_all(True):
        for name, value in element.attrs.items():
            assert name in {"href", "src", "alt", "title", "id", "class", "open"}, (element, name)
            if name in ("href", "src"):
                assert _browser_safe(value), element
            if name == "title":
                assert element.name == "abbr", element
                assert not BeautifulSoup(value, "html.parser").find(True), element
        assert element.name not in ("script", "meta", "iframe", "object", "embed"), element


# --- attacks on hand-written Markdown ---------------------------------------------------------

ATTACKS = {
    "nested brackets": "[a [b] c](javascript:alert(1))",
    "split reference": "[r]:\n    javascript:alert(1)\n\n[x][r]",
    "reference in a list": "- [r]: javascript:alert(1)\n\n[x][r]",
    "reference in a quote": "> [r]:\n> javascript:alert(1)\n\n[x][r]",
    "reference in an admonition": '!!! note "n"\n    [r]: javascript:alert(1)\n\n[x][r]',
    "reference with angle brackets": "[r]: <javascript:alert(1)>\n\n[x][r]",
    "attr list block": 'Text\n{ -x style="position:fixed;inset:0" href="https://evil.example" }',
    "attr list alone": '{ -x style="position:fixed;inset:0" href="https://evil.example" }',
    "attr list inline": '*em*{: style="color:red" onclick="alert(1)" } and [a](#b){ style="x" }',
    "attr list heading": '## Heading { style="x" }',
    "attr list table cell": '| a |\n| - |\n| b { style="x" } |',
    "attr list escaped twice": '\\\\{ style="x" }\n\nText\n\\\\{ style="x" }',
    "link title": '[ok](https://example.org "<meta http-equiv=refresh content=0;url=https://evil.example>")',
    "reference title": "[r]: https://example.org '<b onmouseover=alert(1)>'\n\n[x][r]",
    "reference title below": '[r]: https://example.org\n    "<b onmouseover=alert(1)>"\n\n[x][r]',
    "entity scheme": "[x](jav&#x61;script:alert(1)) [y](&#106;avascript:alert(1))",
    "tab in scheme": "[x](java\tscript:alert(1))",
    "upper case": "[x](JAVASCRIPT:alert(1))",
    "autolink": "<javascript:alert(1)>",
    "image": "![x](javascript:alert(1)) ![y](data:image/svg+xml,<svg onload=alert(1)>)",
    "data": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript": "[x](vbscript:msgbox(1))",
    "angle target": "[x](<javascript:alert(1)>)",
    "space before target": "[x](  javascript:alert(1))",
    "newline in target": "[x](\njavascript:alert(1))",
    "link inside link target": "[z [a](b](javascript:alert(1)))",
    "raw html": '<img src=x onerror="alert(1)"> <script>alert(1)</script>\n\n<meta http-equiv="refresh">',
    "abbreviation": "*[HTML]: <meta http-equiv=refresh content=0;url=https://evil.example> &amp;\n\nHTML",
    "abbreviation below": "*[HTML]:\n<b onmouseover=alert(1)>x</b>\n\nHTML",
    "crlf": "a\r[r]: javascript:alert(1)\r\r[x][r]",
}


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_attack_renders_inert(text: str) -> None:
    assert_inert(contributor_soup(text))


@pytest.mark.parametrize(
    "text, shown",
    [
        ("[a [b] c](javascript:alert(1))", "[a [b] c](javascript:alert(1))"),
        ("[x](java\tscript:alert(1))", "[x](java"),
        ("<javascript:alert(1)>", "<javascript:alert(1)>"),
        ("<b>bold</b>", "<b>bold</b>"),
        ("![x](javascript:alert(1))", "![x](javascript:alert(1))"),
        ('word{ style="x" }', 'word{ style="x" }'),
        ("[r]:\n    javascript:alert(1)", "[r]:\n    javascript:alert(1)"),
    ],
)
def test_disarmed_markdown_shows_as_written(text: str, shown: str) -> None:
    assert shown in contributor_soup(text).get_text()


def test_abbreviation_definition_reaches_the_tooltip_as_text() -> None:
    html = contributor_soup("*[HTML]: <meta http-equiv=refresh> & R&amp;D\n\nHTML here")
    title = html.find("abbr")["title"]  # as the browser decodes the attribute
    tooltip = BeautifulSoup(title, "html.parser")  # as Material's tooltip parses it
    assert not tooltip.find(True)
    assert tooltip.get_text() == "<meta http-equiv=refresh> & R&amp;D"


def test_link_title_dropped_link_kept() -> None:
    assert render(contributor_markdown('[ok](https://example.org "Example <b>")')) == (
        '<p><a href="https://example.org">ok</a></p>'
    )
    assert render(contributor_markdown("[x][r]\n\n[r]: https://example.org 'Example'")) == (
        '<p><a href="https://example.org">x</a></p>'
    )


# --- ordinary hand-written Markdown still works -----------------------------------------------


def test_links_to_pages_anchors_and_the_web_stay_links() -> None:
    text = (
        "[page](articles/x.md) [up](../topics/y.md#z) [anchor](#p3) [web](https://a.example/x?a=1&b=2) "
        "[plain](http://a.example) [mail](mailto:desk@a.example) [wiki](https://en.wikipedia.org/wiki/A_(b)) "
        "![logo](images/logo.png) [ref][r] [Short]\n\n[r]: https://ref.example\n[short]: topics/index.md"
    )
    links = [(a.get_text(), a["href"]) for a in contributor_soup(text).find_all("a")]
    assert links == [
        ("page", "articles/x.md"),
        ("up", "../topics/y.md#z"),
        ("anchor", "#p3"),
        ("web", "https://a.example/x?a=1&b=2"),
        ("plain", "http://a.example"),
        ("mail", "mailto:desk@a.example"),
        ("wiki", "https://en.wikipedia.org/wiki/A_(b)"),
        ("ref", "https://ref.example"),
        ("Short", "topics/index.md"),
    ]
    assert contributor_soup(text).find("img")["src"] == "images/logo.png"


def test_blocks_render() -> None:
    text = (
        "# Title\n\nIntro with *emphasis* and `code`.\n\n## Section\n\n- one\n- two\n\n1. first\n\n"
        '!!! note "Read this"\n    Inside the note.\n\n??? tip "More"\n    Hidden.\n\n'
        "| Year | Crossings |\n| --- | --- |\n| 2022 | 45,774 |\n\n> quoted\n\n<!-- material/tags -->\n"
    )
    assert render(contributor_markdown(text)) == render(text)
    html = contributor_soup(text)
    assert html.select_one("div.admonition.note p.admonition-title").get_text() == "Read this"
    assert html.select_one("details.tip summary").get_text() == "More"
    assert [td.get_text() for td in html.select("td")] == ["2022", "45,774"]
    assert html.select_one("h2")["id"] == "section"


def test_abbreviations_and_braces_in_text_render() -> None:
    html = contributor_soup("*[UNHCR]: UN Refugee Agency\n\nThe UNHCR said {more} & less.")
    assert html.find("abbr")["title"] == "UN Refugee Agency"
    assert html.find("p").get_text() == "The UNHCR said {more} & less."


@pytest.mark.parametrize(
    "target, safe",
    [
        ("articles/x.md", True),
        ("#p1", True),
        ("https://a.example", True),
        ("MAILTO:x@y", True),
        ("", True),
        ("javascript:alert(1)", False),
        ("jav&#x61;script:x", False),
        ("jav&amp;#x61;script:x", False),
        ("java\tscript:x", False),
        (" \x01javascript:x", False),
        ("java&Tab;script:x", False),
        ("javascript&colon;x", False),
        ("<javascript:x>", False),
        ("data:text/html,x", False),
        ("VBScript:x", False),
        ("java\\script:x", False),
    ],
)
def test_is_safe_target(target: str, safe: bool) -> None:
    assert is_safe_target(target) is safe


def test_cut_off_target_is_unsafe_while_it_could_still_be_a_scheme() -> None:
    assert not is_safe_target("javascr", complete=False)
    assert not is_safe_target("javascript&colo", complete=False)
    assert is_safe_target("articles/x", complete=False)
    assert is_safe_target("https://a.example/very-long", complete=False)


# --- time ---------------------------------------------------------------------------------------

PATHOLOGICAL = {
    "open links": "[x](" * 5000,
    "open brackets": "[" * 50000,
    "open braces": "{" * 50000,
    "bracket pairs": "](" * 100_000,
    "definitions": "[a]:" * 50000,
    "definition lines": "[a]: javascript:x\n" * 20000,
    "abbreviations": "*[a]:" * 50000,
    "abbreviation lines": "*[a]:\n" * 50000,
    "backslashes": "\\" * 100_000 + "{",
    "quotes": '](x "' * 40000,
    "spaces": "](" + " " * 200_000,
    "mixed": ('[a [b] c](javascript:x) {x} *[y]: <z>\n[r]: https://x "t"\n') * 3000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_is_fast(text: str) -> None:
    started = time.perf_counter()
    contributor_markdown(text)
    markdown_body_problems(text, "content/x.md", 1)
    assert time.perf_counter() - started < 1.0


# --- limits -------------------------------------------------------------------------------------


def test_long_line_and_deep_brackets_are_located() -> None:
    deep = "[" * (MAX_BRACKET_NESTING + 1) + "x" + "]" * (MAX_BRACKET_NESTING + 1)
    text = f"Fine.\n\n{'a' * 5001}\n\nstill fine (a [b] c)\nopening {deep}\nmore\n\n" + "[x](" * 20
    problems = markdown_body_problems(text, "content/topics/offshoring.md", 5)
    assert [str(p) for p in problems] == [
        "content/topics/offshoring.md:7: line is 5,001 characters long; the limit is 5,000: "
        "break it into shorter lines",
        "content/topics/offshoring.md:10: brackets nested 9 deep; the limit is 8: close each [ and ( "
        "before opening more, or write \\[ and \\( for brackets that are only text",
        "content/topics/offshoring.md:13: brackets nested 20 deep; the limit is 8: close each [ and ( "
        "before opening more, or write \\[ and \\( for brackets that are only text",
    ]


def test_ordinary_markdown_has_no_problems() -> None:
    text = "[a [b] c](https://x.example/(y)) \\[\\[\\[\\[\\[\\[\\[\\[\\[ (((([[[[ ]]]]))))\n" * 50
    assert markdown_body_problems(text, "content/x.md", 1) == []


# --- article text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ['??? note "x"', '???+ note "x"', "??? danger", '!!! danger "x"', "!!! note", "=====", "# x", "1. x"],
)
def test_article_text_never_opens_a_block(text: str) -> None:
    html = soup(f"A line before.\n{escape_markdown(text)}\n{{: #p1 }}\n")
    assert not html.find(["details", "div", "h1", "ol", "ul"])
    assert html.find("p")["id"] == "p1"
    assert html.get_text().strip() == f"A line before.\n{text}"


# --- glossary ------------------------------------------------------------------------------------


def _article(text: str) -> SimpleNamespace:
    return SimpleNamespace(clean=SimpleNamespace(paragraphs=(SimpleNamespace(text=text),)))


def test_glossary_definition_reaches_the_tooltip_as_text() -> None:
    definition = '<meta http-equiv="refresh" content="0;url=https://evil.example"> & R&amp;D &#60;b&#62;'
    term = SimpleNamespace(term="Border Force", aliases=(), definition=definition)
    lines = "".join(f"*[{t}]: {d}\n" for t, d in abbreviations(_article("The Border Force said."), (term,)))
    title = soup(f"The Border Force said.\n\n{lines}").find("abbr")["title"]
    tooltip = BeautifulSoup(title, "html.parser")
    assert not tooltip.find(True)
    assert tooltip.get_text() == definition


def test_glossary_term_that_breaks_the_line_is_left_out() -> None:
    term = SimpleNamespace(term="a\\b", aliases=(), definition="<b>x</b>")
    assert abbreviations(_article("a\\b"), (term,)) == []


@pytest.mark.parametrize("term", ["back\\slash", "a[b", "line\nbreak", "tab\there", "nul\x00"])
def test_glossary_entry_refuses_terms_that_break_the_line(term: str) -> None:
    with pytest.raises(ValidationError, match="may not contain"):
        GlossaryEntry(term=term, definition="x")
    with pytest.raises(ValidationError, match="may not contain"):
        GlossaryEntry(term="ok", definition="x", aliases=[term])


def test_check_locates_a_backslash_in_a_glossary_term(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    glossary = project / "content" / "glossary.yaml"
    lines = glossary.read_text(encoding="utf-8").splitlines()
    lines += ["- term: small\\boat", "  definition: A boat."]
    glossary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_generator(project, "check")
    assert result.returncode != 0
    assert f"content/glossary.yaml:{len(lines) - 1}:" in result.stdout + result.stderr
    assert "may not contain [, ], \\, a line break or a control character" in result.stdout + result.stderr
