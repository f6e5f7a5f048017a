"""Opening the project's files safely: which files a build reads, and reading each one once.

In: the project root. Out: the decoded text of seeds and the front matter or
YAML of content files, and a Problem for every file that cannot be used. A
file is opened only when its name is safe (`safe_paths`): inside the project,
not a Windows device name, printable. A read error costs that file, never the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.inputs.front_matter import FrontMatter, split_front_matter
from generator.inputs.paths import file_name_problem, project_relative
from generator.inputs.textfile import (
    KeyLines,
    YamlDocument,
    check_line_lengths,
    load_yaml_document,
    read_text_file,
)
from generator.models import InputError, Problem, SourceText

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
KNOWLEDGE_FILES = (
    "entities.yaml",
    "events.yaml",
    "glossary.yaml",
    "junk.yaml",
    "official.yaml",
    "outlets.yaml",
    "units.yaml",
)
THEME_FOLDERS = ("assets", "javascripts", "stylesheets", "search")  # the site's own files live there


@dataclass(frozen=True)
class ContentFiles:
    """What content/ holds that the build may use, besides sidecars, topics and YAML."""

    pages: tuple[Path, ...]  # hand-written Markdown pages (content/index.md included)
    images: tuple[str, ...]  # content-relative posix paths of images, published as they are


class ProjectReading:
    """What one read of the project has found so far: problems, and the lines of every file's keys."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.key_lines: dict[str, KeyLines] = {}
        self._checked: dict[Path, bool] = {}  # a file is judged (and reported) once per reading

    def relative(self, path: Path) -> str:
        """The project-relative posix path of `path` (links not followed)."""
        return project_relative(path, self.root)

    def files(self, folder: Path, pattern: str) -> Iterator[Path]:
        """The files of `folder` matching `pattern`, sorted, leaving out (and reporting) unsafe ones."""
        for path in sorted(folder.glob(pattern)):
            if self.is_safe(path):
                yield path

    def content_files(self, folder: Path) -> ContentFiles:
        """Every file under content/, sorted and sorted out: hand-written pages, images, the rest refused.

        content/ holds content: Markdown, the YAML knowledge files and images. Anything else
        (HTML, SVG, scripts, stylesheets), a file in a folder the theme owns, and every link,
        wherever it points, is reported and never read or published. Dotfiles are ignored.
        """
        pages: list[Path] = []
        images: list[str] = []
        for path in _walk_without_links(folder):
            kind = self._content_kind(path, folder)
            if kind == "page":
                pages.append(path)
            elif kind == "image":
                images.append(path.relative_to(folder).as_posix())
        return ContentFiles(tuple(pages), tuple(images))

    def _content_kind(self, path: Path, folder: Path) -> str | None:
        """ "page", "image", "yaml" or "sidecar" for a file the build may use; None (and a Problem) if not."""
        if not self.is_safe(path):
            return None
        rel = path.relative_to(folder)
        suffix = path.suffix.lower()
        if rel.parts[0] in THEME_FOLDERS:
            reason = (
                f"`{rel.parts[0]}/` belongs to the site's theme; contributors' files go elsewhere in content/"
            )
        elif suffix == ".md":
            return "sidecar" if rel.parts[0] in ("articles", "topics") and len(rel.parts) == 2 else "page"
        elif suffix in (".yaml", ".yml"):
            if rel.as_posix() in KNOWLEDGE_FILES:
                return "yaml"
            reason = (
                f"the build reads no such YAML file; the knowledge files are {', '.join(KNOWLEDGE_FILES)}"
            )
        elif suffix in IMAGE_SUFFIXES:
            return "image"
        else:
            reason = (
                "content/ holds Markdown, YAML and images (.png, .jpg, .gif, .webp, .avif); "
                f"`{path.name}` is not published (scripts, stylesheets, HTML and SVG are the theme's, in generator/theme/)"
            )
        self.problems.append(Problem(self.relative(path), 1, reason))
        return None

    def is_safe(self, path: Path) -> bool:
        """True when `path` may be opened; else the reason is recorded as a Problem (once)."""
        if path not in self._checked:
            reason = file_name_problem(path, self.root)
            if reason is not None:
                self.problems.append(Problem(self.relative(path), 1, reason))
            self._checked[path] = reason is None
        return self._checked[path]

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
            front_matter = split_front_matter(read_text_file(path, rel), rel)
        except InputError as err:
            self.problems.append(err.problem)
            return None
        self.noted(rel, front_matter.document)
        return front_matter

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


def _walk_without_links(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, sorted; a link (to a file or a folder) is listed, never entered."""
    for here, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        linked = [f for f in folders if os.path.islink(os.path.join(here, f))]
        folders[:] = [f for f in folders if f not in linked]
        for name in sorted([n for n in names if not n.startswith(".")] + linked):
            yield Path(here, name)
