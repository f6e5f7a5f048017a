"""The timeline: date phrases found in sentences, relative dates resolved against the article's date,
one event per sentence, editors' corrections, curated events, and the pages that list them."""

from __future__ import annotations

import pytest

from generator.annotate.date_mentions import is_event_sentence, paragraph_dates, sentence_tense
from generator.annotate.date_phrases import find_date_phrases
from generator.article import apply_sidecar
from generator.events import article_events, build_timeline, resolve
from generator.models import (
    Annotations,
    Article,
    CleanText,
    DateMention,
    Event,
    EventOverride,
    Knowledge,
    Paragraph,
    Sidecar,
    SiteIndex,
    Sourced,
    SourceText,
    TopicDef,
    TopicLinks,
)
from generator.pages.environment import make_environment
from generator.pages.timeline import (
    CURATED_ON_INDEX,
    EVENTS_PER_MONTH,
    TOPIC_EVENTS,
    event_row,
    render_timeline,
    topic_timeline,
)
from generator.pages.views import Catalogue

pytestmark = pytest.mark.fast


def phrases(sentence: str) -> list[tuple[str, str | None]]:
    """(phrase as written, its date or relative form) for each date phrase of `sentence`."""
    return [(p.text, p.date or p.relative) for p in find_date_phrases(sentence)]


# --- finding date phrases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The dinghy sank on 24 November 2021 off the French coast.", [("24 November 2021", "2021-11-24")]),
        (
            "The court ruled on November 15, 2023 that the plan was unlawful.",
            [("November 15, 2023", "2023-11-15")],
        ),
        ("Judges ruled on Wednesday, Nov. 15, 2023.", [("on Wednesday, Nov. 15, 2023", "2023-11-15")]),
        ("The deal was signed on 10th July 2025 in London.", [("10th July 2025", "2025-07-10")]),
        ("The scheme was agreed in April, 2022 by both sides.", [("in April, 2022", "2022-04")]),
        ("The camp was cleared in 2016 by French police.", [("in 2016", "2016")]),
        (
            "Crossings rose sharply in mid-2019 and fell at the end of 2020.",
            [("in mid-2019", "2019"), ("at the end of 2020", "2020")],
        ),
    ],
)
def test_explicit_dates_are_read_as_written(sentence: str, expected: list) -> None:
    assert phrases(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Twenty people died in the Channel yesterday.", [("yesterday", "day:-1")]),
        ("The minister confirmed it late last night.", [("last night", "day:-1")]),
        ("The bill passed its third reading today.", [("today", "day:0")]),
        ("The boats were intercepted last week.", [("last week", "week:-1")]),
        ("Ministers met on Monday to discuss the plan.", [("on Monday", "weekday:monday")]),
        ("The ruling was released Wednesday by the court.", [("Wednesday", "weekday:wednesday")]),
        ("More than 1,000 arrived last Friday.", [("last Friday", "last-weekday:friday")]),
        ("In July, the two ministers signed a deal.", [("In July", "month-name:07")]),
        ("The declaration last December was a success.", [("last December", "last-month-name:12")]),
        ("Police could start patrols at the end of May.", [("at the end of May", "month-name:05")]),
        ("The deal came into force last month.", [("last month", "month:-1")]),
        ("The UK signed an agreement earlier this month.", [("earlier this month", "month:0")]),
        ("The Supreme Court ruled it unlawful last year.", [("last year", "year:-1")]),
        ("The protest began when the barge arrived on 18 July.", [("18 July", "month-day:07-18")]),
        ("The flight was due to leave on June 14.", [("June 14", "month-day:06-14")]),
    ],
)
def test_relative_dates_are_kept_in_a_normal_form(sentence: str, expected: list) -> None:
    assert phrases(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 5,000 people have crossed so far this year.",  # a running total
        "The total so far in 2025 is higher than ever.",
        "Removals have risen 21% since July 5.",  # the start of a span
        "Crossings are up 46% on last year.",  # comparisons
        "Arrivals are three times higher than the total last year.",
        "The figure is 24% higher than at this stage in 2024.",
        "It was almost three times the number in 2020.",
        "Asylum arrivals have not increased in the last year.",  # the past twelve months
        "The MP spoke in the wake of yesterday's tragedy.",  # a possessive names a thing
        "Ahead of Thursday's summit, the minister called for more money.",
        "Charities say it would break the 1951 Refugee Convention.",  # a year with no preposition
        "Theresa May and Emmanuel Macron met at Sandhurst.",  # a name, not the month
        "She told BBC Radio 4's Today programme that it would be 500.",  # a programme, not a date
        "Ferries sail every Monday from the port.",  # a habit
        "Black Friday sales were down, the retailers said.",  # a name, not the weekday
    ],
)
def test_phrases_that_date_no_event_are_left_out(sentence: str) -> None:
    assert phrases(sentence) == []


