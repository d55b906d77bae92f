"""The usage, CI and Python API pages stay true to the code and to each other.

- Every YAML block in docs/ci.md is a verbatim excerpt of a file that tests/docs/test_ci_examples.py runs.
- Every `okrlint` command in a shell block parses against the real CLI (commands, options, choices).
- Every relative link, and its #anchor, points at a file and heading that exist.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from okrlint.cli import main
from tests.conftest import REPO

DOCS = REPO / "docs"
PAGES = [DOCS / "usage.md", DOCS / "ci.md", DOCS / "python-api.md"]
RUN_EXAMPLES = [*sorted((DOCS / "examples").glob("*.y*ml")), REPO / ".pre-commit-hooks.yaml"]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def blocks(page: Path, *languages: str) -> list[str]:
    return [m.group(2) for m in FENCE.finditer(page.read_text(encoding="utf-8")) if m.group(1) in languages]


def shell_commands() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for block in blocks(page, "sh", "shell", "bash"):
            for line in block.splitlines():
                if line.startswith("okrlint "):
                    found.append((page.name, line))
    return found


def test_ci_page_yaml_is_the_tested_examples() -> None:
    sources = {path.name: path.read_text(encoding="utf-8") for path in RUN_EXAMPLES}
    yaml_blocks = blocks(DOCS / "ci.md", "yaml")
    assert len(yaml_blocks) == len(sources), "docs/ci.md should show each example file once"
    for block in yaml_blocks:
        homes = [name for name, text in sources.items() if block in text]
        assert homes, f"this block of docs/ci.md is not an excerpt of any example file:\n{block}"


@pytest.mark.parametrize(("page", "command"), shell_commands(), ids=lambda value: str(value)[:60])
def test_documented_commands_parse(page: str, command: str) -> None:
    tokens = shlex.split(command, comments=True)
    parent = click.Context(main, info_name="okrlint")
    subcommand = main.get_command(parent, tokens[1])
    assert subcommand is not None, f"{page}: no command {tokens[1]!r} in `{command}`"
    try:
        subcommand.make_context(tokens[1], tokens[2:], parent=parent)
    except click.UsageError as exc:
        pytest.fail(f"{page}: `{command}`: {exc.format_message()}")


def test_commands_were_found() -> None:
    assert {page for page, _ in shell_commands()} == {"usage.md"}
    assert len(shell_commands()) >= 15


def _anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    headings = re.findall(r"^#{1,6} +(.+?) *$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_resolve(page: Path) -> None:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    links = [link for link in LINK.findall(text) if not re.match(r"[a-z]+:", link)]
    assert links
    for link in links:
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.exists(), f"{page.name}: broken link {link}"
        if anchor:
            assert anchor in _anchors(path), f"{page.name}: no heading for #{anchor} in {path.name}"
