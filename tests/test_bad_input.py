"""The bad-input battery: what a contributor sees when a seed or a content file is broken.

Every file in seeds/ and content/ arrives in a pull request from a stranger, and
scraped text is messy. For each bad input a copy of the project is made in
tmp_path, the input planted, and the user's view asserted: the exact
`path:line[:col]: message` lines of `python -m generator check` (and of
`python -m generator annotate FILE` for seeds), the exit status, and no
Python traceback. A representative subset is also built with
`mkdocs build --strict`, which must fail on errors (pass on warnings) while every
other article page is still generated.

Decisions recorded here:
- An empty or whitespace-only seed is an error at line 1 ("seed is empty"): an
  article page with no text is never what a contributor meant. The file is left
  out; every other article is built.
- A UTF-8 BOM, CRLF and lone CR line endings are accepted and read exactly like LF.
- A line over `textfile.MAX_LINE_CHARS` (100,000 characters) is refused, so a
  file that lost its line breaks cannot make the annotator crawl.
- Zero-width and bidi control characters in an article's text are a warning
  (printed by `check`, which still exits 0; logged at INFO by the MkDocs hook, so
  strict builds pass); they never reach a slug or a page title.
- An article with no prose (every line page junk, or no sentence anywhere) is a
  warning, and its page is still built, listing the removed lines.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_project, run_generator, run_mkdocs_build
from generator import build_site
from generator.inputs.textfile import MAX_BYTES, MAX_LINE_CHARS

ROOT = Path(__file__).resolve().parent.parent
NEW = "seeds/900_new.txt"  # a planted seed without a sidecar: its page is articles/900-new.md
SEED = "000_d65c76bf8f280237.txt"
SIDECAR = "content/articles/government-review-channel-crossings-offshoring-2021.md"  # the sidecar of SEED
PROSE = (
    "French police stopped three boats leaving beaches near Dunkirk before dawn on Tuesday, officials said.\n"
    "\n"
    "\u201cWe cannot stop every boat, but we stop more than we did,\u201d a spokeswoman for the prefecture said.\n"
)
PROSE_BYTES = len(PROSE.encode("utf-8"))
SLUG_CHARS = "lower-case letters, digits and hyphens"
RESERVED = "is reserved on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9) and cannot be checked out there; rename the file"
OUTSIDE = "file is a link to a file outside the project; copy the file into the project instead"
INSIDE = (
    "file is a link; links in seeds/ and content/ are never followed or published, "
    "wherever they point: copy the file instead"
)
NAME_CHARS = "letters, digits, `-`, `_` and `.`"
KNOWLEDGE = "entities.yaml, events.yaml, glossary.yaml, junk.yaml, official.yaml, outlets.yaml, units.yaml"
NOT_CONTENT = (
    "content/ holds Markdown, YAML and images (.png, .jpg, .gif, .webp, .avif); `{}` is not published "
    "(scripts, stylesheets, HTML and SVG are the theme's, in generator/theme/)"
)
EMPTY = "there is no article text; paste the article in or delete the file"


# --- running the commands --------------------------------------------------------------------


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_generator(project, *args, timeout=120)


def annotate(project: Path, rel: str) -> subprocess.CompletedProcess:
    return run(project, "annotate", rel, "--format", "json")


def record_of(project: Path, rel: str) -> dict:
    """The annotate record of one file, without the fields that name the file."""
    result = annotate(project, rel)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)[0]
    return {k: v for k, v in record.items() if k not in ("source", "slug")}


# --- planting bad input -----------------------------------------------------------------------


def put(rel: str, data: bytes | str) -> Callable[[Path], None]:
    """Write `data` to `rel` in the project."""

    def plant(project: Path) -> None:
        (project / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    return plant


def sidecar(front: str, body: str = "") -> Callable[[Path], None]:
    """Replace the sidecar of SEED with this front matter (the lines between the `---`)."""
    return put(SIDECAR, f"---\n{front}---\n{body}")


def link(rel: str, target: str) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        os.symlink(target, project / rel)

    return plant


def several(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(project: Path) -> None:
        for one in plants:
            one(project)

    return plant


def new_sidecar(name: str, seed: str, front: str = "") -> Callable[[Path], None]:
    """A new seed (PROSE) and a sidecar `content/articles/<name>` for it."""
    return several(
        put(f"seeds/{seed}", PROSE), put(f"content/articles/{name}", f"---\nseed: {seed}\n{front}---\n")
    )


# --- assertions beyond the printed lines ---------------------------------------------------------


def same_as_plain_text(project: Path) -> None:
    """The planted seed reads exactly like PROSE saved as UTF-8 with LF line endings."""
    (project / "seeds/901_plain.txt").write_text(PROSE, encoding="utf-8")
    assert record_of(project, NEW) == record_of(project, "seeds/901_plain.txt")


def refused_quickly(limit: float) -> Callable[[Path], None]:
    """Refused without hanging: `limit` is a bound on a hang, not a timing (benchmarks/ time things)."""

    def check(project: Path) -> None:
        started = time.perf_counter()
        result = annotate(project, NEW)
        assert time.perf_counter() - started < limit
        assert result.returncode == 1 and "Traceback" not in result.stderr

    return check


def titles_and_slugs_are_visible(project: Path) -> None:
    site = build_site(project)
    for article in site.articles:
        for text in (article.title, article.slug):
            assert not any(unicodedata.category(c) in ("Cf", "Cc") for c in text), repr(text)
    planted = next(a for a in site.articles if a.source.path == NEW)
    assert planted.title.startswith("Officials said 40 people crossed")
    sidecar_titled = next(a for a in site.articles if a.source.path == f"seeds/{SEED}")
    assert sidecar_titled.title == "Boats leave Dunkirk"


def right_to_left_title(project: Path) -> None:
    page = next(p for p in build_site(project).pages if p.path == "articles/boats-in-arabic.md")
    assert "\n# عبور القناة بالقوارب الصغيرة\n" in page.text


def quotes_stay_in_their_paragraph(project: Path) -> None:
    site = build_site(project)
    article = next(a for a in site.articles if a.source.path == NEW)
    assert len(article.clean.paragraphs) == 3
    for quote in article.annotations.quotes:
        assert quote.text in article.clean.paragraphs[quote.paragraph - 1].text
    assert annotate(project, NEW).returncode == 0


def junk_is_listed_on_the_page(project: Path) -> None:
    page = next(p for p in build_site(project).pages if p.path == "articles/900-new.md")
    assert "Removed from the source text (4)" in page.text
    assert "Play video" in page.text


# --- the battery -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One bad input: how to plant it, what `check` prints, and how `annotate` answers for seeds."""

    plant: Callable[[Path], None]
    lines: list[str]  # exactly what `check` prints on stdout
    annotated: str | None = None  # `annotate NEW`: its stderr line (exit 1), or "" for a clean run (exit 0)
    then: Callable[[Path], None] | None = None  # further assertions on the project

    @property
    def exit_status(self) -> int:
        """1 when any printed line is an error; warnings alone do not fail."""
        return 1 if any(": warning: " not in line for line in self.lines) else 0


