"""Decode text files strictly and split Markdown front matter, with located errors.

Every file a contributor or a scraper hands us passes through here, so every
failure names the file and, where it can, the line or byte.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .models import InputError, Problem

MAX_BYTES = 2_000_000  # an article is tens of KB; anything this large is not an article
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def read_text_file(path: Path, rel: str) -> str:
    """Read `path` as UTF-8 (a BOM is accepted), with line endings normalised to "\\n"."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(Problem(rel, None, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}"))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Problem(rel, None, f"cannot read file: {err.strerror}")) from None
    return decode_text(data, rel)


def decode_text(data: bytes, rel: str) -> str:
    """Decode bytes as UTF-8 or raise InputError naming the line and byte offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(rel, 1, "file is UTF-16; save it as UTF-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(_byte_problem(rel, data, nul, "contains a NUL byte: binary, not text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            _byte_problem(rel, data, err.start, f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8")
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _byte_problem(rel: str, data: bytes, offset: int, message: str) -> Problem:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Problem(rel, line, f"{message} at byte offset {offset}", column=column)


def split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], str, int]:
    """Split `---` front matter from a Markdown body.

    Returns (metadata mapping, body, line number where the body starts). A file
    without front matter has empty metadata.
    """
    if not text.startswith("---"):
        return {}, text, 1
    first = text.split("\n", 1)[0]
    if not _FENCE.fullmatch(first):
        return {}, text, 1
    closing = _FENCE.search(text, len(first) + 1)
    if closing is None:
        raise InputError(Problem(rel, 1, "front matter opened with `---` is never closed; add a `---` line"))
    block = text[len(first) + 1 : closing.start()]
    meta = load_front_matter(block, rel)
    body_start = text.count("\n", 0, closing.end()) + 2
    return meta, text[closing.end() :].lstrip("\n"), body_start


def load_front_matter(block: str, rel: str) -> dict[str, Any]:
    """Parse a front-matter block; it must be a mapping."""
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the `---` line
        reason = getattr(err, "problem", None) or "cannot parse"
        raise InputError(Problem(rel, line, f"front matter is not valid YAML: {reason}")) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise InputError(Problem(rel, 2, f"front matter must be a mapping of `key: value`, not a {kind}"))
    return data
