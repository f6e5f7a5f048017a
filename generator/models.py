"""Typed, frozen records passed between the stages.

Every stage between inputs and pages takes these and returns these; nothing
passes dicts around. Tuples, not lists, so a record can never be changed after
it is made and two builds of the same input compare equal.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

# --- problems ---------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, located as `path:line[:col]`."""

    path: str
    line: int | None
    message: str
    column: int | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        """`path:line[:col]: message`, `warning: ` before a warning's message, on one printable line."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = "warning: " if self.severity == "warning" else ""
        return _printable(f"{where}: {prefix}{self.message}")


def _printable(text: str) -> str:
    """Control and invisible formatting characters (NUL, newline, U+200B, U+202E ...) as `\\u200b`."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text
    )


class InputError(Exception):
    """An input file cannot be used; carries the Problem that says why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# --- what inputs reads --------------------------------------------------------


@dataclass(frozen=True)
class SourceText:
    """A raw article file: its project-relative path and its decoded text."""

    path: str  # posix, relative to the project root: "seeds/000_x.txt"
    text: str  # decoded; line endings normalised to "\n"; never edited

    @property
    def name(self) -> str:
        """The file name in seeds/, as a sidecar's `seed:` names it."""
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class QuoteOverride:
    """A contributor's correction of one quote's speaker (matched by its text)."""

    quote: str
    speaker: str
    role: str | None = None
    line: int | None = None  # the line of its `quote:` in the sidecar


@dataclass(frozen=True)
class EventOverride:
    """A contributor's correction of an article's dated event (matched by its text): drop it or date it."""

    text: str
    drop: bool = False
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    line: int | None = None  # the line of its `text:` in the sidecar


@dataclass(frozen=True)
class LineChoice:
    """An editor's `keep:` or `remove:` item: a line of the seed, and where the sidecar names it."""

    number: int  # 1-based line of the seed
    line: int | None = None  # the line of the list item in the sidecar


@dataclass(frozen=True)
class LineEdits:
    """What an editor decided about single lines of a seed; the cleaner obeys it over every rule."""

    keep: frozenset[int] = frozenset()  # lines to keep even if a rule would take them out
    remove: frozenset[int] = frozenset()  # lines to take out even if every rule keeps them
    by: str = ""  # the sidecar's path, named as the reason on the page


NO_EDITS = LineEdits()  # an article without a sidecar, or one that chooses no lines


@dataclass(frozen=True)
class FigureOverride:
    """A contributor's correction of a figure (matched by its text): its measure, its period, or `drop`."""

    figure: str
    measure: str | None = None
    period: Period | None = None  # already resolved: a year, or Period() for "unknown"
    drop: bool = False
    line: int | None = None  # the line of its `figure:` in the sidecar


@dataclass(frozen=True)
class Sidecar:
    """Hand-written metadata for one article: `content/articles/<slug>.md`."""

    path: str
    slug: str
    seed: str  # file name inside seeds/
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    basis: str | None = None  # what the title/outlet/date rest on
    summary: str | None = None  # the Markdown body, if any
    topics: tuple[str, ...] | None = None  # replaces the inferred topics
    quote_overrides: tuple[QuoteOverride, ...] = ()
    event_overrides: tuple[EventOverride, ...] = ()
    figure_overrides: tuple[FigureOverride, ...] = ()
    review: tuple[str, ...] = ()  # fields still as the annotator inferred them, awaiting an editor
    keep: tuple[LineChoice, ...] = ()  # seed lines the cleaner removed that an editor puts back
    remove: tuple[LineChoice, ...] = ()  # seed lines the cleaner kept that an editor takes out
    review_lines: tuple[LineChoice, ...] = ()  # `line N ...` items of `review:`: not yet confirmed

    @property
    def line_edits(self) -> LineEdits:
        """The `keep:` and `remove:` lists as the cleaner takes them."""
        return LineEdits(
            frozenset(c.number for c in self.keep), frozenset(c.number for c in self.remove), self.path
        )


