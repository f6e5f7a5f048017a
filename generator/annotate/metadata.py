"""Metadata: a neutral title, a summary, the outlet and the publication period.

The raw files carry no headline, byline or date, so all four are inferred and
each `Sourced` value says what it rests on (`basis`). The outlet comes from the
weighted signals in content/outlets.yaml. The date comes first from a timestamp
the cleaner took out (a line its `(metadata)` rules removed: `timestamps.py`), as a
full YYYY-MM-DD; without one, the period is inferred from running totals and year
comparisons in the text and from the dated roles of office-holders named with their
titles (content/entities.yaml). Both stay None when the evidence is thin.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Container
from functools import lru_cache

from generator.annotate.bylines import author_from_bylines
from generator.annotate.dates import MONTHS
from generator.annotate.document import Document
from generator.annotate.sentences import split_sentences
from generator.annotate.timestamps import published_from_timestamps
from generator.inputs.patterns import ContributorPattern, PatternError, SearchSet, compile_pattern
from generator.models import Annotations, Entity, Outlet, Paragraph, Sourced

TITLE_LIMIT = 90
OUTLET_THRESHOLD = 2.0
TRAILING_WORDS = frozenset(
    "a an and as at but by for from in into of on or that the to with who which".split()
)
MONTH = "(" + "|".join(MONTHS) + ")"
YEAR = r"((?:19|20)\d\d)"
RUNNING_YEAR = re.compile(
    rf"so far in {YEAR}|in {YEAR} so far|(?:this year|so far this year),? \({YEAR}\)", re.I
)
COMPARED_YEAR = re.compile(
    r"(?:than|compared (?:with|to)|the (?:number|figure|total) (?:in|for)|last year,? \()\s*"
    rf"(?:in |at this (?:stage|point|time) in |the same (?:period|point|stage|time) (?:in|of) )?{YEAR}",
    re.I,
)
WRITTEN_YEAR = re.compile(YEAR)
CURRENT_MARKER = re.compile(r"\b(?:this year|so far|this stage|this point|last year)\b", re.I)
THIS_YEAR = re.compile(r"\b(?:this year|so far)\b", re.I)
OTHER_YEAR = re.compile(r"\b(?:last|previous|next) year\b|\b(?:19|20)\d\d\b", re.I)
DATED_THIS_YEAR = re.compile(
    rf"\b(?:on|since|by) {MONTH} \d{{1,2}}\b(?!,? \d{{4}})|\b\d{{1,2}} {MONTH}\b(?!,? \d{{4}})"
)
NOT_CURRENT = re.compile(r"(?:former|ex-|then|previous|late|outgoing|erstwhile)\s*$", re.I)
ROLE_DISTANCE = 60
Month = tuple[int, int]  # (year, month)


def first_prose_paragraph(paragraphs: tuple[Paragraph, ...]) -> Paragraph | None:
    """The standfirst: the first paragraph that is not a bare quotation, else the first paragraph."""
    for paragraph in paragraphs:
        if not paragraph.text.startswith(('"', "“")):
            return paragraph
    return paragraphs[0] if paragraphs else None


def shorten_title(sentence: str, limit: int = TITLE_LIMIT) -> str:
    """Cut a sentence to at most `limit` characters at a word boundary, without a dangling word."""
    text = sentence.strip().rstrip(".!;:,– ")
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split()[:-1] if text[limit] != " " else text[:limit].split()
    while words and (words[-1].lower() in TRAILING_WORDS or words[-1] in ("–", "-", "—")):
        words.pop()
    return " ".join(words).rstrip(",;:–- ")


def infer_title(paragraph: Paragraph | None) -> Sourced:
    """A headline from the first sentence of the standfirst."""
    if paragraph is None:
        return Sourced(None, basis="no prose paragraph")
    sentences = split_sentences(paragraph.text)
    title = shorten_title(sentences[0] if sentences else paragraph.text)
    return Sourced(title or None, basis=f"first sentence of paragraph {paragraph.number}")


@lru_cache(maxsize=256)
def signal_regex(pattern: str) -> ContributorPattern | None:
    """Compile an outlet signal once (`^` and `$` match at every line); a broken pattern is skipped."""
    try:
        return compile_pattern(pattern, multiline=True)
    except PatternError:
        return None


@lru_cache(maxsize=8)
def signal_set(patterns: tuple[str, ...]) -> SearchSet:
    """Every outlet's signals in one RE2 set: one scan of a text rules out most of them."""
    return SearchSet(patterns, multiline=True)


