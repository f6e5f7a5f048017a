"""`check`: every file contributors edit, validated; each problem printed as `path:line: message`."""

from __future__ import annotations

import argparse
import sys

from generator import build_site
from generator.commands import find_root


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every file contributors edit; print `path:line: problem` for each problem."""
    site = build_site(find_root())
    for problem in site.problems:
        print(problem)
    errors = [p for p in site.problems if p.severity == "error"]
    print(
        f"{len(errors)} error(s) in content/ and seeds/" if errors else "content/ and seeds/ are valid",
        file=sys.stderr,
    )
    return 1 if errors else 0