@dataclass(frozen=True)
class HandPage:
    """A hand-written page of content/ (`about.md`, `index.md` ...), its front matter validated."""

    path: str  # project-relative: "content/about.md"
    page: str  # docs-relative: "about.md"
    body: str  # Markdown, as written
    title: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleInput:
    """One article to build: its seed, the sidecar written for it (if any) and the slug of its page."""

    source: SourceText
    sidecar: Sidecar | None
    slug: str


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person, organisation, party, place, agreement or law from content/entities.yaml."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str | None = None

    @property
    def is_organisation(self) -> bool:
        """True for an organisation, and for a party, which is one too."""
        return self.kind in ("organisation", "party")


@dataclass(frozen=True)
class WeightedTerm:
    """A topic rule: a plain phrase or a regular expression, and its weight."""

    text: str
    weight: float
    is_pattern: bool = False


@dataclass(frozen=True)
class TopicDef:
    """A topic file, `content/topics/<slug>.md`: its place in the topic order, intro and matching rules."""

    path: str
    slug: str
    title: str
    description: str
    intro: str  # hand-written Markdown body
    terms: tuple[WeightedTerm, ...]
    position: int  # `position:` in front matter; topics are listed by it, ties by slug
    sentence_threshold: float = 2.0
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class JunkRule:
    """A page-junk rule from content/junk.yaml: regex over a whole line or a line's start."""

    name: str
    pattern: str
    where: str = "line"  # "line": the whole line is junk; "prefix": only the match at the start
    opens_list: bool = False  # a heading of a link list: the short lines under it are junk too
    names_above: bool = False  # a journalist's title: a bare name on the line above is a byline too


@dataclass(frozen=True)
class OutletSignal:
    pattern: str
    weight: float


