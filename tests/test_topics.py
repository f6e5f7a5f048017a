"""Topics: a sentence mainly about a topic makes it substantive; a passing phrase is a mention.

The rules come from the real front matter in content/topics/*.md, so these cases
check the vocabulary contributors maintain as well as the matcher.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import project_topics
from generator.annotate.sentences import split_sentences
from generator.annotate.topics import find_topics, term_regex, whole_word_matches
from generator.models import Paragraph, TopicDef, WeightedTerm

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

TOPICS_DIR = Path(__file__).resolve().parent.parent / "content" / "topics"


@pytest.fixture(scope="module")
def topics() -> tuple[TopicDef, ...]:
    """The topics as the build reads them from content/topics/, in topic order."""
    return project_topics()


def found_topics(topics, *paragraphs: str) -> dict[str, bool]:
    """Annotate paragraphs; map each topic touched to True (substantive) or False (mention)."""
    numbered = tuple(Paragraph(i, i, text) for i, text in enumerate(paragraphs, start=1))
    return {m.topic: m.substantive for m in find_topics(numbered, topics)}


def test_every_topic_file_is_read_and_has_rules(topics):
    assert sorted(t.slug for t in topics) == sorted(p.stem for p in TOPICS_DIR.glob("*.md"))
    assert all(t.terms and t.sentence_threshold > 0 for t in topics)


def test_each_topic_has_its_own_position_from_its_front_matter(topics):
    assert len({t.position for t in topics}) == len(topics)
    for topic in topics:
        assert f"\nposition: {topic.position}\n" in (TOPICS_DIR.parent.parent / topic.path).read_text(
            encoding="utf-8"
        )


@pytest.mark.parametrize(
    "sentence, topic",
    [
        (
            "The government wants to open a processing centre on Ascension Island for people who arrive by boat.",
            "offshoring",
        ),
        (
            "Officials are scouting countries in the Western Balkans that could host return hubs.",
            "offshoring",
        ),
        (
            "Under the one-in, one-out pilot, people who arrive by dinghy can be flown back to France.",
            "returns-deals",
        ),
        (
            "Enforced returns rose by a fifth in the year to June, with 9,000 people removed from the UK.",
            "returns-deals",
        ),
        (
            "Britain will pay France £480m over three years for more gendarmes on the beaches near Calais.",
            "france-cooperation",
        ),
        ("French police have begun to intercept boats in shallow water off Boulogne.", "france-cooperation"),
        (
            "So far this year 14,812 people have crossed the Channel, a record for the period.",
            "crossings-statistics",
        ),
        ("Four people drowned when their dinghy capsized off Wimereux overnight.", "deaths-at-sea"),
        (
            "Police arrested six men suspected of running a smuggling network that sold places on boats.",
            "smuggling-gangs",
        ),
        ("Peers voted to amend the bill, sending it back to the House of Commons.", "legislation"),
        (
            "Charities called for safe and legal routes, such as humanitarian visas issued in France.",
            "safe-legal-routes",
        ),
    ],
)
def test_a_sentence_mainly_about_a_topic_makes_it_substantive(topics, sentence, topic):
    assert found_topics(topics, sentence).get(topic) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 600 migrants were brought ashore at Dover on Saturday.",
        "The number of people making the perilous journey has doubled since the spring.",
        "Arrivals fell to 2,300 in March, down from 3,100 in February.",
        "Border Force said 412 people were detected in nine boats on Tuesday.",
        "Some 180 men, women and children landed at Dungeness in a single day.",
    ],
)
def test_counting_crossings_in_everyday_words_is_crossings_statistics(topics, sentence):
    assert found_topics(topics, sentence).get("crossings-statistics") is True


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("The government says it will pass new laws to deter the crossings.", "legislation"),
        ("MPs began the debate on the asylum bill on Tuesday evening.", "legislation"),
        (
            "Charities urged ministers to offer a safe and legal process for refugees to reach Britain.",
            "safe-legal-routes",
        ),
        ("A joint French-British operation was launched along the coast.", "france-cooperation"),
        ("The prime minister asked France to take back everyone who lands in Kent.", "returns-deals"),
        (
            "A removal flight carrying failed asylum seekers left for a third country before dawn.",
            "offshoring",
        ),
    ],
)
def test_other_everyday_wordings_make_a_topic_substantive(topics, sentence, topic):
    assert found_topics(topics, sentence).get(topic) is True


def test_a_court_ruling_on_a_policy_alone_is_not_legislation(topics):
    found = found_topics(topics, "Judges at the Court of Appeal ruled the scheme unlawful on Friday.")
    assert found.get("legislation") is not True


def test_legal_routes_to_stay_are_not_safe_and_legal_routes(topics):
    found = found_topics(topics, "The hubs would hold people who have exhausted all legal routes to stay.")
    assert found.get("safe-legal-routes") is not True


def test_a_count_of_people_without_a_crossing_is_not_crossings_statistics(topics):
    found = found_topics(topics, "The barge can house 500 men, and the number of residents may increase.")
    assert found.get("crossings-statistics") is not True


def test_risk_to_life_without_deaths_is_not_deaths_at_sea(topics):
    found = found_topics(
        topics, "“People making this journey are putting their lives at risk,” the minister said."
    )
    assert found.get("deaths-at-sea") is not True


def test_a_passing_phrase_is_only_a_mention(topics):
    found = found_topics(
        topics,
        "The Home Secretary, who once championed the Rwanda plan, spent the morning visiting schools in her constituency.",
    )
    assert found.get("offshoring") is False


def test_unrelated_text_touches_no_topic(topics):
    assert found_topics(topics, "The council approved plans for a new library and swimming pool.") == {}


def test_evidence_is_the_best_sentences_exactly_as_written(topics):
    paragraph = (
        "Ministers met on Monday. A returns agreement with France would let Britain send back "
        "people who cross. “It’s a start,” one said."
    )
    numbered = (Paragraph(1, 1, paragraph),)
    match = next(m for m in find_topics(numbered, topics) if m.topic == "returns-deals")
    assert match.evidence[0].excerpt == (
        "A returns agreement with France would let Britain send back people who cross."
    )
    assert all(e.excerpt in paragraph and e.paragraph == 1 for e in match.evidence)
    assert len(match.evidence) <= 3


def test_sentences_keep_abbreviations_and_quotes_together():
    text = "Mr. Smith arrived at 9am. “We will act,” he said. The U.K. figures followed."
    assert split_sentences(text) == [
        "Mr. Smith arrived at 9am.",
        "“We will act,” he said.",
        "The U.K. figures followed.",
    ]


def test_phrases_match_whole_words_with_spaces_or_hyphens():
    regex = term_regex(WeightedTerm("People smuggling", 1.0))
    assert list(whole_word_matches(regex, "the people-smuggling gangs")) == [4]
    assert list(whole_word_matches(regex, "the peoples smuggling gangs")) == []
    assert term_regex(WeightedTerm("(unclosed", 1.0, is_pattern=True)) is None


def test_topics_come_in_site_order_and_never_raise_on_odd_text(topics):
    found = find_topics((Paragraph(1, 1, "\x00" * 50), Paragraph(2, 2, "")), topics)
    assert found == ()
    text = (
        "Around 3,000 people have crossed so far this year. Two men drowned off Calais. "
        "A bill to create new offences passed its second reading."
    )
    order = [m.topic for m in find_topics((Paragraph(1, 1, text),), topics) if m.substantive]
    assert order == ["crossings-statistics", "deaths-at-sea", "legislation"]


def test_topics_come_in_position_order_then_slug_order(topics):
    text = (
        "Around 3,000 people have crossed so far this year. Two men drowned off Calais. "
        "A bill to create new offences passed its second reading."
    )
    moved = {"legislation": 1, "crossings-statistics": 50, "deaths-at-sea": 50}
    reordered = tuple(dataclasses.replace(t, position=moved.get(t.slug, t.position)) for t in topics)
    order = [m.topic for m in find_topics((Paragraph(1, 1, text),), reordered) if m.substantive]
    assert order == ["legislation", "crossings-statistics", "deaths-at-sea"]  # a tie goes by slug
