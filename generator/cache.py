"""Remember built articles, so an article whose inputs did not change is not cleaned and annotated again.

In: an article's SourceText and Sidecar, the Knowledge base, and the function that builds it.
Out: the Article that function made from exactly those inputs, built again only when one of them
or the code that builds articles changed. An article's key is a SHA-256 of its seed's path and
text, its sidecar, the whole knowledge base and ANNOTATOR_VERSION (a digest of the source of every
module an article's build can run, so a code change invalidates every entry by itself).

Articles are kept in memory (what `mkdocs serve` keeps between rebuilds) and, given a folder, on
disk: one pickle file per key, written atomically. A file that is missing, corrupt or from other
code is ignored and the article rebuilt; writing is best effort. The folder is local build data,
never read from content/: only the build commands name one (`.cache/annotations/`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.models import Article, Knowledge, Sidecar, SourceText

Builder = Callable[[SourceText, Sidecar | None, Knowledge], Article]

CACHE_FOLDER = Path(".cache") / "annotations"  # under the project root; git-ignored
CACHE_ENV = "GENERATOR_ANNOTATION_CACHE"  # the build commands name the folder to the MkDocs hook here
_PACKAGE = Path(__file__).resolve().parent
# The code an Article can depend on: the stages up to article.py (tests/test_layout.py keeps later
# stages out of their imports). models.py is in it, so a pickle never meets a changed dataclass.
_ANNOTATOR_CODE = ("models.py", "inputs", "clean", "annotate", "article.py", "cache.py")


def _code_digest() -> str:
    digest = hashlib.sha256(f"python {sys.version_info[:2]} pickle {pickle.HIGHEST_PROTOCOL}".encode())
    for name in _ANNOTATOR_CODE:
        found = _PACKAGE / name
        for path in sorted(found.rglob("*.py")) if found.is_dir() else [found]:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


ANNOTATOR_VERSION = _code_digest()


def fingerprint(value: object) -> str:
    """A SHA-256 of a frozen value (dataclasses, tuples, sets, strings, numbers), the same in every run."""
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: object) -> object:
    """`value` as JSON-able lists, tagged with its type, in an order that does not depend on the run."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return [type(value).__name__, value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [[f.name, _plain(getattr(value, f.name))] for f in dataclasses.fields(value)]
        return [type(value).__name__, fields]
    if isinstance(value, (tuple, list)):
        return ["seq", [_plain(v) for v in value]]
    if isinstance(value, (frozenset, set)):
        return ["set", sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, ensure_ascii=False))]
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")


class ArticleCache:
    """Built articles by the digest of their inputs: in memory, and in `folder` when one is given."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._articles: dict[str, Article] = {}
        self._used: set[str] = set()
        self._knowledge: tuple[Knowledge, str] | None = None
        self.built = 0  # articles built (not found) since the cache was made, for tests and benchmarks

    def find(
        self, source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge
    ) -> tuple[str, Article | None]:
        """The key of these inputs and the article remembered under it (None when there is none:
        build it and `add` it under that key)."""
        key = self._key(source, sidecar, knowledge)
        self._used.add(key)
        article = self._articles.get(key) or self._load(key, source, sidecar)
        if article is not None:
            self._articles[key] = article
        return key, article

    def add(self, key: str, article: Article) -> None:
        """Remember an article just built from the inputs `find` gave `key` for."""
        self.built += 1
        self._store(key, article)
        self._articles[key] = article

    def keep_only_used(self) -> None:
        """Forget every article not asked for since the last call, in memory and on disk, so the
        cache never outgrows the project."""
        self._articles = {k: v for k, v in self._articles.items() if k in self._used}
        if self.folder is not None and self.folder.is_dir():
            for path in self.folder.glob("*.pickle"):
                if path.stem not in self._used:
                    path.unlink(missing_ok=True)
        self._used = set()

    def _key(self, source: SourceText, sidecar: Sidecar | None, knowledge: Knowledge) -> str:
        if self._knowledge is None or self._knowledge[0] is not knowledge:
            self._knowledge = (knowledge, fingerprint(knowledge))
        return fingerprint((ANNOTATOR_VERSION, self._knowledge[1], source, sidecar))

    def _load(self, key: str, source: SourceText, sidecar: Sidecar | None) -> Article | None:
        """The article stored under `key`, or None when there is none or it cannot be used."""
        if self.folder is None:
            return None
        try:
            article = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except Exception:  # missing, truncated, corrupt or from other code: build it again
            return None
        if not isinstance(article, Article) or article.source != source or article.sidecar != sidecar:
            return None
        return article

    def _store(self, key: str, article: Article) -> None:
        """Write the article under `key` (a temporary file renamed into place); best effort."""
        if self.folder is None:
            return
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, suffix=".tmp", delete=False) as handle:
                temporary = handle.name
                pickle.dump(article, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{key}.pickle")
        except (OSError, pickle.PicklingError):
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