def refused_seed(
    plant: Callable[[Path], None], message: str, line: str = "1", then: Callable[[Path], None] | None = None
) -> Case:
    """A seed that cannot be used: `check` and `annotate` both print `seeds/900_new.txt:<line>: <message>`."""
    return Case(plant, [f"{NEW}:{line}: {message}"], f"{NEW}:{line}: {message}", then)


JUNK_ONLY = "READ MORE: Migrants rescued off Kent coast\nBy Jane Smith, Home Affairs Correspondent\nSky News\nPlay video\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)
TEN_MB_COPIES = 10_000_000 // PROSE_BYTES + 1
CAFE_NFC, CAFE_NFD = (unicodedata.normalize(form, "seeds/café.txt") for form in ("NFC", "NFD"))

BATTERY: dict[str, Case] = {
    "empty-seed": refused_seed(put(NEW, b""), f"seed is empty: {EMPTY}"),
    "whitespace-only-seed": refused_seed(
        put(NEW, " \n\t\n   \n"), f"seed is empty (only whitespace): {EMPTY}"
    ),
    "binary-with-nul": refused_seed(
        put(NEW, PROSE.encode() + b"\x89PNG\x00\x01"),
        f"contains a NUL byte at byte offset {PROSE_BYTES + 4}; binary, not text",
        line="4:5",
    ),
    "cp1252-apostrophe": refused_seed(
        put(NEW, PROSE.encode() + b"The minister\x92s plan was published on Monday.\n"),
        f"not valid UTF-8 (byte 0x92) at byte offset {PROSE_BYTES + 12}; save the file as UTF-8",
        line="4:13",
    ),
    "utf8-bom-accepted": Case(put(NEW, b"\xef\xbb\xbf" + PROSE.encode()), [], "", same_as_plain_text),
    "utf16-refused": refused_seed(put(NEW, PROSE.encode("utf-16")), "file is UTF-16; save it as UTF-8"),
    "utf16-without-bom-refused": refused_seed(
        put(NEW, PROSE.encode("utf-16-le")), "file is UTF-16; save it as UTF-8"
    ),
    "crlf-accepted": Case(put(NEW, PROSE.replace("\n", "\r\n")), [], "", same_as_plain_text),
    "lone-cr-accepted": Case(put(NEW, PROSE.replace("\n", "\r")), [], "", same_as_plain_text),
    "10mb-article": refused_seed(
        put(NEW, PROSE.encode() * TEN_MB_COPIES),
        f"file is {PROSE_BYTES * TEN_MB_COPIES:,} bytes; the limit is {MAX_BYTES:,}",
        then=refused_quickly(30.0),
    ),
    "one-1mb-line": refused_seed(
        put(NEW, PROSE + "Boats " * 166_000),
        f"line is 996,000 characters long; the limit is {MAX_LINE_CHARS:,}: put each paragraph on its own line",
        line="4",
        then=refused_quickly(30.0),
    ),
    # --- front matter -----------------------------------------------------------------------
    "front-matter-unclosed": Case(
        put(SIDECAR, f"---\nseed: {SEED}\ntitle: Boats leave Dunkirk\n\nThe summary.\n"),
        [f"{SIDECAR}:1: front matter opened with `---` is never closed; add a `---` line after it"],
    ),
    "front-matter-is-a-list": Case(
        sidecar(f"- seed: {SEED}\n"),
        [
            f"{SIDECAR}:2: front matter must be `key: value` lines, not a list; remove the `- ` before the keys"
        ],
    ),
    "front-matter-is-a-scalar": Case(
        sidecar("Boats leave Dunkirk\n"),
        [f"{SIDECAR}:2: front matter must be `key: value` lines, not a single value"],
    ),
    "yaml-syntax-error": Case(
        sidecar(f'seed: {SEED}\ntitle: "Boats leave Dunkirk\noutlet: Sky News\n'),
        [
            (
                f"{SIDECAR}:5: YAML syntax error: found unexpected end of stream "
                "(while scanning a quoted scalar that starts at line 3)"
            )
        ],
    ),
    "python-object-tag": Case(
        sidecar(f"seed: {SEED}\ntitle: !!python/object/apply:os.system [echo owned]\n"),
        [
            (
                f"{SIDECAR}:3: the YAML tag `!!python/object/apply:os.system` is not allowed; "
                "use plain text, numbers, lists and mappings"
            )
        ],
    ),
    "alias-bomb": Case(
        sidecar(f"seed: {SEED}\n{BOMB}"),
        [f"{SIDECAR}:3: anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full"],
    ),
    "duplicate-keys": Case(
        sidecar(f"seed: {SEED}\ntitle: Boats leave Dunkirk\ntitle: Boats leave Calais\n"),
        [f"{SIDECAR}:4: duplicate key `title` (first at line 3); keep one of them"],
    ),
    "impossible-date": Case(
        sidecar(f"seed: {SEED}\npublished: 2025-02-30\n"),
        [f"{SIDECAR}:3: `2025-02-30` is not a real date: February 2025 has 28 days"],
    ),
    "unquoted-no": Case(
        sidecar(f"seed: {SEED}\noutlet: no\n"),
        [
            f'{SIDECAR}:3: `no` without quotes is read by YAML as the boolean false, not text; write it in quotes: "no"'
        ],
    ),
    "unquoted-time": Case(
        sidecar(f"seed: {SEED}\ntitle: 12:30:00\n"),
        [
            (
                f"{SIDECAR}:3: `12:30:00` without quotes is read by YAML as the number 45000, not text; "
                'write it in quotes: "12:30:00"'
            )
        ],
    ),
    "wrong-types": Case(
        sidecar(f"seed: {SEED}\ntopics: offshoring\ntitle: [Boats, Dunkirk]\npublished: 2025.5\n"),
        [
            f"{SIDECAR}:3: `topics` should be a list, not `offshoring`",
            f"{SIDECAR}:4: `title` should be text, not a list",
            f"{SIDECAR}:5: `2025.5` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
        ],
    ),
    "unknown-keys": Case(
        sidecar(f"seed: {SEED}\ntitel: Boats leave Dunkirk\nslug: ../../etc\n"),
        [
            f"{SIDECAR}:3: unknown key `titel`; did you mean `title`?",
            (
                f"{SIDECAR}:4: unknown key `slug`; allowed keys: seed, title, outlet, published, basis, topics, "
                "overrides, keep, remove, review"
            ),
        ],
    ),
    # --- paths and slugs ------------------------------------------------------------------------
    "seed-dotdot-path": Case(
        sidecar("seed: ../../etc/passwd\n"),
        [
            f"{SIDECAR}:2: `seed: ../../etc/passwd` is a path; write just the name of a file in seeds/, such as `000_abc.txt`"
        ],
    ),
    "seed-absolute-path": Case(
        sidecar("seed: /etc/passwd\n"),
        [
            f"{SIDECAR}:2: `seed: /etc/passwd` is a path; write just the name of a file in seeds/, such as `000_abc.txt`"
        ],
    ),
    "seed-backslash-path": Case(
        sidecar(f"seed: ..\\..\\{SEED}\n"),
        [
            (
                f"{SIDECAR}:2: `seed: ..\\..\\{SEED}` is a path; write just the name of a file in seeds/, "
                "such as `000_abc.txt`"
            )
        ],
    ),
    "seed-with-nul": Case(
        sidecar(f'seed: "{SEED}\\0"\n'),
        [f"{SIDECAR}:2: `seed` contains U+0000 CONTROL CHARACTER; write just the file name"],
    ),
    "reserved-sidecar-name": Case(
        new_sidecar("con.md", "902_con.txt"), [f"content/articles/con.md:1: file name `con.md` {RESERVED}"]
    ),
    "reserved-seed-names": Case(
        several(put("seeds/nul.txt", PROSE), put("seeds/AUX.txt", PROSE), put("seeds/com1.txt", PROSE)),
        [
            f"seeds/AUX.txt:1: file name `AUX.txt` {RESERVED}",
            f"seeds/com1.txt:1: file name `com1.txt` {RESERVED}",
            f"seeds/nul.txt:1: file name `nul.txt` {RESERVED}",
        ],
    ),
    "seed-symlink-outside": Case(
        link("seeds/903_passwd.txt", "/etc/passwd"), [f"seeds/903_passwd.txt:1: {OUTSIDE}"]
    ),
    "content-symlink-outside": Case(
        link("content/stolen.css", "/etc/passwd"),
        [f"content/stolen.css:1: {OUTSIDE}"],
    ),
    "sidecar-name-not-a-slug": Case(
        new_sidecar("Café-Boats.md", "904_cafe.txt"),
        [
            f"content/articles/Café-Boats.md:1: file name `Café-Boats.md` is not a slug; rename it to {SLUG_CHARS}: `cafe-boats.md`"
        ],
    ),
    "unsafe-characters-in-file-names": Case(
        several(
            put('seeds/zq"><meta http-equiv=refresh content=0>.txt', PROSE),
            put("content/notes on boats.md", "# Notes\n"),
        ),
        [
            (
                "content/notes on boats.md:1: file name contains a space; "
                f"rename the file using {NAME_CHARS} only"
            ),
            (
                'seeds/zq"><meta http-equiv=refresh content=0>.txt:1: file name contains `"` `>` `<` a space `=`; '
                f"rename the file using {NAME_CHARS} only"
            ),
        ],
    ),
    "symlink-inside-the-project": Case(
        link("content/inner.md", "about.md"), [f"content/inner.md:1: {INSIDE}"]
    ),
    "files-that-are-not-content": Case(
        several(
            put("content/x.html", "<script>alert(1)</script>"),
            put("content/x.svg", "<svg onload=alert(1)></svg>"),
            put("content/notes.yaml", "a: 1\n"),
        ),
        [
            f"content/notes.yaml:1: the build reads no such YAML file; the knowledge files are {KNOWLEDGE}",
            f"content/x.html:1: {NOT_CONTENT.format('x.html')}",
            f"content/x.svg:1: {NOT_CONTENT.format('x.svg')}",
        ],
    ),
    "zero-width-in-file-name": Case(
        new_sidecar("boats\u200b.md", "905_zw.txt"),
        [
            (
                "content/articles/boats\\u200b.md:1: file name contains U+200B ZERO WIDTH SPACE; "
                "rename the file with visible characters only"
            )
        ],
    ),
    "slugs-differ-by-case": Case(
        several(new_sidecar("Boats.md", "906_a.txt"), new_sidecar("boats.md", "907_b.txt")),
        [
            f"content/articles/Boats.md:1: file name `Boats.md` is not a slug; rename it to {SLUG_CHARS}: `boats.md`",
            (
                "content/articles/Boats.md:1: slug `boats` is also the slug of content/articles/boats.md "
                "(the names differ only in letter case); rename this file"
            ),
        ],
    ),
    "seed-slugs-differ-by-case": Case(
        several(put("seeds/Story_A.txt", PROSE), put("seeds/story_a.txt", PROSE)),
        [
            (
                "seeds/story_a.txt:1: slug `story-a` is also the slug of seeds/Story_A.txt "
                "(the names differ only in letter case); rename this file"
            )
        ],
    ),
    "seed-slugs-differ-by-normalisation": Case(
        several(put(CAFE_NFC, PROSE), put(CAFE_NFD, PROSE)),
        [
            (
                f"{max(CAFE_NFC, CAFE_NFD)}:1: slug `cafe` is also the slug of {min(CAFE_NFC, CAFE_NFD)} "
                "(the names differ only in Unicode normalisation: the same letters, encoded differently); rename this file"
            )
        ],
    ),
    # --- text ---------------------------------------------------------------------------------
    "zero-width-and-bidi-in-text": Case(
        several(
            put(NEW, "Officials said 40 people\u200b crossed the \u202eChannel\u202c on Monday.\n\n" + PROSE),
            sidecar(f'seed: {SEED}\ntitle: "Boats\u200b leave \u2067Dunkirk\u2069"\n'),
        ),
        [
            (
                f"{NEW}:1:25: warning: 3 invisible characters (zero-width or bidi control), the first U+200B "
                "ZERO WIDTH SPACE; they can hide or reorder words: check the text around them"
            )
        ],
        "",
        titles_and_slugs_are_visible,
    ),
    "right-to-left-title": Case(
        new_sidecar("boats-in-arabic.md", "908_ar.txt", "title: عبور القناة بالقوارب الصغيرة\n"),
        [],
        None,
        right_to_left_title,
    ),
    "quote-marks-never-close": Case(
        put(
            NEW,
            "\u201cThe boats keep coming, the minister said on Monday as officials counted 40 arrivals.\n\n"
            "She added: \u201cWe will not stop until the gangs are gone and the crossings end.\n\n"
            '"Nobody is safe on those beaches, a volunteer in Calais said of the camps near the dunes.\n',
        ),
        [],
        "",
        quotes_stay_in_their_paragraph,
    ),
    "nothing-but-junk-lines": Case(
        put(NEW, JUNK_ONLY),
        [
            f'{NEW}:1: warning: every line was removed as page junk (4 lines); the page lists them under "Removed from the source text"'
        ],
        "",
        junk_is_listed_on_the_page,
    ),
    "no-paragraph-of-prose": Case(
        put(NEW, "BREAKING\n\n12,345\n\n£5m\n"),
        [
            f"{NEW}:1: warning: no paragraph of prose (none has 5 words or more); check that the file holds the article"
        ],
        "",
    ),
}


