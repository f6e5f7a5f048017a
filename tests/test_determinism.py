"""Two builds of the same input are byte-identical, whatever the hash seed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def build(root: Path, out: Path, hash_seed: str) -> dict[str, str]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1700000000",
        "PYTHONHASHSEED": hash_seed,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical_across_hash_seeds(root: Path, tmp_path: Path) -> None:
    first = build(root, tmp_path / "one", "1")
    second = build(root, tmp_path / "two", "2")
    assert first.keys() == second.keys()
    differing = sorted(path for path in first if first[path] != second[path])
    assert not differing, f"files differ between builds: {differing[:10]}"


def test_generated_markdown_is_identical_across_hash_seeds(root: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from generator import build_site; "
        "[sys.stdout.write(p.path + '\\n' + p.text) for p in build_site(Path('.')).pages]"
    )
    outputs = {
        seed: subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "7", "12345")
    }
    assert len(set(outputs.values())) == 1 and outputs["0"]
