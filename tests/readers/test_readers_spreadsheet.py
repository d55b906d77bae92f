"""Spreadsheets: workbooks built here with openpyxl, read with the CSV reader's layout detection.

Positions are cells (``file.xlsx:ROW:COL``, the sheet named in the line text); values are read, not formulas.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.api import Linter
from okrlint.cli import main
from okrlint.readers import ReadError, read_bytes

openpyxl = pytest.importorskip("openpyxl")


def _merged_workbook(path: Path) -> Path:
    """Sheet "Sales": an objective in a merged cell over its three KR rows, a formula target."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sales"
    ws.append(["Objective", "Key result", "Owner", "Target"])
    ws.append(["Win the mid-market", "Grow mid-market ARR from $2M to $3M", "Ana", 3])
    ws.append([None, "Sign 15 new logos with 200+ staff", "Ben", "=10+5"])
    ws.append([None, "Improve the website", "Cai", None])  # a vague KR: the finding must point at row 4
    ws.merge_cells("A2:A4")
    ws.append(["Keep customers longer", "Lower monthly churn from 3% to 2%", "Ana", 2])
    wb.save(path)
    return path


def _typed_two_sheets(path: Path) -> Path:
    """Two sheets, one per team, each with a type column."""
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Platform"
    for row in (
        ["Type", "Title", "Owner"],
        ["Objective", "Make deploys safe", "Dee"],
        ["KR", "Rollbacks take under 5 minutes, down from 40", "Dee"],
        ["KR", "Failed deploys fall from 12 to 3 a quarter", "Eli"],
    ):
        first.append(row)
    second = wb.create_sheet("Support")
    second.append(["Notes"])
    second.append(["This sheet has a title row before its table"])
    second.append([])
    for row in (
        ["Type", "Title", "Owner"],
        ["Objective", "Make support effortless", "Fay"],
        ["KR", "Cut first response from 6 h to 1 h", "Fay"],
    ):
        second.append(row)
    wb.create_sheet("Empty")
    wb.save(path)
    return path


def test_merged_objective_cells(tmp_path: Path) -> None:
    path = _merged_workbook(tmp_path / "okrs.xlsx")
    doc, _ = read_bytes(path.read_bytes(), str(path))
    assert doc.format == "xlsx"
    assert [len(o.key_results) for o in doc.objectives] == [3, 1]
    o1 = doc.objectives[0]
    assert o1.statement.text == "Win the mid-market"
    assert (o1.statement.start.line, o1.statement.start.column) == (2, 1)  # cell A2
    assert o1.extra["sheet"] == "Sales"
    kr3 = o1.key_results[2]
    assert (kr3.statement.start.line, kr3.statement.start.column) == (4, 2)  # cell B4
    assert [kr.owner for kr in o1.key_results] == ["Ana", "Ben", "Cai"]
    assert o1.key_results[0].target == 3.0


def test_formulas_are_read_as_values_not_text(tmp_path: Path) -> None:
    path = _merged_workbook(tmp_path / "okrs.xlsx")
    doc, text = read_bytes(path.read_bytes(), str(path))
    assert "=10+5" not in text  # openpyxl stores no computed value, so the cell is empty, never the formula
    assert doc.objectives[0].key_results[1].target is None


def test_type_column_and_one_sheet_per_team(tmp_path: Path) -> None:
    path = _typed_two_sheets(tmp_path / "teams.xlsx")
    doc, _ = read_bytes(path.read_bytes(), str(path))
    assert [o.statement.text for o in doc.objectives] == ["Make deploys safe", "Make support effortless"]
    assert [o.team for o in doc.objectives] == ["Platform", "Support"]
    assert [len(o.key_results) for o in doc.objectives] == [2, 1]
    support = doc.objectives[1]
    # The header sits on row 4 of its sheet (after a title row and a blank row): rows keep their numbers.
    assert (support.statement.start.line, support.statement.start.column) == (5, 2)


