"""Checks on the GitHub Actions workflows in .github/workflows/.

Two linters must report nothing: actionlint (syntax, expressions, shell) and
zizmor (security: injection, permissions, pinning), the latter offline so the
test needs no network. On top of them, the properties this project relies on
are asserted directly from the parsed YAML, so that a change that weakens them
fails with a message saying which rule it broke.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_DIR = REPO / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])

PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(\.\d+){0,2}\s*$")


# --- helpers -----------------------------------------------------------------


def tool(name: str) -> str:
    """Path of a dev tool: next to this interpreter (the venv's bin), else PATH.

    A missing tool fails the test rather than skipping it, so a CI that
    forgot the dev extra cannot pass without having checked anything.
    """
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"`{name}` not found next to {sys.executable} or on PATH; "
            "install the dev extra: pip install -e '.[dev]'"
        )
    return found


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a linter and capture everything it says."""
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def load(path: Path) -> dict:
    """Parse a workflow. PyYAML reads the bare key `on` as True; undo that."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(WORKFLOW_DIR / name)


def triggers(wf: dict) -> set[str]:
    on = wf["on"]
    if isinstance(on, str):
        return {on}
    return set(on)


def all_steps(wf: dict):
    """Yield (job id, step) for every step of every job."""
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def all_uses(wf: dict) -> list[str]:
    """Every `uses:` value: steps' actions and jobs' reusable workflows."""
    uses = [job["uses"] for job in wf["jobs"].values() if "uses" in job]
    uses += [step["uses"] for _, step in all_steps(wf) if "uses" in step]
    return uses


def step_using(job: dict, action: str) -> dict:
    matches = [s for s in job["steps"] if s.get("uses", "").startswith(action + "@")]
    assert len(matches) == 1, f"expected one {action} step, found {len(matches)}"
    return matches[0]


# --- the linters ---------------------------------------------------------------


def test_there_are_workflows():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names


def test_actionlint_reports_nothing():
    result = run([tool("actionlint"), "-oneline", "-no-color", *map(str, WORKFLOWS)], REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_zizmor_reports_nothing():
    argv = [tool("zizmor"), "--offline", "--no-progress", "--color=never"]
    result = run([*argv, str(WORKFLOW_DIR)], REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout, result.stdout + result.stderr


BAD_WORKFLOW = """\
name: bad
on: pull_request_target
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.nope.outputs.x }}
"""


@pytest.mark.parametrize("linter", ["actionlint", "zizmor"])
def test_linters_do_catch_a_bad_workflow(tmp_path, linter):
    """Guard against a linter that silently checks nothing."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    extra = ["--offline", "--no-progress", "--color=never"] if linter == "zizmor" else []
    result = run([tool(linter), *extra, str(bad)], tmp_path)
    assert result.returncode != 0, result.stdout + result.stderr


# --- properties every workflow must have ------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path):
    assert "pull_request_target" not in triggers(load(path))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_uses_is_pinned_to_a_commit(path):
    for uses in all_uses(load(path)):
        if uses.startswith("./"):
            continue  # an action in this repository
        assert PINNED.match(uses), f"{path.name}: {uses} is not pinned to a 40-hex SHA"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_pin_names_its_version(path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = USES_LINE.match(line)
        if m and not m.group(1).startswith("./"):
            assert VERSION_COMMENT.match(m.group(2)), (
                f"{path.name}:{n}: pinned `uses:` needs a `# vX.Y.Z` comment"
            )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_grant_no_write(path):
    wf = load(path)
    assert "permissions" in wf, f"{path.name}: set top-level permissions"
    perms = wf["permissions"]
    assert isinstance(perms, dict), f"{path.name}: use a permissions map, not {perms!r}"
    assert "write" not in perms.values()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_does_not_persist_credentials(path):
    for job_id, step in all_steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, job_id


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expressions_inside_run(path):
    """Values reach shell scripts through `env:`, never pasted into `run:`."""
    for job_id, step in all_steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}: job {job_id}"


# --- ci.yml -----------------------------------------------------------------


def test_ci_triggers():
    wf = workflow("ci.yml")
    assert triggers(wf) == {"pull_request", "workflow_dispatch"}
    assert wf["permissions"] == {"contents": "read"}


def test_ci_cancels_superseded_runs_per_pr():
    concurrency = workflow("ci.yml")["concurrency"]
    assert "github.event.pull_request.number" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


def test_ci_runs_the_checks_in_order_and_uploads_the_site():
    (job,) = workflow("ci.yml")["jobs"].values()
    runs = [s["run"].strip() for s in job["steps"] if "run" in s]
    assert runs == [
        "make test",
        ".venv/bin/python -m generator check",
        "make site",
        ".venv/bin/python -m generator linkcheck site",
    ]
    assert job["container"]["image"].startswith("python:3.11-bookworm"), (
        "Debian, so apt-get gives real chromium"
    )
    upload = step_using(job, "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert job["steps"][-1] is upload


# --- deploy.yml -------------------------------------------------------------


def test_deploy_triggers_and_concurrency():
    wf = workflow("deploy.yml")
    assert triggers(wf) == {"push", "workflow_dispatch"}
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_build_job_only_reads():
    build = workflow("deploy.yml")["jobs"]["build"]
    assert build["permissions"]["contents"] == "read"
    assert set(build["permissions"].values()) == {"read"}


def test_build_job_builds_with_repository_urls():
    build = workflow("deploy.yml")["jobs"]["build"]
    make = next(s for s in build["steps"] if s.get("run", "").strip() == "make site")
    assert make["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "github.repository" in make["env"]["SITE_REPO_URL"]
    assert step_using(build, "actions/configure-pages")["id"] == "pages"
    artifact = step_using(build, "actions/upload-pages-artifact")
    assert artifact["with"]["path"] == "site"


def test_deploy_job_has_exactly_pages_and_id_token_write():
    deploy = workflow("deploy.yml")["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_deploy_job_targets_github_pages_environment():
    deploy = workflow("deploy.yml")["jobs"]["deploy"]
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    step = step_using(deploy, "actions/deploy-pages")
    assert step["id"] == "deployment"


def test_deploy_job_runs_no_project_code():
    """The job holding the write permissions neither checks out nor runs."""
    deploy = workflow("deploy.yml")["jobs"]["deploy"]
    assert all("run" not in s for s in deploy["steps"])
    assert all(not s["uses"].startswith("actions/checkout@") for s in deploy["steps"])
