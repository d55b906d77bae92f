"""Input for a blind review of rewrites: the first rewrite okrlint suggests for flagged statements of the
external labels' development part, with only what a reviewer needs (statement, objective, rewrite, question).

    python benchmarks/blind_review_input.py OUT.jsonl [--limit 80]

Rows come from ``external_split.dev_rows()`` only (never the sealed part): the bad ones first, then the others
that okrlint flags, in file order, up to ``--limit``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from external_split import dev_rows

from okrlint.api import Linter


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=80)
    args = parser.parse_args(argv)
    linter = Linter()
    rows = sorted(dev_rows(), key=lambda r: r["label"] != "bad")  # stable: file order within each group
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            if written >= args.limit:
                break
            findings = linter.lint_statement(row["text"], kind=row["kind"], objective=row.get("objective"))
            flagged = [f for f in findings if f.severity in ("warning", "error")]
            suggestions = [s for f in findings for s in f.suggestions]
            if not flagged or not suggestions:
                continue
            first = suggestions[0]
            record = {
                "n": written + 1,
                "kind": row["kind"],
                "statement": row["text"],
                "objective": row.get("objective"),
                "rewrite": first.text,
                "question": first.question,
                "key_result": first.key_result,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} first rewrites written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