def test_more_than_is_a_quantity_not_a_comparison() -> None:
    assert phrases("More than 1,100 migrants arrived in the UK in July alone.") == [
        ("in July", "month-name:07")
    ]


# --- which sentences tell of an event -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Thursday 18 January 2018 14:23, UK",  # a timestamp
        "28 November 2020, 17:45 | Updated: 28 November 2020, 22:45",
        "A boat in the Channel on 3 June 2024. Picture: Jane Doe",  # captions
        "Migrants arrive at Dover on Monday after the crossing (Gareth Smith/PA)",
        "In this file photo taken on 1 September 2020 migrants cross the Channel.",
        "Published 3 June 2024",  # a fragment
    ],
)
def test_timestamps_captions_and_fragments_are_not_events(sentence: str) -> None:
    assert not is_event_sentence(sentence)


def test_a_sentence_with_a_verb_is_an_event() -> None:
    assert is_event_sentence("The Home Secretary signed the agreement on 10 July 2025 in Paris.")


def test_the_tense_picks_the_past_or_the_coming_day() -> None:
    assert sentence_tense("The minister signed the deal on Monday.") == "past"
    assert sentence_tense("The minister will sign the deal on Monday.") == "future"
    assert sentence_tense("The flight, due to leave on June 14, was grounded.") == ""  # both
    assert sentence_tense("Police could start patrols at the end of May.") == ""  # neither


def test_a_dateline_and_a_relative_date_inside_a_quotation_are_left_out() -> None:
    text = (
        "PARIS, Nov 26 (AFP) — The interior minister cancelled the meeting on Friday. "
        '"We had a call just yesterday," she said. "The boat sank on 24 November 2021," he added.'
    )
    found = [(m.phrase, m.date or m.relative) for m in paragraph_dates(Paragraph(1, 1, text))]
    assert found == [("on Friday", "weekday:friday"), ("24 November 2021", "2021-11-24")]


def test_a_mention_records_its_paragraph_sentence_and_tense() -> None:
    text = "Officials said it was calm. The boat sank yesterday off the coast near Calais."
    (mention,) = paragraph_dates(Paragraph(4, 9, text))
    assert mention == DateMention(
        4, "The boat sank yesterday off the coast near Calais.", "yesterday", None, "day:-1", "past"
    )


# --- resolving relative dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "tense", "published", "expected"),
    [
        ("day:-1", "past", "2025-07-10", "2025-07-09"),
        ("day:-1", "past", "2024-03-01", "2024-02-29"),  # a month boundary, in a leap year
        ("day:-1", "past", "2025-01-01", "2024-12-31"),  # a year boundary
        ("day:0", "past", "2021-12-08", "2021-12-08"),
        ("weekday:monday", "past", "2025-06-30", "2025-06-30"),  # a Monday article: that day
        ("weekday:monday", "future", "2025-06-30", "2025-06-30"),
        ("weekday:monday", "past", "2025-07-03", "2025-06-30"),  # a Thursday: the Monday before
        ("weekday:monday", "future", "2024-09-15", "2024-09-16"),  # a Sunday: the next day
        ("weekday:sunday", "", "2021-11-26", "2021-11-28"),  # no tense: the nearer Sunday
        ("last-weekday:friday", "", "2025-09-24", "2025-09-19"),
        ("last-weekday:friday", "", "2025-09-26", "2025-09-19"),  # a Friday: the one before
        ("next-weekday:monday", "", "2025-06-30", "2025-07-07"),
        ("month-name:07", "past", "2025-03", "2024-07"),  # the most recent July not after March
        ("month-name:07", "past", "2025-07-20", "2025-07"),
        ("month-name:05", "", "2025-04", "2025-05"),  # no tense, near ahead: the coming May
        ("month-name:12", "past", "2026-01-05", "2025-12"),  # a year boundary
        ("last-month-name:12", "", "2019-07-23", "2018-12"),
        ("last-month-name:07", "", "2019-07-23", "2018-07"),  # last July, said in July
        ("month-day:06-14", "", "2022-12-19", "2022-06-14"),  # far ahead: the past one
        ("month-day:07-18", "past", "2023-08-07", "2023-07-18"),
        ("month-day:02-29", "past", "2025-03-10", "2024-02-29"),
        ("month:-1", "past", "2025-01-15", "2024-12"),  # a year boundary
        ("month:0", "past", "2025-03", "2025-03"),
        ("year:-1", "past", "2025", "2024"),
        ("week:0", "past", "2024-04-25", "2024-04"),  # this week, up to a Thursday
        ("week:-1", "past", "2025-07-17", "2025-07"),
    ],
)
def test_relative_dates_resolve_against_the_article_date(
    relative: str, tense: str, published: str, expected: str
) -> None:
    assert resolve(relative, tense, published) == expected


