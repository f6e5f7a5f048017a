"""The command line: `python -m generator COMMAND --help` explains each command."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import build_site
from .article import build_article, slugify
from .ingest import read_inputs, read_source
from .models import InputError
from .records import article_record
from .safe_paths import is_reserved_name


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding mkdocs.yml (else the package's parent)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    return Path(__file__).resolve().parent.parent


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


def cmd_score(args: argparse.Namespace) -> int:
    """Score the annotator on the seeds against the gold labels."""
    from .score import format_scorecard, load_gold, score

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


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into site/ (strict: any error fails the build); the old site stays until the new one is whole."""
    from .mkdocs_hook import build_into

    root = find_root()
    return build_into(root, root / args.site_dir, strict=args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site at http://127.0.0.1:8000, regenerating pages when files change."""
    from .mkdocs_hook import serve

    return serve(find_root(), args.addr)


def cmd_linkcheck(args: argparse.Namespace) -> int:
    """Check every internal link and #anchor in a built site folder, offline."""
    from .linkcheck import find_broken_links

    broken = find_broken_links(Path(args.site))
    for message in broken:
        print(message)
    print(f"{len(broken)} broken link(s)", file=sys.stderr)
    return 1 if broken else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the generated Markdown tree (with content/'s other files) to a folder."""
    from .export import export_site

    root = find_root()
    site = build_site(root)
    for problem in site.problems:
        print(problem, file=sys.stderr)
    written = export_site(site, root, Path(args.out))
    print(f"wrote {written} files to {args.out}", file=sys.stderr)
    return 1 if any(p.severity == "error" for p in site.problems) else 0


def cmd_new_article(args: argparse.Namespace) -> int:
    """Scaffold the sidecar of a seed, with inferred fields marked for review; never overwrites."""
    from .scaffold import sidecar_slug, sidecar_text, write_new

    root = find_root()
    try:
        source = read_source(root, Path(args.seed))
    except InputError as err:
        print(err, file=sys.stderr)
        return 1
    if not source.path.startswith("seeds/"):
        print(f"{source.path}: put the raw text in seeds/ first", file=sys.stderr)
        return 1
    article = build_article(source, None, read_inputs(root).knowledge)
    slug = slugify(args.slug) if args.slug else sidecar_slug(article)
    if not slug or is_reserved_name(slug):
        print(
            f"--slug {args.slug!r} gives no usable file name; use lower-case letters, digits and hyphens",
            file=sys.stderr,
        )
        return 1
    target = root / "content" / "articles" / f"{slug}.md"
    try:
        write_new(target, sidecar_text(article))
    except FileExistsError:
        print(f"{target.relative_to(root)}: already exists; nothing was written", file=sys.stderr)
        return 1
    print(target.relative_to(root))
    return 0


def cmd_unlisted_names(args: argparse.Namespace) -> int:
    """List people and organisations found in the articles but missing from content/entities.yaml."""
    from .unlisted import as_yaml, unlisted_names

    root = find_root()
    site = build_site(root)
    entries = unlisted_names(site.articles, site.knowledge.entities)
    if entries:
        print("# Check each entry against the articles, then paste it into content/entities.yaml.")
        print(as_yaml(entries), end="")
    print(f"{len(entries)} name(s) not in content/entities.yaml", file=sys.stderr)
    return 0


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
    scorer.add_argument("files", nargs="*", metavar="FILE", help="seed files (default: seeds/*.txt)")
    scorer.add_argument(
        "--gold", default=str(find_root() / "tests" / "gold"), help="folder of gold YAML labels"
    )
    scorer.add_argument("--quiet", action="store_true", help="print the table without the list of misses")
    add("check", cmd_check)
    build = add("build", cmd_build)
    build.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on warnings")
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")
    serve = add("serve", cmd_serve)
    serve.add_argument(
        "--addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )
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
