"""The whole-page security battery: untrusted text stays text everywhere on every page.

Every file in seeds/ and content/ may come from a stranger's pull request, and seed
text is scraped from the web. The rule: such text stays text EVERYWHERE on the page
(the head's <title>, meta description and author, Open Graph; the header; the
navigation; tags; the search index; tooltips), and anything that cannot be made safe
is a located error (`path:line: message`) that costs only its own file.

- Class A: one hostile copy of the project, built with `mkdocs build --strict`; every
  built HTML page is parsed whole (head included) and searched for live markup.
- Class B: one small project copy per input that cannot be made safe; `generator
  check` must print a located error for it, and a few representative non-strict
  builds must still build every other page and leave the bad file out.
- Class C: the Class A site served over HTTP and opened in Chromium; nothing may fire.

Decisions recorded here:
- "The theme's own" scripts are those with a src under the site's assets/javascripts/ or
  javascripts/, the application/json config block, and the inline scripts Material writes
  into every page of the untouched project's build (conftest's `built_site`).
- The five hang cases run side by side under one 30 s deadline, so a generator that still
  hangs costs the file 30 s, not 30 s a case.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, pagefind_fragments, run_generator
from generator.pages.views import person_slug

ROOT = Path(__file__).resolve().parent.parent
EVIL = "evil.example"
REFRESH = f'<meta http-equiv="refresh" content="0;url=https://{EVIL}/">'
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
LIVE_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction")

# --- Class A: the hostile project ----------------------------------------------------------------

TITLE_SEED = "seeds/950_hostile_title.txt"  # no sidecar: its first line is the title and description
TITLE_LINE = (
    'Ministers said</title><script>alert(1)</script> the plan " http-equiv="refresh" '
    'content="0;url=https://evil.example/" x=" would cost £5m to run.'
)
SIDECAR_SEED = "seeds/951_hostile_sidecar.txt"
SIDECAR_TITLE = "Title</title><script>alert(2)</script> \u202eReversed"
SIDECAR_SUMMARY = f'"><script>alert(4)</script> {REFRESH}'
TOPIC_TITLE = "Offshoring X</article><script>alert(5)</script>"
GLOSSARY_TERM = "pushback"
NOTES_TITLE = "Notes <script>alert(7)</script> Reversed"
NOTES_BODY = """\
A paragraph of notes with [a [b] c](javascript:alert(9)) in it.

A reference link [x][r] here.

[r]:
    javascript:alert(10)

A paragraph that an attribute list follows.
{ -x style="position:fixed;inset:0" href="https://evil.example/" }

A titled link [ok](https://example.org "<img src=x onerror=alert(11)>").

<script>alert(12)</script>

<iframe src="https://evil.example/"></iframe>
"""
CROSSINGS = (
    "Border Force officers intercepted three small boats in the Channel on Tuesday, the Home Office said.\n"
    "The government wants to send people who cross to a third country such as Rwanda for offshore processing, "
    "and critics said the pushback plan would put lives at risk at sea.\n"
)

HOSTILE_QUOTE = '"We will stop the boats and we will do it before the summer is out," said Jane Tester.'
HOSTILE_SPEAKER = 'Jane</title><script>alert(13)</script> "><img src=x onerror=alert(14)>'
HOSTILE_ROLE = '"><img src=x onerror=alert(15)> {: onclick=alert(16) }'
HOSTILE_ARRIVALS = (
    "More than 9,000 people crossed the Channel in 2021, the Home Office said."  # far from 2021's total
)
HOSTILE_OUTLET = "<img src=x onerror=alert(3)>"
HOSTILE_SOURCE = '</title></desc><script>alert(17)</script><a href="javascript:alert(18)">x</a>'
SPEAKER_PAGE = f"people/{person_slug(HOSTILE_SPEAKER)}/"
FORMULA_SEED = "seeds/952_formula.txt"  # no sidecar: its first line, a spreadsheet formula, is its title
FORMULA_LINE = (
    '=HYPERLINK("https://evil.example/","Click") Ministers said crossings would rise again this year.'
)
HOSTILE_EVENT = "<script>alert(17)</script> {: onclick=alert(18) } [x](javascript:alert(19))"
HOSTILE_EVENT_SOURCE = '"><img src=x onerror=alert(20)>'
HOSTILE_EVENT_URL = "https://example.org/report?a=1&b=%22%3E"
TIMELINE_YEAR_PAGE = "timeline/2024/index.html"

# Pages of the hostile site, relative to the site folder.
TITLE_PAGE = "articles/950-hostile-title/index.html"
SIDECAR_PAGE = "articles/hostile-sidecar/index.html"
TOPIC_PAGE = "topics/offshoring/index.html"
NOTES_PAGE = "notes/index.html"
TAGS_PAGE = "tags/index.html"
GLOSSARY_PAGE = "glossary/index.html"


def set_front_matter(path: Path, **values: str) -> None:
    """Replace (or add) top-level keys in the YAML front matter of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    lines = front.splitlines()
    for key, value in values.items():
        line = f"{key}: {json.dumps(value)}"
        index = next((i for i, old in enumerate(lines) if old.startswith(f"{key}:")), None)
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def plant_hostile(project: Path) -> None:
    """Plant every Class A payload (items 1-7 of the brief) in a copy of the project."""
    seeds, content = project / "seeds", project / "content"
    # 1. A seed without a sidecar: its first line becomes the title and meta description.
    (project / TITLE_SEED).write_text(
        f"{TITLE_LINE}\n{CROSSINGS}"
        # 6. Paragraphs that Markdown extensions would turn into collapsible blocks and admonitions.
        '??? note "x"\n'
        "Officials said the number of crossings had risen again this summer.\n"
        '!!! danger "y"\n'
        "Charities said more people had died trying to reach the UK by boat this year.\n",
        encoding="utf-8",
    )
    # 2. A seed with a hostile sidecar; its quote override gives a hostile speaker (a person page,
    # a quotation on the quotations page, a mark in the article text).
    (project / SIDECAR_SEED).write_text(
        CROSSINGS + f"{HOSTILE_QUOTE}\n{HOSTILE_ARRIVALS}\n", encoding="utf-8"
    )
    (content / "articles" / "hostile-sidecar.md").write_text(
        "---\n"
        f"seed: {SIDECAR_SEED.removeprefix('seeds/')}\n"
        f"title: {json.dumps(SIDECAR_TITLE)}\n"
        f"outlet: {json.dumps(HOSTILE_OUTLET)}\n"
        "published: 2024-05\n"
        "overrides:\n"
        "  quotes:\n"
        "    - quote: We will stop the boats\n"
        f"      speaker: {json.dumps(HOSTILE_SPEAKER)}\n"
        f"      role: {json.dumps(HOSTILE_ROLE)}\n"
        "  events:\n"  # the hostile title and outlet on the timeline, beside a dated sentence
        "    - text: Border Force officers intercepted three small boats\n"
        "      date: 2024-05-07\n"
        "---\n"
        f"{SIDECAR_SUMMARY}\n",
        encoding="utf-8",
    )
    # 2b. A title that a spreadsheet would run as a formula, for the CSV files of data/.
    (project / FORMULA_SEED).write_text(f"{FORMULA_LINE}\n{CROSSINGS}", encoding="utf-8")
    # 3. A topic title (a tag chip on every article under the topic) and description.
    set_front_matter(content / "topics" / "offshoring.md", title=TOPIC_TITLE, description=REFRESH)
    # 4. A glossary definition: a tooltip wherever the term appears in an article.
    glossary = content / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").rstrip("\n")
        + f"\n- term: {GLOSSARY_TERM}\n"
        + f"  definition: {json.dumps(REFRESH + ' <img src=x onerror=alert(6)>')}\n",
        encoding="utf-8",
    )
    # 4b. A curated event: its text and its source's title on the timeline and a topic page.
    (content / "events.yaml").write_text(
        "events:\n"
        "  - date: 2024-05-02\n"
        f"    text: {json.dumps(HOSTILE_EVENT)}\n"
        f"    source: {{title: {json.dumps(HOSTILE_EVENT_SOURCE)}, url: {json.dumps(HOSTILE_EVENT_URL)}}}\n"
        "    topics: [offshoring]\n",
        encoding="utf-8",
    )
    # 5 and 7. A hand-written page, with a bidi override in its title.
    (content / "notes.md").write_text(
        "---\n"
        f"title: {json.dumps(NOTES_TITLE)}\n"
        f"description: {json.dumps(chr(34) + '><script>alert(8)</script>')}\n"
        "---\n"
        f"{NOTES_BODY}",
        encoding="utf-8",
    )
    # 8. The official totals' title, publisher and source: the chart of crossings' SVG and its page.
    official = content / "official.yaml"
    text = official.read_text(encoding="utf-8")
    for key in ("  title: ", "    title: ", "    publisher: "):
        start = text.index("\n" + key) + 1
        end = text.index("\n", start)
        text = text[:start] + key + json.dumps(HOSTILE_SOURCE) + text[end:]
    official.write_text(text, encoding="utf-8")
    assert seeds.is_dir()


