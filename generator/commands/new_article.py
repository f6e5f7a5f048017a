"""Scaffold an article's sidecar from what the annotator inferred.

In: an annotated Article (built without a sidecar). Out: the text of
`content/articles/<slug>.md`, every inferred value listed under `review:` so
the page marks it as inferred until an editor has checked it and removed it
from the list, and after them the lines the cleaner was unsure of
(`clean.review.unsure_lines`), to confirm or to override with `keep:` or `remove:`.
Writing never replaces an existing file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.article import build_article
from generator.clean.review import unsure_lines
from generator.commands import find_root
from generator.inputs.front_matter import dump_front_matter
from generator.inputs.paths import is_reserved_name
from generator.inputs.project import read_inputs, read_source
from generator.inputs.schema import REVIEWED_FIELDS
from generator.inputs.slugs import slugify
from generator.models import Article, InputError, JunkRule

SCAFFOLD_COMMENT = (
    "# Scaffolded by `python -m generator new-article`. Every field listed under `review:` was inferred\n"
    "# by the annotator: check it against the text, correct it, then remove it from `review:`.\n"
    "# Each `line N` under `review:` is a line of the seed the cleaner was unsure of: if it was right,\n"
    "# delete the item; if not, put N under `keep:` (a line it removed) or `remove:` (a line it kept).\n"
)


def sidecar_slug(article: Article) -> str:
    """A readable slug from the inferred title and year, else the seed's name."""
    annotations = article.annotations
    words = slugify(annotations.title.value or "").split("-")[:8]
    year = (annotations.published.value or "")[:4]
    stem = "-".join(w for w in words if w)
    return "-".join(part for part in (stem, year) if part) or article.slug


def sidecar_text(article: Article, rules: tuple[JunkRule, ...]) -> str:
    """The sidecar's Markdown: front matter with the inferred values and, under `review:`, the
    fields and the seed lines to check (`rules`: the junk rules the article was cleaned with);
    the summary as body."""
    annotations = article.annotations
    lines = [str(doubt) for doubt in unsure_lines(article.clean, rules, article.source.text)]
    meta = {
        "seed": article.source.name,
        "title": annotations.title.value,
        "outlet": annotations.outlet.value,
        "published": annotations.published.value,
        "basis": _basis(article),
        "review": [f for f in REVIEWED_FIELDS if getattr(annotations, f).value is not None] + lines or None,
    }
    kept = {k: v for k, v in meta.items() if v is not None}
    return dump_front_matter(kept, annotations.summary or "", comment=SCAFFOLD_COMMENT)


def _basis(article: Article) -> str | None:
    annotations = article.annotations
    parts = [
        f"{name}: {value.basis}"
        for name, value in (("Outlet", annotations.outlet), ("Date", annotations.published))
        if value.basis
    ]
    return "; ".join(parts) or None


def write_new(path: Path, text: str) -> None:
    """Create `path` with `text`; FileExistsError if anything is already there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def cmd_new_article(args: argparse.Namespace) -> int:
    """Scaffold the sidecar of a seed, with inferred fields marked for review; never overwrites."""
    root = find_root()
    try:
        source = read_source(root, Path(args.seed))
    except InputError as err:
        print(err, file=sys.stderr)
        return 1
    if not source.path.startswith("seeds/"):
        print(f"{source.path}: put the raw text in seeds/ first", file=sys.stderr)
        return 1
    knowledge = read_inputs(root).knowledge
    article = build_article(source, None, knowledge)
    slug = slugify(args.slug) if args.slug else sidecar_slug(article)
    if not slug or is_reserved_name(slug):
        print(
            f"--slug {args.slug!r} gives no usable file name; use lower-case letters, digits and hyphens",
            file=sys.stderr,
        )
        return 1
    target = root / "content" / "articles" / f"{slug}.md"
    try:
        write_new(target, sidecar_text(article, knowledge.junk))
    except FileExistsError:
        print(f"{target.relative_to(root)}: already exists; nothing was written", file=sys.stderr)
        return 1
    print(target.relative_to(root))
    return 0
