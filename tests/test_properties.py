"""Any text through the annotator: it never raises, keeps its invariants, and stays fast.

From the robustness issue: text of any length and alphabet goes through the real
path (`build_article` with the project's own knowledge) and must come out with
every quote and figure an exact substring of the paragraph it points at, every
line of the source either in a paragraph or on the record as removed, topics
only from the known slugs, and a time bound per kilobyte (no catastrophic
regular expressions). Three kinds of input: arbitrary Unicode, article-like text
assembled from fragments of how news copy is written, and long adversarial
repetitions aimed at regex backtracking. The plain tests at the end pin the
bugs these properties found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.annotate.topics import topic_order
from generator.article import build_article
from generator.inputs.project import read_inputs
from generator.models import Article, Knowledge, SourceText

ROOT = Path(__file__).resolve().parent.parent

# The cleaner's documented normalisation of a line (clean.py): zero-width characters and
# soft hyphens go, surrounding whitespace (str.strip) goes, nothing else changes.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Time is not asserted here: `benchmarks/annotator_scaling.py` measures the cost per KB of these
# inputs at growing sizes and says whether it stays linear.

COMMON = {
    "deadline": None,  # time is the benchmark's business (benchmarks/annotator_scaling.py)
    "derandomize": True,  # the same examples on every run, so CI is deterministic
    "database": None,  # nothing written to .hypothesis/ by a derandomized run
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The project's real content/ knowledge: topics, entities, junk rules, outlets."""
    return read_inputs(ROOT).knowledge


# --- the invariants ------------------------------------------------------------------------


def normalise_line(raw: str) -> str:
    return ZERO_WIDTH.sub("", raw).strip()


def annotate(text: str, knowledge: Knowledge) -> Article:
    return build_article(SourceText(path="seeds/x.txt", text=text), None, knowledge)


def line_contents(text: str, article: Article) -> dict[int, str]:
    """What each source line leaves for the paragraphs, by line number.

    A blank line (after normalisation) and a line removed whole leave nothing; a line
    with junk removed from its start leaves the rest, trimmed; any other line, itself.
    """
    raw_lines = text.split("\n")
    whole = {r.line for r in article.clean.removed if r.whole_line}
    prefixes = {r.line: r for r in article.clean.removed if not r.whole_line}
    contents: dict[int, str] = {}
    for number, raw in enumerate(raw_lines, start=1):
        line = normalise_line(raw)
        if not line or number in whole:
            continue
        if number in prefixes:
            prefix = prefixes[number].text
            assert prefix and line.startswith(prefix), (number, prefix, line)
            line = line[len(prefix) :].strip()
            assert line, f"line {number}: junk prefix removed and nothing left, yet not removed whole"
        contents[number] = line
    return contents


def check_removed(text: str, article: Article) -> None:
    raw_lines = text.split("\n")
    for removed in article.clean.removed:
        assert 1 <= removed.line <= len(raw_lines), removed
        assert removed.rule, removed
        if removed.whole_line:
            # "exactly as in the file" (models.RemovedText); never a blank line
            assert removed.text == raw_lines[removed.line - 1], removed
            assert normalise_line(removed.text), removed
    assert [r.line for r in article.clean.removed] == sorted(r.line for r in article.clean.removed)


def check_every_line_accounted_for(text: str, article: Article) -> None:
    """Paragraph i is exactly the kept lines from its own line up to the next paragraph's, joined by spaces."""
    contents = line_contents(text, article)
    paragraphs = article.clean.paragraphs
    starts = [p.line for p in paragraphs]
    assert starts == sorted(set(starts)), starts
    if not paragraphs:
        assert not contents, f"lines neither kept nor removed: {sorted(contents)[:5]}"
        return
    assert min(contents) == starts[0], "a line before the first paragraph was dropped unrecorded"
    bounds = starts[1:] + [len(text.split("\n")) + 1]
    for paragraph, end in zip(paragraphs, bounds):
        lines = [contents[n] for n in sorted(contents) if paragraph.line <= n < end]
        assert paragraph.text == " ".join(lines), (paragraph.number, paragraph.line)


