"""Every command explains itself with --help, and annotate prints the documented JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import topic_slugs
from generator.__main__ import make_parser

COMMANDS = sorted(make_parser()._subparsers._group_actions[0].choices)


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=root, capture_output=True, text=True
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(root: Path, command: str) -> None:
    result = run(root, command, "--help")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) >= 3 and "usage:" in result.stdout


def test_annotate_json_shape(root: Path, tmp_path: Path) -> None:
    unseen = tmp_path / "wire.txt"
    unseen.write_text(
        "Two people have died trying to cross the Channel, French authorities said on Sunday.\n"
        "\n"
        '"We cannot go on watching people drown on our doorstep," said Marie Dupont, a volunteer '
        "with a rescue charity in Calais.\n",
        encoding="utf-8",
    )
    seeds = sorted(str(p.relative_to(root)) for p in (root / "seeds").glob("*.txt"))
    result = run(root, "annotate", *seeds, str(unseen), "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == len(seeds) + 1
    for record in records:
        assert {
            "source",
            "slug",
            "title",
            "outlet",
            "published",
            "topics",
            "boilerplate",
            "quotes",
            "figures",
            "people",
            "organisations",
        } <= set(record)
        assert set(record["topics"]) <= set(topic_slugs())
        assert record["published"] is None or len(record["published"]) in (4, 7, 10)
        for quote in record["quotes"]:
            assert {"speaker", "role", "text", "paragraph"} <= set(quote)
            assert isinstance(quote["paragraph"], int) and quote["paragraph"] >= 1
        for figure in record["figures"]:
            assert isinstance(figure["value"], (int, float)) and figure["unit"] and figure["text"]
        for person in record["people"]:
            assert set(person) == {"name", "role"}
    assert records[0]["source"] == seeds[0]
    assert records[-1]["quotes"][0]["speaker"] == "Marie Dupont"
    assert records[-1]["figures"][0]["value"] == 2


def test_annotate_names_an_unreadable_file(root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"The minister\x92s plan\n")
    result = run(root, "annotate", str(bad), "--format", "json")
    assert result.returncode == 1
    assert "latin1.txt:1:13: not valid UTF-8 (byte 0x92)" in result.stderr
    assert "Traceback" not in result.stderr
