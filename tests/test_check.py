"""`python -m generator check` names every problem in contributors' files as `path:line: message`.

A copy of the project is made in tmp_path, broken the ways contributors break
files (typos in keys, `no` for text, impossible dates, YAML tricks, references
to things that do not exist), and the printed lines are compared exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import run_generator
from generator.inputs.textfile import load_yaml_document
from generator.models import InputError

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = "content/articles"


def copy_project(target: Path) -> Path:
    """mkdocs.yml, seeds/ and content/ of the repository, copied into `target`."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("seeds", "content"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def check(project: Path) -> subprocess.CompletedProcess:
    return run_generator(project, "check")


def write(project: Path, rel: str, text: str) -> None:
    (project / rel).write_text(text, encoding="utf-8")


def edit(project: Path, rel: str, old: str, new: str) -> None:
    text = (project / rel).read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}"
    write(project, rel, text.replace(old, new, 1))


def test_the_repository_passes_check() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def break_sidecars(project: Path) -> None:
    write(
        project,
        f"{ARTICLES}/returns-deal-after-27-die-in-channel-2021.md",
        (
            "---\n"
            "seed: 004_5aed4e5d402407c0.txt\n"
            "titel: Calls for a returns deal after 27 people die in the Channel\n"
            "outlet: no\n"
            "published: 2025-02-30\n"
            "review: [title, summary]\n"
            "basis: The live blog shows the front page of the Telegraph.\n"
            "basis: Written the morning after the sinking.\n"
            "---\n"
            "A summary.\n"
        ),
    )
    edit(
        project,
        f"{ARTICLES}/uk-france-one-for-one-returns-pilot-2025.md",
        "seed: 002_10fcbd9f08f1f2fb.txt",
        "seed: 002_missing.txt",
    )
    write(
        project,
        f"{ARTICLES}/failed-asylum-seekers-migrant-hubs-2025.md",
        (
            "---\n"
            "seed: 001_c67f1a6457e8f253.txt\n"
            "title: 12:30:00\n"
            "topics:\n"
            "  - offshoring\n"
            "  - return-hubs\n"
            "overrides:\n"
            "  quotes:\n"
            "    - quote: We will not rule anything out\n"
            "      speaker: Keir Starmer\n"
            "---\n"
        ),
    )
    # Seed 002 lost its sidecar above, so this file takes its page's slug, and claims seed 003 a second time.
    write(project, f"{ARTICLES}/002-10fcbd9f08f1f2fb.md", "---\nseed: 003_8284334964049732.txt\n---\n")
    write(project, f"{ARTICLES}/list-front-matter.md", "---\n- seed: 000_d65c76bf8f280237.txt\n---\n")
    write(project, f"{ARTICLES}/scalar-front-matter.md", "---\njust a sentence\n---\n")
    write(
        project, f"{ARTICLES}/unclosed.md", "---\nseed: 000_d65c76bf8f280237.txt\n\nThe body starts here.\n"
    )
    write(
        project,
        f"{ARTICLES}/python-tag.md",
        '---\nseed: !!python/object/apply:os.system ["echo owned"]\n---\n',
    )
    write(project, f"{ARTICLES}/Quote_Fix.md", "---\nseed: 000_d65c76bf8f280237.txt\ntitle: '2021'\n---\n")


def break_topics(project: Path) -> None:
    write(
        project,
        "content/topics/border-courts.md",
        (
            "---\n"
            "title: Border courts\n"
            "match:\n"
            "  sentence_threshold: 0\n"
            "  terms:\n"
            "    - pattern: (?:tribunal\n"
            "    - phrase: appeal\n"
            "      pattern: appeals?\n"
            "    - phrase: judge\n"
            "      weight: high\n"
            "position: 9\n"
            "---\n"
        ),
    )
    edit(project, "content/topics/legislation.md", "- offshoring\n", "- offshoring\n- courts\n")
    edit(project, "content/topics/deaths-at-sea.md", "title: Deaths at sea", "title: Deaths: at sea")