def check_annotations(article: Article, knowledge: Knowledge) -> None:
    paragraphs = article.clean.paragraphs
    texts = {p.number: p.text for p in paragraphs}
    assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert all(p.text and "\n" not in p.text for p in paragraphs)
    found = article.annotations
    for quote in found.quotes:
        assert quote.text and quote.paragraph in texts, quote
        assert quote.text in texts[quote.paragraph], quote
        assert quote.speaker, quote
    for figure in found.figures:
        assert figure.paragraph in texts, figure
        assert figure.text and figure.text in texts[figure.paragraph], figure
        assert isinstance(figure.value, (int, float)) and figure.unit, figure
    order = {t.slug: topic_order(t) for t in knowledge.topics}
    slugs = [m.topic for m in found.topics]
    assert len(slugs) == len(set(slugs)) and set(slugs) <= set(order), slugs
    assert slugs == sorted(slugs, key=order.__getitem__), slugs
    for match in found.topics:
        for evidence in match.evidence:
            assert evidence.paragraph in texts, evidence
            assert evidence.excerpt and evidence.excerpt in texts[evidence.paragraph], evidence
    assert all(person.name for person in found.people)


def assert_annotates(text: str, knowledge: Knowledge) -> Article:
    """Annotate `text`; it must not raise and must keep every invariant."""
    article = annotate(text, knowledge)
    check_annotations(article, knowledge)
    check_removed(text, article)
    check_every_line_accounted_for(text, article)
    return article


# --- strategy (a): any text ----------------------------------------------------------------

SPECIAL_CHARACTERS = (
    list("“”‘’\"'«»„‹›`´")
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]  # zero-width, soft hyphen
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]  # bidi
    + ["\x00", "\x07", "\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\u2029", "\xa0", "\u3000"]
    + ["\n", "\r", "\t", " ", " ", " "]
    + list("0123456789£€$%.,;:!?()[]{}-–—…/&@#*_|<>")
    + list("aeiostnAMSTI")
)
ANY_CHARACTER = st.one_of(
    st.characters(exclude_categories=("Cs",)),  # any code point but lone surrogates
    st.sampled_from(SPECIAL_CHARACTERS),
)


NEWS_TOKENS = ["said", "told", "Mr", "Ms", "Home Office", "people", "“", "”", '"', "‘", "’", ". ", ", ", "\n"]


@st.composite
def any_text(draw: st.DrawFn) -> str:
    """Random characters, in chunks mixed with a few news tokens; hundreds of characters, not a handful."""
    chunk = st.one_of(st.text(alphabet=ANY_CHARACTER, min_size=1, max_size=40), st.sampled_from(NEWS_TOKENS))
    size = draw(st.integers(min_value=0, max_value=150))
    return "".join(draw(st.lists(chunk, min_size=size, max_size=size)))


@settings(max_examples=200, **COMMON)
@given(text=st.one_of(st.text(alphabet=ANY_CHARACTER, max_size=3000), any_text()))
def test_any_text_keeps_the_invariants(knowledge: Knowledge, text: str) -> None:
    assert_annotates(text, knowledge)


# --- strategy (b): article-like text ---------------------------------------------------------

