"""Page junk: each outlet's furniture comes out, the article's prose stays.

Cases are invented lines in the styles of BBC, Guardian, Mirror/Express, Sky,
Telegraph live blogs and wire copy, checked against the rules in content/junk.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.clean import clean_text, looks_like_teaser
from generator.models import JunkRule, SourceText

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

JUNK_FILE = Path(__file__).resolve().parent.parent / "content" / "junk.yaml"


@pytest.fixture(scope="module")
def rules() -> tuple[JunkRule, ...]:
    data = yaml.safe_load(JUNK_FILE.read_text(encoding="utf-8"))
    return tuple(
        JunkRule(
            r["name"],
            r["pattern"],
            r.get("where", "line"),
            r.get("opens_list", False),
            r.get("names_above", False),
        )
        for r in data
    )


def assert_cleans(rules, source: str, kept: list[str], removed: list[str]) -> None:
    """Clean `source`; the paragraphs must be `kept` and the whole lines taken out `removed`."""
    clean = clean_text(SourceText("seeds/test.txt", source), rules)
    assert [p.text for p in clean.paragraphs] == kept
    assert [r.text for r in clean.removed if r.whole_line] == removed


STANDFIRST = "Ministers are drawing up plans to speed up the removal of people who cross the Channel."
PROSE = "The Home Office said it would publish the figures later this week."


def test_bbc_captions_and_story_links(rules):
    source = "\n".join(
        [
            STANDFIRST,
            "Media caption, Watch: Inflatable boats leave the beach at dawn",
            "Image source, Getty Images",
            PROSE,
            "More on this story",
            "By Amelia Hartley, Home affairs correspondent",
        ]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE],
        [
            "Media caption, Watch: Inflatable boats leave the beach at dawn",
            "Image source, Getty Images",
            "More on this story",
            "By Amelia Hartley, Home affairs correspondent",
        ],
    )


def test_guardian_live_blog_furniture_but_not_inline_time_references(rules):
    inline = "The minister repeated the figure he gave this morning (see 9.15am)."
    source = "\n".join(
        [
            STANDFIRST,
            "Key events",
            "Show key events only",
            "9.15am",
            "Updated at 10.32 GMT",
            inline,
            "Migrants wait on the beach at Gravelines. Photograph: Pierre Morel/AFP/Getty Images",
        ]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, inline],
        [
            "Key events",
            "Show key events only",
            "9.15am",
            "Updated at 10.32 GMT",
            "Migrants wait on the beach at Gravelines. Photograph: Pierre Morel/AFP/Getty Images",
        ],
    )


def test_mirror_and_express_captions_prompts_and_glued_credit(rules):
    source = "\n\n".join(
        [
            STANDFIRST,
            "A Border Force cutter returns to Dover harbour(Image: Getty)",
            "PA MediaThe figures were released on Friday afternoon.",
            "READ MORE: Minister says Rwanda flights will never take off",
            "Sign up to our free politics newsletter for the latest from Westminster",
            "Do you have a story to share? Email us at news@example.co.uk",
            "Share.",
            "Exit mobile version",
        ]
    )
    clean = clean_text(SourceText("seeds/test.txt", source), rules)
    assert [p.text for p in clean.paragraphs] == [
        STANDFIRST,
        "The figures were released on Friday afternoon.",
    ]
    glued = [r for r in clean.removed if not r.whole_line]
    assert [(g.line, g.text) for g in glued] == [(5, "PA Media")]
    assert len([r for r in clean.removed if r.whole_line]) == 6


def test_sky_player_notice_podcast_and_teaser_headlines(rules):
    source = "\n".join(
        [
            STANDFIRST,
            PROSE,
            "Dover lifeboat crews: ‘We are at breaking point’ as callouts hit new high",
            "Border chief quits after row over Channel patrol budget, sources say",
            "Please use Chrome browser for a more accessible video player",
            "Listen to the Sky News Daily podcast on Spotify",
            "Officials said the talks would continue.",
        ]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE, "Officials said the talks would continue."],
        [
            "Dover lifeboat crews: ‘We are at breaking point’ as callouts hit new high",
            "Border chief quits after row over Channel patrol budget, sources say",
            "Please use Chrome browser for a more accessible video player",
            "Listen to the Sky News Daily podcast on Spotify",
        ],
    )


def test_telegraph_live_blog_pointer_front_page_and_adblock(rules):
    source = "\n".join(
        [
            STANDFIRST,
            "??Follow the latest updates below.",
            PROSE,
            "Here is the front page of tomorrow's Daily Telegraph.",
            "Need help?",
            "Visit our adblocking instructions page.",
        ]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE],
        [
            "??Follow the latest updates below.",
            "Here is the front page of tomorrow's Daily Telegraph.",
            "Need help?",
            "Visit our adblocking instructions page.",
        ],
    )


def test_wire_copy_lines_are_joined_and_dateline_removed(rules):
    source = (
        "LONDON, March 3 (Reuters) -\n"
        "\n"
        "Britain and France agreed on Monday to step up patrols on the\n"
        "northern French coast, officials said, after a record number of\n"
        "crossings in February.\n"
        "\n"
        "The deal will be reviewed in six months.\n"
    )
    clean = clean_text(SourceText("seeds/wire.txt", source), rules)
    assert [(p.number, p.line, p.text) for p in clean.paragraphs] == [
        (
            1,
            3,
            "Britain and France agreed on Monday to step up patrols on the northern French coast, "
            "officials said, after a record number of crossings in February.",
        ),
        (2, 7, "The deal will be reviewed in six months."),
    ]
    assert [(r.line, r.rule) for r in clean.removed] == [(1, "dateline")]


def test_widget_placeholders_and_cookie_notices(rules):
    source = "\n".join(
        [STANDFIRST, "{{headline}}", "[[title]]", "We use cookies to improve your experience.", PROSE]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE],
        ["{{headline}}", "[[title]]", "We use cookies to improve your experience."],
    )


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday evening more than 500 people had crossed in small boats.",
        "Share prices in the ferry operators fell sharply.",
        "Follow-up talks between the two interior ministers are planned for next week.",
        "Watching from the cliffs, the coastguard counted six boats.",
        "Contacts between London and Paris have intensified since the summer.",
        "Advertisements for places on the boats circulate on social media, police say.",
        "“We will not be blackmailed,” the minister said, according to Le Monde.",
        "Labour’s plan: a new border command, more officers and tougher penalties for smugglers",
    ],
)
def test_prose_lines_are_never_removed(rules, line):
    assert_cleans(rules, f"{STANDFIRST}\n{line}\n{PROSE}", [STANDFIRST, line, PROSE], [])


def test_unpunctuated_standfirst_on_the_first_line_is_prose(rules):
    standfirst = (
        "Home Office officials say the plan would apply only to people whose claims have been refused"
    )
    assert_cleans(
        rules, f"{standfirst}\n\n{PROSE}\n\n{standfirst}.", [standfirst, PROSE, f"{standfirst}."], []
    )


def test_teaser_shape_needs_a_headline_signal():
    assert looks_like_teaser("Fishing row: Paris warns London over licences for French boats")
    assert not looks_like_teaser("More than 300 people crossed the Channel on Tuesday")
    assert not looks_like_teaser("Short line")


def test_never_raises_on_odd_input(rules):
    odd = "\x00\ufeff\u200b\n" + "x" * 200_000 + "\n" + "(" * 5_000 + "\n" + "A: " * 3_000
    clean = clean_text(SourceText("seeds/odd.txt", odd), rules)
    assert all(p.text for p in clean.paragraphs)
    assert clean_text(SourceText("seeds/empty.txt", ""), rules).paragraphs == ()


def test_topic_tags_and_story_links_under_a_list_heading(rules):
    source = "\n".join(
        [
            STANDFIRST,
            PROSE,
            "Related Topics",
            "Immigration",
            "France",
            "More on this story",
            "What happens to people who cross the Channel?",
            "Record number of crossings in a single day",
        ]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE],
        [
            "Related Topics",
            "Immigration",
            "France",
            "More on this story",
            "What happens to people who cross the Channel?",
            "Record number of crossings in a single day",
        ],
    )


def test_a_list_heading_does_not_take_the_prose_after_it(rules):
    after = "Officials in Calais said a further 40 people were rescued on Sunday."
    source = "\n".join([STANDFIRST, "Related stories", "Boats and the law", after])
    assert_cleans(rules, source, [STANDFIRST, after], ["Related stories", "Boats and the law"])


def test_live_blog_byline_name_above_a_journalists_title(rules):
    source = "\n".join([STANDFIRST, "Priya Raman", "Home affairs correspondent", PROSE])
    assert_cleans(rules, source, [STANDFIRST, PROSE], ["Priya Raman", "Home affairs correspondent"])


def test_a_name_without_a_title_below_stays(rules):
    source = "\n".join([STANDFIRST, "Priya Raman", PROSE])
    assert_cleans(rules, source, [STANDFIRST, "Priya Raman", PROSE], [])


def test_wire_copy_reporting_credit(rules):
    source = "\n".join(
        [STANDFIRST, PROSE, "(Reporting by Jane Doe; Additional reporting by Tom Roe; Editing by Ann Poe)"]
    )
    assert_cleans(
        rules,
        source,
        [STANDFIRST, PROSE],
        ["(Reporting by Jane Doe; Additional reporting by Tom Roe; Editing by Ann Poe)"],
    )
