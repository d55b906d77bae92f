"""The CI examples in docs/examples/ and the pre-commit hook work as written.

Every ``okrlint …`` line of a workflow, job or hook runs in-process (click's CliRunner) in a temporary folder where
a copy of examples/ stands in for the user's okrs/. The artefacts are then checked (annotations, SARIF against
the official schema, JUnit XML), and the steps are replayed with their CI's rules: a failing step stops a
GitHub job unless a later step's ``if:`` asks to run anyway, and GitLab uploads artifacts according to
``when:``. That is what shows the SARIF upload and the JUnit report survive okrlint's exit code 1.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from okrlint.cli import EXIT_CLEAN, EXIT_FINDINGS, main
from okrlint.discovery import TEXT_EXTENSIONS
from tests.conftest import REPO
from tests.formatters.test_sarif import SCHEMA_PATH, _log_schema

EXAMPLES = REPO / "docs" / "examples"
GITHUB = EXAMPLES / "github-actions.yml"
GITLAB = EXAMPLES / "gitlab-ci.yml"
PRE_COMMIT_CONFIG = EXAMPLES / "pre-commit-config.yaml"
HOOKS = REPO / ".pre-commit-hooks.yaml"

ANNOTATION = re.compile(r"^::(?:error|warning|notice) file=(?P<file>[^,]+),line=\d+[^:]*::\S")
# identify's tags (what pre-commit's `types_or` matches) for the extensions okrlint reads.
IDENTIFY_TAGS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "plain-text",
}
# Files in a user's repository that are not OKRs, with their identify tags: the hook must not lint them.
NOT_OKRS = {
    "README.md": {"text", "markdown"},
    "docs/guide.md": {"text", "markdown"},
    ".github/workflows/ci.yml": {"text", "yaml"},
    "package.json": {"text", "json"},
    "notes.txt": {"text", "plain-text"},
    "tool.py": {"text", "python"},
}


# ---------------------------------------------------------------------------------------------- helpers
@dataclass
class Run:
    """One okrlint line as CI would run it."""

    line: str
    args: list[str]
    result: Result

    def option(self, name: str) -> str | None:
        return self.args[self.args.index(name) + 1] if name in self.args else None


@dataclass
class Shell:
    """Runs script lines with `bash -e` semantics: okrlint in-process, install lines as no-ops."""

    runs: list[Run] = field(default_factory=list)

    def script(self, lines: list[str] | str) -> int:
        """The exit code of a script: the first line that fails ends it."""
        if isinstance(lines, str):
            lines = lines.splitlines()
        for raw in lines:
            code = self.line(raw.strip())
            if code:
                return code
        return EXIT_CLEAN

    def line(self, line: str) -> int:
        if not line or line.startswith("#"):
            return EXIT_CLEAN
        tokens = shlex.split(line, comments=True)
        if tokens[:2] == ["pip", "install"]:
            return EXIT_CLEAN  # the test runs the okrlint under test instead
        assert tokens[0] == "okrlint", f"the examples run only `pip install` and okrlint; not {line!r}"
        or_true = tokens[-2:] == ["||", "true"]
        args = tokens[1:-2] if or_true else tokens[1:]
        assert not {"|", "||", "&&", ";", ">"} & set(args), (
            f"too much shell for this test to replay: {line!r}"
        )
        result = invoke(args)
        self.runs.append(Run(line, args, result))
        return EXIT_CLEAN if or_true else result.exit_code

    def with_format(self, name: str) -> list[Run]:
        return [run for run in self.runs if run.option("--output-format") == name]


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (EXIT_CLEAN, EXIT_FINDINGS), (
        f"okrlint {shlex.join(args)} exited {result.exit_code}:\n{result.output}"
    )
    return result


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def step_runs(condition: object, failed: bool) -> bool:
    """Whether a GitHub step with this `if:` runs after an earlier step failed (or not)."""
    text = str(condition).strip().removeprefix("${{").removesuffix("}}").strip()
    if text in ("always()", "!cancelled()"):
        return True
    if text == "success()":
        return not failed
    if text == "failure()":
        return failed
    pytest.fail(f"step condition {condition!r} is not one this test can replay")


def replay_github(job: dict[str, Any], shell: Shell) -> tuple[list[tuple[dict[str, Any], bool]], bool]:
    """Each step with whether it ran, and whether the job failed."""
    failed = False
    steps: list[tuple[dict[str, Any], bool]] = []
    for step in job["steps"]:
        if not step_runs(step.get("if", "success()"), failed):
            steps.append((step, False))
            continue
        steps.append((step, True))
        if "run" in step and shell.script(step["run"]) != EXIT_CLEAN:
            failed = True
    return steps, failed


@pytest.fixture
def okrs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's repository: examples/ as okrs/, and an empty okrlint.toml so no config above it applies."""
    shutil.copytree(REPO / "examples", tmp_path / "okrs")
    (tmp_path / "okrlint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OKRLINT_OUTPUT_FORMAT", raising=False)
    return tmp_path


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA_PATH.resolve()}")
    schema = _log_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


