"""An article's author, read from the byline the cleaner took out."""

from __future__ import annotations

import pytest

from generator.annotate.bylines import author_from_bylines, author_in_byline
from generator.models import RemovedText

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By Jane Smith, Political Editor", "Jane Smith"),
        ("By Jane Smith in Calais", "Jane Smith"),
        ("Written by Jane Smith and Ali Khan", "Jane Smith and Ali Khan"),
        (
            "By Jane Smith, Ali Khan and Tom O'Neill, home affairs correspondents",
            "Jane Smith, Ali Khan and Tom O'Neill",
        ),
        ("By staff reporter", None),
        ("By Jane Smith and Ali Khan Press Association", "Jane Smith and Ali Khan"),
        ("Jane Smith", "Jane Smith"),  # a bare name above a journalist's title
    ],
)
def test_the_names_a_byline_gives(line: str, author: str | None) -> None:
    assert author_in_byline(line) == author


def test_the_first_byline_removed_is_the_author_and_says_where_it_came_from() -> None:
    removed = (
        RemovedText(2, "Share this article", "share prompt"),
        RemovedText(3, "By Jane Smith, Home Affairs Correspondent", "byline"),
        RemovedText(9, "By Ali Khan", "byline"),
    )
    author = author_from_bylines(removed)
    assert author.value == "Jane Smith" and author.inferred
    assert author.basis == "byline on line 3: By Jane Smith, Home Affairs Correspondent"
    assert author_from_bylines(removed[:1]) is None