def test_findings_point_at_the_row(tmp_path: Path, linter: Linter) -> None:
    path = _merged_workbook(tmp_path / "okrs.xlsx")
    report = linter.lint_paths([path])
    assert not report.errors
    vague = [f for f in report.findings if f.statement.text == "Improve the website"]
    assert vague, [f.code for f in report.findings]
    assert {(f.start.line, f.start.column) for f in vague} == {(4, 2)}
    assert vague[0].line_text.startswith("Sales!B4: ")


def test_sarif_uses_the_row_as_the_line(tmp_path: Path) -> None:
    path = _merged_workbook(tmp_path / "okrs.xlsx")
    result = CliRunner().invoke(main, ["check", "--output-format", "sarif", "--exit-zero", str(path)])
    sarif = json.loads(result.output)
    regions = [
        r["locations"][0]["physicalLocation"]["region"]
        for r in sarif["runs"][0]["results"]
        if "Improve the website" in json.dumps(r)
    ]
    assert regions and all(region["startLine"] == 4 for region in regions)


def test_parse_command_on_a_workbook(tmp_path: Path) -> None:
    path = _typed_two_sheets(tmp_path / "teams.xlsx")
    runner = CliRunner()
    tree = runner.invoke(main, ["parse", "--output-format", "tree", str(path)])
    assert tree.exit_code == 0, tree.output
    assert "Platform!2:2  Make deploys safe" in tree.output
    assert "Support!6:2  Cut first response from 6 h to 1 h" in tree.output
    as_json = runner.invoke(main, ["parse", "--output-format", "json", str(path)])
    assert json.loads(as_json.output)["objectives"][1]["team"] == "Support"


def test_workbook_recognised_by_content_without_extension(tmp_path: Path) -> None:
    path = _merged_workbook(tmp_path / "okrs.xlsx")
    data = path.read_bytes()
    doc, _ = read_bytes(data, "<stdin>")
    assert len(doc.objectives) == 2
    renamed = tmp_path / "okrs.bin"
    renamed.write_bytes(data)
    doc, _ = read_bytes(renamed.read_bytes(), str(renamed))
    assert len(doc.objectives) == 2
    # `okrlint parse -` reads a workbook piped on standard input.
    result = CliRunner().invoke(main, ["parse", "--output-format", "json", "-"], input=data)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["objectives"]) == 2


def test_broken_workbook_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ReadError):
        read_bytes(path.read_bytes(), str(path))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if "broken.xlsx:1:1: error:" in line]


def _ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet written by hand (openpyxl writes only .xlsx): a merged objective."""
    import zipfile

    cell = '<table:table-cell office:value-type="string"{span}><text:p>{text}</text:p></table:table-cell>'
    rows = [
        cell.format(span="", text="Objective") + cell.format(span="", text="Key result"),
        cell.format(span=' table:number-rows-spanned="2"', text="Win the mid-market")
        + cell.format(span="", text="Grow mid-market ARR from $2M to $3M"),
        "<table:covered-table-cell/>" + cell.format(span="", text="Sign 15 new logos with 200+ staff"),
    ]
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Sales">'
        + "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_open_document_spreadsheet(tmp_path: Path) -> None:
    path = _ods(tmp_path / "okrs.ods")
    doc, _ = read_bytes(path.read_bytes(), "<stdin>")  # recognised by content
    assert doc.format == "ods"
    assert [len(o.key_results) for o in doc.objectives] == [2]
    start = doc.objectives[0].key_results[1].statement.start
    assert (start.line, start.column) == (3, 2)


def test_workbook_that_unpacks_too_far_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.readers import spreadsheet

    path = _merged_workbook(tmp_path / "okrs.xlsx")
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED_BYTES", 1_000)  # the real limit needs a real bomb
    with pytest.raises(ReadError, match="unpacks to"):
        read_bytes(path.read_bytes(), str(path))


def test_folder_walk_reads_workbooks_and_skips_office_lock_files(tmp_path: Path, linter: Linter) -> None:
    _merged_workbook(tmp_path / "okrs.xlsx")
    (tmp_path / "~$okrs.xlsx").write_bytes(b"\x05owner" + b"\x00" * 40)  # what Excel leaves while it is open
    report = linter.lint_paths([tmp_path])
    assert not report.errors
    assert [d.path.endswith("okrs.xlsx") for d in report.documents] == [True]