# ------------------------------------------------------------------------------------------ GitHub Actions
def test_github_annotations(okrs: Path) -> None:
    shell = Shell()
    for job in load(GITHUB)["jobs"].values():
        replay_github(job, shell)
    runs = shell.with_format("github")
    assert runs, "the workflow has no `okrlint check --output-format github` step"
    for run in runs:
        lines = run.result.stdout.splitlines()
        assert lines, f"{run.line} printed nothing"
        for line in lines:
            match = ANNOTATION.match(line)
            assert match, f"not a workflow command: {line!r}"
            assert match["file"].startswith("okrs/"), line
            assert (okrs / match["file"]).is_file(), line
        # The examples have errors: the job fails on them, which is what makes it a check.
        assert run.result.exit_code == EXIT_FINDINGS


def test_github_sarif_is_uploaded_despite_findings(
    okrs: Path, sarif_validator: jsonschema.protocols.Validator
) -> None:
    uploads = 0
    for name, job in load(GITHUB)["jobs"].items():
        shell = Shell()
        steps, _ = replay_github(job, shell)
        for step, ran in steps:
            if not str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@"):
                continue
            uploads += 1
            assert ran, f"job {name}: okrlint's exit code stops the job before the SARIF upload"
            assert job.get("permissions", {}).get("security-events") == "write", name
            sarif_file = step["with"]["sarif_file"]
            writers = [run for run in shell.runs if run.option("--output-file") == sarif_file]
            assert writers, f"job {name}: no okrlint step writes {sarif_file}"
            assert all(run.option("--output-format") == "sarif" for run in writers)
            log = json.loads((okrs / sarif_file).read_text(encoding="utf-8"))
            errors = sorted(sarif_validator.iter_errors(log), key=str)
            assert not errors, "\n".join(e.message for e in errors[:5])
            results = log["runs"][0]["results"]
            assert results, "the examples have findings: the SARIF log should have results"
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
            assert all(uri.startswith("okrs/") for uri in uris), uris
    assert uploads, "the workflow has no upload-sarif step"


def test_replay_would_catch_a_blocked_upload(okrs: Path) -> None:
    """Without --exit-zero (and without `if: always()`), exit code 1 skips the upload: the replay sees it."""
    job = load(GITHUB)["jobs"]["code-scanning"]
    for step in job["steps"]:
        if "--exit-zero" in str(step.get("run", "")):
            step["run"] = step["run"].replace(" --exit-zero", "")
    steps, failed = replay_github(job, Shell())
    assert failed
    assert [ran for step, ran in steps if "upload-sarif" in str(step.get("uses"))] == [False]


