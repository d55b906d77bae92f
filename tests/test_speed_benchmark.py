"""The speed benchmark's parse floor parses what okrlint parses: the statements and the rewrites it re-lints."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


speed = _load("speed")


def test_parse_floor_times_the_statements_and_their_rewrites(capsys: pytest.CaptureFixture[str]) -> None:
    okrs = list(speed.flagged_okrs(10))
    statements = len(speed.statements_of(okrs))
    speed.parse_floor(okrs, pairs=1)
    out = capsys.readouterr().out
    found = re.search(r"raw spaCy over (\d+) statements vs okrlint's parse alone of the (\d+) texts", out)
    assert found is not None, out
    assert int(found.group(1)) == statements
    # every flagged key result gets rewrites, and each one offered was parsed to be re-linted
    assert int(found.group(2)) > statements
    assert len(re.findall(r"^    pair: ", out, re.MULTILINE)) == 1
