"""`okrlint parse`: a tree a person recognises (objectives, key results, fields, dropped items), or JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner
from readers_support import FIXTURES

from okrlint.cli import main

KR_TABLE = FIXTURES / "shapes" / "table_kr_under_heading.md"


def test_tree_shows_objectives_krs_fields_and_dropped_items() -> None:
    result = CliRunner().invoke(main, ["parse", "--output-format", "tree", str(KR_TABLE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith("table_kr_under_heading.md (markdown, team Community)")
    assert lines[1] == "└─ O1  3:15  New contributors stay with the project"
    assert lines[2].startswith("   ├─ KR1  7:5  Greet every first pull request within a day  [owner: dana")
    assert lines[2].endswith("[dropped: struck through, not linted]")
    assert lines[-1] == "1 objective, 2 key results (2 dropped, not linted)"


def test_tree_says_when_nothing_was_read(tmp_path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("Meeting notes\n\nWe talked about the offsite.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--output-format", "tree", str(notes)])
    assert result.output.splitlines()[-1] == "0 objectives, 0 key results: nothing was read as an objective"


def test_json_when_not_on_a_terminal() -> None:
    result = CliRunner().invoke(main, ["parse", str(KR_TABLE)])  # the runner's output is not a terminal
    data = json.loads(result.output)
    assert [kr["dropped"] for kr in data["objectives"][0]["key_results"]] == [True, False, True, False]


def test_read_error_is_one_line_in_either_format(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"objectives": [', encoding="utf-8")
    for output in ("tree", "json"):
        result = CliRunner().invoke(main, ["parse", "--output-format", output, str(bad)])
        assert result.exit_code == 2
        assert len(result.output.splitlines()) == 1 and ": error: JSON syntax error" in result.output


def test_tree_lists_what_was_not_read_and_why() -> None:
    worked = FIXTURES / "shapes" / "worked_example.md"
    result = CliRunner().invoke(main, ["parse", "--output-format", "tree", str(worked)])
    lines = result.output.splitlines()
    skipped = lines[lines.index("Not read as objectives or key results:") + 1 : -1]
    assert [line.strip().split("  ")[1] for line in skipped] == [
        "Examples (our website)",
        "Definitions",
        "Process",
    ]
    assert "example, definition or how-to section" in skipped[0]
    assert "unlabelled heading in a file that labels its objectives" in skipped[2]
    data = json.loads(CliRunner().invoke(main, ["parse", "--output-format", "json", str(worked)]).output)
    assert [item["text"] for item in data["skipped"]] == ["Examples (our website)", "Definitions", "Process"]
