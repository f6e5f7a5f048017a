"""The command line: `python -m generator COMMAND --help` explains each command.

Argument parsing only; each command lives in a module of generator/commands/.
"""

from __future__ import annotations

import argparse
import sys

from generator.commands import find_root
from generator.commands.annotate import cmd_annotate
from generator.commands.build import cmd_build, cmd_serve
from generator.commands.check import cmd_check
from generator.commands.export import cmd_export
from generator.commands.linkcheck import cmd_linkcheck
from generator.commands.new_article import cmd_new_article
from generator.commands.score import cmd_score
from generator.commands.unlisted import cmd_unlisted_names

NO_CACHE = "annotate every article again, neither reading nor writing .cache/annotations/"


def make_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per `cmd_*` function, its first docstring line as help."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler, **kwargs) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=handler.__doc__.splitlines()[0], description=handler.__doc__)
        sub.set_defaults(handler=handler, **kwargs)
        return sub

    annotate = add("annotate", cmd_annotate)
    annotate.add_argument("files", nargs="+", metavar="FILE", help="raw article text files")
    annotate.add_argument(
        "--format", choices=["json", "text"], default="text", help="output format (default: text)"
    )
    scorer = add("score", cmd_score)
    scorer.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files to score with --gold (default: the seeds, tests/heldout and ../shared/dev)",
    )
    scorer.add_argument(
        "--gold", default=str(find_root() / "tests" / "gold"), help="folder of gold YAML labels for FILE..."
    )
    scorer.add_argument("--quiet", action="store_true", help="print the table without the list of misses")
    add("check", cmd_check)
    build = add("build", cmd_build)
    build.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on warnings")
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")
    build.add_argument("--no-cache", dest="cache", action="store_false", help=NO_CACHE)
    serve = add("serve", cmd_serve)
    serve.add_argument(
        "--addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )
    serve.add_argument("--no-cache", dest="cache", action="store_false", help=NO_CACHE)
    export = add("export", cmd_export)
    export.add_argument("--out", required=True, help="folder to write the Markdown tree into")
    new_article = add("new-article", cmd_new_article)
    new_article.add_argument("seed", metavar="SEED", help="the raw text file, already in seeds/")
    new_article.add_argument("--slug", help="the page's slug (default: from the inferred title and year)")
    add("unlisted-names", cmd_unlisted_names)
    linkcheck = add("linkcheck", cmd_linkcheck)
    linkcheck.add_argument("site", nargs="?", default="site", help="built site folder (default: site)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command named in `argv` (default: the process's arguments); return its exit status."""
    args = make_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
