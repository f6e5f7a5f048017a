"""One article from its raw text and its sidecar: clean, annotate, apply the sidecar.

In: SourceText, the Sidecar written for it (or None) and the Knowledge base.
Out: an Article. The sidecar always wins over the annotator: a contributor's
title, outlet, date, topics, quote speaker, event date or figure correction replaces what was
inferred. Each figure's period is resolved here, once the published date is final.
"""

from __future__ import annotations

from dataclasses import replace

from generator.annotate import annotate_document
from generator.annotate.date_mentions import paragraph_dates
from generator.annotate.document import Document
from generator.annotate.figures.measures import OTHER as OTHER_MEASURE
from generator.clean import clean_text
from generator.inputs.slugs import comparable, default_slug
from generator.inputs.text_warnings import visible_text
from generator.models import (
    NO_EDITS,
    UNKNOWN_PERIOD,
    Annotations,
    Article,
    DateMention,
    EventOverride,
    Figure,
    FigureOverride,
    JunkRule,
    Knowledge,
    LineChoice,
    Period,
    Problem,
    Quote,
    QuoteOverride,
    Sidecar,
    Sourced,
    SourceText,
    TopicMatch,
    Units,
)


def build_article(source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge) -> Article:
    """Clean and annotate one source, then let its sidecar override what was inferred."""
    clean = clean_text(source, knowledge.junk, sidecar.line_edits if sidecar is not None else NO_EDITS)
    annotations = annotate_document(Document.read(source, clean, knowledge))
    if sidecar is not None:
        annotations = apply_sidecar(annotations, sidecar)
    published = annotations.published.value
    figures = tuple(replace(f, period=resolve_period(f.period, published)) for f in annotations.figures)
    if sidecar is not None:
        figures = override_figures(figures, sidecar, {m.slug for m in knowledge.units.measures})
    annotations = replace(annotations, figures=figures)
    if annotations.title.value is not None:
        annotations = replace(
            annotations, title=replace(annotations.title, value=visible_text(annotations.title.value) or None)
        )
    slug = sidecar.slug if sidecar is not None else default_slug(source)
    return Article(slug=slug, source=source, sidecar=sidecar, clean=clean, annotations=annotations)


def apply_sidecar(annotations: Annotations, sidecar: Sidecar) -> Annotations:
    """Replace inferred values with the ones a contributor wrote in the sidecar."""
    return replace(
        annotations,
        title=_written(sidecar, "title") or annotations.title,
        outlet=_written(sidecar, "outlet") or annotations.outlet,
        published=_written(sidecar, "published") or annotations.published,
        summary=sidecar.summary or annotations.summary,
        topics=_override_topics(annotations.topics, sidecar.topics),
        quotes=tuple(_override_quote(q, sidecar) for q in annotations.quotes),
        dates=_override_dates(annotations.dates, sidecar.event_overrides),
    )


def resolve_period(period: Period, published: str | None) -> Period:
    """A figure's period as a year: "this year" and "last year" counted from the year `published`
    (YYYY, YYYY-MM or YYYY-MM-DD; unknown without one). A whole year not over when the article was
    written is the year to date; a later one, part of it (a target or a forecast)."""
    year = period.year
    written = int(published[:4]) if published and published[:4].isdigit() else None
    if year is None and period.years_back is not None and written is not None:
        year = written - period.years_back
    if year is None:
        return UNKNOWN_PERIOD
    span = period.span
    if span == "year" and written is not None and year >= written:
        span = "to date" if year == written else "part"
    return Period(year=year, span=span)


def override_figures(figures: tuple[Figure, ...], sidecar: Sidecar, measures: set[str]) -> tuple[Figure, ...]:
    """The figures with an editor's corrections: each `figures:` override sets the measure (one the
    project knows, or "other") or the period of the figures it names, or drops them."""
    named = [(override, set(overridden_figures(figures, override))) for override in sidecar.figure_overrides]
    kept = []
    for position, figure in enumerate(figures):
        corrections = [override for override, positions in named if position in positions]
        if any(override.drop for override in corrections):
            continue
        for override in corrections:
            measure = override.measure if override.measure in measures | {OTHER_MEASURE} else None
            figure = replace(
                figure, measure=measure or figure.measure, period=override.period or figure.period
            )
        kept.append(figure)
    return tuple(kept)


