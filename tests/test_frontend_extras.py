"""`okrlint server` and `okrlint mcp` without their optional extra: one line saying what to install, exit 2."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner

from okrlint.cli import main


@pytest.mark.parametrize(
    ("command", "module", "extra"), [("server", "pygls", "server"), ("mcp", "mcp", "mcp")]
)
def test_missing_extra_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, command: str, module: str, extra: str
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a)
    )
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert f"okrlint[{extra}]" in lines[0] and module in lines[0]