@dataclass(frozen=True)
class Outlet:
    """A news outlet from content/outlets.yaml: the signals that it published an article, and
    the short names its journalists and others call it by ("Telegraph", "Mirror")."""

    name: str
    signals: tuple[OutletSignal, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    """A term from content/glossary.yaml, explained wherever it appears."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measure:
    """What a kind of figure measures (content/units.yaml `measures:`): its page, and how a figure is put under it."""

    slug: str  # `figures/<slug>/`
    title: str
    units: tuple[str, ...] = ()  # a figure in one of these units is this measure: "deaths", "GBP"
    words: tuple[str, ...] = ()  # a count of people is this measure when its clause uses one: "deported"
    description: str = ""


@dataclass(frozen=True)
class Units:
    """What numbers count, from content/units.yaml: nouns with their units, and words around them.

    Words are lower case; (noun, unit) pairs keep the file's order.
    """

    counted: tuple[tuple[str, str], ...] = ()  # "boat" -> "boats", "small boats" -> "boats"
    money: tuple[tuple[str, str], ...] = ()  # "pounds" -> "GBP": money, never a count of things
    hyphenated: tuple[tuple[str, str], ...] = ()  # "27-member" -> "members"; "member bloc" -> "member states"
    abbreviations: tuple[str, ...] = ()  # written right after the digits: "3km", "20mph"
    skipped_adjectives: tuple[str, ...] = ()  # between a number and its noun: "12 unaccompanied children"
    not_counted: tuple[str, ...] = ()  # nouns after a number that it does not count: "the 10,000 mark"
    deaths_after: tuple[str, ...] = ()  # "27 people died", "who lost their lives"
    deaths_before: tuple[str, ...] = ()  # "the deaths of 27 people", "the death toll rose to 12"
    ordinal_nouns: tuple[str, ...] = ()  # "a fifth smuggler", "the ninth person to die"
    ordinal_events: tuple[str, ...] = ()  # "the 11th death"
    people_story_words: tuple[str, ...] = ()  # a bare number counts people in a story using these
    not_years: tuple[str, ...] = ()  # "2000 people": a year-like number followed by one is a count
    counts_of_people: tuple[str, ...] = ()  # units a measure's words classify: "people", "migrants"
    measures: tuple[Measure, ...] = ()  # in order: where words of two measures meet, the first wins


@dataclass(frozen=True)
class OfficialCount:
    """One year's official total (content/official.yaml)."""

    year: int
    count: int
    provisional: bool = False


@dataclass(frozen=True)
class OfficialSeries:
    """Official annual totals of one measure, with the publication they come from."""

    measure: str  # the measure slug the totals count: "arrivals"
    title: str  # what is counted, in a few words
    source_title: str
    publisher: str
    url: str  # https, checked by the schema
    copied: str  # YYYY-MM-DD: when the totals were copied from the source
    counts: tuple[OfficialCount, ...] = ()  # by year, oldest first


@dataclass(frozen=True)
class Knowledge:
    """Everything contributors taught the annotator, read from content/."""

    topics: tuple[TopicDef, ...] = ()
    entities: tuple[Entity, ...] = ()
    junk: tuple[JunkRule, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    units: Units = field(default_factory=Units)
    events: tuple[Event, ...] = ()  # curated, from content/events.yaml
    official: OfficialSeries | None = None  # content/official.yaml: small-boat arrivals by year


# --- what clean and annotate produce -----------------------------------------


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, counted after junk removal; the page anchor is p<number>
    line: int  # 1-based line of the source file where the paragraph starts
    text: str


@dataclass(frozen=True)
class RemovedText:
    """Page junk taken out of the source, kept on record."""

    line: int
    text: str  # exactly as in the file
    rule: str  # the name of the rule that removed it
    whole_line: bool = True


@dataclass(frozen=True)
class CleanText:
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedText, ...]


@dataclass(frozen=True)
class Quote:
    speaker: str
    role: str | None
    text: str  # without its quote marks; always a substring of its paragraph
    paragraph: int
    cue: str | None = None  # the attribution phrase, "continuation" or "pronoun: …"


@dataclass(frozen=True)
class Period:
    """The stretch of time a figure counts over, as its sentence gives it.

    The annotator writes a year ("in 2021") or one relative to the article's ("last year": 1 back);
    article.py resolves it against the published date, leaving `year` alone set (None: unknown).
    """

    year: int | None = None
    years_back: int | None = None  # 0: "this year"; 1: "last year"
    span: str = (
        "year"  # "year": the whole year; "to date": from January to the day written; "part": a day, a month
    )

    @property
    def known(self) -> bool:
        return self.year is not None or self.years_back is not None


UNKNOWN_PERIOD = Period()


@dataclass(frozen=True)
class Figure:
    value: float | int
    unit: str
    text: str  # the exact phrase in the paragraph
    paragraph: int
    counts: str | None = None  # what the number counts, in a few words
    measure: str = "other"  # the slug of a Measure of content/units.yaml, or "other"
    period: Period = UNKNOWN_PERIOD


@dataclass(frozen=True)
class Evidence:
    paragraph: int
    excerpt: str  # the sentence that made the match


@dataclass(frozen=True)
class TopicMatch:
    topic: str
    score: float
    evidence: tuple[Evidence, ...]
    substantive: bool = True  # False: only mentioned in passing


@dataclass(frozen=True)
class PersonRef:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Sourced:
    """A metadata value (title, outlet, date) and who gave it, with what it rests on."""

    value: str | None
    by: str = "text"  # "text": inferred from the article by the annotator; "editor": written in a sidecar
    basis: str | None = None

    @property
    def inferred(self) -> bool:
        """True while no editor has given (or checked) the value: the page says it was inferred."""
        return self.by == "text"


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence that tells of an event: written out, or relative to the day of writing."""

    paragraph: int
    sentence: str  # the sentence, trimmed: the event's text
    phrase: str  # the date as written: "25 November 2021", "in July", "yesterday"
    date: str | None = None  # explicit: YYYY, YYYY-MM or YYYY-MM-DD
    relative: str | None = None  # relative, normalised: "day:-1", "month-name:07" (annotate/date_phrases.py)
    tense: str = ""  # "past", "future", or "" when the sentence says neither or both
    corrected: bool = False  # an editor's sidecar gave the date


@dataclass(frozen=True)
class Annotations:
    """What the annotators found in one article's cleaned text."""

    title: Sourced = Sourced(None)
    outlet: Sourced = Sourced(None)
    published: Sourced = Sourced(None)
    author: Sourced = Sourced(None)  # from the page's byline, when it has one
    summary: str | None = None
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    topics: tuple[TopicMatch, ...] = ()
    people: tuple[PersonRef, ...] = ()
    organisations: tuple[str, ...] = ()
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class Article:
    slug: str
    source: SourceText
    sidecar: Sidecar | None
    clean: CleanText
    annotations: Annotations

    @property
    def title(self) -> str:
        return self.annotations.title.value or self.slug

    @property
    def topic_slugs(self) -> tuple[str, ...]:
        return tuple(m.topic for m in self.annotations.topics if m.substantive)


# --- what link and render produce --------------------------------------------


@dataclass(frozen=True)
class TopicLinks:
    topic: str
    articles: tuple[str, ...]  # slugs, newest first
    related: tuple[str, ...]  # topic slugs


@dataclass(frozen=True)
class QuoteRef:
    """One quotation in one article: the article's slug and the quote's place in its `quotes`."""

    article: str
    position: int


@dataclass(frozen=True)
class PersonLinks:
    """A person or body quoted or named across the articles, keyed by the slug of their page."""

    slug: str  # `people/<slug>/`
    name: str  # the spelling the annotator gives most often
    group: str  # a key of link.PEOPLE_GROUPS: "politicians", "officials", "unnamed" ...
    roles: tuple[tuple[str, tuple[str, ...]], ...]  # a role as written -> article slugs, newest first
    quotes: tuple[QuoteRef, ...]  # newest article first, then in paragraph order
    topics: tuple[tuple[str, int], ...]  # topic slug -> their quotations in its evidence, most first
    quoted_beside: tuple[tuple[str, int], ...]  # person slug -> articles quoting both, most first
    named_in: int = 0  # how many articles quote or name them


@dataclass(frozen=True)
class Event:
    """A dated event on the timeline: a sentence of an article, or a curated entry of content/events.yaml."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str
    article: str | None = None  # the slug of the article it comes from, or a curated event's source
    paragraph: int | None = None
    phrase: str | None = None  # the date as the article wrote it
    resolved: bool = False  # computed from a relative phrase and the article's date
    corrected: bool = False  # dated by an editor in the article's sidecar
    curated: bool = False
    source_title: str | None = None  # a curated event's source outside the project
    source_url: str | None = None  # http(s) only: the schema refuses any other scheme
    topics: tuple[str, ...] = ()  # a curated event's topics
    line: int | None = None  # a curated event's line in content/events.yaml

    @property
    def precision(self) -> str:
        """ "year", "month" or "day": how much of the date is known."""
        return ("year", "month", "day")[self.date.count("-")]

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass(frozen=True)
class SiteIndex:
    """Cross-links computed once every article is known."""

    articles_by_date: tuple[str, ...]  # slugs, newest first
    topics: tuple[TopicLinks, ...]
    related_articles: tuple[tuple[str, tuple[str, ...]], ...]  # slug -> related slugs
    people: tuple[PersonLinks, ...] = ()  # everyone quoted or named, and bodies quoted; by slug
    events: tuple[Event, ...] = ()  # the timeline: curated and from the articles, in date order

    def related_to(self, slug: str) -> tuple[str, ...]:
        return self._related.get(slug, ())

    @cached_property
    def _related(self) -> dict[str, tuple[str, ...]]:
        """related_articles by slug, made once (a lookup per article must not scan every article)."""
        return dict(self.related_articles)

    def for_topic(self, topic: str) -> TopicLinks:
        return next(t for t in self.topics if t.topic == topic)


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str  # docs-relative, posix: "articles/<slug>.md"
    text: str
    edit_path: str | None = None  # project-relative file a contributor edits for this page


@dataclass(frozen=True)
class Site:
    """Everything one build made, and what it read that later commands need (no command re-reads)."""

    articles: tuple[Article, ...]
    knowledge: Knowledge
    index: SiteIndex
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = field(default=())
    images: tuple[str, ...] = ()  # content-relative paths of the images published as they are
