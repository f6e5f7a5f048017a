"""`unlisted-names` lists the people and organisations contributors should add to entities.yaml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import copy_project

ARTICLE = """\
Volunteers in Calais have called for a safe route to the UK after another night of failed crossings.
Marie Dupont, the coordinator of the charity Shelter Calais, said: "Every week we see the same families return soaked and exhausted."
The Home Secretary, Yvette Cooper, said the government would keep working with France.
"""


def test_lists_new_people_with_their_role_and_leaves_known_ones_out(root: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(root / "generator", project / "generator")
    (project / "seeds" / "960_calais.txt").write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "unlisted-names"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    entries = yaml.safe_load(result.stdout)
    by_name = {entry["name"]: entry for entry in entries}
    assert by_name["Marie Dupont"]["kind"] == "person"
    assert by_name["Marie Dupont"]["roles"] == [{"title": "coordinator of the charity Shelter Calais"}]
    assert "Yvette Cooper" not in by_name, "already in content/entities.yaml"
    assert "# seen in seeds/960_calais.txt" in result.stdout
