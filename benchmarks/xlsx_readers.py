"""openpyxl vs python-calamine on a generated workbook: load-and-read time, and whether merged cells are exposed.

Usage: ``python -m benchmarks.xlsx_readers [ROWS]`` (default 5,000 rows over two sheets).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import python_calamine


def build(path: Path, rows: int) -> None:
    workbook = openpyxl.Workbook()
    for n, sheet in enumerate((workbook.active, workbook.create_sheet("Team B"))):
        assert sheet is not None
        sheet.append(["Objective", "Key Result", "Owner", "Target", "Progress"])
        for i in range(rows // 2):
            objective = f"Grow revenue in segment {i // 4}" if i % 4 == 0 else None
            sheet.append([objective, f"Raise ARR from {i}k to {i * 2}k", f"owner{n}", i * 2, "=D2/2"])
        for i in range(0, rows // 2, 4):
            sheet.merge_cells(start_row=i + 2, start_column=1, end_row=i + 5, end_column=1)
    workbook.save(path)


def read_openpyxl(path: Path) -> tuple[int, int]:
    workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    cells = sum(1 for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for _ in row)
    merged = sum(len(ws.merged_cells.ranges) for ws in workbook.worksheets)
    return cells, merged


def read_calamine(path: Path) -> tuple[int, int]:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = 0
    merged = 0
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        cells += sum(len(row) for row in sheet.to_python())
        ranges = getattr(sheet, "merged_cell_ranges", None)
        merged += len(ranges) if ranges else 0
    return cells, merged


def main(argv: list[str]) -> int:
    rows = int(argv[0]) if argv else 5_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "okrs.xlsx"
        build(path, rows)
        for name, reader in (("openpyxl", read_openpyxl), ("python-calamine", read_calamine)):
            times = []
            for _ in range(5):
                start = time.perf_counter()
                cells, merged = reader(path)
                times.append(time.perf_counter() - start)
            print(
                f"{name:16} median {statistics.median(times) * 1000:8.1f} ms over 5 runs; "
                f"{cells} cells, {merged} merged ranges exposed"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
