"""The package layout draws the pipeline: every import runs one way, down the stages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Each stage may import itself and the stages above it, never one below.
STAGES = (
    ("generator.models",),
    ("generator.inputs",),
    ("generator.clean",),
    ("generator.annotate",),
    ("generator.article", "generator.cache"),
    ("generator.link", "generator.events"),
    ("generator.pages",),
    ("generator",),  # build_site, the orchestrator
    ("generator.commands", "generator.mkdocs_adapter"),
    ("generator.__main__",),
)


def stage_of(module: str) -> int:
    """The stage a module belongs to: its longest matching prefix in STAGES."""
    best, length = None, -1
    for rank, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = rank, len(prefix)
    assert best is not None, f"{module} belongs to no stage"
    return best


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[str]:
    """The generator modules a file imports (absolute or relative)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append(base)
    return [name for name in found if name == "generator" or name.startswith("generator.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_imports_run_down_the_pipeline(path: Path) -> None:
    here = stage_of(module_name(path))
    later = [name for name in imported(path) if stage_of(name) > here]
    assert later == [], f"{module_name(path)} imports from later stages: {later}"


def test_the_adapter_folder_holds_only_the_adapter() -> None:
    names = sorted(p.name for p in (PACKAGE / "mkdocs_adapter").iterdir() if p.name != "__pycache__")
    assert names == ["__init__.py", "hook.py"]
