"""Reading accuracy on real OKR files: okrlint's counts against a careful person's range.

Usage: ``python -m benchmarks.realworld [FOLDER]`` (default ``../shared/data/realworld-dev``). Prints one row per
file and the number of files whose objective and key-result counts both fall in the person's range.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from okrlint.discovery import read_source
from okrlint.readers import ReadError, read_document

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realworld-dev"


@dataclass(frozen=True)
class Row:
    file: str
    objectives_range: tuple[int, int]
    key_results_range: tuple[int, int]
    objectives: int | None  # None: the file could not be read
    key_results: int | None
    error: str | None = None

    @property
    def in_range(self) -> bool:
        if self.objectives is None or self.key_results is None:
            return False
        (o_lo, o_hi), (k_lo, k_hi) = self.objectives_range, self.key_results_range
        return o_lo <= self.objectives <= o_hi and k_lo <= self.key_results <= k_hi


def measure(folder: Path = DEFAULT_FOLDER) -> list[Row]:
    counts = json.loads((folder / "COUNTS.json").read_text(encoding="utf-8"))
    rows: list[Row] = []
    for name, person in sorted(counts.items()):
        o_range = tuple(person["objectives_range"])
        k_range = tuple(person["key_results_range"])
        try:
            document = read_document(read_source(folder / name), path=name)
        except ReadError as err:
            rows.append(Row(name, o_range, k_range, None, None, str(err)))  # type: ignore[arg-type]
            continue
        objectives = len(document.objectives)
        key_results = sum(len(o.key_results) for o in document.objectives)  # dropped KRs included
        rows.append(Row(name, o_range, k_range, objectives, key_results))  # type: ignore[arg-type]
    return rows


def _range(r: tuple[int, int]) -> str:
    return str(r[0]) if r[0] == r[1] else f"{r[0]}-{r[1]}"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    if not (folder / "COUNTS.json").is_file():
        print(f"{folder}: no COUNTS.json", file=sys.stderr)
        return 2
    rows = measure(folder)
    print("| file | person O | person KR | okrlint O | okrlint KR | in range |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        got_o = "error" if row.objectives is None else str(row.objectives)
        got_k = "error" if row.key_results is None else str(row.key_results)
        mark = "yes" if row.in_range else "no"
        print(
            f"| {row.file} | {_range(row.objectives_range)} | {_range(row.key_results_range)} | {got_o} | "
            f"{got_k} | {mark} |"
        )
    print(f"\nin range: {sum(r.in_range for r in rows)} / {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
