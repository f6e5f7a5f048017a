"""Opening the project's files safely: which files a build reads, and reading each one once.

In: the project root. Out: the decoded text of seeds and the front matter or
YAML of content files, and a Problem for every file that cannot be used. A
file is opened only when its name is safe (`safe_paths`): inside the project,
not a Windows device name, printable. A read error costs that file, never the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .models import InputError, Problem, SourceText
from .safe_paths import file_name_problem, project_relative
from .textfile import (
    FrontMatter,
    KeyLines,
    YamlDocument,
    check_line_lengths,
    load_yaml_document,
    read_text_file,
    split_front_matter,
)


class ProjectReading:
    """What one read of the project has found so far: problems, and the lines of every file's keys."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.key_lines: dict[str, KeyLines] = {}

    def relative(self, path: Path) -> str:
        """The project-relative posix path of `path` (links not followed)."""
        return project_relative(path, self.root)

    def files(self, folder: Path, pattern: str) -> Iterator[Path]:
        """The files of `folder` matching `pattern`, sorted, leaving out (and reporting) unsafe ones."""
        for path in sorted(folder.glob(pattern)):
            if self.is_safe(path):
                yield path

    def links_out_of_project(self, folder: Path) -> None:
        """Report every file under `folder` that is a link leading outside the project (MkDocs would copy it)."""
        reported = {p.path for p in self.problems}
        for here, folders, names in os.walk(folder):  # links to folders are listed, never entered
            folders.sort()
            for name in sorted(names + [f for f in folders if os.path.islink(os.path.join(here, f))]):
                path = Path(here, name)
                if self.relative(path) not in reported:
                    self.is_safe(path)

    def is_safe(self, path: Path) -> bool:
        """True when `path` may be opened; else the reason is recorded as a Problem."""
        reason = file_name_problem(path, self.root)
        if reason is not None:
            self.problems.append(Problem(self.relative(path), 1, reason))
        return reason is None

    def source(self, path: Path) -> SourceText | None:
        """One seed as SourceText, or None when it cannot be used (the reason is recorded)."""
        try:
            return read_source(self.root, path)
        except InputError as err:
            self.problems.append(err.problem)
            return None

    def front_matter(self, path: Path) -> FrontMatter | None:
        """A Markdown file's front matter and body, or None when it cannot be read."""
        rel = self.relative(path)
        try:
            found = split_front_matter(read_text_file(path, rel), rel)
        except InputError as err:
            self.problems.append(err.problem)
            return None
        self.noted(rel, found.document)
        return found

    def yaml_file(self, path: Path) -> YamlDocument | None:
        """A YAML file's document, or None when it cannot be read."""
        rel = self.relative(path)
        try:
            document = load_yaml_document(read_text_file(path, rel), rel)
        except InputError as err:
            self.problems.append(err.problem)
            return None
        return self.noted(rel, document)

    def noted(self, rel: str, document: YamlDocument) -> YamlDocument:
        """Keep the document's key lines and problems."""
        self.key_lines[rel] = document.key_lines
        self.problems += document.problems
        return document


def read_source(root: Path, path: Path) -> SourceText:
    """One raw article file as SourceText; InputError if it is unreadable, empty or has no line breaks."""
    rel = project_relative(path, root)
    text = read_text_file(path, rel)
    if not text.strip():
        noun = "seed" if rel.startswith("seeds/") else "file"
        blank = " (only whitespace)" if text else ""
        message = f"{noun} is empty{blank}: there is no article text; paste the article in or delete the file"
        raise InputError(Problem(rel, 1, message))
    check_line_lengths(text, rel)
    return SourceText(path=rel, text=text)
