"""The composite GitHub Action (action.yml): its metadata checked against the rules GitHub applies, and its
steps' shell commands run here, under a fake GITHUB_* environment, in a scratch git repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
BRANDING_COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
ZERO_SHA = "0" * 40

GOOD = "# Support OKRs, Q4 2024\n\n## Objective: Answer every customer fast\n\n- Cut median first-response time from 9 hours to 2 hours\n- Raise CSAT from 82% to 90%\n- Grow help-centre self-service resolution from 20% to 35%\n"
BAD = GOOD.replace("- Raise CSAT from 82% to 90%", "- Launch the new help centre")


# ---------------------------------------------------------------------- metadata
def _references(pattern: str) -> set[str]:
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    return set(re.findall(pattern, text))


def test_metadata_has_the_required_keys() -> None:
    assert set(ACTION) <= {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
    assert ACTION["name"] and ACTION["description"]
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["branding"]["color"] in BRANDING_COLORS
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert isinstance(spec.get("default", ""), str), f"input {name}: defaults are strings"
    assert {"paths", "fail-on", "sarif"} <= set(ACTION["inputs"])
    for name, spec in ACTION["outputs"].items():
        # A composite action's outputs must say where their value comes from.
        assert "value" in spec and spec.get("description"), name


def test_every_step_is_valid_for_a_composite_action() -> None:
    ids = [s["id"] for s in STEPS if "id" in s]
    assert len(ids) == len(set(ids))
    for step in STEPS:
        assert ("run" in step) != ("uses" in step), step.get("name")
        if "run" in step:
            assert step.get("shell"), f"{step.get('name')}: a composite step with run needs shell"
        else:
            assert "@" in step["uses"], f"{step['uses']}: pin an action to a ref"


def test_every_referenced_input_and_step_exists() -> None:
    assert _references(r"inputs\.([\w-]+)") <= set(ACTION["inputs"])
    seen: set[str] = set()
    for step in STEPS:
        text = yaml.safe_dump(step)
        for used in re.findall(r"steps\.([\w-]+)\.outputs", text):
            assert used in seen, f"step {step.get('name')} reads {used} before it runs"
        if "id" in step:
            seen.add(step["id"])
    outputs = yaml.safe_dump(ACTION["outputs"])
    assert set(re.findall(r"steps\.([\w-]+)\.outputs", outputs)) <= seen


def test_okrlint_is_installed_from_the_action_checkout() -> None:
    (install,) = [s for s in STEPS if s.get("name") == "Install okrlint"]
    assert '"${{ github.action_path }}"' in install["run"]


# ---------------------------------------------------------------------- running the steps
class Runner:
    """Runs the action's `run` steps in order, as the runner would: expressions filled in, GITHUB_OUTPUT read
    back, `if` conditions evaluated. Steps that `uses` another action or install okrlint are not run here (the
    test environment already has okrlint; setup-python and upload-sarif are GitHub's)."""

    def __init__(self, repo: Path, tmp: Path, inputs: dict[str, str], github: dict[str, str]) -> None:
        self.repo = repo
        self.tmp = tmp
        self.inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()} | inputs
        self.github = {"action_path": str(REPO)} | github
        self.outputs: dict[str, dict[str, str]] = {}
        self.ran: list[str] = []
        self.logs: dict[str, str] = {}
        bin_dir = tmp / "bin"
        bin_dir.mkdir()
        # `python` on the PATH is this interpreter, with okrlint installed (as after the install step).
        (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
        (bin_dir / "python").chmod(0o755)
        self.env = {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(tmp),
            "RUNNER_TEMP": str(tmp / "runner"),
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(repo),
            "GITHUB_EVENT_NAME": github.get("event_name", "push"),
        }
        if github.get("base_ref"):
            self.env["GITHUB_BASE_REF"] = github["base_ref"]
        (tmp / "runner").mkdir()

    def value(self, expression: str) -> str:
        if expression.startswith("inputs."):
            return self.inputs.get(expression.removeprefix("inputs."), "")
        if expression.startswith("github.event."):
            return self.github.get(expression.removeprefix("github.event."), "")
        if expression.startswith("github."):
            return self.github.get(expression.removeprefix("github."), "")
        match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        assert match, f"unexpected expression {expression}"
        return self.outputs.get(match[1], {}).get(match[2], "")

    def fill(self, text: str) -> str:
        return EXPRESSION.sub(lambda m: self.value(m[1]), text)

    def condition(self, text: str) -> bool:
        python = re.sub(
            r"(steps\.[\w-]+\.outputs\.[\w-]+|inputs\.[\w-]+)", lambda m: repr(self.value(m[1])), text
        )
        python = python.replace("&&", " and ").replace("||", " or ")
        return bool(eval(python, {"__builtins__": {}}))

    def run(self) -> int:
        for step in STEPS:
            if "if" in step and not self.condition(step["if"]):
                continue
            if "uses" in step or step.get("name") == "Install okrlint":
                continue
            output = self.tmp / f"output-{len(self.ran)}"
            output.touch()
            env = self.env | {k: self.fill(str(v)) for k, v in step.get("env", {}).items()}
            env["GITHUB_OUTPUT"] = str(output)
            done = subprocess.run(
                ["bash", "-e", "-c", self.fill(step["run"])],
                cwd=self.repo,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            self.ran.append(step.get("id", step["name"]))
            self.logs[step.get("id", step["name"])] = done.stdout + done.stderr
            self.outputs[step.get("id", "")] = _read_outputs(output.read_text(encoding="utf-8"))
            if done.returncode != 0:
                return done.returncode
        return 0


def _read_outputs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and "=" not in line.split("<<")[0]:
            name, marker = line.split("<<", 1)
            out[name] = "\n".join(iter(lambda: next(lines), marker))
        elif "=" in line:
            name, value = line.split("=", 1)
            out[name] = value
    return out


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose okrlint config lints okrs/ only, with one commit changing an OKR file and a README."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "okrs").mkdir(parents=True)
    (repo / "okrlint.toml").write_text('include = ["okrs/**"]\n', encoding="utf-8")
    (repo / "okrs" / "support.md").write_text(GOOD, encoding="utf-8")
    (repo / "okrs" / "sales.md").write_text(GOOD, encoding="utf-8")
    (repo / "README.md").write_text("# Our OKRs\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    (repo / "okrs" / "support.md").write_text(BAD, encoding="utf-8")
    (repo / "README.md").write_text("# Our OKRs\n\n- Launch a thing\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "draft")
    return repo, base


def test_a_push_lints_only_the_changed_okr_files_and_fails(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = repo
    runner = Runner(path, tmp_path, {}, {"event_name": "push", "before": base})
    status = runner.run()
    assert runner.outputs["targets"]["files"] == "okrs/support.md"
    assert status == 1, runner.logs
    annotations = runner.logs["lint"]
    assert "::error file=okrs/support.md" in annotations
    assert "sales.md" not in annotations and "README" not in annotations


def test_explicit_paths_and_fail_on(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = repo
    runner = Runner(path, tmp_path, {"paths": "okrs/sales.md\n okrs/support.md", "fail-on": "error"}, {})
    status = runner.run()
    assert runner.outputs["targets"]["files"].split("\n") == ["okrs/sales.md", "okrs/support.md"]
    # The output key result is an error, so fail-on error still fails.
    assert status == 1


def test_sarif_is_written_for_upload(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = repo
    runner = Runner(path, tmp_path, {"sarif": "true"}, {"event_name": "push", "before": base})
    runner.run()
    sarif = Path(runner.outputs["lint"]["sarif-file"])
    data = json.loads(sarif.read_text(encoding="utf-8"))
    assert data["runs"][0]["results"]


def test_no_changed_okr_file_skips_the_lint(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = repo
    (path / "README.md").write_text("# Our OKRs, again\n", encoding="utf-8")
    _git(path, "commit", "-q", "-am", "docs only")
    before = _git(path, "rev-parse", "HEAD~1")
    runner = Runner(path, tmp_path, {}, {"event_name": "push", "before": before})
    assert runner.run() == 0
    assert runner.ran == ["targets"]


def test_without_a_diff_the_whole_repository_is_linted_as_configured(
    repo: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = repo
    runner = Runner(path, tmp_path, {}, {"event_name": "workflow_dispatch", "before": ZERO_SHA})
    assert runner.run() == 1
    assert runner.outputs["targets"]["files"] == "."
    assert "README" not in runner.logs["lint"]


def test_the_documented_workflow_uses_only_inputs_the_action_has() -> None:
    workflow = yaml.safe_load((REPO / "docs" / "examples" / "github-action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in workflow["jobs"]["okrlint"]["steps"] if s["uses"].startswith("your-org/okrlint@")]
    assert set(step["with"]) <= set(ACTION["inputs"])


def test_a_pull_request_in_a_full_clone_lints_its_own_changes_and_keeps_the_history(tmp_path: Path) -> None:
    """actions/checkout with fetch-depth: 0 (what docs/ci.md advises): origin/main is there and has moved on
    since the branch point; only the pull request's OKR files are linted and the clone stays whole."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    upstream = tmp_path / "upstream"
    (upstream / "okrs").mkdir(parents=True)
    (upstream / "okrs" / "support.md").write_text(GOOD, encoding="utf-8")
    (upstream / "okrs" / "sales.md").write_text(GOOD, encoding="utf-8")
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", ".")
    _git(upstream, "commit", "-q", "-m", "base")
    branch_point = _git(upstream, "rev-parse", "HEAD")
    (upstream / "okrs" / "sales.md").write_text(BAD, encoding="utf-8")
    _git(upstream, "commit", "-q", "-am", "main moves on")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--no-local", str(upstream), str(clone))
    _git(clone, "checkout", "-q", "-b", "draft", branch_point)
    (clone / "okrs" / "support.md").write_text(BAD, encoding="utf-8")
    _git(clone, "commit", "-q", "-am", "draft")
    (tmp_path / "work").mkdir()
    runner = Runner(clone, tmp_path / "work", {}, {"event_name": "pull_request", "base_ref": "main"})
    assert runner.run() == 1
    assert runner.outputs["targets"]["files"] == "okrs/support.md"
    assert _git(clone, "rev-parse", "--is-shallow-repository") == "false"


def test_a_changed_file_with_a_non_ascii_name_is_linted(repo: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = repo
    (path / "okrs" / "équipe.md").write_text(BAD, encoding="utf-8")
    _git(path, "add", ".")
    _git(path, "commit", "-q", "-m", "a team with an accent")
    before = _git(path, "rev-parse", "HEAD~1")
    runner = Runner(path, tmp_path, {}, {"event_name": "push", "before": before})
    assert runner.run() == 1
    assert runner.outputs["targets"]["files"] == "okrs/équipe.md"
