"""The quotes annotator: every direct quotation of six words or more, and who said it.

Walks the paragraphs in order, keeping track of who the passage is about (the
`Discourse`), because news copy attributes most quotations indirectly: "he added",
a paragraph that is only a quotation continuing the last speaker, "It said:" after
a sentence about a ministry. Each quote-marked span becomes its own `Quote`;
its speaker comes from the nearest attribution in its sentence: one right after the
closing mark (`," said Tony Smith`), else the last one before the opening mark
(`Ms Greenwood said:`), else one later in the sentence, else the current speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.annotate.document import Document
from generator.annotate.people.names import NameIndex
from generator.annotate.quotes.attribution import Attribution, attributions
from generator.annotate.quotes.discourse import Discourse, sentence_subject
from generator.annotate.quotes.marks import (
    QuotedSpan,
    masked,
    quote_text,
    quoted_spans,
    word_count,
)
from generator.annotate.quotes.speakers import Speaker, pronoun_in, resolve_speaker
from generator.annotate.sentences import sentence_ranges
from generator.models import Annotations, Quote

MIN_WORDS = 6
INTERVIEWER = re.compile(
    r"\b(?:[Aa]sked|[Qq]uestioned|[Pp]ressed|[Qq]uizzed)\s+(?:about|on|over|whether|if|why|what|how|by)\b"
)
ADJACENT = re.compile(r"^[\s,;:—–-]*$")
UNKNOWN = "unknown"
GOING_ON_VERBS = frozenset({"added", "adds", "adding", "continued", "continues"})  # the same speaker goes on


@dataclass(frozen=True)
class SentenceContext:
    """Where the sentence holding a quotation starts, and whether the quotation reopens one left open."""

    start: int
    continues_open: bool


@dataclass
class Walk:
    """State carried from paragraph to paragraph."""

    index: NameIndex
    discourse: Discourse = field(default_factory=Discourse)
    recent: list[str] = field(default_factory=list)  # masked text of recent paragraphs
    last_quote: Speaker | None = None
    left_open: bool = False  # the previous paragraph ended inside a quotation
    quotes: list[Quote] = field(default_factory=list)


def annotate_quotes(document: Document, annotations: Annotations) -> Annotations:
    """Fill `quotes` with every quotation of at least six words, in text order."""
    walk = Walk(document.names)
    for paragraph in document.clean.paragraphs:
        _read_paragraph(walk, paragraph.number, paragraph.text)
    return replace(annotations, quotes=tuple(walk.quotes))


def _read_paragraph(walk: Walk, number: int, text: str) -> None:
    spans = quoted_spans(text)
    hidden = masked(text, spans)
    continues_open = walk.left_open and _opens_with_mark(text, spans)
    for start, end in sentence_ranges(hidden):
        subject = sentence_subject(hidden, start, end, walk.index)
        if subject is not None:
            walk.discourse.attend(subject)
        cues = _resolved_cues(walk, hidden, start, end)
        for span in (s for s in spans if start <= s.open_mark < end):
            _read_span(walk, number, text, hidden, span, cues, SentenceContext(start, continues_open))
            continues_open = False
        for _, speaker in cues:
            walk.discourse.attend(speaker)
    walk.left_open = bool(spans) and spans[-1].close_mark is None
    walk.recent = (walk.recent + [hidden])[-3:]


def _opens_with_mark(text: str, spans: list[QuotedSpan]) -> bool:
    """True when the paragraph starts with a quote mark: a double one, or a single one that opens a span."""
    lead = len(text) - len(text.lstrip())
    return text[lead : lead + 1] in '“"«”' or (bool(spans) and spans[0].open_mark == lead)


def _resolved_cues(walk: Walk, hidden: str, start: int, end: int) -> list[tuple[Attribution, Speaker]]:
    recent = " ".join(walk.recent[-2:]) + " " + hidden[:start]
    cues = []
    for cue in attributions(hidden, start, end):
        speaker = resolve_speaker(cue.speaker, walk.index, recent + hidden[start : cue.cue_start])
        if speaker is not None and speaker.kind == "pronoun" and cue.verb.lower() in GOING_ON_VERBS:
            speaker = _last_speaker_of(walk, speaker.gender) or speaker
        speaker = _pointed_back(walk.discourse, speaker)
        if speaker is not None:
            cues.append((cue, speaker))
    return cues


def _last_speaker_of(walk: Walk, gender: str | None) -> Speaker | None:
    """ "he added": the person last quoted, when the pronoun's gender allows them."""
    last = walk.last_quote
    if last is None or last.kind != "person" or gender not in ("male", "female"):
        return None
    return last if last.gender in (None, gender) else None


