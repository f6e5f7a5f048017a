"""Dates: the sentences that tell of a dated event, and the date phrase each one holds.

In: the cleaned paragraphs. Out: `Annotations.dates`, one DateMention per date phrase
(`date_phrases.py`) of a sentence that says something happened or will happen. A sentence
counts when it has a verb (`_VERB`: an auxiliary, a speech verb, a past tense) and at least
MIN_WORDS words, and is not page furniture that slipped past the cleaner: a timestamp (a
clock time or a `|`) or a photo caption (`Picture:`, `(Name/Agency)` at its end). Dropped
too: a date in a dateline ("PARIS, Nov 26 — ...") and a relative date inside a quotation,
which counts from the day the speaker spoke, not the day of the article. Relative dates stay
relative here, with the sentence's tense; `generator/events.py` resolves them once the
article's date is final. This annotator reads no other annotator's output.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from generator.annotate.date_phrases import DatePhrase, find_date_phrases
from generator.annotate.document import Document
from generator.annotate.sentences import sentence_ranges
from generator.models import Annotations, DateMention, Paragraph

MIN_WORDS = 6
MAX_TEXT = 300  # characters of a sentence kept as the event's text

_IRREGULAR_PAST = (
    "met made took left came went sent gave got began rose fell found held kept led paid saw struck won "
    "lost brought sought spoke wrote fled sank ran drew grew stood became chose broke built bought caught "
    "thought felt heard meant understood withdrew swam drove flew sat"
)
_PAST = re.compile(rf"\b(?:was|were|had|did|said|told|[a-z]{{3,}}ed|{'|'.join(_IRREGULAR_PAST.split())})\b")
_VERB = re.compile(
    r"\b(?:is|are|be|been|has|have|will|would|could|can|should|shall|may|might|must|does|do|says|tells)\b"
    r"|\w['’](?:ll|ve|re|d)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going to|due to|expected to|set to|plans? to|planned to|planning to"
    r"|intends? to|scheduled|upcoming)\b|['’]ll\b",
    re.I,
)
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})? ?[ap]\.?m\.?(?!\w)|\|")
_CAPTION = re.compile(
    r"\b(?:Picture|Photo|Photograph|Image|Credit|Video)s?:|\bfile (?:photo|picture|image)\b|\(FILES\)"
    r"|\([^()/]+/[^()/]+\)\W*$"
)
# A dateline: capitalised place words and commas, the date, an optional (AGENCY), then a dash.
_DATELINE_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*,? )+")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?[—–-]")
DATELINE_LENGTH = 60  # characters: a dateline's place and agency come before its date
_OPENING = {"“": "”", '"': '"'}
_QUOTE_MARK = re.compile(r'[“”"]')


def annotate_dates(document: Document, annotations: Annotations) -> Annotations:
    """Record every date phrase of every event sentence of the article."""
    mentions = [m for p in document.clean.paragraphs for m in paragraph_dates(p)]
    return replace(annotations, dates=tuple(mentions))


def paragraph_dates(paragraph: Paragraph) -> list[DateMention]:
    """The date mentions of one paragraph's event sentences, in order."""
    text, found = paragraph.text, []
    quoted = quoted_spans(text)
    for start, end in sentence_ranges(text, starts_capitalised=True):
        sentence = text[start:end].strip()
        offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        phrases = find_date_phrases(sentence)  # most have none: the checks below are for those that do
        if not phrases or not is_event_sentence(sentence):
            continue
        tense, shown = sentence_tense(sentence), event_text(sentence)
        for phrase in phrases:
            at = offset + phrase.start
            if _in_dateline(text, at, offset + phrase.end) or (phrase.relative and _inside(quoted, at)):
                continue
            found.append(_mention(paragraph.number, shown, phrase, tense))
    return found


def _mention(paragraph: int, shown: str, phrase: DatePhrase, tense: str) -> DateMention:
    return DateMention(
        paragraph=paragraph,
        sentence=shown,
        phrase=phrase.text,
        date=phrase.date,
        relative=phrase.relative,
        tense=tense if phrase.relative else "",
    )


def is_event_sentence(sentence: str) -> bool:
    """True for a sentence of prose with a verb; False for a timestamp, a caption or a fragment."""
    if len(sentence.split()) < MIN_WORDS or _TIMESTAMP.search(sentence) or _CAPTION.search(sentence):
        return False
    return bool(_VERB.search(sentence) or _PAST.search(sentence))


def sentence_tense(sentence: str) -> str:
    """ "future" when the sentence looks ahead only, "past" when it looks back only, else ""."""
    future, past = bool(_FUTURE.search(sentence)), bool(_PAST.search(sentence))
    if future != past:
        return "future" if future else "past"
    return ""


def event_text(sentence: str, limit: int = MAX_TEXT) -> str:
    """The sentence on one line, cut at a word to at most `limit` characters."""
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `text`, curly or straight, in one pass; an unclosed one
    runs to the end."""
    spans, opening, closer = [], -1, ""
    for mark in _QUOTE_MARK.finditer(text):
        if opening < 0 and mark.group() in _OPENING:
            opening, closer = mark.start(), _OPENING[mark.group()]
        elif opening >= 0 and mark.group() == closer:
            spans.append((opening, mark.end()))
            opening = -1
    return spans + ([(opening, len(text))] if opening >= 0 else [])


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """True when `at` is inside one of `spans` (sorted, never overlapping)."""
    index = bisect_left(spans, (at,)) - 1  # the last span that starts before `at`
    return index >= 0 and at < spans[index][1]


def _in_dateline(text: str, start: int, end: int) -> bool:
    """True when the phrase at `start:end` dates a dateline: "PARIS, Nov 26 — ..."."""
    if start > DATELINE_LENGTH:
        return False
    before = text[:start]
    return (before == "" or bool(_DATELINE_BEFORE.fullmatch(before))) and bool(
        _DATELINE_AFTER.match(text, end)
    )
