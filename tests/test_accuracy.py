"""Accuracy gates: the annotator scored against gold labels, so it cannot silently regress.

The seeds gate at the targets an editor would sign; the held-out articles (written
in other outlets' styles, not used to develop the rules) at the targets for unseen text.
The seeds and the development set of real articles (../shared/dev, when it is there, as it is
in CI) are gated at the targets for real articles the annotator has never seen (score.TARGETS);
the project's scorer is checked against the reference scorer on the development set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.score import (
    TARGETS,
    Scorecard,
    article_sets,
    format_misses,
    format_table,
    scorecard_for,
)
from generator.inputs.project import read_inputs

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
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev"
needs_dev = pytest.mark.skipif(
    not (DEV / "gold").is_dir(), reason="the development set (../shared/dev) is not here"
)


def card_of(root: Path, name: str) -> Scorecard:
    files, gold = article_sets(root)[name]
    return scorecard_for(root, read_inputs(root).knowledge, files, gold)


@pytest.fixture(scope="module")
def seed_card(root: Path) -> Scorecard:
    return card_of(root, "seeds")


@pytest.fixture(scope="module")
def unseen_card(root: Path) -> Scorecard:
    return card_of(root, "heldout")


@pytest.fixture(scope="module")
def dev_card(root: Path) -> Scorecard:
    return card_of(root, "dev (real)")


def explained(card: Scorecard) -> str:
    return format_table({"scored": card}) + "\n" + format_misses(card)


@pytest.mark.parametrize("measure", sorted(SEED_TARGETS))
def test_seed_accuracy(seed_card: Scorecard, measure: str) -> None:
    values = {name: value for name, value, _ in seed_card.rows()}
    assert values[measure] >= SEED_TARGETS[measure], explained(seed_card)


@pytest.mark.parametrize("measure", sorted(UNSEEN_TARGETS))
def test_heldout_accuracy(unseen_card: Scorecard, measure: str) -> None:
    values = {name: value for name, value, _ in unseen_card.rows()}
    assert values[measure] >= UNSEEN_TARGETS[measure], explained(unseen_card)


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_seeds_meet_the_targets_for_real_articles(seed_card: Scorecard, measure: str) -> None:
    values = {name: value for name, value, _ in seed_card.rows()}
    assert values[measure] >= TARGETS[measure], explained(seed_card)


@needs_dev
@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_real_articles_meet_the_targets(dev_card: Scorecard, measure: str) -> None:
    """The 24 real articles of ../shared/dev (2018-2026, many outlets, page junk included)."""
    values = {name: value for name, value, _ in dev_card.rows()}
    assert values[measure] >= TARGETS[measure], explained(dev_card)


def test_every_gold_file_is_scored(seed_card: Scorecard) -> None:
    assert seed_card.quote_recall.total == 69 and seed_card.figure_recall.total == 34


@needs_dev
def test_the_scorer_agrees_with_the_reference_scorer_on_real_articles(root: Path, tmp_path: Path) -> None:
    files = sorted((DEV / "articles").glob("*.txt"))
    records = subprocess.run(
        [sys.executable, "-m", "generator", "annotate", *map(str, files), "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "dev.json").write_text(records, encoding="utf-8")
    reference = json.loads(
        subprocess.run(
            [sys.executable, str(DEV / "score.py"), str(tmp_path / "dev.json"), str(DEV / "gold"), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    ours = {name: round(value, 3) for name, value, _ in card_of(root, "dev (real)").rows()}
    pairs = {
        "quote recall": "quote_recall",
        "speaker accuracy": "speaker_accuracy",
        "end to end": "quote_end_to_end",
        "figure recall": "figure_recall",
        "figure precision": "figure_precision",
        "topic F1": "topic_f1",
        "junk recall": "junk_recall",
        "junk precision": "junk_precision",
    }
    assert {ours_name: ours[ours_name] for ours_name in pairs} == {n: reference[r] for n, r in pairs.items()}
