"""Decode text files strictly and split Markdown front matter, with located errors.

Every file a contributor or a scraper hands us passes through here, so every
failure names the file and the line, and where it can the column and byte
offset. Nothing is ever silently replaced: a byte that is not UTF-8 is an error.
YAML itself is loaded by `yaml_lines`, front matter split by `front_matter`.
"""

from __future__ import annotations

from pathlib import Path

from generator.inputs.yaml_lines import ImpossibleDate, KeyLines, KeyPath, YamlDocument, load_yaml_document
from generator.models import InputError, Problem

__all__ = [
    "MAX_BYTES",
    "MAX_LINE_CHARS",
    "ImpossibleDate",
    "KeyLines",
    "KeyPath",
    "YamlDocument",
    "check_line_lengths",
    "decode_text",
    "load_yaml_document",
    "read_text_file",
]

MAX_BYTES = 1_000_000  # an article is tens of KB, a long live blog a few hundred; more is not an article
MAX_LINE_CHARS = 100_000  # a paragraph is a few thousand characters; longer lines are not prose


def read_text_file(path: Path, rel: str) -> str:
    """Read `path` as UTF-8 (a BOM is accepted), with line endings normalised to "\\n".

    Files over MAX_BYTES are refused from their size alone, before any byte is read.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(Problem(rel, 1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}"))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Problem(rel, 1, f"cannot read file: {err.strerror}")) from None
    return decode_text(data, rel)


def decode_text(data: bytes, rel: str) -> str:
    """Decode bytes as UTF-8 or raise InputError naming the line and byte offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data):
        raise InputError(Problem(rel, 1, "file is UTF-16; save it as UTF-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(_byte_problem(rel, data, nul, "contains a NUL byte", "binary, not text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            _byte_problem(rel, data, err.start, f"not valid UTF-8 (byte 0x{bad})", "save the file as UTF-8")
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: text whose every other byte is NUL."""
    sample = data[:1000]
    if len(sample) < 8:
        return False
    return any(half.count(0) > 0.8 * len(half) for half in (sample[0::2], sample[1::2]))


def _byte_problem(rel: str, data: bytes, offset: int, what: str, fix: str) -> Problem:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Problem(rel, line, f"{what} at byte offset {offset}; {fix}", column=column)


def check_line_lengths(text: str, rel: str) -> None:
    """InputError at the first line longer than MAX_LINE_CHARS: no paragraph is that long."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            message = (
                f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}: "
                "put each paragraph on its own line"
            )
            raise InputError(Problem(rel, number, message))
