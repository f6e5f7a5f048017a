"""Accuracy gates: the annotator scored against gold labels, so it cannot silently regress.

The seeds gate at the targets an editor would sign; the held-out articles (written
in other outlets' styles, not used to develop the rules) at the targets for unseen text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.article import build_article
from generator.commands.score import Scorecard, format_scorecard, load_gold, score
from generator.inputs.project import read_inputs, read_source
from generator.pages.records import article_record

SEED_TARGETS = {
    "quote recall": 0.95,
    "speaker accuracy": 0.95,
    "figure recall": 0.90,
    "topic F1": 0.90,
    "junk precision": 1.0,
    "junk recall": 1.0,
}
UNSEEN_TARGETS = {
    "quote recall": 0.85,
    "speaker accuracy": 0.85,
    "figure recall": 0.80,
    "topic F1": 0.80,
    "junk precision": 0.95,
    "junk recall": 0.80,
}


def scorecard(root: Path, seeds: list[Path], gold: Path) -> Scorecard:
    knowledge = read_inputs(root).knowledge
    sources = [read_source(root, path) for path in seeds]
    records = [article_record(build_article(s, None, knowledge)) for s in sources]
    return score(records, load_gold(gold), {s.path: s.text for s in sources})


@pytest.fixture(scope="module")
def seed_card(root: Path) -> Scorecard:
    return scorecard(root, sorted((root / "seeds").glob("*.txt")), root / "tests" / "gold")


@pytest.fixture(scope="module")
def unseen_card(root: Path) -> Scorecard:
    heldout = root / "tests" / "heldout"
    return scorecard(root, sorted((heldout / "seeds").glob("*.txt")), heldout / "gold")


@pytest.mark.parametrize("measure", sorted(SEED_TARGETS))
def test_seed_accuracy(seed_card: Scorecard, measure: str) -> None:
    values = {name: value for name, value, _ in seed_card.rows()}
    assert values[measure] >= SEED_TARGETS[measure], format_scorecard(seed_card)


@pytest.mark.parametrize("measure", sorted(UNSEEN_TARGETS))
def test_heldout_accuracy(unseen_card: Scorecard, measure: str) -> None:
    values = {name: value for name, value, _ in unseen_card.rows()}
    assert values[measure] >= UNSEEN_TARGETS[measure], format_scorecard(unseen_card)


def test_every_gold_file_is_scored(seed_card: Scorecard) -> None:
    assert seed_card.quote_recall.total == 69 and seed_card.figure_recall.total == 34