def _pointed_back(discourse: Discourse, speaker: Speaker | None) -> Speaker | None:
    """A pronoun, "the charity" or "the source" -> who the passage is about; others unchanged."""
    if speaker is None or speaker.kind not in ("pronoun", "description", "source"):
        return speaker
    if speaker.kind == "pronoun":
        return discourse.pronoun(speaker.gender)
    if speaker.kind == "source":
        if speaker.gender != "source":
            return speaker
        sources = [b for b in discourse.bodies if b.kind == "source"]
        return sources[-1] if sources else Speaker("unnamed source", "source")
    return discourse.pronoun("thing") or Speaker(speaker.name, "organisation")


def _read_span(
    walk: Walk,
    number: int,
    text: str,
    hidden: str,
    span: QuotedSpan,
    cues: list[tuple[Attribution, Speaker]],
    context: SentenceContext,
) -> None:
    sentence_start, continues_open = context.start, context.continues_open
    words, offset = quote_text(text, span)
    chosen = _choose_cue(hidden, span, cues, sentence_start)
    lead_in = hidden[
        chosen[0].cue_end
        if chosen and chosen[0].cue_end <= span.open_mark
        else sentence_start : span.open_mark
    ]
    if INTERVIEWER.search(lead_in[-200:]) and not (
        _is_adjacent_after(hidden, span, chosen) and lead_in.rstrip().endswith(",")
    ):
        return  # the interviewer's words ("Asked about claims it was "…""), not the answer
    if chosen is not None:
        cue, speaker = chosen
        label = text[cue.cue_start : cue.cue_end].strip()
        if pronoun_in(cue.speaker):
            label = f"pronoun: {label}"
    else:
        speaker = walk.last_quote if continues_open else walk.discourse.current
        label = "continuation"
    if speaker is not None:
        walk.last_quote = speaker
        walk.discourse.attend(speaker)
    if word_count(words) < MIN_WORDS or text[offset : offset + len(words)] != words:
        return
    name = speaker.name if speaker else UNKNOWN
    role = walk.index.role_of(name) if speaker and speaker.kind == "person" else None
    walk.quotes.append(Quote(name, role, words, number, label))


def _choose_cue(
    hidden: str, span: QuotedSpan, cues: list[tuple[Attribution, Speaker]], sentence_start: int
) -> tuple[Attribution, Speaker] | None:
    close = span.close_mark if span.close_mark is not None else span.end
    for cue, speaker in cues:
        if cue.cue_start > close and ADJACENT.match(hidden[close + 1 : cue.cue_start]):
            return cue, speaker
    before = [(c, s) for c, s in cues if sentence_start <= c.cue_start and c.cue_end <= span.open_mark + 1]
    if before:
        return before[-1]
    after = [(c, s) for c, s in cues if c.cue_start > close]
    return after[0] if after else None


def _is_adjacent_after(hidden: str, span: QuotedSpan, chosen: tuple[Attribution, Speaker] | None) -> bool:
    if chosen is None or span.close_mark is None:
        return False
    return chosen[0].cue_start > span.close_mark and bool(
        ADJACENT.match(hidden[span.close_mark + 1 : chosen[0].cue_start])
    )
