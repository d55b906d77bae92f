"""Probe files in shapes people commit, written fresh and counted by hand before okrlint read them.

Each expectation is a range where two careful readers could differ; the reader must land inside it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from readers_support import FIXTURES, load

from okrlint.cli import main
from okrlint.readers import read_bytes

PROBE = "probe/"

# fixture -> ((objectives low, high), (key results low, high)), counted before running the reader.
COUNTS = {
    "handbook_nested.md": ((2, 2), (3, 4)),
    "team_readme.md": ((2, 2), (5, 5)),
    "quarterly.yaml": ((2, 2), (5, 5)),
    "tool_export.csv": ((2, 2), (5, 5)),
    "score_tracker.md": ((2, 2), (5, 5)),
    "numbered.txt": ((2, 2), (5, 5)),
    "blog_post.md": ((2, 2), (5, 5)),
    "spanish.md": ((2, 2), (5, 5)),
    "chinese.md": ((2, 2), (5, 5)),
    "notion_export.md": ((2, 2), (5, 5)),
    "retrospective.md": ((2, 2), (5, 5)),
    "deep_headings.md": ((3, 3), (5, 5)),
    "plain_headings.md": ((2, 2), (5, 5)),
    "key_results_block.txt": ((2, 2), (4, 4)),
    "outline_under_okrs.md": ((2, 2), (4, 4)),
    "numbered_okr_headings.md": ((3, 3), (4, 4)),
    "measured_by.txt": ((2, 2), (3, 3)),
}


def _in(value: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= value <= bounds[1]


def test_every_probe_fixture_has_a_count() -> None:
    names = {p.name for p in (FIXTURES / PROBE).iterdir()}
    assert names == set(COUNTS)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_probe_counts(name: str) -> None:
    doc, _ = load(PROBE + name)
    objectives = len(doc.objectives)
    krs = sum(len(o.key_results) for o in doc.objectives)
    (o_range, kr_range) = COUNTS[name]
    assert _in(objectives, o_range) and _in(krs, kr_range), (
        objectives,
        krs,
        [o.statement.text for o in doc.objectives],
    )


openpyxl = pytest.importorskip("openpyxl")


def _tracker_workbook(path: Path) -> Path:
    """A title row above the header, merged objective cells, a progress column, and a notes sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q2 OKRs"
    ws.append(["Product team OKRs - Q2 2025"])
    ws.append(["Objective", "Key Result", "Owner", "Progress"])
    ws.append(["Make onboarding effortless", "Activation from 30% to 45%", "Kim", 0.4])
    ws.append([None, "Setup time under 10 minutes for 80% of accounts", "Lee", 0.2])
    ws.append([None, "Support tickets about setup down 50%", "Kim", 0.6])
    ws.merge_cells("A3:A5")
    ws.append(["Grow expansion revenue", "Net revenue retention from 105% to 115%", "Raj", 0.1])
    ws.append([None, "30 accounts upgraded to the team plan", "Raj", 0.5])
    ws.merge_cells("A6:A7")
    notes = wb.create_sheet("Notes")
    notes.append(["Check-ins every Friday; scores are 0 to 1."])
    wb.save(path)
    return path


def test_probe_workbook_counts(tmp_path: Path) -> None:
    data = _tracker_workbook(tmp_path / "okrs.xlsx").read_bytes()
    doc, _ = read_bytes(data, path="okrs.xlsx")
    assert [len(o.key_results) for o in doc.objectives] == [3, 2]


def test_check_reads_a_workbook_from_stdin(tmp_path: Path) -> None:
    data = _tracker_workbook(tmp_path / "okrs.xlsx").read_bytes()
    result = CliRunner().invoke(main, ["check", "--output-format", "json", "-"], input=data)
    assert "binary" not in result.output
    report = json.loads(result.output)
    assert not report["errors"], report["errors"]
    assert [(f["format"], f["objectives"], f["key_results"]) for f in report["files"]] == [("xlsx", 2, 5)]


def test_romance_language_labels_are_labels_not_text() -> None:
    doc, _ = load(PROBE + "spanish.md")
    assert [o.statement.text for o in doc.objectives] == [
        "Mejorar la retención de clientes",
        "Acelerar el desarrollo",
    ]
    doc = read_bytes(
        "## Objectif : Réduire les coûts\n- Résultat clé 1 : Baisser la facture de 20 %\n".encode()
    )[0]
    assert [(o.statement.text, [k.statement.text for k in o.key_results]) for o in doc.objectives] == [
        ("Réduire les coûts", ["Baisser la facture de 20 %"])
    ]


def test_prose_starting_with_objetivo_is_not_an_objective() -> None:
    doc = read_bytes(b"# Notas\n\nObjetivo de este documento es explicar el proceso.\n", path="n.md")[0]
    assert doc.objectives == ()


def test_table_of_contents_is_skipped_and_said() -> None:
    doc, _ = load(PROBE + "handbook_nested.md")
    assert [o.statement.text for o in doc.objectives] == [
        "Grow revenue in enterprise accounts",
        "Ship a reliable product",
    ]
    assert any("table of contents" in s.text for s in doc.skipped)


def test_objective_toggles_hold_their_key_results() -> None:
    doc, _ = load(PROBE + "notion_export.md")
    assert [len(o.key_results) for o in doc.objectives] == [3, 2]


def test_labelled_objective_outside_the_okr_section_is_read() -> None:
    doc, _ = load(PROBE + "retrospective.md")
    assert [o.statement.text for o in doc.objectives] == [
        "Launch the mobile app",
        "Make the app a daily habit",
    ]


def test_numbered_okr_and_goal_headings_are_objective_labels() -> None:
    doc, _ = load(PROBE + "numbered_okr_headings.md")
    assert [o.statement.text for o in doc.objectives] == ["Improve hiring", "Ship v2", "Keep the lights on"]
    assert read_bytes(b"## OKRs for the year\n\nWe set them in January.\n", path="n.md")[0].objectives == ()