FIRST_NAMES = ["Priya", "Tomasz", "Grace", "Olu", "Martin", "Sophie", "Jean-Luc", "Aisha", "Dan"]
SURNAMES = ["Whitcombe", "Okafor", "Lindqvist", "O'Hara", "Bellamy", "Da Silva", "Morrow", "Nkemelu"]
HONORIFICS = ["Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Baroness", "Cllr", "Mr."]
ROLES = [
    "the Home Secretary",
    "the immigration minister",
    "a Home Office spokesperson",
    "one source",
    "the charity's chief executive",
    "French interior minister",
    "Border Force",
    "the coastguard",
    "Downing Street",
    "the Prime Minister",
    "a government source",
    "he",
    "she",
    "they",
    "it",
]
VERBS = ["said", "says", "told the BBC", "added", "warned", "insisted", "claimed", "according to"]
OPENERS = ["“", '"', "‘", "'", "«", "”", ""]
CLOSERS = ["”", '"', "’", "'", "»", "“", ""]  # "" leaves the quotation open
WORDS = [
    "the",
    "boats",
    "crossed",
    "Channel",
    "overnight",
    "people",
    "migrants",
    "government",
    "plan",
    "will",
    "stop",
    "gangs",
    "small",
    "record",
    "numbers",
    "this",
    "year",
    "returns",
    "deal",
    "France",
    "Rwanda",
    "asylum",
    "legislation",
    "drowned",
    "rescued",
    "beach",
    "we",
    "cannot",
    "go",
    "on",
    "like",
    "it",
    "is",
    "time",
    "to",
    "act",
    "now",
    "because",
    "lives",
    "are",
    "at",
    "stake",
]


def numbers() -> st.SearchStrategy[str]:
    value = st.integers(min_value=0, max_value=10**12)
    return st.one_of(
        value.map(lambda n: f"{n:,}"),
        value.map(str),
        st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
        value.map(lambda n: f"£{n % 1000}m"),
        value.map(lambda n: f"€{n:,}bn"),
        value.map(lambda n: f"{n % 100}%"),
        value.map(lambda n: f"{n % 100} per cent"),
        st.sampled_from(
            [
                "twenty-seven",
                "a third of",
                "one in five",
                "a dozen",
                "twice as many",
                "2020",
                "31 March",
                "8.32am",
                "Article 8",
                "25-year-old",
                "0300 123 4567",
                "1,000,000,",
            ]
        ),
    )


def names() -> st.SearchStrategy[str]:
    full = st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES))
    honoured = st.builds(lambda h, s: f"{h} {s}", st.sampled_from(HONORIFICS), st.sampled_from(SURNAMES))
    return st.one_of(full, honoured, st.sampled_from(ROLES))


def prose() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(WORDS), numbers(), names()), min_size=1, max_size=30).map(
        " ".join
    )


def quotation() -> st.SearchStrategy[str]:
    """A quotation with its attribution before, after or nowhere; the closing mark may be missing."""
    return st.builds(
        lambda lead, opener, words, closer, tail: f"{lead}{opener}{words}{closer}{tail}",
        st.one_of(st.just(""), st.builds(lambda n, v: f"{n} {v}: ", names(), st.sampled_from(VERBS))),
        st.sampled_from(OPENERS),
        prose(),
        st.sampled_from(CLOSERS),
        st.one_of(st.just("."), st.builds(lambda v, n: f", {v} {n}.", st.sampled_from(VERBS), names())),
    )


JUNK_LINES = [
    "Image: Getty Images",
    "(Photo: Gareth Fuller/PA)",
    "Read more: Small boats latest",
    "Share",
    "Advertisement",
    "By Jane Reporter, Home Affairs Correspondent",
    "Updated 10:42 GMT, 3 May 2024",
    "Sign up to our daily newsletter",
    "Follow our live coverage",
    "Copy link",
    "Related Topics",
    "Migrants Crossing Channel Hit New Record As Minister Faces Questions Over Plan",
    "PA MediaA crowd gathered at Dover",
    "{{ widget.embed }}",
    "DOVER, England (Reuters) -",
    "Media caption, The boat was intercepted",
    "Do you have a story? Email us",
]


def article_line() -> st.SearchStrategy[str]:
    sentence = st.one_of(prose().map(lambda s: s + "."), prose(), quotation())
    long_line = st.builds(lambda s, k: " ".join([s] * k), sentence, st.integers(20, 120))
    return st.one_of(
        st.lists(sentence, min_size=1, max_size=6).map(" ".join),
        st.sampled_from(JUNK_LINES),
        long_line,
        prose().map(lambda s: s[:60]),  # a wrapped line that stops mid-sentence
    )


