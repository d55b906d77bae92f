"""Every `okrlint` command the README and docs show runs (offline, in a folder laid out as the docs assume),
and the README's sample output is what okrlint prints today."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from tests.conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# Commands that serve a client on stdin/stdout instead of linting and returning.
SERVING = {"server", "mcp"}
COMMANDS = set(main.commands)
STDIN_OKRS = "## Grow our community\n\n- Launch the new website\n- Reach 500 weekly active members\n"


def documented_commands() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for page in PAGES:
        for language, body in FENCE.findall(page.read_text(encoding="utf-8")):
            if language not in {"", "sh", "shell", "bash", "console", "text"}:
                continue
            for line in body.splitlines():
                command = line.removeprefix("$ ")
                words = command.split()
                # Output tables also start with "okrlint"; a command names a subcommand or an option.
                if (
                    words[:1] == ["okrlint"]
                    and len(words) > 1
                    and (words[1] in COMMANDS or words[1][0] == "-")
                ):
                    found.append((page.name, command))
    return sorted(set(found))


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The layout the docs assume: the examples, and an `okrs/` folder of OKR files with the names used."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    okrs = tmp_path / "okrs"
    shutil.copytree(REPO / "examples", okrs)
    shutil.copy(REPO / "examples" / "marketing-q3.md", okrs / "q3.md")
    shutil.copy(REPO / "examples" / "sales-q3.yaml", okrs / "sales.yaml")
    (tmp_path / "notes.okr").write_text(
        "Objective: Grow our community\nKR1: Reach 500 weekly active members\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("page", "command"), documented_commands(), ids=lambda value: str(value)[:70])
def test_documented_command_runs(page: str, command: str, workspace: Path) -> None:
    tokens = shlex.split(command, comments=True)
    if tokens[1] in SERVING:
        pytest.skip(f"`okrlint {tokens[1]}` serves a client over stdio; its own tests drive it")
    result = CliRunner().invoke(main, tokens[1:], input=STDIN_OKRS)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{page}: `{command}` raised {result.exception!r}"
    )
    assert result.exit_code in (0, 1), f"{page}: `{command}` exited {result.exit_code}:\n{result.output}"


def test_commands_were_found() -> None:
    pages = {page for page, _ in documented_commands()}
    assert {"README.md", "usage.md"} <= pages


def test_readme_sample_output_is_what_okrlint_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    samples = [body for _, body in FENCE.findall(readme) if body.startswith("$ okrlint ")]
    assert samples, "the README shows a sample run"
    monkeypatch.chdir(REPO)
    for sample in samples:
        command, _, shown = sample.partition("\n")
        result = CliRunner().invoke(main, shlex.split(command.removeprefix("$ "))[1:])
        assert shown == result.output, (
            f"README shows for `{command}`:\n{shown}\nbut okrlint prints:\n{result.output}"
        )
