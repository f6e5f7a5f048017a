"""One sentence splitter for every annotator: where sentences end, and where they do not."""

from __future__ import annotations

import pytest

from generator.annotate.sentences import sentence_ranges, split_sentences

pytestmark = pytest.mark.fast


def test_sentences_end_at_full_stops_and_keep_their_closing_marks() -> None:
    text = 'Mr. Smith arrived. "We are ready," he said. Was it 5,000? Yes… The Home Office agreed.'
    assert split_sentences(text) == [
        "Mr. Smith arrived.",
        '"We are ready," he said.',
        "Was it 5,000?",
        "Yes…",
        "The Home Office agreed.",
    ]


@pytest.mark.parametrize(
    "text", ["Dr. Jones spoke.", "J. Smith spoke.", "Acme Ltd. said so.", "No. 10 said so."]
)
def test_no_sentence_ends_after_an_abbreviation_or_an_initial(text: str) -> None:
    assert split_sentences(text) == [text]


def test_a_lower_case_word_after_a_full_stop_starts_no_sentence_where_a_capital_is_required() -> None:
    text = "The figure was 3.5 per cent. in the year to March, officials said."
    assert split_sentences(text) == [text]
    assert len(sentence_ranges(text)) == 2  # masked quotations need no capital after the stop


def test_ranges_cover_the_whole_text() -> None:
    text = "One. Two!  Three"
    ranges = sentence_ranges(text)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