def break_knowledge(project: Path) -> None:
    with (project / "content/entities.yaml").open("a", encoding="utf-8") as entities:
        entities.write(
            "- name: Priti Patel\n"
            "  kind: person\n"
            "- name: Jane Doe\n"
            "  kind: persn\n"
            "  aliases: Ms Doe\n"
            "  roles:\n"
            "    - {title: Home Secretary, start: 2024-13}\n"
            "    - {title: Minister, start: 2024-05, end: 2023}\n"
            "- name: '   '\n"
            "  kind: person\n"
        )
    with (project / "content/junk.yaml").open("a", encoding="utf-8") as junk:
        junk.write("- name: no\n  where: middle\n  pattern: '[unclosed'\n")
    write(project, "content/outlets.yaml", "- name: &sky Sky News\n  signals: [*sky]\n")


def lines_of(project: Path, rel: str, needle: str) -> int:
    """The 1-based line of the last line of `rel` containing `needle` (appended text has no fixed line)."""
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, 1) if needle in line)


def test_broken_folder_reports_every_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    break_sidecars(project)
    break_topics(project)
    break_knowledge(project)
    entity = lines_of(project, "content/entities.yaml", "name: Jane Doe")
    patel = lines_of(project, "content/entities.yaml", "name: Priti Patel")
    first_patel = (ROOT / "content/entities.yaml").read_text(encoding="utf-8").splitlines().index(
        "- name: Priti Patel"
    ) + 1
    junk = lines_of(project, "content/junk.yaml", "name: no")
    # deaths-at-sea.md and border-courts.md have errors, so they are no known topics; the other topics'
    # `related: [deaths-at-sea]` is not reported again, the file's own error says what to fix
    known = (
        "crossings-statistics, france-cooperation, legislation, offshoring, returns-deals, "
        "safe-legal-routes, smuggling-gangs"
    )
    regex_hint = "escape ( ) [ ] { } . * + ? | \\ with a backslash to match them literally"
    a, returns, hubs = (
        ARTICLES,
        f"{ARTICLES}/returns-deal-after-27-die-in-channel-2021.md",
        f"{ARTICLES}/failed-asylum-seekers-migrant-hubs-2025.md",
    )
    expected = [
        (
            f"{a}/Quote_Fix.md:1: file name `Quote_Fix.md` is not a slug; rename it to lower-case letters, digits and "
            "hyphens: `quote-fix.md`"
        ),
        (
            f"{hubs}:3: `12:30:00` without quotes is read by YAML as the number 45000, not text; write it in quotes: "
            '"12:30:00"'
        ),
        (
            f"{a}/list-front-matter.md:2: front matter must be `key: value` lines, not a list; remove the `- ` before "
            "the keys"
        ),
        (
            f"{a}/python-tag.md:2: the YAML tag `!!python/object/apply:os.system` is not allowed; use plain text, "
            "numbers, lists and mappings"
        ),
        f"{returns}:3: unknown key `titel`; did you mean `title`?",
        (
            f"{returns}:4: `no` without quotes is read by YAML as the boolean false, not text; write it in quotes: "
            '"no"'
        ),
        f"{returns}:5: `2025-02-30` is not a real date: February 2025 has 28 days",
        f"{returns}:6: `summary` is nothing to review; write title, outlet or published, or a line of the seed as `line 7 ...` (the number first)",
        f"{returns}:8: duplicate key `basis` (first at line 7); keep one of them",
        f"{a}/scalar-front-matter.md:2: front matter must be `key: value` lines, not a single value",
        f"{a}/unclosed.md:1: front matter opened with `---` is never closed; add a `---` line after it",
        f"content/entities.yaml:{patel}: duplicate name `Priti Patel` (first at line {first_patel}); merge the two entries",
        (
            f"content/entities.yaml:{entity + 1}: `kind` is `persn`; use one of 'person', 'organisation', 'party', "
            "'place', 'agreement' or 'law'"
        ),
        f"content/entities.yaml:{entity + 2}: `aliases` should be a list, not `Ms Doe`",
        f"content/entities.yaml:{entity + 4}: `2024-13` is not a real date: there is no month 13",
        f"content/entities.yaml:{entity + 5}: the role ends (2023) before it starts (2024-05); swap or fix the dates",
        (
            f"content/entities.yaml:{entity + 6}: this text is only spaces, which would match everything; write the "
            "text, or delete the entry"
        ),
        (
            f"content/junk.yaml:{junk}: `no` without quotes is read by YAML as the boolean false, not text; write it "
            'in quotes: "no"'
        ),
        f"content/junk.yaml:{junk + 1}: `where` is `middle`; use one of 'line' or 'prefix'",
        f"content/junk.yaml:{junk + 2}: pattern does not compile: unterminated character set at position 0; "
        + regex_hint,
        "content/outlets.yaml:1: anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full",
        "content/topics/border-courts.md:4: `sentence_threshold` must be more than 0",
        (
            "content/topics/border-courts.md:6: pattern does not compile: missing ), unterminated subpattern at "
            "position 0; " + regex_hint
        ),
        "content/topics/border-courts.md:7: give either `phrase:` or `pattern:` (exactly one of them)",
        "content/topics/border-courts.md:10: `weight` should be a number, not `high`",
        "content/topics/deaths-at-sea.md:2: YAML syntax error: mapping values are not allowed here",
        # checks across files, on the files that passed their own checks
        (
            f"{a}/002-10fcbd9f08f1f2fb.md:1: slug `002-10fcbd9f08f1f2fb` is also the slug of "
            "seeds/002_10fcbd9f08f1f2fb.txt; rename this file"
        ),
        (
            f"{a}/government-review-channel-crossings-offshoring-2021.md:2: seed 000_d65c76bf8f280237.txt already has "
            f"a sidecar, {a}/Quote_Fix.md; keep one of them"
        ),
        (
            f"{a}/starmer-return-hubs-failed-asylum-seekers-2025.md:2: seed 003_8284334964049732.txt already has a "
            f"sidecar, {a}/002-10fcbd9f08f1f2fb.md; keep one of them"
        ),
        (
            f"{a}/uk-france-one-for-one-returns-pilot-2025.md:2: `seed: 002_missing.txt` names no file in seeds/; "
            "check the file name"
        ),
        f"content/topics/legislation.md:7: `related:` names unknown topic `courts`; known topics: {known}",
    ]
    result = check(project)
    assert result.stdout.splitlines() == expected
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_topic_positions_are_required_and_unique(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project, "content/topics/legislation.md", "position: 7\n", "")
    edit(project, "content/topics/returns-deals.md", "position: 2\n", "position: 5\n")
    edit(project, "content/topics/smuggling-gangs.md", "position: 6\n", "position: 0\n")
    edit(project, "content/topics/safe-legal-routes.md", "position: 8\n", "position: first\n")
    result = check(project)
    assert result.stdout.splitlines() == [
        "content/topics/legislation.md:2: `position:` is missing; add it",
        "content/topics/safe-legal-routes.md:4: `position` should be a whole number, not `first`",
        "content/topics/smuggling-gangs.md:4: `position` must be more than 0",
        (
            "content/topics/returns-deals.md:4: `position: 5` is also the position of "
            "content/topics/deaths-at-sea.md; give each topic its own number (gaps are fine)"
        ),
    ]
    assert result.returncode == 1


