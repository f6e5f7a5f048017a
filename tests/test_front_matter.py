"""Front matter is split and written by python-frontmatter, and every key keeps its line."""

from __future__ import annotations

import frontmatter
import pytest

from generator.inputs.front_matter import dump_front_matter, split_front_matter
from generator.models import InputError


def test_split_keeps_the_line_of_every_key_and_where_the_body_starts() -> None:
    text = "---\nseed: 000_a.txt\ntitle: Boats\ntopics:\n  - offshoring\n---\n\nThe summary.\n"
    found = split_front_matter(text, "content/articles/a.md")
    assert found.document.data == {"seed": "000_a.txt", "title": "Boats", "topics": ["offshoring"]}
    assert found.document.key_lines.line_of(("title",)) == 3
    assert found.document.key_lines.line_of(("topics", 0)) == 5
    assert found.body == "The summary.\n"
    assert found.body_line == 8  # the blank line after the fence is not the body


def test_a_file_without_front_matter_is_all_body() -> None:
    found = split_front_matter("# About\n\nText.\n", "content/about.md")
    assert found.document.data == {} and found.body == "# About\n\nText.\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: x\n", 1, "never closed"),
        ("---\n- a\n- b\n---\n", 2, "not a list"),
        ("---\na: &x 1\nb: *x\n---\n", 2, "anchors and aliases"),
    ],
)
def test_unusable_front_matter_is_a_located_error(text: str, line: int, message: str) -> None:
    try:
        found = split_front_matter(text, "content/page.md")
    except InputError as err:
        assert err.problem.line == line and message in err.problem.message
    else:
        assert any(p.line == line and message in p.message for p in found.document.problems)


def test_written_front_matter_reads_back_with_python_frontmatter_in_the_same_key_order() -> None:
    meta = {"seed": "000_a.txt", "title": "Boats: \"quoted\" and 'single'", "review": ["title"]}
    text = dump_front_matter(meta, "A summary.", comment="# Check the fields.\n")
    assert text.startswith("---\n# Check the fields.\nseed: 000_a.txt\n")
    post = frontmatter.loads(text)
    assert list(post.metadata) == list(meta) and post.metadata == meta
    assert post.content == "A summary." and text.endswith("A summary.\n")
