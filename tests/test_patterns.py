"""Contributor regular expressions run in linear time, and the ones RE2 cannot run are located errors.

A pattern that makes a backtracking engine take exponential time, put in a topic term, a
junk rule and an outlet signal of a copy of the project, must leave `check` quick and the
articles built; a look-ahead must be reported at its file and line. The wrapper's own
behaviour (flags, anchoring, Unicode text) is checked on invented news lines.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import copy_project, run_generator
from generator.annotate.topics import term_regex, whole_word_matches
from generator.clean import clean_text
from generator.inputs.patterns import PatternError, SearchSet, compile_pattern, pattern_problem
from generator.inputs.slugs import is_listing_slug
from generator.models import JunkRule, SourceText, WeightedTerm

CATASTROPHIC = [r"(?:\w+\s?)+$", r"(a+)+$", r"(x|x)*y"]
HANG_BOUND = 10.0  # seconds; the backtracking engine takes longer than a minute on these
TOPIC = "content/topics/offshoring.md"
JUNK = "content/junk.yaml"
OUTLETS = "content/outlets.yaml"
SEED = "seeds/000_d65c76bf8f280237.txt"
BAIT = "\n\n" + "a" * 40 + "!\n\n" + "x" * 40 + "\n"  # runs the three patterns cannot cross quickly


def term_hits(term: WeightedTerm, text: str) -> list[int]:
    """Where a topic term counts in `text`."""
    return list(whole_word_matches(term_regex(term), text))


def insert_after(project: Path, rel: str, anchor: str, text: str) -> int:
    """Insert `text` after the first `anchor` in `rel`; the line number where it starts."""
    path = project / rel
    content = path.read_text(encoding="utf-8")
    assert anchor in content, f"{rel} no longer contains {anchor!r}"
    at = content.index(anchor) + len(anchor)
    path.write_text(content[:at] + text + content[at:], encoding="utf-8")
    return content[:at].count("\n") + 1


def add_patterns(project: Path, pattern: str) -> dict[str, int]:
    """`pattern` as a topic term, a junk line rule, a junk prefix rule and an outlet signal."""
    quoted = "'" + pattern.replace("'", "''") + "'"
    return {
        TOPIC: insert_after(project, TOPIC, "  terms:\n", f"  - pattern: {quoted}\n    weight: 1.0\n"),
        OUTLETS: insert_after(
            project, OUTLETS, "- name: Sky News\n  signals:\n", f"    - {{pattern: {quoted}, weight: 1}}\n"
        ),
        JUNK: insert_after(
            project,
            JUNK,
            "live in the generator/clean package.\n",
            f"- name: contributed line rule\n  pattern: {quoted}\n"
            f"- name: contributed prefix rule\n  where: prefix\n  pattern: {quoted}\n",
        )
        + 1,
    }


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_catastrophic_pattern_everywhere_leaves_check_and_the_build_quick(
    tmp_path: Path, pattern: str
) -> None:
    project = copy_project(tmp_path / "project")
    add_patterns(project, pattern)
    with (project / SEED).open("a", encoding="utf-8") as seed:
        seed.write(BAIT)
    started = time.monotonic()
    result = run_generator(project, "check", timeout=60)
    assert time.monotonic() - started < HANG_BOUND
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_generator(project, "export", "--out", str(tmp_path / "out"), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    out = (tmp_path / "out" / "articles").glob("*.md")
    articles = {p.name for p in out if p.stem != "index" and not is_listing_slug(p.stem)}
    assert len(articles) == len(list((project / "content" / "articles").glob("*.md")))


def test_a_look_ahead_is_reported_at_its_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    lines = add_patterns(project, "Home Office(?= said)")
    result = run_generator(project, "check")
    assert result.returncode != 0
    why = (
        "look-ahead `(?=...)` is not supported: patterns run on a linear-time engine (RE2) that never "
        "backtracks; match the following text instead, or drop it"
    )
    junk = lines[JUNK]
    assert result.stdout.splitlines() == [
        f"{JUNK}:{junk}: {why}",
        f"{JUNK}:{junk + 3}: {why}",
        f"{OUTLETS}:{lines[OUTLETS]}: {why}",
        f"{TOPIC}:{lines[TOPIC]}: {why}",
    ]


def test_unusable_patterns_are_explained_for_the_contributor() -> None:
    assert "look-behind `(?<=...)` is not supported" in pattern_problem(r"(?<=Mr )Smith")
    assert "negative look-ahead" in pattern_problem(r"boats(?! arrived)")
    assert "back-references like `\\1`" in pattern_problem(r"(\w+) \1")
    assert pattern_problem("(unclosed").startswith("pattern does not compile: missing ), unterminated")
    assert "at position 0" in pattern_problem("(unclosed")
    assert pattern_problem(r"(?i)small boats? (?:crossed|arrived)") is None
    with pytest.raises(PatternError):
        compile_pattern(r"(?=x)")


def test_a_catastrophic_pattern_takes_linear_time_on_a_long_line() -> None:
    line = "a" * 100_000 + "!"
    started = time.monotonic()
    assert compile_pattern(r"(a+)+$").search(line) is None
    assert compile_pattern(r"(?:\w+\s?)+$").fullmatch(line) is None
    assert time.monotonic() - started < HANG_BOUND


def test_case_flags_argument_inline_and_scoped() -> None:
    assert (
        compile_pattern("home office", ignore_case=True).search("The HOME OFFICE said").group()
        == "HOME OFFICE"
    )
    assert compile_pattern("home office").search("The Home Office said") is None
    assert compile_pattern("(?i)home office").search("The Home Office said") is not None
    scoped = compile_pattern("(?i)talks with (?-i:France)")
    assert scoped.search("TALKS WITH France") is not None
    assert scoped.search("talks with france") is None


def test_fullmatch_match_and_search_anchor_differently() -> None:
    credit = compile_pattern(r"Getty Images")
    assert credit.fullmatch("Getty Images") is not None
    assert credit.fullmatch("Getty Images via AFP") is None
    assert credit.match("Getty Images via AFP").span() == (0, 12)
    assert credit.match("Photo: Getty Images") is None
    assert credit.search("Photo: Getty Images").start() == 7


def test_multiline_lets_an_outlet_signal_anchor_at_any_line() -> None:
    evidence = "Ministers met on Monday.\nImage caption, Migrants on a beach near Calais"
    assert compile_pattern("^Image caption", multiline=True).search(evidence).start() == 25
    assert compile_pattern("^Image caption").search(evidence) is None


def test_a_search_set_answers_as_each_pattern_would_and_keeps_the_ones_it_cannot_hold() -> None:
    patterns = (r"home office", r"(?-i:France)", r"^Image caption", r"£\d+\smillion", r"\w+ly\b", r"(a+)+$")
    texts = (
        "The HOME OFFICE said.\nImage caption, boats near france",
        "Talks with France on a £500\u00a0million deal went badly",
        "",
    )
    for flags in ({"ignore_case": True}, {"multiline": True}, {}):
        scan = SearchSet(patterns, **flags)
        for text in texts:
            alone = {p for p in patterns if compile_pattern(p, **flags).search(text)}
            assert scan.possible(text) == alone, (flags, text)
    assert SearchSet(("boats", r"(\w+) \1")).possible("small boats") == {"boats", r"(\w+) \1"}


def test_byte_spans_are_finditer_s_matches_stepping_over_whole_characters() -> None:
    text = "é😀 Élisabeth’s 1,234 boats"
    data = text.encode()
    for source in ("é*", r"\w+", "(?:)", r"\d[\d,]* boats", "s?"):
        pattern = compile_pattern(source, ignore_case=True)
        in_characters = [m.span() for m in pattern.finditer(text, 2)]
        in_bytes = pattern.spans_utf8(data, len(text[:2].encode()))
        assert [(len(data[:a].decode()), len(data[:b].decode())) for a, b in in_bytes] == in_characters


def test_word_classes_are_unicode_as_in_python() -> None:
    word = compile_pattern(r"\w+")
    assert word.fullmatch("Élisabeth") is not None
    assert word.search("Macron’s plan").group() == "Macron"  # the curly apostrophe ends the word
    assert compile_pattern(r"£\d+\smillion").search("a £500\u00a0million deal") is not None
    assert compile_pattern(r"[\w’-]+").fullmatch("Darmanin’s") is not None


def test_word_boundaries_are_ascii_so_topic_terms_rely_on_whole_word_matching() -> None:
    assert compile_pattern(r"\bÉlisabeth\b").search("Élisabeth Borne said") is None  # as documented
    assert term_hits(WeightedTerm("Élisabeth Borne", 1.0), "Prime minister Élisabeth Borne said") == [15]
    assert term_hits(WeightedTerm("ÉLISABETH", 1.0, is_pattern=True), "Élisabeth Borne said") == [0]
    assert term_hits(WeightedTerm("lisabeth", 1.0), "Élisabeth Borne said") == []


def test_phrase_terms_take_either_apostrophe_and_any_case() -> None:
    assert term_hits(WeightedTerm("Macron's plan", 1.0), "MACRON’S PLAN was") == [0]
    assert term_hits(WeightedTerm("Macron's plan", 1.0), "Macron's planning") == []


def test_a_term_glued_at_its_start_still_finds_the_word_inside_it() -> None:
    assert term_hits(WeightedTerm(r"\d[\d,]* boats", 1.0, is_pattern=True), "x1,234 boats") == [3]


def test_a_prefix_rule_removes_only_its_junk_group() -> None:
    rule = JunkRule("credit glued to prose", r"(?P<junk>PA Media|Getty Images)[A-Z][a-z]", "prefix")
    source = (
        "Ministers met on Monday.\n\nPA MediaThe figures were released on Friday.\n\nPA Media is an agency."
    )
    clean = clean_text(SourceText("seeds/test.txt", source), (rule,))
    assert [p.text for p in clean.paragraphs] == [
        "Ministers met on Monday.",
        "The figures were released on Friday.",
        "PA Media is an agency.",
    ]
    assert [(r.text, r.whole_line) for r in clean.removed] == [("PA Media", False)]
