"""The annotators are independent: each reads the Document, none reads another's fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotate import REGISTRY, annotate_document
from generator.annotate.document import Document
from generator.clean import clean_text
from generator.inputs.project import read_inputs, read_source

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone


@pytest.mark.parametrize(
    "seed", sorted(p.name for p in (Path(__file__).parent.parent / "seeds").glob("*.txt"))
)
def test_the_order_of_the_registry_changes_nothing(root: Path, seed: str) -> None:
    knowledge = read_inputs(root).knowledge
    source = read_source(root, root / "seeds" / seed)
    document = Document.read(source, clean_text(source, knowledge.junk), knowledge)
    assert annotate_document(document, REGISTRY[::-1]) == annotate_document(document)