def copy_with_generator(target: Path) -> Path:
    """A project copy that MkDocs can build: copy_project plus the generator package (the hook)."""
    copy_project(target)
    shutil.copytree(ROOT / "generator", target / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def mkdocs_build(project: Path, out: Path, strict: bool, timeout: int = 120) -> subprocess.CompletedProcess:
    """`mkdocs build` of `project` into `out`, strict or not."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)] + (
        ["--strict"] if strict else []
    )
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile copy of the project, built once with `mkdocs build --strict`, which must pass."""
    project = copy_with_generator(tmp_path_factory.mktemp("battery") / "project")
    plant_hostile(project)
    out = project / "site"
    result = mkdocs_build(project, out, strict=True)
    assert result.returncode == 0, f"strict build of the hostile project failed:\n{result.stderr[-4000:]}"
    return out


def pages_of(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Every built HTML page of `site`, parsed whole, with its site-relative path."""
    for path in sorted(site.rglob("*.html")):
        yield (
            path.relative_to(site).as_posix(),
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"),
        )


def soup(site: Path, rel: str) -> BeautifulSoup:
    """One built page, parsed."""
    path = site / rel
    assert path.exists(), f"{rel} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def theme_inline_scripts(reference: Path) -> frozenset[str]:
    """The inline scripts Material itself writes: every inline script of `reference`, the untouched site."""
    return frozenset(
        script.get_text()
        for _, page in pages_of(reference)
        for script in page.find_all("script")
        if not script.get("src") and not script.get("type")
    )


def is_executable_inline(script) -> bool:
    """An inline <script> that a browser would run (no src, no data type such as application/json)."""
    kind = (script.get("type") or "").strip().lower()
    return not script.get("src") and kind in ("", "text/javascript", "module", "application/javascript")


def script_problem(rel: str, script, theme_scripts: frozenset[str]) -> str | None:
    """Why a <script> element is not the theme's own, or None when it is."""
    src = script.get("src")
    if src:
        resolved = urlsplit(urljoin("http://site.invalid/" + rel, src))
        if resolved.netloc == "site.invalid" and resolved.path.startswith(
            ("/assets/javascripts/", "/javascripts/")
        ):
            return None
        return f"script src={src!r}"
    if (script.get("type") or "").strip().lower() == "application/json":
        return None
    text = script.get_text()
    if "alert" in text:
        return f"inline script that runs {text.strip()[:80]!r}"
    if text in theme_scripts:
        return None
    return f"inline script that is not the theme's: {text.strip()[:80]!r}"


def url_problem(attribute: str, value: str) -> str | None:
    """Why an href/src/action/formaction value is live or leaves for the attacker's host, or None."""
    plain = re.sub(r"[\x00-\x20]", "", value).lower()
    if plain.startswith(LIVE_SCHEMES):
        return f"{attribute}={value!r}"
    if EVIL in plain:
        return f"{attribute}={value!r} points to {EVIL}"
    return None


def violations(rel: str, page: BeautifulSoup, theme_scripts: frozenset[str]) -> dict[str, list[str]]:
    """Every live thing on one page, by check (a)-(h) of the brief, each naming the page."""
    found: dict[str, list[str]] = {key: [] for key in "abcdefgh"}
    for script in page.find_all("script"):
        if (problem := script_problem(rel, script, theme_scripts)) is not None:
            found["a"].append(f"{rel}: {problem}")
    csp = 0
    for meta in page.find_all("meta", attrs={"http-equiv": True}):
        if meta["http-equiv"].strip().lower() == "content-security-policy" and csp == 0:
            csp += 1
            continue
        found["b"].append(f"{rel}: <meta http-equiv={meta['http-equiv']!r} content={meta.get('content')!r}>")
    for element in page.find_all(["iframe", "object", "embed", "frame", "img"]):
        if element.name != "img" or (element.get("src") or "").strip() == "x":
            found["c"].append(f"{rel}: <{element.name} src={element.get('src')!r}>")
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found["d"].append(f"{rel}: <{element.name} {name}={value!r}>")
            live = url_problem(name, value) if name.lower() in URL_ATTRIBUTES else None
            if live is not None:
                found["e"].append(f"{rel}: <{element.name} {live}>")
            if name.lower() == "style" and "position:fixed" in re.sub(r"\s", "", value.lower()):
                found["f"].append(f"{rel}: <{element.name} style={value!r}>")
            if name.lower() == "title" and "<" in value:
                found["g"].append(f"{rel}: <{element.name} title={value!r}>")
    places = [("<title>", page.title.get_text() if page.title else "")]
    places += [(f"<meta {meta.attrs}>", str(meta.get("content", ""))) for meta in page.find_all("meta")]
    places += [("header", header.get_text()) for header in page.select(".md-header")]
    for place, text in places:
        if BIDI.search(text):
            found["h"].append(
                f"{rel}: bidi control {BIDI.search(text).group()!r} in {place}: {text.strip()[:80]!r}"
            )
    return found


@pytest.fixture(scope="module")
def theme_scripts(built_site: Path) -> frozenset[str]:
    """Material's own inline scripts, read from the strict build of the untouched project (conftest)."""
    return theme_inline_scripts(built_site)


@pytest.fixture(scope="module")
def site_violations(hostile_site: Path, theme_scripts: frozenset[str]) -> dict[str, list[str]]:
    """The violations of every page of the hostile site, by check."""
    merged: dict[str, list[str]] = {key: [] for key in "abcdefgh"}
    for rel, page in pages_of(hostile_site):
        for key, found in violations(rel, page, theme_scripts).items():
            merged[key] += found
    return merged


def test_hostile_pages_were_built(hostile_site: Path) -> None:
    """Each hostile input still has its page (text is shown, not refused)."""
    missing = [
        rel
        for rel in (TITLE_PAGE, SIDECAR_PAGE, TOPIC_PAGE, NOTES_PAGE, TAGS_PAGE, GLOSSARY_PAGE)
        if not (hostile_site / rel).exists()
    ]
    assert missing == [], f"pages not built from the hostile project: {missing}"


CHECKS = {
    "a": "no <script> but the theme's own",
    "b": "no <meta http-equiv> but one Content-Security-Policy",
    "c": "no <iframe>, <object>, <embed> or <img src=x>",
    "d": "no on* event-handler attribute",
    "e": "no javascript:/data:/vbscript: URL and no link to evil.example",
    "f": "no style attribute with position:fixed",
    "g": "no title attribute (tooltip) holding '<'",
    "h": "no bidi control in <title>, meta content or the header",
}


@pytest.mark.parametrize("check", CHECKS, ids=[f"{k}-{v.split()[1]}" for k, v in CHECKS.items()])
def test_every_page_is_free_of_live_markup(site_violations: dict[str, list[str]], check: str) -> None:
    """Checks (a)-(h) on every built page of the hostile site, head included."""
    found = site_violations[check]
    assert found == [], f"{CHECKS[check]}; found {len(found)}:\n" + "\n".join(found[:40])


def test_search_index_holds_hostile_text_as_text(hostile_site: Path) -> None:
    """Pagefind's index holds a page's text as JSON strings, as the reader sees it: each payload
    that a page shows as text is in the index as that same text (not dropped as markup, not parsed)."""
    assert not (hostile_site / "search").exists()
    pages = {page["url"]: page for page in pagefind_fragments(hostile_site)}
    sidecar, speaker = pages["/articles/hostile-sidecar/"], pages["/" + SPEAKER_PAGE]
    assert "<img src=x onerror=alert(3)>" in sidecar["content"]  # the outlet
    assert sidecar["meta"]["title"].startswith("Title</title><script>alert(2)</script>")
    assert speaker["meta"]["title"] == HOSTILE_SPEAKER
    assert "onerror=alert(6)" in pages["/glossary/"]["content"]
    assert pages["/notes/"]["meta"]["title"].startswith("Notes <script>alert(7)</script>")
    for page in pages.values():
        assert all(isinstance(page[key], str) for key in ("url", "content")), page["url"]
        assert all(isinstance(value, str) for value in page["meta"].values()), page["url"]


def test_the_search_script_never_parses_text_as_html() -> None:
    """What the index returns reaches the page through textContent and text nodes only."""
    script = (ROOT / "generator" / "theme" / "javascripts" / "search.js").read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "createContextualFragment",
    ):
        assert sink not in script, sink


def test_payloads_are_visible_as_text(hostile_site: Path) -> None:
    """The hostile words are shown to the reader, literally, where they belong."""
    problems = []

    def expect(rel: str, where: str, needle: str) -> None:
        page = soup(hostile_site, rel)
        element = page.select_one(where)
        text = element.get_text(" ") if element is not None else ""
        if needle not in text:
            problems.append(f"{rel}: {where} does not show {needle!r} (it shows {text.strip()[:120]!r})")

    expect(SIDECAR_PAGE, "article h1", "Title</title><script>alert(2)</script>")
    expect(SIDECAR_PAGE, "title", "Title</title>")
    expect(SIDECAR_PAGE, "article", "<img src=x onerror=alert(3)>")
    expect(SIDECAR_PAGE, "article", "<script>alert(4)</script>")
    expect(TITLE_PAGE, "article h1", "Ministers said</title><script>alert(1)</script>")
    expect(TITLE_PAGE, "title", "Ministers said</title>")
    expect(TITLE_PAGE, "article", '??? note "x"')
    expect(TITLE_PAGE, "article", '!!! danger "y"')
    expect(TOPIC_PAGE, "article h1", TOPIC_TITLE)
    expect(NOTES_PAGE, "article h1", "Notes <script>alert(7)</script>")
    expect(NOTES_PAGE, "article", "javascript:alert(9)")
    expect(NOTES_PAGE, "article", "<script>alert(12)</script>")
    assert problems == [], "\n".join(problems)


def test_topic_title_is_text_where_articles_name_it(hostile_site: Path) -> None:
    """The hostile topic title is text on the article filed under it and on the topics index."""
    problems = []
    for rel in (TITLE_PAGE, "topics/index.html"):
        text = soup(hostile_site, rel).get_text(" ")
        if TOPIC_TITLE not in text:
            problems.append(f"{rel}: the topic title {TOPIC_TITLE!r} is not shown as text")
    assert problems == [], "\n".join(problems)


def test_seed_paragraphs_do_not_become_admonitions(hostile_site: Path) -> None:
    """`??? note "x"` and `!!! danger "y"` in a seed stay paragraphs: no collapsible block, no admonition."""
    article = soup(hostile_site, TITLE_PAGE).select_one("article")
    planted = ("x", "y")  # the titles the seed gives its would-be blocks; the page's own boxes have others
    admonitions = [
        a
        for a in article.select(".admonition")
        if a.select_one(".admonition-title").get_text().strip() in planted
    ]
    details = [
        d for d in article.find_all("details") if d.summary and d.summary.get_text().strip() in planted
    ]
    boxes = [str(element)[:100] for element in admonitions + details]
    assert boxes == [], f"{TITLE_PAGE}: seed text became admonitions/details: {boxes}"


def test_glossary_definition_is_shown_as_text(hostile_site: Path) -> None:
    """The hostile definition is listed on the glossary page literally, and never as markup."""
    page = soup(hostile_site, GLOSSARY_PAGE)
    assert "onerror=alert(6)" in page.select_one("article").get_text(" "), (
        f"{GLOSSARY_PAGE}: the definition of {GLOSSARY_TERM!r} is not shown as text"
    )


# --- Class A, item 8: the Content-Security-Policy -------------------------------------------------


def policy_of(page: BeautifulSoup) -> dict[str, list[str]]:
    """The page's CSP <meta> as {directive: [sources]}; {} when there is none."""
    meta = page.find("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if meta is None:
        return {}
    policy = {}
    for part in meta["content"].split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = words[1:]
    return policy


def sha256_source(text: str) -> str:
    """The CSP source expression that allows an inline script with this exact text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def test_every_page_has_a_strict_policy_allowing_only_the_theme_scripts(hostile_site: Path) -> None:
    """A CSP on every page; no unsafe-inline/eval; each inline script allowed by hash, none with `alert`."""
    problems = []
    for rel, page in pages_of(hostile_site):
        policy = policy_of(page)
        if not policy:
            problems.append(f"{rel}: no Content-Security-Policy <meta>")
            continue
        scripts = policy.get("script-src", policy.get("default-src", []))
        unsafe = [s for s in scripts if s.lower() in ("'unsafe-inline'", "'unsafe-eval'")]
        if unsafe:
            problems.append(f"{rel}: script-src allows {unsafe}")
        for script in filter(is_executable_inline, page.find_all("script")):
            text = script.get_text()
            allowed = sha256_source(text) in scripts
            if "alert" in text and allowed:
                problems.append(f"{rel}: the policy allows the planted script {text.strip()[:60]!r}")
            elif "alert" not in text and not allowed:
                problems.append(f"{rel}: the policy blocks the theme's script {text.strip()[:60]!r}")
    assert problems == [], "\n".join(problems[:40])


def test_policy_does_not_depend_on_page_content(hostile_site: Path) -> None:
    """Pages of one kind at one folder depth (every article, every topic) get one and the same policy."""
    problems = []
    for folder in ("articles", "topics"):
        policies = {
            rel: policy_of(soup(hostile_site, rel)).get("script-src")
            for rel in (
                p.relative_to(hostile_site).as_posix()
                for p in sorted((hostile_site / folder).glob("*/index.html"))
            )
        }
        distinct = {json.dumps(v) for v in policies.values()}
        if len(distinct) > 1:
            odd = [rel for rel, v in policies.items() if v != policies[next(iter(policies))]]
            problems.append(
                f"{folder}/: {len(distinct)} different script-src policies; differing pages: {odd}"
            )
    assert problems == [], "\n".join(problems)


# --- Class B: inputs that cannot be made safe are located errors --------------------------------

EXTRA = "content/extra.md"  # a planted hand-written page


def put(rel: str, text: str) -> Callable[[Path], None]:
    """Write `text` to `rel` in the project (folders made)."""

    def plant(project: Path) -> None:
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")

    return plant


def append(rel: str, text: str) -> Callable[[Path], None]:
    """Append `text` (after a newline) to `rel` in the project."""

    def plant(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")

    return plant


def page_with(front: str, body: str = "Some notes.\n") -> Callable[[Path], None]:
    """A hand-written page content/extra.md with `title: Extra` on line 2 and `front` from line 3."""
    return put(EXTRA, f"---\ntitle: Extra\n{front}---\n{body}")


def line_of(project: Path, rel: str, needle: str) -> int:
    """The 1-based line number of the first line of `rel` holding `needle`."""
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def error_lines(output: str) -> list[str]:
    """The printed problems that are errors (not warnings)."""
    return [
        line
        for line in output.splitlines()
        if re.match(r"^\S.*?:\d+(:\d+)?: ", line) and ": warning: " not in line
    ]


def run_check(project: Path, timeout: int = 30) -> tuple[subprocess.CompletedProcess, float]:
    """`python -m generator check`, failing the test if it does not finish within `timeout` seconds."""
    started = time.perf_counter()
    try:
        result = run_generator(project, "check", timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`generator check` did not finish within {timeout} s")
    return result, time.perf_counter() - started


def assert_located(result: subprocess.CompletedProcess, rel: str, line: int | None) -> None:
    """`check` exited 1 and printed an error located at `rel` (and at `line`, when given)."""
    errors = error_lines(result.stdout + "\n" + result.stderr)
    prefix = f"{rel}:{line}:" if line is not None else f"{rel}:"
    assert "Traceback" not in result.stderr, f"{rel}: check crashed:\n{result.stderr[-2000:]}"
    assert any(e.startswith(prefix) for e in errors), (
        f"no located error `{prefix} ...` for {rel}; check exited {result.returncode} and printed:\n"
        + (result.stdout + "\n" + result.stderr).strip()[-1500:]
    )
    assert result.returncode == 1, f"check exited {result.returncode} despite the error for {rel}"


REFUSED_KEYS = {
    "bidi-in-description": ("description: 'Notes \u202eReversed'\n", "description:"),  # an error
    "template-redirect": (f"template: redirect.html\nlocation: https://{EVIL}/\n", "template:"),
    "subtitle": ("subtitle: '<script>alert(1)</script>'\n", "subtitle:"),
    "status": ("status: new\n", "status:"),
    "icon": ("icon: material/alert\n", "icon:"),
    "hide": ("hide: [everything]\n", "hide:"),
}


@pytest.mark.parametrize("case", REFUSED_KEYS)
def test_front_matter_keys_the_theme_acts_on_are_refused(tmp_path: Path, case: str) -> None:
    """A hand-written page may not set keys the theme acts on (redirects, subtitles, icons, hiding)."""
    front, key = REFUSED_KEYS[case]
    project = copy_project(tmp_path / "project")
    page_with(front)(project)
    result, _ = run_check(project)
    assert_located(result, EXTRA, line_of(project, EXTRA, key))


def test_redirect_page_is_not_published_and_the_rest_is(tmp_path: Path) -> None:
    """A non-strict build leaves the page with `template: redirect.html` out and builds every other page."""
    project = copy_with_generator(tmp_path / "project")
    page_with(REFUSED_KEYS["template-redirect"][0])(project)
    out = tmp_path / "site"
    result = mkdocs_build(project, out, strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_other_pages_built(out)
    extra = out / "extra" / "index.html"
    assert not extra.exists() or EVIL not in extra.read_text(encoding="utf-8"), (
        "extra/index.html was published as a redirect to evil.example"
    )


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)


def test_yaml_alias_bomb_in_front_matter_is_a_located_error(tmp_path: Path) -> None:
    """Nine levels of YAML aliases in a page's front matter: a located error, fast, and no giant page."""
    project = copy_with_generator(tmp_path / "project")
    page_with(BOMB)(project)
    result, _ = run_check(project)
    assert_located(result, EXTRA, None)
    out = tmp_path / "site"
    try:
        build = mkdocs_build(project, out, strict=False, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("mkdocs build of a page with a YAML alias bomb did not finish within 30 s")
    assert build.returncode == 0, build.stderr[-2000:]
    giant = [p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.stat().st_size > 2_000_000]
    assert giant == [], f"pages blown up by the alias bomb: {giant}"


BAD_SEED = 'seeds/zq"><meta http-equiv=refresh content="0;url=\\\\evil\\p">.txt'
BAD_PAGE = 'content/x"onmouseover=alert(1).md'


def plant_bad_names(project: Path) -> None:
    """A seed and a hand-written page whose file names are markup."""
    put(BAD_SEED, CROSSINGS)(project)
    put(BAD_PAGE, "---\ntitle: Hover\n---\nA page named to break out of an attribute.\n")(project)


def test_unsafe_file_names_are_located_errors(tmp_path: Path) -> None:
    """A file name holding `"`, `<` or `>` is an error naming the file."""
    project = copy_project(tmp_path / "project")
    plant_bad_names(project)
    result, _ = run_check(project)
    errors = error_lines(result.stdout + "\n" + result.stderr)
    for rel, start in ((BAD_SEED, "seeds/zq"), (BAD_PAGE, "content/x")):
        assert any(e.startswith(start) for e in errors), (
            f"no error naming {rel!r}; check exited {result.returncode}:\n{(result.stdout + result.stderr).strip()[-1500:]}"
        )
    assert result.returncode == 1


def test_unsafe_file_names_build_no_page_and_no_broken_edit_link(tmp_path: Path, theme_scripts) -> None:
    """A non-strict build publishes nothing from the bad names; no edit link carries a raw `"` or `<`."""
    project = copy_with_generator(tmp_path / "project")
    plant_bad_names(project)
    out = tmp_path / "site"
    result = mkdocs_build(project, out, strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_other_pages_built(out)
    published = [
        p.relative_to(out).as_posix() for p in out.rglob("*") if re.search(r'["<>]|onmouseover|zq', p.name)
    ]
    assert published == [], f"pages built from unsafe file names: {published}"
    problems = []
    for rel, page in pages_of(out):
        for link in page.find_all("a", href=True):
            if "/edit/" in link["href"] and re.search(r'["<>]', link["href"]):
                problems.append(f"{rel}: edit link {link['href']!r}")
        for key, found in violations(rel, page, theme_scripts).items():
            problems += [f"({key}) {f}" for f in found if key in "bde"]
    assert problems == [], "\n".join(problems[:30])


def theme_bundle() -> Path:
    """Material's real JavaScript bundle, as installed in the venv."""
    import material

    found = sorted(
        (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    )
    assert found, "Material's bundle not found in the venv"
    return found[0]


NOT_CONTENT = {
    "content/x.html": "<html><body><script>alert(1)</script></body></html>\n",
    "content/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
    "content/javascripts/evil.js": "alert(1);\n",
}


def test_non_content_files_are_refused_and_the_theme_bundle_is_untouched(tmp_path: Path) -> None:
    """HTML, SVG and JavaScript in content/ (including a file shadowing the theme's bundle) are errors, never published."""
    project = copy_with_generator(tmp_path / "project")
    bundle = theme_bundle()
    planted = {**NOT_CONTENT, f"content/assets/javascripts/{bundle.name}": "alert('shadowed bundle');\n"}
    for rel, text in planted.items():
        put(rel, text)(project)
    result, _ = run_check(project)
    errors = error_lines(result.stdout + "\n" + result.stderr)
    missing = [rel for rel in planted if not any(e.startswith(f"{rel}:") for e in errors)]
    out = tmp_path / "site"
    build = mkdocs_build(project, out, strict=False)
    assert build.returncode == 0, build.stderr[-2000:]
    published = [rel for rel in planted if (out / rel.removeprefix("content/")).exists()]
    published = [rel for rel in published if not rel.endswith(bundle.name)]
    same = (out / "assets" / "javascripts" / bundle.name).read_bytes() == bundle.read_bytes()
    assert (missing, published, same, result.returncode) == ([], [], True, 1), (
        f"files without a located error: {missing}; published: {published}; "
        f"theme bundle byte-identical to the installed one: {same}; check exit {result.returncode}"
    )


SECRET = "SECRET-battery-7f3a"


def plant_links(project: Path) -> dict[str, str]:
    """Three symlinks: out of content/, out of the project, and one inside the project; their paths."""
    (project / "secret.txt").write_text(f"token = {SECRET}\n", encoding="utf-8")
    outside = project.parent / "outside.txt"
    outside.write_text(f"{CROSSINGS}The {SECRET} is here.\n", encoding="utf-8")
    os.symlink("../secret.txt", project / "content" / "leak.txt")
    os.symlink(outside, project / "seeds" / "x.txt")
    os.symlink("about.md", project / "content" / "inner.md")
    return {"content/leak.txt": "leak.txt", "seeds/x.txt": "x", "content/inner.md": "inner"}


def test_symlinks_are_refused_and_never_published_or_exported(tmp_path: Path) -> None:
    """Each symlink (even one pointing inside the project) is a located error; neither the site nor export copies it."""
    project = copy_with_generator(tmp_path / "project")
    links = plant_links(project)
    result, _ = run_check(project)
    errors = error_lines(result.stdout + "\n" + result.stderr)
    missing = [rel for rel in links if not any(e.startswith(f"{rel}:") for e in errors)]
    out = tmp_path / "site"
    build = mkdocs_build(project, out, strict=False)
    assert build.returncode == 0, build.stderr[-2000:]
    assert_other_pages_built(out)
    published = [
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file()
        and (
            p.name == "leak.txt"
            or p.parent.name in ("inner", "x")
            or SECRET in p.read_text("utf-8", "replace")
        )
    ]
    exported_to = tmp_path / "export"
    run_generator(project, "export", "--out", str(exported_to), timeout=60)
    exported = [
        p.relative_to(exported_to).as_posix()
        for p in exported_to.rglob("*")
        if p.is_file()
        and (p.name in ("leak.txt", "inner.md", "x.md", "x.txt") or SECRET in p.read_text("utf-8", "replace"))
    ]
    assert (missing, published, exported) == ([], [], []), (
        f"symlinks without a located error: {missing}; published: {published}; exported: {exported}"
    )


HANG = r"(?:\w+\s?)+$"
NESTED_LINKS = "[x](" * 1600


def replace_first_pattern(rel: str, pattern: str) -> Callable[[Path], None]:
    """Replace the first `pattern:` value in a YAML-fronted topic file with `pattern`."""

    def plant(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"pattern: .*", lambda _: f"pattern: '{pattern}'", text, count=1), encoding="utf-8"
        )

    return plant


HANG_CASES: dict[str, tuple[Callable[[Path], None], str, str | None]] = {
    "topic-pattern": (
        replace_first_pattern("content/topics/offshoring.md", HANG),
        "content/topics/offshoring.md",
        None,
    ),
    "junk-pattern": (
        append("content/junk.yaml", f"- name: hang\n  where: line\n  pattern: '{HANG}'\n"),
        "content/junk.yaml",
        None,
    ),
    "outlet-signal": (
        append(
            "content/outlets.yaml",
            f"- name: Hang Times\n  signals:\n    - {{pattern: '{HANG}', weight: 1}}\n",
        ),
        "content/outlets.yaml",
        None,
    ),
    "topic-intro-links": (
        append("content/topics/offshoring.md", NESTED_LINKS + "\n"),
        "content/topics/offshoring.md",
        "build",
    ),
    "page-body-links": (page_with("", NESTED_LINKS + "\n"), EXTRA, "build"),
}


@pytest.fixture(scope="module")
def hang_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[str, tuple[int | None, str, float]]]:
    """Every hang case's `check` (and non-strict build, where listed), all run at once with one 30 s deadline.

    Run side by side so that a generator that still hangs costs the file 30 s, not 30 s a case.
    Each result is (exit status or None when killed at the deadline, output, seconds).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    running: dict[tuple[str, str], subprocess.Popen] = {}
    started = time.perf_counter()
    for case, (plant, _, build) in HANG_CASES.items():
        project = copy_with_generator(tmp_path_factory.mktemp(f"hang-{case}") / "project")
        plant(project)
        commands = {"check": [sys.executable, "-m", "generator", "check"]}
        if build:
            commands["build"] = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")]
        for kind, command in commands.items():
            running[case, kind] = subprocess.Popen(
                command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
    results: dict[str, dict[str, tuple[int | None, str, float]]] = {case: {} for case in HANG_CASES}
    for (case, kind), process in running.items():
        try:
            output, _ = process.communicate(timeout=max(0.1, started + 30 - time.perf_counter()))
            results[case][kind] = (process.returncode, output, time.perf_counter() - started)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
            results[case][kind] = (None, output, time.perf_counter() - started)
    return results


@pytest.mark.parametrize("case", HANG_CASES)
def test_catastrophic_inputs_finish_fast(hang_runs, case: str) -> None:
    """Backtracking regexes and nested brackets: within 30 s, either accepted as text or a located error."""
    _, rel, _ = HANG_CASES[case]
    for kind, (status, output, _seconds) in hang_runs[case].items():
        what = "`generator check`" if kind == "check" else "`mkdocs build` (not strict)"
        assert status is not None, f"{case}: {what} did not finish within 30 s (planted in {rel})"
        assert "Traceback" not in output, f"{case}: {what} crashed:\n{output[-2000:]}"
        if kind == "check" and status != 0:
            assert_located(subprocess.CompletedProcess([], status, output, ""), rel, None)
        if kind == "build":
            assert status == 0, f"{case}: the non-strict build failed:\n{output[-2000:]}"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", 'https://x.org/"onmouseover=alert(1)'],
)
def test_a_curated_event_address_that_is_not_a_plain_web_address_is_a_located_error(
    tmp_path: Path, url: str
) -> None:
    """A curated event's source address is printed as a link target: only a plain http(s) address passes."""
    project = copy_project(tmp_path / "project")
    append(
        "content/events.yaml",
        f"  - date: 2024-05-02\n    text: An event.\n    source:\n      title: A page\n      url: {json.dumps(url)}\n",
    )(project)
    result, _ = run_check(project)
    assert_located(result, "content/events.yaml", line_of(project, "content/events.yaml", json.dumps(url)))


def test_glossary_term_with_a_backslash_is_a_located_error(tmp_path: Path) -> None:
    """A backslash in a glossary term (it is printed raw into an abbreviation line) is an error at its line."""
    project = copy_project(tmp_path / "project")
    append("content/glossary.yaml", "- term: 'back\\slash'\n  definition: A term with a backslash in it.\n")(
        project
    )
    result, _ = run_check(project)
    assert_located(result, "content/glossary.yaml", line_of(project, "content/glossary.yaml", "back\\slash"))


def assert_other_pages_built(out: Path) -> None:
    """A non-strict build still built the home page, every existing article and topic, and the hand-written pages."""
    expected = [
        "index.html",
        "about/index.html",
        "glossary/index.html",
        "tags/index.html",
        "topics/offshoring/index.html",
    ]
    expected += [f"articles/{p.stem}/index.html" for p in (ROOT / "content" / "articles").glob("*.md")]
    missing = [rel for rel in expected if not (out / rel).exists()]
    assert missing == [], f"the bad file cost other pages: {missing}"


# --- Class C: in the browser ---------------------------------------------------------------------

BROWSER_PAGES = [
    "",
    "articles/950-hostile-title/",
    "articles/hostile-sidecar/",
    "topics/offshoring/",
    "tags/",
    "notes/",
    "glossary/",
    "figures/crossings/",
    "figures/arrivals/2021/",
    SPEAKER_PAGE,
    "quotes/",
    "quotes/2024/",
    "articles/2024/",
    "people/",
    "timeline/",
    "timeline/2024/",
]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push({
  directive: e.violatedDirective, blocked: e.blockedURI, line: e.lineNumber, sample: e.sample,
}));
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    """The hostile site served over HTTP on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, with the offline-safe flags of test_browser.py."""
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, FLAGS

    assert shutil.which(CHROMIUM), "Chromium is missing: `make test` installs it with apt-get"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def classify_violation(source_lines: list[str], violation: dict) -> str:
    """'attack' for a blocked inline script/handler holding `alert`, else 'theme' (the theme's own code blocked) or 'other'."""
    if violation["blocked"] not in ("inline", "eval"):
        return "other"
    line = source_lines[violation["line"] - 1] if 0 < violation["line"] <= len(source_lines) else ""
    return "attack" if "alert" in line or "alert" in (violation.get("sample") or "") else "theme"


def reader_session(browser, base: str, site: Path, path: str) -> dict[str, list[str]]:
    """Open one page, hover its tooltips, search twice; everything that fired, by kind."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    url = base + path
    fired: dict[str, list[str]] = {
        "dialog": [],
        "navigation": [],
        "request": [],
        "csp": [],
        "console": [],
        "search": [],
    }

    def on_dialog(dialog) -> None:
        fired["dialog"].append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_navigation(frame) -> None:
        if frame == page.main_frame and frame.url.split("#")[0].split("?")[0] != url:
            fired["navigation"].append(frame.url)

    def on_request(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in (
            "127.0.0.1",
            "api.github.com",
        ):
            fired["request"].append(request.url)

    def on_console(message) -> None:
        if "Content Security Policy" in message.text and "api.github.com" not in message.text:
            fired["console"].append(message.text[:200])

    page.on("dialog", on_dialog)
    page.on("framenavigated", on_navigation)
    page.on("request", on_request)
    page.on("console", on_console)
    page.goto(url)
    page.wait_for_timeout(300)
    for element in page.locator("article abbr, article [title]").all()[:40]:
        try:
            element.hover(timeout=1000)
            page.wait_for_timeout(100)
        except PlaywrightTimeout:
            pass
    page.wait_for_timeout(600)  # the last tooltip has time to open
    try:
        page.locator("label.md-search__icon, .md-search__input").first.click()
        box = page.locator("input.md-search__input")
        for word in ("the", "alert"):
            box.fill("")
            box.press_sequentially(word, delay=30)
            with contextlib.suppress(PlaywrightTimeout):
                page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=5000)
            page.wait_for_timeout(600)
            for item in page.locator(".md-search-result__item [title], .md-search-result__item abbr").all()[
                :10
            ]:
                with contextlib.suppress(PlaywrightTimeout):
                    item.hover(timeout=1000)
    except PlaywrightTimeout as err:
        fired["search"].append(f"the search box could not be used: {str(err).splitlines()[0]}")
    page.wait_for_timeout(300)
    recorded = page.evaluate("window.__violations || []") if not fired["navigation"] else []
    html = site / (path + "index.html" if path.endswith("/") or not path else path)
    source = html.read_text(encoding="utf-8").splitlines() if html.exists() else []
    for violation in recorded:
        kind = classify_violation(source, violation)
        fired["csp"].append(
            f"{kind}: {violation['directive']} blocked {violation['blocked']} at line {violation['line']}"
        )
    context.close()
    return fired


@pytest.mark.parametrize("path", BROWSER_PAGES, ids=[p or "home" for p in BROWSER_PAGES])
def test_nothing_fires_in_the_browser(browser, hostile_url: str, hostile_site: Path, path: str) -> None:
    """No alert, no navigation away, no request to a foreign host, no CSP violation but a blocked attack."""
    fired = reader_session(browser, hostile_url, hostile_site, path)
    blocked_attacks = [v for v in fired["csp"] if v.startswith("attack:")]
    inline_refusals = [m for m in fired["console"] if "inline" in m.lower()]
    bad = {
        "alerts": fired["dialog"],
        "navigations away": fired["navigation"],
        "foreign requests": fired["request"],
        "CSP violations other than blocked attacks": [v for v in fired["csp"] if not v.startswith("attack:")],
        "CSP console refusals not of inline code": [m for m in fired["console"] if m not in inline_refusals],
        "reader actions that failed": fired["search"],
    }
    bad = {kind: found for kind, found in bad.items() if found}
    assert bad == {}, f"/{path} (blocked attacks, tolerated: {blocked_attacks}): {bad}"


def test_searching_hostile_words_shows_them_as_text(browser, hostile_url: str) -> None:
    """Results for the payloads' words show titles and excerpts holding the payloads as text:
    no element made from them, nothing fired."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url)
    box = page.locator("input.md-search__input")
    box.press_sequentially("onerror", delay=30)
    results = page.locator(".md-search-result")
    page.locator(".md-search-result__item a").first.wait_for(state="visible")
    page.wait_for_timeout(500)
    text = results.inner_text()
    assert "<img src=x onerror=alert(" in text
    box.fill("")
    box.press_sequentially("script", delay=30)
    page.locator(".md-search-result__item h1", has_text="<script>alert(").first.wait_for(state="visible")
    page.wait_for_timeout(500)
    made = page.evaluate(
        "() => document.querySelectorAll('.md-search-result img, .md-search-result script,"
        " .md-search-result iframe, .md-search-result meta, .md-search-result [onerror]').length"
    )
    violations = page.evaluate("window.__violations || []")
    context.close()
    assert (dialogs, made, violations) == ([], 0, [])


def test_a_hostile_speaker_gets_a_page_of_plain_text(hostile_site: Path) -> None:
    """An editor's quote override names the speaker: their page, the year's quotations page and the article
    show the name and role as text, and the head holds them as text."""
    page = soup(hostile_site, SPEAKER_PAGE + "index.html")
    assert HOSTILE_SPEAKER in page.select_one("article h1").get_text()
    assert page.title.get_text().startswith(HOSTILE_SPEAKER)
    quotes = soup(hostile_site, "quotes/2024/index.html").select_one("article").get_text(" ")
    assert HOSTILE_SPEAKER in quotes and "We will stop the boats" in quotes
    article = soup(hostile_site, SIDECAR_PAGE).select_one("article")
    assert HOSTILE_SPEAKER in article.get_text(" ") and "onclick=alert(16)" in article.get_text(" ")


def test_hostile_events_are_text_on_the_timeline_and_the_topic_page(hostile_site: Path) -> None:
    """A curated event's text and source title, and an article's hostile title beside its dated
    sentence, are text on the year page and the topic page; the source link keeps its address."""
    for rel in (TIMELINE_YEAR_PAGE, TOPIC_PAGE):
        article = soup(hostile_site, rel).select_one("article")
        text = article.get_text(" ")
        assert HOSTILE_EVENT in text and HOSTILE_EVENT_SOURCE in text, rel
        links = [a for a in article.find_all("a") if HOSTILE_EVENT_SOURCE in a.get_text()]
        assert [a["href"] for a in links] == [HOSTILE_EVENT_URL], rel
    year = soup(hostile_site, TIMELINE_YEAR_PAGE).select_one("article").get_text(" ")
    assert "Title</title><script>alert(2)</script>" in year and "corrected by an editor" in year


def test_the_feed_holds_hostile_titles_as_text(hostile_site: Path) -> None:
    """The Atom feed is XML built by ElementTree: a hostile title is one text node, nothing more."""
    import xml.etree.ElementTree as ET

    feed = ET.parse(hostile_site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert SIDECAR_TITLE.replace("\u202e", "") in titles or SIDECAR_TITLE in titles, titles
    assert all(element.tag.startswith("{http://www.w3.org/2005/Atom}") for element in feed.iter())


def test_the_open_data_holds_hostile_text_as_text_and_no_formula(hostile_site: Path) -> None:
    """data/: the JSON files hold hostile titles and speakers exactly; no CSV cell starts a formula,
    and the formula title is in its CSV cell behind a `'`."""
    import csv

    from generator.pages.data import FORMULA_START

    data = hostile_site / "data"
    articles = json.loads((data / "articles.json").read_text(encoding="utf-8"))
    titles = {row["title"] for row in articles}
    formula = next(title for title in titles if title.startswith("=HYPERLINK"))
    sidecar_title = SIDECAR_TITLE.replace("\u202e", "")  # the title loses its bidi control on input
    assert sidecar_title in titles and formula in FORMULA_LINE
    speakers = {row["speaker"] for row in json.loads((data / "quotations.json").read_text(encoding="utf-8"))}
    assert HOSTILE_SPEAKER in speakers
    cells = [
        cell
        for path in sorted(data.glob("*.csv"))
        for row in csv.reader(path.read_text(encoding="utf-8").splitlines(keepends=True))
        for cell in row
    ]
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    assert "'" + formula in cells and sidecar_title in cells


def test_hostile_text_in_the_chart_of_crossings_stays_text(hostile_site: Path) -> None:
    """The chart's SVG names a far figure by its hostile outlet and describes the official totals by
    their hostile title: each stays one text node; the figures page lists the outlet as text."""
    page = soup(hostile_site, "figures/crossings/index.html")
    svg = page.select_one("svg.crossings-chart")
    assert svg is not None and not svg.find_all(["script", "img", "foreignobject"])
    assert HOSTILE_SOURCE in svg.find("desc").get_text()
    [far] = [a for a in svg.find_all("a") if HOSTILE_OUTLET in a.get("aria-label", "")]
    assert (
        far.get("href") == "../../articles/hostile-sidecar/#p4"
        and far.find("path")["class"][-1] == "chart-point--far"
    )
    assert HOSTILE_SOURCE in page.select_one("article").get_text(" ")
    year = soup(hostile_site, "figures/arrivals/2021/index.html").select_one("article")
    assert HOSTILE_OUTLET in year.get_text(" ") and not year.find_all("img")
