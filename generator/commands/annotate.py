"""`annotate`: raw article files in, their annotation records out (JSON or a few lines each)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.article import build_article
from generator.commands import find_root
from generator.inputs.project import read_inputs, read_source
from generator.models import InputError
from generator.pages.records import article_record


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate raw article files (no sidecar is used) and print the records."""
    root = find_root()
    knowledge = read_inputs(root).knowledge
    records, status = [], 0
    for name in args.files:
        try:
            source = read_source(root, Path(name))
        except InputError as err:
            print(err, file=sys.stderr)
            status = 1
            continue
        records.append(article_record(build_article(source, None, knowledge)))
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            print(_annotation_text(record))
    return status


def _annotation_text(record: dict) -> str:
    """One annotate record as a few indented lines for a reader."""
    lines = [
        f"{record['source']}: {record['title']}",
        f"  outlet {record['outlet']}, published {record['published']}",
    ]
    lines.append(f"  topics: {', '.join(record['topics']) or '-'}")
    lines += [f"  quote ¶{q['paragraph']} {q['speaker']}: {q['text'][:70]}" for q in record["quotes"]]
    lines += [f"  figure ¶{f['paragraph']} {f['value']} {f['unit']}: {f['text']}" for f in record["figures"]]
    lines += [f"  removed: {line}" for line in record["boilerplate"]]
    return "\n".join(lines)