def test_topics_are_ordered_by_position_with_gaps(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project, "content/topics/legislation.md", "position: 7\n", "position: 100\n")
    edit(project, "content/topics/crossings-statistics.md", "position: 4\n", "position: 150\n")
    write(
        project,
        "extra.txt",
        "Around 3,000 people have crossed so far this year. Two men drowned off Calais. "
        "A bill to create new offences passed its second reading.\n",
    )
    assert check(project).stdout == ""
    result = run_generator(project, "annotate", "extra.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["topics"] == ["deaths-at-sea", "legislation", "crossings-statistics"]


def test_cross_file_problems_of_a_valid_sidecar(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    rel = f"{ARTICLES}/failed-asylum-seekers-migrant-hubs-2025.md"
    edit(
        project,
        rel,
        "published: 2025-03\n",
        (
            "published: 2025-03\n"
            "topics: [offshoring, return-hubs, offshoring]\n"
            "overrides:\n"
            "  quotes:\n"
            "    - quote: We will not rule anything out\n"
            "      speaker: Keir Starmer\n"
        ),
    )
    known = (
        "crossings-statistics, deaths-at-sea, france-cooperation, legislation, offshoring, returns-deals, "
        "safe-legal-routes, smuggling-gangs"
    )
    result = check(project)
    assert result.stdout.splitlines() == [
        f"{rel}:6: `topics:` names unknown topic `return-hubs`; known topics: {known}",
        f"{rel}:6: `topics:` names `offshoring` twice; remove one",
        (
            f'{rel}:9: override quote "We will not rule anything out" is not in seeds/001_c67f1a6457e8f253.txt; '
            "copy the start of the quote from it"
        ),
    ]
    assert result.returncode == 1


def test_keep_and_remove_lines_are_checked_against_the_seed(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    rel = f"{ARTICLES}/government-review-channel-crossings-offshoring-2021.md"
    seed = "seeds/000_d65c76bf8f280237.txt"  # line 8 is a teaser the cleaner removes, line 3 prose
    (project / seed).write_text((project / seed).read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    edit(
        project,
        rel,
        "seed: 000_d65c76bf8f280237.txt\n",
        (
            "seed: 000_d65c76bf8f280237.txt\n"
            "keep: [8, 3, 900]\n"
            "remove:\n"
            "  - 4\n"
            "  - 8\n"
            "  - 14\n"
            "  - 26\n"
            "review:\n"
            "  - line 9 removed as a teaser\n"
            "  - line 27 kept\n"
        ),
    )
    result = check(project)
    assert result.stdout.splitlines() == [
        f"{rel}:3: warning: line 3 of {seed}: the cleaner already keeps it, so `keep:` changes nothing; "
        "take it out of the list",
        f"{rel}:3: `keep:` names line 900, but {seed} has 26 lines; check the number",
        f"{rel}:6: line 8 is under both `keep:` and `remove:`; leave it in one of them",
        f"{rel}:7: warning: line 14 of {seed}: the cleaner already removes it, so `remove:` changes nothing; "
        "take it out of the list",
        f"{rel}:8: `remove:` names line 26 of {seed}, which is blank; check the number",
        f"{rel}:11: `review:` names line 27, but {seed} has 26 lines; check the number",
    ]
    assert result.returncode == 1


def test_an_override_quoting_the_article_passes_whatever_its_spacing_and_quote_marks(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    seed_text = (project / "seeds/001_c67f1a6457e8f253.txt").read_text(encoding="utf-8")
    words = next(line for line in seed_text.splitlines() if len(line.split()) > 12).split()[:8]
    quote = json.dumps("  \n".join(words).replace("'", "’"), ensure_ascii=False)  # YAML reads JSON strings
    rel = f"{ARTICLES}/failed-asylum-seekers-migrant-hubs-2025.md"
    edit(
        project,
        rel,
        "published: 2025-03\n",
        f"published: 2025-03\noverrides:\n  quotes:\n    - quote: {quote}\n      speaker: Someone\n",
    )
    result = check(project)
    assert result.returncode == 0, result.stdout


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError) as refused:
        load_yaml_document(BILLION_LAUGHS, "content/entities.yaml")
    assert time.perf_counter() - started < 0.1
    assert str(refused.value) == (
        "content/entities.yaml:1: anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full"
    )


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(InputError, match=r"^x.yaml:1: nested more than 20 levels deep$"):
        load_yaml_document("[" * 100_000, "x.yaml")
