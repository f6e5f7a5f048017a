"""What every page kind renders with: the Jinja environment that escapes by default, and front matter.

Templates hold layout only; every value a template prints is escaped for Markdown unless Python
built it as `Markdown` from escaped parts (mdtext.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from generator.inputs.front_matter import dump_front_matter
from generator.models import Page
from generator.pages.mdtext import Markdown, finalize
from generator.pages.views import Catalogue

TEMPLATES = Path(__file__).parent / "templates"


def make_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """A Jinja environment that escapes every printed value for Markdown."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["join"] = join_markdown
    return env


def join_markdown(items: object, separator: str = "") -> Markdown:
    """Jinja's `join`, keeping Markdown items as they are and escaping the rest."""
    return Markdown(separator.join(finalize(item) for item in items))


# The front matter of a page that lists what other pages say (a year of quotations, of a topic ...):
# search finds the article itself, so the list is left out of the index (Material's own key).
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}


def front_matter(**fields: object) -> Markdown:
    """YAML front matter with keys in the given order, values quoted safely; empty values left out."""
    kept = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
    return Markdown(dump_front_matter(kept))


# A page kind: every page of one kind (people, quotations ...) from the build's Catalogue.
PageKind = Callable[[jinja2.Environment, Catalogue], list[Page]]
