"""Annotations cached by content: an unchanged article is not annotated again, and the cache never
changes what is built. Every build here runs in a temporary copy of the project, so no test leaves a
cache in the repository."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from generator import build_site
from generator import cache as cache_module
from generator.cache import CACHE_FOLDER, ArticleCache, fingerprint
from generator.models import Sidecar

SIDECAR = "content/articles/government-review-channel-crossings-offshoring-2021.md"


def texts(site) -> dict[str, str]:
    return {page.path: page.text for page in site.pages}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_warm_build_is_identical_to_a_cold_one_and_annotates_nothing(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cold = build_site(project, ArticleCache(folder))
    assert len(list(folder.glob("*.pickle"))) == len(cold.articles) == 5
    warm_cache = ArticleCache(folder)  # a new process: nothing in memory, everything on disk
    warm = build_site(project, warm_cache)
    assert warm_cache.built == 0
    assert texts(warm) == texts(cold) == texts(build_site(project))
    assert warm.problems == cold.problems


def test_only_what_changed_is_annotated_again(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    build_site(project, ArticleCache(folder))
    sidecar = project / SIDECAR
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), "utf-8")
    after_edit = ArticleCache(folder)
    site = build_site(project, after_edit)
    assert after_edit.built == 1
    assert any("Edited Government" in page.text for page in site.pages if page.path == "articles/index.md")
    junk = project / "content" / "junk.yaml"  # a new rule may change any article
    junk.write_text(
        junk.read_text(encoding="utf-8") + "- name: test rule\n  pattern: 'Zzyzx only'\n", "utf-8"
    )
    after_rule = ArticleCache(folder)
    build_site(project, after_rule)
    assert after_rule.built == 5
    assert len(list(folder.glob("*.pickle"))) == 5, "entries nothing uses any more are deleted"


def test_a_corrupt_or_foreign_cache_file_is_rebuilt_not_trusted(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    expected = texts(build_site(project, ArticleCache(folder)))
    files = sorted(folder.glob("*.pickle"))
    files[0].write_bytes(b"not a pickle")
    files[1].write_bytes(files[1].read_bytes()[:100])  # truncated
    files[2].write_bytes(pickle.dumps({"an": "other object"}))
    files[3].write_bytes(files[4].read_bytes())  # another article's entry
    again = ArticleCache(folder)
    assert texts(build_site(project, again)) == expected
    assert again.built == 4


def test_an_unwritable_cache_folder_costs_nothing_but_time(project: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert texts(build_site(project, ArticleCache(blocked / "cache"))) == texts(build_site(project))


def test_the_key_is_the_same_in_every_run() -> None:
    sidecar = Sidecar("content/articles/a.md", "a", "a.txt", title="A", topics=("x", "y"))
    script = (
        "from generator.cache import fingerprint; from generator.models import Sidecar; "
        "print(fingerprint((frozenset({'b', 'a', 'c'}), "
        "Sidecar('content/articles/a.md', 'a', 'a.txt', title='A', topics=('x', 'y')))))"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert digests == {fingerprint((frozenset({"c", "b", "a"}), sidecar))}
    assert fingerprint(sidecar) != fingerprint(Sidecar("content/articles/a.md", "a", "a.txt", title="B"))


def test_the_annotator_version_follows_the_code_an_article_is_built_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "generator"
    shutil.copytree(Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    before = cache_module._code_digest()
    assert before == cache_module.ANNOTATOR_VERSION
    with (package / "pages" / "render.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# rendering comes after the cache: no article changes\n")
    assert cache_module._code_digest() == before
    with (package / "annotate" / "topics.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# a change to an annotator\n")
    assert cache_module._code_digest() != before


def site_files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def generator_build(project: Path, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(cache_module.__file__).parent.parent)}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env.pop(cache_module.CACHE_ENV, None)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_generator_build_keeps_the_cache_in_its_folder_and_no_cache_reads_none(project: Path) -> None:
    shutil.copytree(Path(cache_module.__file__).parent, project / "generator")  # mkdocs.yml's hook
    generator_build(project, "--no-cache")
    assert not (project / ".cache").exists()
    uncached = site_files(project / "site")
    generator_build(project)
    assert len(list((project / CACHE_FOLDER).glob("*.pickle"))) == 5
    cold = site_files(project / "site")
    generator_build(project)
    assert site_files(project / "site") == cold == uncached


def test_the_pages_workflow_keys_its_cache_on_the_code_the_annotator_version_hashes() -> None:
    workflow = (Path(__file__).resolve().parent.parent / ".github" / "workflows" / "deploy.yml").read_text(
        encoding="utf-8"
    )
    key = next(line for line in workflow.splitlines() if line.strip().startswith("key: annotations-"))
    for name in cache_module._ANNOTATOR_CODE:
        assert f"'generator/{name}" in key, f"the cache key does not hash generator/{name}"
    assert "content/**" in key and "seeds/**" in key
