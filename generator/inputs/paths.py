"""Which file names and paths the build may use: inside the project, not links, portable, printable.

Every file in seeds/ and content/ arrives in a pull request from a stranger, so
a name is checked before the file is opened: a link (symlink) is never followed
or published, wherever it points; a name Windows reserves for a device (`con`,
`nul`, `com1`...) is refused, as is a name with control or invisible characters
or with any character outside letters, digits, `-`, `_` and `.` (quotes, angle
brackets, spaces and backslashes end up in URLs and HTML attributes). A `seed:`
value in a sidecar must be a bare file name, never a path.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

_WINDOWS_DEVICES = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)", re.IGNORECASE)
NAME_PUNCTUATION = "-_."
LINK_OUTSIDE = "file is a link to a file outside the project; copy the file into the project instead"
LINK_INSIDE = (
    "file is a link; links in seeds/ and content/ are never followed or published, "
    "wherever they point: copy the file instead"
)


def is_reserved_name(name: str) -> bool:
    """True for a name Windows keeps for a device, with or without an extension: `con`, `NUL.txt`, `com1.md`."""
    return bool(_WINDOWS_DEVICES.fullmatch(name.split(".", 1)[0].rstrip(" ")))


def unusable_characters(name: str) -> list[str]:
    """The control and invisible characters in `name`, as `U+XXXX NAME`, in order of appearance."""
    return [
        f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL CHARACTER')}"
        for c in name
        if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
    ]


def unsafe_name_characters(name: str) -> list[str]:
    """The characters of `name` outside letters, digits (any script), combining marks and `-_.`."""
    unsafe = []
    for char in name:
        if char.isalnum() or char in NAME_PUNCTUATION or unicodedata.category(char).startswith("M"):
            continue
        if char not in unsafe:
            unsafe.append(char)
    return unsafe


def link_in_path(path: Path, root: Path) -> Path | None:
    """The first link (symlink) on the way from `root` down to `path`, or None."""
    try:
        parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts
    except ValueError:
        return path
    here = Path(os.path.abspath(root))
    for part in parts:
        here = here / part
        if here.is_symlink():
            return here
    return None


def file_name_problem(path: Path, root: Path) -> str | None:
    """Why the build must not open `path`, or None when it may."""
    if link_in_path(path, root) is not None:
        return LINK_INSIDE if is_inside(path, root) else LINK_OUTSIDE
    if is_reserved_name(path.name):
        return (
            f"file name `{path.name}` is reserved on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9) "
            "and cannot be checked out there; rename the file"
        )
    invisible = unusable_characters(path.name)
    if invisible:
        return f"file name contains {', '.join(invisible)}; rename the file with visible characters only"
    unsafe = unsafe_name_characters(path.name)
    if unsafe:
        shown = " ".join(f"`{c}`" if c != " " else "a space" for c in unsafe)
        return f"file name contains {shown}; rename the file using letters, digits, `-`, `_` and `.` only"
    return None


def is_inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link followed, is inside `root`."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return False
    return True


def project_relative(path: Path, root: Path) -> str:
    """`path` relative to `root`, as posix, without following links; else the path as given."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def plain_file_name(value: str) -> str:
    """A `seed:` value: a bare file name in seeds/, never a path, a device or a hidden character."""
    invisible = unusable_characters(value)
    if invisible:
        raise ValueError(f"`seed` contains {', '.join(invisible)}; write just the file name")
    if any(mark in value for mark in "/\\:") or value in (".", "..") or Path(value).is_absolute():
        raise ValueError(
            f"`seed: {value}` is a path; write just the name of a file in seeds/, such as `000_abc.txt`"
        )
    if is_reserved_name(value):
        raise ValueError(f"`seed: {value}` is a name reserved on Windows; rename the seed")
    return value