def score_outlet(outlet: Outlet, text: str, present: Container[str] | None = None) -> tuple[float, list[str]]:
    """Sum the weights of the outlet's signals found in `text`; list the fragments that matched.

    `present`, when given, holds every signal pattern that may match `text`; the rest are not searched.
    """
    score, fragments = 0.0, []
    for signal in outlet.signals:
        if present is not None and signal.pattern not in present:
            continue
        regex = signal_regex(signal.pattern)
        match = regex.search(text) if regex is not None else None
        if match:
            score += signal.weight
            fragments.append(match.group(0) if signal.weight > 0 else f"not: {match.group(0)}")
    return score, fragments


def evidence_text(document: Document) -> str:
    """The article's paragraphs and the junk taken out of it, one per line."""
    lines = [p.text for p in document.clean.paragraphs] + [r.text.strip() for r in document.clean.removed]
    return "\n".join(lines)


def infer_outlet(document: Document) -> Sourced:
    """The outlet whose signals score highest, if that reaches the threshold and beats the rest."""
    text = evidence_text(document)
    outlets = document.knowledge.outlets
    patterns = tuple(signal.pattern for outlet in outlets for signal in outlet.signals)
    present = signal_set(patterns).possible(text)
    scored = sorted(
        ((score_outlet(outlet, text, present), outlet.name) for outlet in outlets),
        key=lambda item: (-item[0][0], item[1]),
    )
    if not scored or scored[0][0][0] < OUTLET_THRESHOLD:
        return Sourced(None, basis="no self-reference or outlet furniture")
    (best_score, fragments), name = scored[0]
    if len(scored) > 1 and scored[1][0][0] >= best_score:
        return Sourced(None, basis=f"tie between {name} and {scored[1][1]}")
    return Sourced(name, basis=" | ".join(fragments))