@pytest.mark.parametrize("name", list(BATTERY))
def test_bad_input(tmp_path: Path, name: str) -> None:
    case = BATTERY[name]
    project = copy_project(tmp_path)
    case.plant(project)
    result = run(project, "check")
    assert result.stdout.splitlines() == case.lines
    assert result.returncode == case.exit_status
    assert "Traceback" not in result.stdout + result.stderr
    if case.annotated is not None:
        annotated = annotate(project, NEW)
        assert "Traceback" not in annotated.stderr
        assert annotated.stderr.splitlines() == ([case.annotated] if case.annotated else [])
        assert annotated.returncode == (1 if case.annotated else 0)
    if case.then is not None:
        case.then(project)


# --- strict builds: errors fail them, warnings do not, every other page is built ---------------------

STRICT_BUILDS = [
    "cp1252-apostrophe",
    "duplicate-keys",
    "seed-dotdot-path",
    "content-symlink-outside",
    "slugs-differ-by-case",
    "zero-width-and-bidi-in-text",
    "nothing-but-junk-lines",
]


@pytest.mark.parametrize("name", STRICT_BUILDS)
def test_strict_build_fails_on_errors_and_builds_every_other_page(tmp_path: Path, name: str) -> None:
    case = BATTERY[name]
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    case.plant(project)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert "Traceback" not in result.stderr
    for line in case.lines:
        level = "INFO" if ": warning: " in line else "ERROR"
        assert f"{level:<8}-  {line}" in result.stderr
    assert result.returncode == case.exit_status
    pages = {page.path for page in build_site(project).pages}
    expected = {f"articles/{path.stem}.md" for path in (ROOT / "content/articles").glob("*.md")} - {
        f"articles/{Path(SIDECAR).stem}.md"
    }
    assert expected <= pages
    assert "articles/000-d65c76bf8f280237.md" in pages or f"articles/{Path(SIDECAR).stem}.md" in pages