@pytest.mark.parametrize(
    ("relative", "published"),
    [
        ("day:-1", None),  # an undated article
        ("day:-1", "2025-03"),  # yesterday in March 2025 could be in February
        ("weekday:thursday", "2025-03"),
        ("month-name:07", "2025"),  # July 2024 or July 2025
        ("month-day:03-31", "2025-03"),  # 31 March 2024, or 2025 if written that day
        ("week:-1", "2025-07-10"),  # 30 June to 6 July: two months
    ],
)
def test_a_date_that_cannot_be_worked_out_to_the_month_is_dropped(
    relative: str, published: str | None
) -> None:
    assert resolve(relative, "past", published) is None


def article(published: Sourced, *mentions: DateMention, slug: str = "a") -> Article:
    source = SourceText("seeds/a.txt", "text\n")
    annotations = Annotations(published=published, dates=mentions)
    return Article(slug, source, None, CleanText((), ()), annotations)


def test_one_event_per_sentence_the_most_precise_date_first() -> None:
    sentence = "Last year, 5,000 arrivals was passed on March 31."
    found = article_events(
        article(
            Sourced("2025-04-10", by="editor"),
            DateMention(3, sentence, "Last year", relative="year:-1", tense="past"),
            DateMention(3, sentence, "March 31", relative="month-day:03-31", tense="past"),
        )
    )
    assert found == [
        Event("2025-03-31", sentence, "a", 3, "March 31", resolved=True),
    ]


def test_an_undated_article_keeps_its_written_dates_only() -> None:
    found = article_events(
        article(
            Sourced(None),
            DateMention(1, "The boat sank yesterday.", "yesterday", relative="day:-1"),
            DateMention(2, "The act passed in 2023.", "in 2023", date="2023"),
        )
    )
    assert [(e.date, e.resolved) for e in found] == [("2023", False)]


def test_a_date_inferred_from_the_prose_is_too_weak_to_count_from() -> None:
    """An inferred month (from "so far this year" totals) anchors nothing; an inferred day (a
    timestamp on the page) or an editor's month does."""
    mention = DateMention(
        1, "The deal was signed in July.", "in July", relative="month-name:07", tense="past"
    )
    assert article_events(article(Sourced("2025-03", by="text"), mention)) == []
    assert [e.date for e in article_events(article(Sourced("2025-03-05", by="text"), mention))] == ["2024-07"]
    assert [e.date for e in article_events(article(Sourced("2025-03", by="editor"), mention))] == ["2024-07"]


def test_the_timeline_is_in_date_order_curated_first_on_a_date() -> None:
    dated = article(
        Sourced("2021-11-25", by="editor"),
        DateMention(2, "27 people died yesterday.", "yesterday", relative="day:-1", tense="past"),
    )
    curated = Event(
        "2021-11-24", "A boat sank.", curated=True, source_title="Report", source_url="https://x.org"
    )
    early = Event("2021-03", "Something else happened.", curated=True)
    timeline = build_timeline([dated], [curated, early])
    assert [(e.date, e.curated) for e in timeline] == [
        ("2021-03", True),
        ("2021-11-24", True),
        ("2021-11-24", False),
    ]


# --- an editor's corrections -----------------------------------------------------------------


