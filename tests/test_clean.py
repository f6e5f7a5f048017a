"""Page junk: each outlet's furniture comes out, the article's prose stays.

Cases are invented lines in the styles of BBC, Guardian, Mirror/Express, Sky,
Telegraph live blogs and wire copy, checked against the rules in content/junk.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.clean import clean_text, looks_like_teaser
from generator.clean.review import unsure_lines
from generator.models import JunkRule, LineEdits, SourceText

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


# --- furniture that real pages carry: widgets, aggregators, breadcrumbs, small print -----------
LONG_PROSE = (
    "Border Force officers brought 212 people ashore at Dover on Tuesday after a night of calm "
    "weather, the Home Office said."
)
SECOND_PROSE = "Charities said the figures showed the need for safe routes to claim asylum in Britain."


def removed_rules(rules, source: str) -> dict[str, str]:
    """Clean `source`; each whole line taken out, mapped to the rule that took it."""
    clean = clean_text(SourceText("seeds/test.txt", source), rules)
    return {r.text.strip(): r.rule for r in clean.removed if r.whole_line}


def test_site_widgets_and_aggregator_furniture(rules):
    junk = [
        "On Air Now",
        "Next Story",
        "Send Push",
        "Powered by automated translation",
        "Hide Ad",
        "  • Oops!",
        "    Something went wrong.",
        "    Please try again later.",
        "Home   Kent   Politics   Story",
        "News > UK > Immigration",
        "@ Contact us",
        "2023 regional website of the year",
        "Unlock the Weekend Briefing for free",
        '<section class="promo" data-track="box">',
    ]
    source = "\n".join([STANDFIRST, *junk, LONG_PROSE, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, SECOND_PROSE], junk)


def test_bylines_timestamps_reading_times_and_section_labels(rules):
    junk = [
        "3 March 2022, 09:15 | Updated: 3 March 2022, 11:40",
        "Tue 14 Feb 2023",
        "·6-min read",
        "Key Points",
        "Summary",
        "Date of publication:",
        "Published",
        "Last updated",
        "By contributor Anna Bell, Tom Reed and Sam Ford Press Association",
    ]
    source = "\n".join([STANDFIRST, *junk, LONG_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE], junk)
    assert removed_rules(rules, source)["Tue 14 Feb 2023"] == "timestamp with full date (metadata)"


def test_date_stamp_before_prose_is_metadata_and_the_prose_stays(rules):
    clean = clean_text(SourceText("seeds/test.txt", f"date 2022-05-01 {LONG_PROSE}\n{SECOND_PROSE}"), rules)
    assert [p.text for p in clean.paragraphs] == [LONG_PROSE, SECOND_PROSE]
    assert [(r.text, r.rule) for r in clean.removed] == [("date 2022-05-01", "date stamp (metadata)")]


def test_captions_with_credits_in_agency_styles(rules):
    captions = [
        "Coastguard crews bring a dinghy ashore at Folkestone - Jane Smith/Reuters",
        "Rescue workers on the quay at Boulogne on Monday. Getty",
        "Police officers patrol a beach near Calais. — AFP pic",
        "Picture: Mark Ellis (120322-77)Lifeboat volunteers launch from the harbour at dawn.",
        "Tents at a camp near Dunkirk. (Photo by Ann Lee / AFP) (Photo by ANN LEE/AFP via Getty Images)",
        "Lifeboat crews return to Ramsgate. Pictures: PA",
        "Open this photo in gallery: A Border Force cutter leaves Dover harbour.",
        "Supporting image for story: Crossings rise again as summer weather returns",
    ]
    source = "\n".join([STANDFIRST, LONG_PROSE, *captions, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, SECOND_PROSE], captions)


def test_prose_that_names_an_agency_stays(rules):
    prose = [
        "The minister told Reuters the plan would be published in the spring.",
        "Officials said more than 300 people had crossed - a record for the month.",
    ]
    source = "\n".join([STANDFIRST, *prose])
    assert_cleans(rules, source, [STANDFIRST, *prose], [])


# --- lines that are junk because of where they stand ----------------------------------------


def test_caption_printed_twice_or_once_bare_and_once_with_credit(rules):
    twice = "Volunteers hand out blankets on the beach at Wimereux"
    bare = "Officers escort a group of men along the harbour wall"
    lines = [STANDFIRST, LONG_PROSE, twice, twice, SECOND_PROSE, bare, f"{bare}. Picture: PA", PROSE]
    kept = [STANDFIRST, LONG_PROSE, SECOND_PROSE, PROSE]
    assert_cleans(rules, "\n".join(lines), kept, [twice, twice, bare, f"{bare}. Picture: PA"])
    rules_by_line = removed_rules(rules, "\n".join(lines))
    assert rules_by_line[twice].startswith("repeated line") and rules_by_line[bare].startswith("caption")


def test_caption_glued_to_its_own_copy(rules):
    caption = "Ministers have set out a new plan for processing asylum claims (Image: Getty)"
    doubled = caption + caption[:40]
    source = "\n".join([STANDFIRST, LONG_PROSE, doubled, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, SECOND_PROSE], [doubled])


def test_pull_quote_repeated_from_the_body(rules):
    body = "“We will not let the gangs decide who comes to this country,” the minister said."
    pull = "We will not let the gangs decide who comes to this country"
    source = "\n".join([STANDFIRST, LONG_PROSE, body, pull, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, body, SECOND_PROSE], [pull])


def test_standfirst_repeated_in_the_body_stays(rules):
    source = "\n".join([STANDFIRST, LONG_PROSE, STANDFIRST, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, STANDFIRST, SECOND_PROSE], [])


def test_title_above_a_bare_picture_credit(rules):
    title = "Migrants Wade Out To A Dinghy Near Hardelot"
    source = "\n".join([STANDFIRST, LONG_PROSE, title, "Picture: Alamy", SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, SECOND_PROSE], [title, "Picture: Alamy"])


def test_prose_above_a_bare_picture_credit_stays(rules):
    source = "\n".join([STANDFIRST, LONG_PROSE, PROSE, "Picture: Alamy", SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, PROSE, SECOND_PROSE], ["Picture: Alamy"])


def test_lone_bulleted_video_title_goes_but_a_bulleted_list_stays(rules):
    video = "  • Reporter Sam Lee joins the night patrol on the French coast"
    points = ["  • Eleven boats reached Kent on Sunday", "  • French police stopped four more"]
    source = "\n".join(
        [STANDFIRST, video, "", LONG_PROSE, "Key Points", points[0], "", points[1], SECOND_PROSE]
    )
    kept = [STANDFIRST, LONG_PROSE, *[p.strip() for p in points], SECOND_PROSE]
    assert_cleans(rules, source, kept, [video, "Key Points"])


def test_single_word_and_a_name_repeated_by_the_byline(rules):
    source = "\n".join(["Newsdesk", STANDFIRST, "Ruth Okafor", "By Ruth Okafor", LONG_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE], ["Newsdesk", "Ruth Okafor", "By Ruth Okafor"])


def test_read_more_heading_takes_its_links_and_stops_at_the_next_label(rules):
    links = [
        "‘Record’ week for crossings as calm weather holds",
        "Charities warn over winter camps near Calais",
    ]
    points = ["  • Ministers to publish plan on Tuesday", "  • Patrols ‘doubled’ on French beaches"]
    source = "\n".join([STANDFIRST, LONG_PROSE, "Read More", *links, "Key Points", *points, SECOND_PROSE])
    kept = [STANDFIRST, LONG_PROSE, *[p.strip() for p in points], SECOND_PROSE]
    assert_cleans(rules, source, kept, ["Read More", *links, "Key Points"])


def test_a_cut_off_last_paragraph_stays(rules):
    for last in ["He said: “The gangs will not decide who", "Speaking later, Ms Reed told Sky"]:
        source = "\n".join([STANDFIRST, LONG_PROSE, SECOND_PROSE, last])
        assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, SECOND_PROSE, last], [])


def test_hard_wrapped_copy_is_joined_before_the_context_rules_judge_it(rules):
    wrapped = ["The home secretary travelled to", "Calais", "to meet her French counterpart on Monday."]
    source = "\n".join([STANDFIRST, LONG_PROSE, *wrapped, SECOND_PROSE])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, " ".join(wrapped), SECOND_PROSE], [])


def test_small_print_tags_credits_and_page_notices(rules):
    junk = [
        "Mon, 4 March 2024 at 5:06 pm GMT",
        "Last modified on Tue 14 Feb 2023 12.00 GMT",
        "This article is more than 2 years old",
        "© 2024 Example Media Ltd",
        "Topics: Immigration, Home Office",
        "Listen to this article",
        "3/12",
        "AFP via Getty Images",
        "Jane Doe/PA",
        "By clicking Sign up, you agree to our terms and privacy notice.",
        "Please enable JavaScript to view comments",
    ]
    prose = ["The Home Office said 3 of 12 boats were stopped.", "PA reported that 300 people crossed."]
    source = "\n".join([STANDFIRST, *junk, LONG_PROSE, *prose])
    assert_cleans(rules, source, [STANDFIRST, LONG_PROSE, *prose], junk)


CAPTION = "Migrants are brought ashore at Dover"
CREDIT = "Picture: Gareth Fuller"


def test_an_editor_keeps_a_line_the_cleaner_removed_and_removes_one_it_kept(rules):
    source = "\n".join([STANDFIRST, CAPTION, CREDIT, LONG_PROSE, PROSE])
    plain = clean_text(SourceText("seeds/test.txt", source), rules)
    assert [r.line for r in plain.removed] == [2, 3]
    edits = LineEdits(keep=frozenset({2}), remove=frozenset({5}), by="content/articles/dover.md")
    clean = clean_text(SourceText("seeds/test.txt", source), rules, edits)
    assert [(p.number, p.line, p.text) for p in clean.paragraphs] == [
        (1, 1, STANDFIRST),
        (2, 2, CAPTION),
        (3, 4, LONG_PROSE),
    ]
    assert [(r.line, r.rule) for r in clean.removed] == [
        (3, plain.removed[1].rule),
        (5, "removed by an editor (content/articles/dover.md)"),
    ]


def test_the_editor_wins_over_every_pass(rules):
    teaser = "Caught in the middle: How Channel fishermen found themselves on the front line"
    lines = [STANDFIRST, "Share this article", LONG_PROSE, teaser, "Ottawa", SECOND_PROSE]
    source = "\n".join(lines)
    plain = clean_text(SourceText("seeds/test.txt", source), rules)
    assert [r.line for r in plain.removed] == [2, 4, 5]  # a junk.yaml rule, a teaser, a context rule
    everything = LineEdits(keep=frozenset({2, 4, 5}), remove=frozenset({1}))
    clean = clean_text(SourceText("seeds/test.txt", source), rules, everything)
    assert [p.text for p in clean.paragraphs] == lines[1:]
    assert [(r.line, r.rule) for r in clean.removed] == [(1, "removed by an editor")]


def test_the_cleaner_is_unsure_of_heuristic_removals_and_short_kept_lines(rules):
    source = "\n".join(["Dover", STANDFIRST, CAPTION, CREDIT, LONG_PROSE, "The Rwanda question", PROSE])
    clean = clean_text(SourceText("seeds/test.txt", source), rules)
    assert [str(d) for d in unsure_lines(clean, rules, source)] == [
        "line 1 removed (single word alone on a line (label or site name)): Dover",
        "line 3 removed (caption: the line above a picture credit): Migrants are brought ashore at Dover",
        "line 6 kept (short, like a heading or caption): The Rwanda question",
    ]  # line 4 went by a junk.yaml rule, and the headline is never doubted


def test_a_section_label_above_the_headline_is_furniture_and_the_headline_stays(rules):
    assert_cleans(
        rules,
        "Breaking News\n\nCrossings pass a new milestone for the year\n\n"
        "Officials said the total passed the mark on Tuesday as calm weather held.\n\nAnalysis\n",
        kept=[
            "Crossings pass a new milestone for the year",
            "Officials said the total passed the mark on Tuesday as calm weather held.",
        ],
        removed=["Breaking News", "Analysis"],
    )
