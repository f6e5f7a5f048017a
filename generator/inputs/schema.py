"""The declared shape of every file contributors edit, and its errors as located Problems.

In: a YamlDocument (plain values with the line of every key). Out: validated
pydantic models plus a Problem, `path:line: what is wrong and how to fix it`,
for every error in the file, not just the first. Models forbid unknown keys
and use strict types, so `no` or `12:30` where text is expected is an error.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from generator.inputs.paths import plain_file_name, unusable_characters
from generator.inputs.patterns import pattern_problem
from generator.inputs.schema_messages import error_message, unknown_key_message
from generator.inputs.textfile import ImpossibleDate, KeyPath, YamlDocument
from generator.models import Problem

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date_as_text(value: Any) -> Any:
    """YAML reads `2021-11-25` as a date and `2025` as a number; both are dates written the usual way."""
    if isinstance(value, dt.datetime):
        raise ValueError("give the date without a time: YYYY, YYYY-MM or YYYY-MM-DD")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, ImpossibleDate):
        return value.text
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (bool, float)):
        raise ValueError(f"`{value}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _real_date(text: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar."""
    found = _PARTIAL_DATE.fullmatch(text)
    if found is None:
        raise ValueError(f"`{text}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in found.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"`{text}` is not a real date: there is no month {month}")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            name = calendar.month_name[month]
            raise ValueError(f"`{text}` is not a real date: {name} {year} has {last} days")
    return text


def _compiles(pattern: str) -> str:
    """A regular expression that the linear-time pattern engine can run."""
    problem = pattern_problem(pattern)
    if problem is not None:
        raise ValueError(problem)
    return pattern


def _visible_line(text: str) -> str:
    """One line of visible text: no line break, control, zero-width or bidi control character."""
    hidden = unusable_characters(text)
    if hidden:
        raise ValueError(
            f"contains {hidden[0]}, an invisible character that can hide or reorder what readers see; delete it"
        )
    return text


# A web address a link may carry as it is: http(s), then no space, quote, bracket, backslash or
# backtick (nothing that could end a Markdown link target or an HTML attribute).
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'()\[\]{}\\`|^]+", re.I)


def _web_address(text: str) -> str:
    """A whole http:// or https:// address, with nothing that could end a link's target."""
    if not _WEB_ADDRESS.fullmatch(text):
        raise ValueError(
            f"`{text[:80]}` is not a web address a link can carry; write the page's address in full, "
            "starting https://, and percent-encode spaces, quotes and brackets (%20, %22, %28 ...)"
        )
    return text


REVIEWED_FIELDS = ("title", "outlet", "published")
REVIEW_LINE = re.compile(r"line (\d+)\b.*", re.DOTALL)


def _review_item(text: str) -> str:
    """A field still to check (`title`, `outlet`, `published`) or a seed line, `line 7 ...`."""
    if text in REVIEWED_FIELDS or REVIEW_LINE.fullmatch(text):
        return text
    raise ValueError(
        f"`{text}` is nothing to review; write title, outlet or published, "
        "or a line of the seed as `line 7 ...` (the number first)"
    )


def _not_blank(text: str) -> str:
    """Text with something to read: a name, a term or a quote of spaces alone matches everything."""
    if not text.strip():
        raise ValueError(
            "this text is only spaces, which would match everything; write the text, or delete the entry"
        )
    return text


PartialDate = Annotated[str, BeforeValidator(_date_as_text), AfterValidator(_real_date)]
Line = Annotated[str, Field(min_length=1), AfterValidator(_visible_line)]
Pattern = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
SeedName = Annotated[str, Field(min_length=1), AfterValidator(plain_file_name)]  # never a path
WebAddress = Annotated[str, AfterValidator(_web_address)]
SeedLine = Annotated[int, Field(gt=0)]  # a line number of the seed, counted from 1
ReviewItem = Annotated[str, AfterValidator(_review_item)]


class Strict(BaseModel):
    """Unknown keys are errors; values are never coerced from one type to another."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- content/articles/<slug>.md --------------------------------------------------


class QuoteOverrideFront(Strict):
    quote: Text  # the start of the quote, exactly as in the article
    speaker: Text
    role: str | None = None


class EventOverrideFront(Strict):
    """An editor's correction of one dated event of the article: `drop: true`, or the right `date:`."""

    text: Text  # part of the event's sentence, as the timeline shows it
    drop: bool = False
    date: PartialDate | None = None

    @model_validator(mode="after")
    def _drop_or_date(self) -> EventOverrideFront:
        if self.drop == (self.date is not None):
            raise ValueError("give either `drop: true` or `date:` (YYYY, YYYY-MM or YYYY-MM-DD), one of them")
        return self


_FIGURE_PERIOD = re.compile(r"(?:(?:19|20)\d\d(?: (?:to date|part))?|unknown)")


def _figure_period(value: Any) -> Any:
    """`2021` (the whole year), `2021 to date`, `2021 part` (a day, a month) or `unknown`."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _FIGURE_PERIOD.fullmatch(value):
        raise ValueError(
            f"`{value}` is not a period; write a year (`2021`, the whole year), `2021 to date` "
            "(from January to the article's day), `2021 part` (a day or a month of it) or `unknown`"
        )
    return value


FigurePeriod = Annotated[str, BeforeValidator(_figure_period)]


class FigureOverrideFront(Strict):
    """A correction of one figure, named by its text as the article page shows it."""

    figure: Text
    measure: Slug | None = None
    period: FigurePeriod | None = None
    drop: bool = False

    @model_validator(mode="after")
    def _changes_something(self) -> FigureOverrideFront:
        if self.drop and (self.measure or self.period):
            raise ValueError("`drop: true` takes the figure out; leave out `measure:` and `period:`")
        if not (self.drop or self.measure or self.period):
            raise ValueError("say what to correct: `measure:`, `period:` or `drop: true`")
        return self


class OverridesFront(Strict):
    quotes: list[QuoteOverrideFront] = []
    events: list[EventOverrideFront] = []
    figures: list[FigureOverrideFront] = []


class SidecarFront(Strict):
    """Front matter of an article sidecar."""

    seed: SeedName
    title: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None
    basis: str | None = None
    topics: list[Slug] | None = None
    overrides: OverridesFront | None = None
    keep: list[SeedLine] | None = None  # seed lines the cleaner took out that an editor puts back
    remove: list[SeedLine] | None = None  # seed lines the cleaner kept that an editor takes out
    review: list[ReviewItem] | None = None  # fields and lines still to check; empty once all are


# --- content/topics/<slug>.md ----------------------------------------------------


class TermFront(Strict):
    """One matching rule: a plain `phrase` or a regular expression `pattern`, and its weight."""

    phrase: Text | None = None
    pattern: Pattern | None = None
    weight: float = 1.0

    @model_validator(mode="after")
    def _one_of_phrase_or_pattern(self) -> TermFront:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError("give either `phrase:` or `pattern:` (exactly one of them)")
        return self


class MatchFront(Strict):
    sentence_threshold: float = Field(default=2.0, gt=0)
    terms: list[TermFront] = []


class TopicFront(Strict):
    """Front matter of a topic page.

    `position` is the topic's place in the topic order (1 first): a whole number, required, one per
    topic; gaps are allowed: only the order counts.
    """

    title: Line
    description: Annotated[str, AfterValidator(_visible_line)] = ""
    position: Annotated[int, Field(gt=0)]
    related: list[Slug] = []
    match: MatchFront = MatchFront()


# --- hand-written pages: content/index.md, about.md, any other content/**/*.md -------


class PageFront(Strict):
    """Front matter of a hand-written page: only what the page needs, nothing the theme would act on.

    Keys such as `template`, `location`, `icon`, `subtitle`, `status` or `author` are refused:
    the theme prints or obeys them without escaping.
    """

    title: Line | None = None
    description: Annotated[str, AfterValidator(_visible_line)] = ""
    tags: list[Line] = []
    hide: list[Literal["navigation", "toc", "footer", "tags", "path", "feedback"]] = []


# --- content/entities.yaml, junk.yaml, outlets.yaml ------------------------------


class RoleEntry(Strict):
    title: Text
    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> RoleEntry:
        if self.start and self.end:
            common = min(len(self.start), len(self.end))
            if self.end[:common] < self.start[:common]:
                raise ValueError(
                    f"the role ends ({self.end}) before it starts ({self.start}); swap or fix the dates"
                )
        return self


class EntityEntry(Strict):
    """A person, organisation, party, place, agreement or law."""

    name: Text
    kind: Literal["person", "organisation", "party", "place", "agreement", "law"]
    aliases: list[Text] = []
    roles: list[RoleEntry] = []
    note: str | None = None


class JunkRuleEntry(Strict):
    name: Text
    where: Literal["line", "prefix"] = "line"
    pattern: Pattern
    opens_list: bool = False
    names_above: bool = False


class GlossaryEntry(Strict):
    """A term readers meet in the articles, with its definition."""

    term: Text
    definition: Text
    aliases: list[Text] = []

    @field_validator("term", "aliases")
    @classmethod
    def _no_brackets(cls, value: Any) -> Any:
        """A term or alias must fit the `*[term]: definition` line each article page ends with."""
        for text in value if isinstance(value, list) else [value]:
            if any(ch in text for ch in "[]\\") or not text.isprintable():
                raise ValueError(
                    f"`{text}` may not contain [, ], \\, a line break or a control character; "
                    "write the term as it appears"
                )
        return value

    @property
    def name(self) -> str:
        return self.term


class OutletSignalEntry(Strict):
    pattern: Pattern
    weight: float = 1.0


class OutletEntry(Strict):
    """An outlet: the signals that it published an article, and its short names ("Mirror")."""

    name: Text
    aliases: list[Text] = []
    signals: list[OutletSignalEntry] = []


# --- content/events.yaml ------------------------------------------------------------


class EventSourceEntry(Strict):
    """Where a curated event is recorded: a web page (`title:` and `url:`) or an article of the project."""

    title: Line | None = None
    url: WebAddress | None = None
    article: Slug | None = None  # the slug of an article page: content/articles/<slug>.md

    @model_validator(mode="after")
    def _page_or_article(self) -> EventSourceEntry:
        page = self.title is not None or self.url is not None
        if (self.article is not None) == page or (page and (self.title is None or self.url is None)):
            raise ValueError(
                "give the source as `title:` and `url:` (a web page), or as `article:` (an article's slug)"
            )
        return self


class EventEntry(Strict):
    """A curated event of the timeline: its date, what happened, where it is recorded, its topics."""

    date: PartialDate
    text: Annotated[Line, Field(max_length=300)]
    source: EventSourceEntry
    topics: list[Slug] = []

    @property
    def name(self) -> str:
        """What makes two entries the same event (reported as a duplicate)."""
        return f"{self.date}: {self.text}"


# --- content/units.yaml ------------------------------------------------------------

_LOWER_PHRASE = re.compile(r"[a-z][a-z'’-]*(?: [a-z][a-z'’-]*)*")


def _lower_phrase(text: str) -> str:
    """A lower-case word or phrase: letters, hyphens and apostrophes, words apart by single spaces."""
    if not _LOWER_PHRASE.fullmatch(text):
        raise ValueError(
            f"`{text}` is not a lower-case word or phrase; write letters, hyphens and apostrophes "
            "in lower case, words separated by single spaces"
        )
    return text


def _one_or_two_words(text: str) -> str:
    """A hyphenated noun, alone ("member") or with the word after it ("member bloc")."""
    if text.count(" ") > 1:
        raise ValueError(
            f"`{text}` has more than two words; write the hyphenated word and at most one after it"
        )
    return text


Word = Annotated[str, AfterValidator(_lower_phrase)]
HyphenWord = Annotated[str, AfterValidator(_lower_phrase), AfterValidator(_one_or_two_words)]


class DeathWordsEntry(Strict):
    after: list[Word] = []  # "27 people died"
    before: list[Word] = []  # "the deaths of 27 people"


class OrdinalWordsEntry(Strict):
    nouns: list[Word] = []  # "a fifth smuggler"
    events: list[Word] = []  # "the 11th death"


RESERVED_MEASURES = ("index", "other", "crossings")  # the figures pages the site makes itself


def _own_measure(slug: str) -> str:
    if slug in RESERVED_MEASURES:
        raise ValueError(f"`{slug}` is the name of one of the site's own figures pages; choose another")
    return slug


class MeasureEntry(Strict):
    """A measure: its page's slug and title, the units that are it, the words that make a count of people it."""

    measure: Annotated[Slug, AfterValidator(_own_measure)]
    title: Line
    description: Annotated[str, AfterValidator(_visible_line)] = ""
    units: list[Line] = []
    words: list[Word] = []


class UnitsFile(Strict):
    """content/units.yaml: the nouns numbers count, by unit, and the words around a number."""

    counted: dict[Line, list[Word]] = {}
    money: dict[Line, list[Word]] = {}
    hyphenated: dict[Line, list[HyphenWord]] = {}
    abbreviations: list[Word] = []
    skipped_adjectives: list[Word] = []
    not_counted: list[Word] = []
    deaths: DeathWordsEntry = DeathWordsEntry()
    ordinals: OrdinalWordsEntry = OrdinalWordsEntry()
    people_story_words: list[Word] = []
    not_years: list[Word] = []
    counts_of_people: list[Line] = []
    measures: list[MeasureEntry] = []


def validate_units(document: YamlDocument, rel: str) -> tuple[UnitsFile | None, list[Problem]]:
    """content/units.yaml as a UnitsFile (None when it has an error), and a Problem for every
    error and every word written twice in one section (the first one counts)."""
    found, problems = validate_mapping(UnitsFile, document, rel)
    if found is None:
        return None, problems
    return found, problems + _repeated_words(_word_sections(found), document, rel)


def _word_sections(found: UnitsFile) -> list[list[tuple[KeyPath, str]]]:
    """Each section in which a word may appear once, as (key path, word) pairs.

    `counted` and `money` are one section: a noun is counted as things or as money, not both. A
    measure's slug, unit or word may appear in one measure only."""
    by_unit = [("counted", found.counted), ("money", found.money)]
    sections = [
        [
            ((key, unit, i), word)
            for key, units in by_unit
            for unit, words in units.items()
            for i, word in enumerate(words)
        ],
        [
            (("hyphenated", unit, i), word)
            for unit, words in found.hyphenated.items()
            for i, word in enumerate(words)
        ],
    ]
    flat = {
        ("abbreviations",): found.abbreviations,
        ("skipped_adjectives",): found.skipped_adjectives,
        ("not_counted",): found.not_counted,
        ("deaths", "after"): found.deaths.after,
        ("deaths", "before"): found.deaths.before,
        ("ordinals", "nouns"): found.ordinals.nouns,
        ("ordinals", "events"): found.ordinals.events,
        ("people_story_words",): found.people_story_words,
        ("not_years",): found.not_years,
    }
    sections += [[((*key, i), word) for i, word in enumerate(words)] for key, words in flat.items()]
    sections += [
        [(("measures", m), entry.measure) for m, entry in enumerate(found.measures)],
        [
            (("measures", m, "units", i), unit)
            for m, e in enumerate(found.measures)
            for i, unit in enumerate(e.units)
        ],
        [
            (("measures", m, "words", i), word)
            for m, e in enumerate(found.measures)
            for i, word in enumerate(e.words)
        ],
        [(("counts_of_people", i), unit) for i, unit in enumerate(found.counts_of_people)],
    ]
    return sections


def _repeated_words(
    sections: list[list[tuple[KeyPath, str]]], document: YamlDocument, rel: str
) -> list[Problem]:
    problems = []
    for section in sections:
        first: dict[str, int] = {}
        for path, word in section:
            line = document.key_lines.line_of(path)
            if word in first:
                message = f"`{word}` is listed twice (first at line {first[word]}); keep one of them"
                problems.append(Problem(rel, line, message))
            first.setdefault(word, line)
    return problems


# --- content/official.yaml -------------------------------------------------------------

_SAFE_URL = re.compile(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[A-Za-z0-9._~%/+=&?#-]*)?")


def _https_url(text: str) -> str:
    """An https URL of plain characters: it is printed as a link target."""
    if not _SAFE_URL.fullmatch(text):
        raise ValueError(
            f"`{text}` is not an https address of plain characters; copy the address from the browser, "
            "starting https://, without spaces, quotes, brackets or < >"
        )
    return text


def _full_date(text: str) -> str:
    if len(text) != 10:
        raise ValueError(f"`{text}` is not a full date; write the day the totals were copied as YYYY-MM-DD")
    return text


class OfficialSourceEntry(Strict):
    """The publication the totals come from, and the day they were copied from it."""

    title: Line
    publisher: Line
    url: Annotated[str, AfterValidator(_https_url)]
    copied: Annotated[PartialDate, AfterValidator(_full_date)]


class OfficialYearEntry(Strict):
    year: Annotated[int, Field(ge=1900, le=2100)]
    count: Annotated[int, Field(ge=0)]
    provisional: bool = False


class OfficialSeriesEntry(Strict):
    """Official annual totals of one measure of content/units.yaml."""

    measure: Slug
    title: Line
    source: OfficialSourceEntry
    years: list[OfficialYearEntry] = []


class OfficialFile(Strict):
    """content/official.yaml: official figures the reported ones are compared with."""

    small_boat_arrivals: OfficialSeriesEntry | None = None


def validate_official(document: YamlDocument, rel: str) -> tuple[OfficialFile | None, list[Problem]]:
    """content/official.yaml as an OfficialFile (None when it has an error), and a Problem for every
    error and every year listed twice."""
    found, problems = validate_mapping(OfficialFile, document, rel)
    if found is None or found.small_boat_arrivals is None:
        return found, problems
    first: dict[int, int] = {}
    for index, entry in enumerate(found.small_boat_arrivals.years):
        line = document.key_lines.line_of(("small_boat_arrivals", "years", index, "year"))
        if entry.year in first:
            message = f"{entry.year} is listed twice (first at line {first[entry.year]}); keep one of them"
            problems.append(Problem(rel, line, message))
        first.setdefault(entry.year, line)
    return (found if not problems else None), problems


# --- validating a document --------------------------------------------------------


def validate_mapping(model: type[Strict], document: YamlDocument, rel: str) -> tuple[Any, list[Problem]]:
    """The document as `model`, or None and a Problem for every error in it."""
    return _validate(model, document.data, (), document, rel)


def validate_entries(
    model: type[Strict], document: YamlDocument, rel: str, key: str
) -> tuple[list[Any], list[Problem]]:
    """A list of entries (`- name: ...`), bare or under `key:`; invalid entries are left out and reported."""
    located, problems = validate_located_entries(model, document, rel, key)
    return [entry for _, entry in located], problems


def validate_located_entries(
    model: type[Strict], document: YamlDocument, rel: str, key: str
) -> tuple[list[tuple[KeyPath, Any]], list[Problem]]:
    """`validate_entries`, each valid entry with its key path (`("events", 3)`) to locate it later."""
    data, base, problems = document.data, (), []
    if isinstance(data, dict):
        problems += [_problem(rel, document, (k,), unknown_key_message(k, (key,))) for k in data if k != key]
        data, base = data.get(key), (key,)
    if data is None:
        return [], problems
    if not isinstance(data, list):
        message = f"expected a list of entries, each starting with `- `, bare or under `{key}:`"
        return [], [*problems, _problem(rel, document, base, message)]
    entries = []
    for index, item in enumerate(data):
        entry, found = _validate(model, item, (*base, index), document, rel)
        problems += found
        if entry is not None:
            entries.append((index, entry))
    problems += _duplicate_names(entries, base, document, rel)
    return [((*base, index), entry) for index, entry in entries], problems


def _validate(
    model: type[Strict], value: Any, base: KeyPath, document: YamlDocument, rel: str
) -> tuple[Any, list[Problem]]:
    if base in document.rejected:  # the loader refused it and said why
        return None, []
    if not isinstance(value, dict):
        return None, [_problem(rel, document, base, "expected `key: value` lines here, such as `name: ...`")]
    try:
        return model.model_validate(value), []
    except ValidationError as err:
        located = [((*base, *error["loc"]), error) for error in err.errors()]
        return None, [
            _problem(
                rel,
                document,
                path,
                error_message(error, model, path[len(base) :], document.unquoted.get(path)),
            )
            for path, error in located
            if not any(path[: len(refused)] == refused for refused in document.rejected)
        ]


def _problem(rel: str, document: YamlDocument, path: KeyPath, message: str) -> Problem:
    return Problem(rel, document.key_lines.line_of(path), message)


def _duplicate_names(
    entries: list[tuple[int, Any]], base: KeyPath, document: YamlDocument, rel: str
) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, entry in entries:
        line = document.key_lines.line_of((*base, index, "name"))
        if entry.name.casefold() in first:
            earlier = first[entry.name.casefold()]
            message = f"duplicate name `{entry.name}` (first at line {earlier}); merge the two entries"
            problems.append(Problem(rel, line, message))
        first.setdefault(entry.name.casefold(), line)
    return problems