def test_an_editor_drops_or_dates_an_event_by_its_text() -> None:
    sentence = "The minister met her French counterpart on Monday in Paris."
    other = "Crossings resumed on Tuesday after the storm."
    annotations = Annotations(
        dates=(
            DateMention(1, sentence, "on Monday", relative="weekday:monday", tense="past"),
            DateMention(2, other, "on Tuesday", relative="weekday:tuesday", tense="past"),
        )
    )
    sidecar = Sidecar(
        "content/articles/a.md",
        "a",
        "a.txt",
        event_overrides=(
            EventOverride("met her French   counterpart", date="2025-07-07"),
            EventOverride("Crossings resumed", drop=True),
        ),
    )
    (corrected,) = apply_sidecar(annotations, sidecar).dates
    assert (corrected.date, corrected.relative, corrected.corrected) == ("2025-07-07", None, True)
    (event,) = article_events(article(Sourced(None), corrected))
    assert (event.date, event.corrected, event.resolved) == ("2025-07-07", True, False)


# --- the pages ----------------------------------------------------------------------------------


def catalogue_of(events: list[Event], topics: tuple = ()) -> Catalogue:
    knowledge = Knowledge(topics=topics)
    links = tuple(TopicLinks(t.slug, (), ()) for t in topics)
    return Catalogue.of(
        (), knowledge, SiteIndex((), links, (), events=tuple(sorted(events, key=lambda e: e.date)))
    )


def curated(date: str, text: str, topics: tuple[str, ...] = ()) -> Event:
    return Event(
        date, text, curated=True, source_title="Source", source_url="https://example.org/", topics=topics
    )


def test_no_page_lists_every_event_of_a_crowded_year() -> None:
    events = [
        curated(f"2024-03-{day:02d}", f"March event {day} {n}.") for day in range(1, 29) for n in range(3)
    ]
    events += [curated("2024", "An event of the year."), curated("2023-12-31", "The year before.")]
    pages = {p.path: p.text for p in render_timeline(make_environment(), catalogue_of(events))}
    assert sorted(pages) == ["timeline/2023.md", "timeline/2024.md", "timeline/index.md"]
    year = pages["timeline/2024.md"]
    assert year.count("\n- **") == EVENTS_PER_MONTH + 1
    assert f"{84 - EVENTS_PER_MONTH} more events this month are not listed." in year
    shown = [line.split("**")[1] for line in year.splitlines() if line.startswith("- **")]
    assert shown[:2] == ["1 March 2024", "1 March 2024"] and shown[-1] == "2024"  # date order, year last
    assert "## March 2024" in year and "## Dated only by year" in year
    assert "Earlier: [2023](2023.md)" in year
    index = pages["timeline/index.md"]
    assert index.index("[2024](2024.md): 85 events") < index.index("[2023](2023.md): 1 event")
    assert index.count("\n- **") == CURATED_ON_INDEX


def test_a_topic_shows_its_newest_events_and_links_every_year() -> None:
    topic = TopicDef("content/topics/t.md", "t", "T", "", "", (), 1)
    events = [curated(f"{2000 + n}-01-01", f"Event {n}.", topics=("t",)) for n in range(25)]
    events.append(curated("2030", "On another topic.", topics=("u",)))
    timeline = topic_timeline("t", catalogue_of(events, (topic,)))
    assert timeline.total == 25
    assert [row.date for row in timeline.rows][:2] == ["1 January 2024", "1 January 2023"]
    assert len(timeline.rows) == TOPIC_EVENTS
    assert timeline.years[0] == "[2024](../timeline/2024.md)" and len(timeline.years) == 25


def test_an_event_says_how_its_date_was_found() -> None:
    catalogue = catalogue_of([])
    row = event_row(Event("2025-07", "Text.", "a", 2, "in July", resolved=True), catalogue, "timeline")
    assert (row.date, row.note) == ("July 2025", "from “in July”")
    assert event_row(Event("2025-07-10", "Text.", corrected=True), catalogue, "timeline").note == (
        "corrected by an editor"
    )
    hostile = Event(
        "2025", "T.", curated=True, source_title="[x](javascript:alert(1))", source_url="javascript:x"
    )
    assert event_row(hostile, catalogue, "timeline").source == "\\[x\\]\\(javascript:alert\\(1\\)\\)"
