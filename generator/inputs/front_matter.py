"""Markdown front matter, split and written with python-frontmatter, every YAML key still located.

python-frontmatter does the splitting and the writing; its YAML handler is given
this project's loader (`yaml_lines`), which refuses aliases and unknown tags and
keeps the line of every key, so a problem in a sidecar or a page names its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import frontmatter
from frontmatter.default_handlers import YAMLHandler

from generator.inputs.yaml_lines import KeyLines, YamlDocument, load_yaml_document
from generator.models import InputError, Problem

FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


class LocatedYamlHandler(YAMLHandler):
    """python-frontmatter's YAML handler, loading with line numbers and dumping keys in the given order.

    `rel` names the file in problems; `comment` (lines starting with `#`) is written at the top
    of the front matter it exports.
    """

    FM_BOUNDARY = FENCE

    def __init__(self, rel: str = "", comment: str = ""):
        super().__init__()
        self.rel, self.comment = rel, comment

    def load(self, fm: str, **kwargs: object) -> YamlDocument:
        """The front matter (the text after the opening `---` line) as a located YamlDocument."""
        return load_yaml_document(fm.removeprefix("\n"), self.rel, first_line=2)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """The metadata as YAML, keys in their given order, long values on one line."""
        kwargs.setdefault("sort_keys", False)
        kwargs.setdefault("width", 1000)
        return self.comment + super().export(metadata, **kwargs)


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split in two: its front matter (a mapping) and its body."""

    document: YamlDocument
    body: str
    body_line: int  # the line of the file where the body's text starts (blank lines skipped)


def split_front_matter(text: str, rel: str) -> FrontMatter:
    """Split `---` front matter from a Markdown body; InputError if the front matter is unusable.

    A file without front matter has an empty mapping.
    """
    handler = LocatedYamlHandler(rel)
    if not handler.detect(text):
        return FrontMatter(YamlDocument({}, KeyLines()), text, 1)
    try:
        fm, body = handler.split(text)
    except ValueError:
        message = "front matter opened with `---` is never closed; add a `---` line after it"
        raise InputError(Problem(rel, 1, message)) from None
    document = handler.load(fm)
    if document.data is None:
        document = YamlDocument({}, document.key_lines, problems=document.problems)
    if not isinstance(document.data, dict):
        kind = (
            "a list; remove the `- ` before the keys" if isinstance(document.data, list) else "a single value"
        )
        message = f"front matter must be `key: value` lines, not {kind}"
        raise InputError(Problem(rel, document.key_lines.line_of(()), message))
    text_of_body = body.lstrip("\n")
    body_line = fm.count("\n") + 1 + (len(body) - len(text_of_body))  # past the fence and blank lines
    return FrontMatter(document, text_of_body, body_line)


def dump_front_matter(metadata: dict[str, object], body: str = "", comment: str = "") -> str:
    """A Markdown file's text: `---` front matter (keys in the given order), then the body."""
    post = frontmatter.Post(body, **metadata)
    text = frontmatter.dumps(post, handler=LocatedYamlHandler(comment=comment))
    return text + "\n"