def as_month(value: str | None, default: Month) -> Month:
    """'2019-07-24', '2019-07' or '2019' as (year, month); `default` when missing or unreadable."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?", value or "")
    if not match:
        return default
    month = int(match.group(2)) if match.group(2) else (1 if default[1] == 1 else 12)
    return int(match.group(1)), month


def year_from_totals(sentences: list[str]) -> tuple[int | None, list[str]]:
    """The story year from running totals ("so far in 2025") and comparisons ("than in 2020" + 1)."""
    years: list[tuple[int, str]] = []
    for sentence in sentences:
        if not WRITTEN_YEAR.search(sentence):
            continue  # both patterns read a written year; most sentences have none
        for match in RUNNING_YEAR.finditer(sentence):
            years.append((int(next(g for g in match.groups() if g)), match.group(0)))
        if CURRENT_MARKER.search(sentence):
            years += [(int(match.group(1)) + 1, match.group(0)) for match in COMPARED_YEAR.finditer(sentence)]
    if not years:
        return None, []
    latest = max(year for year, _ in years)
    return latest, [fragment for year, fragment in years if year == latest]


def title_variants(title: str) -> list[str]:
    """A role title and, for "French interior minister", the bare "interior minister" too."""
    words = title.split()
    return [title, " ".join(words[1:])] if len(words) > 2 and words[0][0].isupper() else [title]


def role_near_name(sentence: str, name: str, title: str) -> bool:
    """True when `title` stands within a few words of `name` and is not a former role."""
    for person in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence):
        for role in re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", sentence, re.I):
            before = role.start() < person.start()
            gap = person.start() - role.end() if before else role.start() - person.end()
            preceding = sentence[max(0, role.start() - 12) : role.start()]
            if 0 <= gap <= ROLE_DISTANCE and not NOT_CURRENT.search(preceding):
                return True
    return False


def office_spans(entities: tuple[Entity, ...], sentences: list[str]) -> list[tuple[Month, Month, str]]:
    """(start, end, basis) for each office-holder the article names together with a dated role."""
    text = "\n".join(sentences)
    spans = []
    for entity in sorted((e for e in entities if e.roles), key=lambda e: e.name):  # only roles date
        names = [n for n in (entity.name, *entity.aliases) if n and n in text]
        mentions = [(s, n) for s in sentences for n in names if n in s]
        for role in entity.roles if mentions else ():
            titles = title_variants(role.title)
            if any(role_near_name(s, n, t) for s, n in mentions for t in titles if t.lower() in s.lower()):
                start, end = as_month(role.start, (1900, 1)), as_month(role.end, (9999, 12))
                spans.append((start, end, f"{entity.name} named as {role.title}"))
    return spans


def month_of_dated_total(sentences: list[str]) -> int | None:
    """The latest month named, without a year, in a running-total sentence ("this year ... on March 2")."""
    months = [
        MONTHS.index(next(g for g in match.groups() if g)) + 1
        for sentence in sentences
        if THIS_YEAR.search(sentence) and not OTHER_YEAR.search(sentence)
        for match in DATED_THIS_YEAR.finditer(sentence)
    ]
    return max(months) if months else None


def infer_period(document: Document) -> Sourced:
    """YYYY or YYYY-MM from running totals, comparisons and office-holders; None when unsure."""
    sentences = [s for p in document.clean.paragraphs for s in split_sentences(p.text)]
    year, basis = year_from_totals(sentences)
    spans = office_spans(document.knowledge.entities, sentences)
    low = max((s[0] for s in spans), default=(1900, 1))
    high = min((s[1] for s in spans), default=(9999, 12))
    if low <= high:
        basis += [s[2] for s in spans]
    elif year is None:
        return Sourced(None, basis="office-holders named do not overlap in time")
    if year is None and low[0] == high[0]:
        year = low[0]
    if year is None and spans and low <= high:
        narrowed = f"{low[0]}-{low[1]:02d} .. {high[0]}-{high[1]:02d}"
        return Sourced(None, basis=f"office-holders only narrow it to {narrowed}")
    if year is None:
        return Sourced(None, basis="no running total, year comparison or dated office-holder")
    month = month_of_dated_total(sentences)
    if month is not None:
        basis.append(f"latest date in a this-year running total is in {MONTHS[month - 1]}")
    if month is None and low <= high and low[0] == high[0] == year and low[1] == high[1]:
        month = low[1]
    if month is not None and low <= high and not low <= (year, month) <= high:
        month = None
    value = f"{year}-{month:02d}" if month else str(year)
    return Sourced(value, basis="; ".join(basis))


def infer_published(document: Document) -> Sourced:
    """A full date from a timestamp the cleaner took out; without one, the inferred period.

    A dated timestamp beats the period inferred from the prose, even when office-holders seem to
    disagree: their roles are read from prose and are wrong more often than a page's timestamp."""
    return published_from_timestamps(document.clean.removed) or infer_period(document)


def annotate_metadata(document: Document, annotations: Annotations) -> Annotations:
    """Fill title, summary, outlet, published and author from the cleaned text and content/ knowledge."""
    standfirst = first_prose_paragraph(document.clean.paragraphs)
    return dataclasses.replace(
        annotations,
        title=infer_title(standfirst),
        summary=standfirst.text if standfirst is not None else None,
        outlet=infer_outlet(document),
        published=infer_published(document),
        author=author_from_bylines(document.clean.removed) or Sourced(None, basis="no byline"),
    )
