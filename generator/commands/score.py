"""Score the annotator against hand-written gold labels.

In: the annotate command's records (one dict per article, as `annotate
--format json` prints them) and a folder of gold YAML files (the schema in
tests/gold/README.md). Out: a Scorecard of counts per measure, with the misses
listed so a failing number can be read, not guessed at.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from generator.article import build_article
from generator.commands import find_root
from generator.inputs.project import read_inputs, read_source
from generator.models import InputError
from generator.pages.records import article_record

_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass
class Measure:
    """Hits out of a total, and what was missed."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def add(self, hit: bool, what: str) -> None:
        self.total += 1
        self.hits += int(hit)
        if not hit:
            self.misses.append(what)


@dataclass
class Scorecard:
    quote_recall: Measure = field(default_factory=Measure)
    speaker_accuracy: Measure = field(default_factory=Measure)
    figure_recall: Measure = field(default_factory=Measure)
    topic_precision: Measure = field(default_factory=Measure)
    topic_recall: Measure = field(default_factory=Measure)
    junk_precision: Measure = field(default_factory=Measure)
    junk_recall: Measure = field(default_factory=Measure)

    @property
    def topic_f1(self) -> float:
        p, r = self.topic_precision.value, self.topic_recall.value
        return 2 * p * r / (p + r) if p + r else 0.0

    def measures(self) -> list[tuple[str, Measure]]:
        """(name, Measure) for every counted measure, in the scorecard's fixed order."""
        return [
            ("quote recall", self.quote_recall),
            ("speaker accuracy", self.speaker_accuracy),
            ("figure recall", self.figure_recall),
            ("topic precision", self.topic_precision),
            ("topic recall", self.topic_recall),
            ("junk precision", self.junk_precision),
            ("junk recall", self.junk_recall),
        ]

    def rows(self) -> list[tuple[str, float, str]]:
        """(measure, value, "hits/total") rows in a fixed order, topic F1 after topic recall."""
        rows = [(name, m.value, f"{m.hits}/{m.total}") for name, m in self.measures()]
        rows.insert(5, ("topic F1", self.topic_f1, ""))
        return rows


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold labels keyed by seed file name."""
    return {
        g["seed"]: g for g in (yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yaml")))
    }


def score(records: list[dict], gold: dict[str, dict], texts: dict[str, str]) -> Scorecard:
    """Compare annotate records with the gold for every record that has gold labels."""
    card = Scorecard()
    for record in records:
        name = PurePosixPath(record["source"]).name
        if name in gold:
            _score_one(card, record, gold[name], texts[record["source"]], name)
    return card


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTE_CHARS).split())


def _score_one(card: Scorecard, record: dict, gold: dict, text: str, name: str) -> None:
    _score_quotes(card, record["quotes"], gold["quotes"], name)
    _score_figures(card, record["figures"], gold["figures"], text, name)
    _score_topics(card, record["topics"], gold["topics"], gold.get("mentions") or [], name)
    _score_junk(card, record["boilerplate"], gold["boilerplate"], name)


def _score_quotes(card: Scorecard, found: list[dict], expected: list[dict], name: str) -> None:
    unused = list(found)
    for want in expected:
        start = _norm(want["starts"])
        match = next((q for q in unused if _norm(q["text"]).startswith(start)), None)
        card.quote_recall.add(match is not None, f"{name}: quote not found: {want['starts']!r}")
        if match is None:
            continue
        unused.remove(match)
        right = match["speaker"].casefold() == want["speaker"].casefold()
        card.speaker_accuracy.add(
            right, f"{name}: {want['starts']!r}: speaker {match['speaker']!r}, expected {want['speaker']!r}"
        )


def _score_figures(card: Scorecard, found: list[dict], expected: list[dict], text: str, name: str) -> None:
    unused = list(found)
    for want in expected:
        match = next((f for f in unused if _same_figure(f, want, text)), None)
        card.figure_recall.add(
            match is not None, f"{name}: figure not found: {want['value']} in {want['phrase']!r}"
        )
        if match is not None:
            unused.remove(match)


def _same_figure(found: dict, want: dict, text: str) -> bool:
    if float(found["value"]) != float(want["value"]):
        return False
    phrase, got = want["phrase"], found["text"]
    return got in phrase or phrase in got or _overlap(got, phrase, text)


def _overlap(got: str, phrase: str, text: str) -> bool:
    """True when some occurrence of `got` overlaps some occurrence of `phrase` in the text."""
    spans = [(i, i + len(phrase)) for i in _find_all(text, phrase)]
    return any(a < j and i < b for i in _find_all(text, got) for j in [i + len(got)] for a, b in spans)


def _find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while needle and start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _score_topics(
    card: Scorecard, found: list[str], expected: list[str], mentions: list[str], name: str
) -> None:
    for topic in found:
        if topic not in mentions:
            card.topic_precision.add(topic in expected, f"{name}: topic {topic} predicted, not in gold")
    for topic in expected:
        card.topic_recall.add(topic in found, f"{name}: topic {topic} missed")


def _score_junk(card: Scorecard, found: list[str], expected: list[str], name: str) -> None:
    for line in found:
        card.junk_precision.add(line in expected, f"{name}: prose removed as junk: {line!r}")
    for line in expected:
        card.junk_recall.add(line in found, f"{name}: junk kept: {line!r}")


def format_scorecard(card: Scorecard, *, misses: bool = True) -> str:
    """The scorecard as an aligned table, followed by every miss."""
    lines = [f"{'measure':<18} {'value':>6}  {'count':>7}"]
    lines += [f"{name:<18} {value:>6.3f}  {count:>7}" for name, value, count in card.rows()]
    if misses:
        for _, measure in card.measures():
            lines += [f"  - {m}" for m in measure.misses]
    return "\n".join(lines)


def cmd_score(args: argparse.Namespace) -> int:
    """Score the annotator on the seeds against the gold labels."""
    root = find_root()
    knowledge = read_inputs(root).knowledge
    files = [Path(f) for f in args.files] or sorted((root / "seeds").glob("*.txt"))
    try:
        sources = [read_source(root, f) for f in files]
    except InputError as err:
        print(err, file=sys.stderr)
        return 1
    records = [article_record(build_article(s, None, knowledge)) for s in sources]
    card = score(records, load_gold(Path(args.gold)), {s.path: s.text for s in sources})
    print(format_scorecard(card, misses=not args.quiet))
    return 0