# ---------------------------------------------------------------------------------------------- GitLab
def test_gitlab_junit_report_is_kept_despite_findings(okrs: Path) -> None:
    jobs = {name: job for name, job in load(GITLAB).items() if isinstance(job, dict) and "script" in job}
    assert jobs
    reports = 0
    for name, job in jobs.items():
        shell = Shell()
        code = shell.script([*job.get("before_script", []), *job["script"]])
        artifacts = job.get("artifacts", {})
        junit = artifacts.get("reports", {}).get("junit")
        if junit is None:
            continue
        reports += 1
        when = artifacts.get("when", "on_success")
        uploaded = when == "always" or (when == "on_success") == (code == EXIT_CLEAN)
        assert code == EXIT_FINDINGS, "the examples have findings: the job should fail"
        assert uploaded, f"job {name}: the JUnit report is not uploaded when okrlint finds something"
        writers = [run for run in shell.runs if run.option("--output-file") == junit]
        assert writers and all(run.option("--output-format") == "junit" for run in writers)
        root = ET.parse(okrs / junit).getroot()
        assert root.tag == "testsuites"
        cases = root.findall("./testsuite/testcase")
        assert cases
        assert root.findall("./testsuite/testcase/failure")
        assert {suite.get("name") for suite in root.findall("testsuite")} >= {
            "okrs/marketing-q3.md",
            "okrs/sales-q3.yaml",
            "okrs/good/product-q3.md",
        }
    assert reports, "no GitLab job keeps a JUnit report"


# ---------------------------------------------------------------------------------------------- pre-commit
def test_hook_manifest() -> None:
    hooks = {hook["id"]: hook for hook in load(HOOKS)}
    hook = hooks["okrlint"]
    assert hook["entry"] == "okrlint check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook["minimum_pre_commit_version"] == "2.9.0"  # the first with types_or
    # Exactly the text file types okrlint reads when it walks a folder; `text` would take every text file.
    # (identify has no tag for spreadsheets, so the hook cannot select them by type.)
    assert set(hook["types_or"]) == {IDENTIFY_TAGS[ext] for ext in TEXT_EXTENSIONS}
    assert "types" not in hook
    assert hook.get("pass_filenames", True)


def _selected(hook: dict[str, Any], files: dict[str, set[str]]) -> list[str]:
    """The files pre-commit passes to a hook: `files` and `exclude` regexes, then `types_or`."""
    include = re.compile(hook.get("files", ""))
    exclude = re.compile(hook.get("exclude", "^$"))
    types_or = set(hook.get("types_or", []))
    return sorted(
        path
        for path, tags in files.items()
        if include.search(path) and not exclude.search(path) and (not types_or or tags & types_or)
    )


def test_pre_commit_example_lints_only_the_okrs(okrs: Path) -> None:
    manifest = {hook["id"]: hook for hook in load(HOOKS)}
    files = {
        p.relative_to(okrs).as_posix(): {"text", IDENTIFY_TAGS[p.suffix]}
        for p in (okrs / "okrs").rglob("*")
        if p.is_file()
    }
    for path, tags in NOT_OKRS.items():
        (okrs / path).parent.mkdir(parents=True, exist_ok=True)
        (okrs / path).write_text("# Not OKRs\n\n- Improve SEO\n", encoding="utf-8")
        files[path] = tags
    used = 0
    for repo in load(PRE_COMMIT_CONFIG)["repos"]:
        assert repo["repo"].rstrip("/").endswith("/okrlint") and repo["rev"]
        for user_hook in repo["hooks"]:
            hook = {**manifest[user_hook["id"]], **user_hook}  # the user's keys override the manifest's
            selected = _selected(hook, files)
            assert selected == sorted(p for p in files if p.startswith("okrs/"))
            shell = Shell()
            command = shlex.join([*hook["entry"].split(), *hook.get("args", []), *selected])
            assert shell.line(command) == EXIT_FINDINGS  # the examples have findings: the commit is stopped
            output = shell.runs[0].result.stdout
            assert "okrs/marketing-q3.md:8:3: K203" in output
            assert "README.md" not in output and "guide.md" not in output
            used += 1
    assert used
