"""docs/python-api.md runs: its ```python blocks are executed in order in one namespace, from the repository root.

The blocks assert what they show, so a change in the API or in a rule's verdict that makes the page wrong fails
here, naming the block and its line.
"""

from __future__ import annotations

import re
import textwrap
import traceback

import pytest

from tests.conftest import REPO

PAGE = REPO / "docs" / "python-api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks() -> list[tuple[int, str]]:
    """Each ```python block with the line of the page it starts on."""
    text = PAGE.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, textwrap.dedent(m.group(1))) for m in BLOCK.finditer(text)]


def test_page_has_examples() -> None:
    blocks = python_blocks()
    assert len(blocks) >= 10
    assert sum(code.count("assert ") for _, code in blocks) >= 30, "the examples should check what they show"


def test_examples_run_in_order(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)  # the page lints examples/ by a relative path
    namespace: dict[str, object] = {"__name__": "python_api_doc"}
    for line, code in python_blocks():
        # Padded so that line numbers in a traceback are the page's.
        compiled = compile("\n" * (line - 1) + code, str(PAGE), "exec")
        try:
            exec(compiled, namespace)
        except Exception as exc:
            where = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(PAGE)]
            at = where[-1] if where else line
            pytest.fail(f"docs/python-api.md:{at}: {type(exc).__name__}: {exc}", pytrace=False)
    printed = capsys.readouterr().out
    assert 'Key result is an output ("Launch the new website")' in printed
