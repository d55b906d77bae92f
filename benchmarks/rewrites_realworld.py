"""Rewrites on real OKR files: for every statement okrlint flags (warning or error) in the committed real files,
is there a rewrite, and does the first one pass the relevance floor (``../shared/tools/rewrite_check.py``'s
judgement: shares a content word with the statement or its objective, no borrowed name, well formed, changed)?

Usage: ``python -m benchmarks.rewrites_realworld [FOLDER] [--show]`` (default ``../shared/data/realworld-dev``).
The labels behind ``rewrite_check.py`` are guides' example statements; these are statements people committed,
with their typos, tags, priorities and noun-only lines, so they test how the suggester generalises.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

from okrlint.api import Linter
from okrlint.models import Severity

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_FOLDER = SHARED / "data" / "realworld-dev"
CHECKER = SHARED / "tools" / "rewrite_check.py"


def _judge():  # type: ignore[no-untyped-def]
    """The floor's own judgement function, loaded from the shared tool (not copied)."""
    spec = importlib.util.spec_from_file_location("rewrite_check", CHECKER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {CHECKER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.judge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument(
        "--show", action="store_true", help="list the failures and the statements left without"
    )
    args = parser.parse_args(argv)
    judge = _judge()
    files = sorted(
        p for p in args.folder.iterdir() if p.is_file() and p.name not in {"COUNTS.json", "README.md"}
    )
    report = Linter().lint_paths([str(p) for p in files])
    parent = {
        kr.statement.text: objective.statement.text
        for document in report.documents
        for objective in document.objectives
        for kr in objective.key_results
    }
    judged: dict[str, list[str]] = {}
    without: set[str] = set()
    for finding in report.findings:
        statement = finding.statement
        if statement is None or not finding.severity.at_least(Severity.WARNING) or statement.text in judged:
            continue
        if finding.code[0] not in "KO":
            continue  # set-level findings (counts, duplicates) have no single statement to rewrite
        if not finding.suggestions:
            without.add(statement.text)
            continue
        row = {"text": statement.text, "objective": parent.get(statement.text)}
        judged[statement.text] = judge(row, finding.suggestions[0].text)
        without.discard(statement.text)
    reasons = Counter(reason for why in judged.values() for reason in why)
    passed = sum(1 for why in judged.values() if not why)
    flagged = len(judged) + len(without)
    print(f"{len(files)} files; flagged statements: {flagged}")
    print(f"  first rewrite passes the floor: {passed}/{flagged} ({passed / flagged:.1%})" if flagged else "")
    print(f"  without a rewrite: {len(without)}; failing: {dict(reasons) or 'none'}")
    if args.show:
        for text, why in sorted(judged.items()):
            if why:
                print(f"  [{', '.join(why)}] {text}")
        for text in sorted(without):
            print(f"  [no rewrite] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
