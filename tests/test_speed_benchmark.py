"""The speed benchmark's parse floor parses what okrlint parses: the statements and the rewrites it re-lints."""

from __future__ import annotations

import re

import pytest

from tests.benchmark_modules import load_benchmark

speed = load_benchmark("speed")


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