def overridden_figures(figures: tuple[Figure, ...], override: FigureOverride) -> list[int]:
    """The positions of the figures an override names: those whose text is its `figure:`, else
    those whose text contains it."""
    wanted = comparable(override.figure)
    if not wanted:
        return []
    texts = [comparable(f.text) for f in figures]
    exact = [i for i, text in enumerate(texts) if text == wanted]
    return exact or [i for i, text in enumerate(texts) if wanted in text]


def _written(sidecar: Sidecar, name: str) -> Sourced | None:
    """A sidecar field as metadata; still marked inferred while it is listed under `review:`."""
    value = getattr(sidecar, name)
    by = "text" if name in sidecar.review else "editor"  # listed under review: still the annotator's
    return Sourced(value, by, sidecar.basis) if value else None


def _override_topics(
    matches: tuple[TopicMatch, ...], chosen: tuple[str, ...] | None
) -> tuple[TopicMatch, ...]:
    if chosen is None:
        return matches
    by_slug = {m.topic: m for m in matches}
    kept = [replace(by_slug[t], substantive=True) if t in by_slug else TopicMatch(t, 0.0, ()) for t in chosen]
    mentions = [replace(m, substantive=False) for m in matches if m.topic not in chosen]
    return tuple(kept + mentions)


def _overrides(quote: Quote, override: QuoteOverride) -> bool:
    """True when an editor's override names this quote: its `quote` is part of the quotation."""
    wanted = comparable(override.quote)
    return bool(wanted) and wanted in comparable(quote.text)


def _override_quote(quote: Quote, sidecar: Sidecar) -> Quote:
    for override in sidecar.quote_overrides:
        if _overrides(quote, override):
            return replace(quote, speaker=override.speaker, role=override.role, cue="corrected by an editor")
    return quote


def _names_event(mention: DateMention, override: EventOverride) -> bool:
    """True when an editor's event override names this mention: its `text` is part of the sentence."""
    wanted = comparable(override.text)
    return bool(wanted) and wanted in comparable(mention.sentence)


def _override_dates(
    mentions: tuple[DateMention, ...], overrides: tuple[EventOverride, ...]
) -> tuple[DateMention, ...]:
    """The mentions with an editor's `overrides: events:` applied: dropped, or given the editor's date."""
    kept = []
    for mention in mentions:
        override = next((o for o in overrides if _names_event(mention, o)), None)
        if override is None:
            kept.append(mention)
        elif not override.drop:
            kept.append(replace(mention, date=override.date, relative=None, tense="", corrected=True))
    return tuple(kept)


def override_problems(article: Article) -> list[Problem]:
    """Each editor's override that changes nothing, at its line: an error when its words are not in
    the seed, a warning when they are but in no quotation (or dated sentence) the annotator found."""
    if article.sidecar is None:
        return []
    return _quote_override_problems(article) + _event_override_problems(article)


def _event_override_problems(article: Article) -> list[Problem]:
    sidecar = article.sidecar
    if sidecar is None or not sidecar.event_overrides:
        return []
    text, problems = comparable(article.source.text), []
    found = [m for p in article.clean.paragraphs for m in paragraph_dates(p)]  # before any override
    for override in sidecar.event_overrides:
        wanted = comparable(override.text)
        shown = wanted if len(wanted) <= 60 else wanted[:57] + "..."
        if wanted not in text:
            message = (
                f'event text "{shown}" is not in {article.source.path}; copy part of the sentence from it'
            )
            problems.append(Problem(sidecar.path, override.line, message))
        elif not any(_names_event(m, override) for m in found):
            message = (
                f'event text "{shown}" matches no dated sentence found in the article; '
                "copy part of an event's sentence as the timeline shows it"
            )
            problems.append(Problem(sidecar.path, override.line, message, severity="warning"))
    return problems


def _quote_override_problems(article: Article) -> list[Problem]:
    if article.sidecar is None or not article.sidecar.quote_overrides:
        return []
    text, problems = comparable(article.source.text), []
    for override in article.sidecar.quote_overrides:
        quote = comparable(override.quote)
        shown = quote if len(quote) <= 60 else quote[:57] + "..."
        if quote not in text:
            message = f'override quote "{shown}" is not in {article.source.path}; copy the start of the quote from it'
            problems.append(Problem(article.sidecar.path, override.line, message))
        elif not any(_overrides(q, override) for q in article.annotations.quotes):
            message = (
                f'override quote "{shown}" matches no quotation found in the article; '
                "copy the start of a quotation listed on its page"
            )
            problems.append(Problem(article.sidecar.path, override.line, message, severity="warning"))
    return problems