SEPARATORS = st.sampled_from(["\n", "\n\n", "\n\n\n\n\n\n", "\r\n", "\r\n\r\n", " \n\t\n", "\n\u200b\n"])


@st.composite
def article_like(draw: st.DrawFn) -> str:
    lines = draw(st.lists(article_line(), min_size=1, max_size=25))
    parts = []
    for line in lines:
        parts += [line, draw(SEPARATORS)]
    return "".join(parts)


@settings(max_examples=100, **COMMON)
@given(text=article_like())
def test_article_like_text_keeps_the_invariants(knowledge: Knowledge, text: str) -> None:
    assert_annotates(text, knowledge)


# --- strategy (c): adversarial repetitions ---------------------------------------------------

# Units repeated to 1-50 KB: long runs that make a careless regex retry from every position.
REPEATED_UNITS = [
    "Home Secretary ",
    "Mr Smith Jones ",
    "By Abc ",
    "ABC ",
    "ABC, ",
    "The ",
    "1",
    "1,",
    "1,000,",
    "1 ",
    "1.",
    "0123 ",
    "£1m ",
    "5% ",
    "5 per cent ",
    "twenty-one-",
    "one two ",
    '"',
    "“",
    "”",
    "‘",
    "'",
    "“a ”",
    '"word ',
    "‘ab’ ",
    " ",
    "\t",
    " \t",
    "\n",
    "\n\n",
    "the\n",
    "and the\n",
    "(",
    "((",
    "Image: ",
    "(Image: ",
    "Photograph: x ",
    "{{ ",
    "[[ ",
    ": ",
    "Abc: ",
    ".",
    ". ",
    "Mr. ",
    "...",
    "!?",
    "-",
    "a-",
    "said ",
    "Smith said ",
    ", said ",
    "according to ",
    "Home Office sources say ",
    "Ms X ",
    "Smith, the chief ",
    "the minister ",
    "a fifth of ",
    "one in ",
    "aged ",
    "March ",
    "\u200b",
    "\xa0",
    "\u2028",
    "\r",
]


@st.composite
def adversarial(draw: st.DrawFn) -> str:
    size = draw(st.integers(min_value=1_000, max_value=50_000))
    unit = draw(st.sampled_from(REPEATED_UNITS))
    lead = draw(st.sampled_from(["", "Mr Smith said: “", "By ", "The ", "1 ", "said "]))
    tail = draw(st.sampled_from(["", ".", " said Tony Smith.", "”", " people crossed.", "\n"]))
    return lead + (unit * (size // len(unit) + 1))[:size] + tail


@settings(max_examples=30, **COMMON)
@given(text=adversarial())
def test_adversarial_repetitions_keep_the_invariants(knowledge: Knowledge, text: str) -> None:
    assert_annotates(text, knowledge)


# --- the bugs these properties found, pinned -------------------------------------------------

# Each took more than 40 s at 50 KB before its fix; the benchmark now times them at growing sizes.
QUADRATIC_INPUTS = {
    # topics: terms like `\d[\d,.]* people` were retried, and rescanned, from every digit of a run
    "a run of digits": "1" * 50_000,
    "digits and commas": "1," * 25_000,
    # topics and quotes: sentence splitting retried `[.!?…]+` from every full stop of a run
    "a run of full stops": "." * 50_000,
    # quotes: the word before each speech verb was searched for from the sentence start (34 s),
    # and the end of each cue from the verb to the paragraph end
    "speech verbs": "said " * 10_000,
    "names and speech verbs": "Smith said " * 8_000,
    # figures: each bare number re-read the whole paragraph for its fallback unit
    "bare numbers": "1 " * 25_000,
}


@pytest.mark.parametrize("text", QUADRATIC_INPUTS.values(), ids=list(QUADRATIC_INPUTS))
def test_inputs_that_were_quadratic_keep_the_invariants(knowledge: Knowledge, text: str) -> None:
    assert_annotates(text, knowledge)