def figure_override_problems(article: Article, units: Units) -> list[Problem]:
    """Each editor's figure correction that cannot apply, at its line: an error when its text is
    not in the seed or its measure is unknown, a warning when it names no figure the annotator
    found (a `drop:` is not checked for that: what it named is gone) or more than one."""
    if article.sidecar is None or not article.sidecar.figure_overrides:
        return []
    text, problems = comparable(article.source.text), []
    known = sorted({m.slug for m in units.measures} | {OTHER_MEASURE})
    for override in article.sidecar.figure_overrides:
        wanted, path, line = comparable(override.figure), article.sidecar.path, override.line
        named = overridden_figures(article.annotations.figures, override)
        if wanted not in text:
            message = f'figure "{wanted[:60]}" is not in {article.source.path}; copy it as the article page writes it'
            problems.append(Problem(path, line, message))
        elif not named and not override.drop:
            message = f'figure "{wanted[:60]}" names no figure found in the article; copy one from its Key figures table'
            problems.append(Problem(path, line, message, severity="warning"))
        elif len(named) > 1:
            message = f'figure "{wanted[:60]}" names {len(named)} figures; copy one whole, as written, to name only it'
            problems.append(Problem(path, line, message, severity="warning"))
        if override.measure is not None and override.measure not in known:
            message = f"`measure: {override.measure}` is no measure of content/units.yaml; write one of {', '.join(known)}"
            problems.append(Problem(path, line, message))
    return problems


def line_choice_problems(article: Article, rules: tuple[JunkRule, ...]) -> list[Problem]:
    """Each `keep:`, `remove:` or `review:` line of a sidecar that names no usable seed line (an
    error), is in both lists (an error), or asks for what the cleaner does anyway (a warning)."""
    sidecar = article.sidecar
    if sidecar is None or not (sidecar.keep or sidecar.remove or sidecar.review_lines):
        return []
    seed_lines = article.source.text.removesuffix("\n").split("\n")
    problems = [p for c in sidecar.review_lines if (p := _no_such_line(article, c, seed_lines, "review"))]
    removed = {r.line for r in clean_text(article.source, rules).removed}
    both = {c.number for c in sidecar.keep} & {c.number for c in sidecar.remove}
    for key, choices in (("keep", sidecar.keep), ("remove", sidecar.remove)):
        for choice in choices:
            problem = _no_such_line(article, choice, seed_lines, key)
            if problem is None and choice.number in both and key == "remove":
                message = f"line {choice.number} is under both `keep:` and `remove:`; leave it in one of them"
                problem = Problem(sidecar.path, choice.line, message)
            if (
                problem is None
                and choice.number not in both
                and (choice.number in removed) == (key == "remove")
            ):
                problem = _changes_nothing(article, choice, key)
            problems += [problem] if problem is not None else []
    return sorted(problems, key=lambda p: p.line or 0)


def _no_such_line(article: Article, choice: LineChoice, seed_lines: list[str], key: str) -> Problem | None:
    """An error when `choice` is past the end of the seed or a blank line of it."""
    path, seed = article.sidecar.path if article.sidecar else "", article.source.path
    if choice.number > len(seed_lines):
        message = (
            f"`{key}:` names line {choice.number}, but {seed} has {len(seed_lines)} lines; check the number"
        )
        return Problem(path, choice.line, message)
    if not seed_lines[choice.number - 1].strip():
        message = f"`{key}:` names line {choice.number} of {seed}, which is blank; check the number"
        return Problem(path, choice.line, message)
    return None


def _changes_nothing(article: Article, choice: LineChoice, key: str) -> Problem:
    """A warning for a `keep:` line the cleaner keeps anyway, or a `remove:` line it removes anyway."""
    done = "removes" if key == "remove" else "keeps"
    message = (
        f"line {choice.number} of {article.source.path}: the cleaner already {done} it, "
        f"so `{key}:` changes nothing; take it out of the list"
    )
    return Problem(article.sidecar.path if article.sidecar else "", choice.line, message, severity="warning")
