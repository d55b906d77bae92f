"""Suggestion coverage on the seed labels: for every bad statement okrlint flags, does it get a suggestion, and
does the first suggestion lint clean (placeholders filled with sample numbers)?

    python benchmarks/suggestions.py [--labels PATH] [--samples 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from accuracy import DEFAULT_LABELS, is_flagged, load_rows

from okrlint.api import Linter
from okrlint.models import Finding, Severity
from okrlint.suggest import fill, numbers_in


def ordered_suggestions(findings: list[Finding]):
    """A statement's suggestions, most severe finding first."""
    ranked = sorted(findings, key=lambda f: (-f.severity.rank, f.code))
    return [(f, s) for f in ranked for s in f.suggestions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--samples", type=int, default=10)
    args = parser.parse_args(argv)
    linter = Linter()
    rows = [r for r in load_rows(args.labels) if r.label == "bad"]
    flagged = with_suggestion = first_clean = from_authors_words = new_numbers = 0
    samples = []
    failures = []
    for row in rows:
        findings = linter.lint_statement(row.text, kind=row.kind, objective=row.objective)
        if not is_flagged(findings):
            continue
        flagged += 1
        suggestions = ordered_suggestions(findings)
        if not suggestions:
            failures.append(f"no suggestion: {row.id} {row.text!r} {[f.code for f in findings]}")
            continue
        with_suggestion += 1
        finding, first = suggestions[0]
        relinted = linter.lint_statement(
            fill(first.text), kind=row.kind, objective=row.objective, suggest=False
        )
        if not any(f.severity.at_least(Severity.WARNING) for f in relinted):
            first_clean += 1
        else:
            failures.append(
                f"first suggestion not clean: {row.id} {first.text!r} {[f.code for f in relinted]}"
            )
        if not (first.description or "").startswith("The guide's rewrite"):
            from_authors_words += 1
        if not numbers_in(first.text) <= numbers_in(row.text):
            new_numbers += 1
        samples.append((row, finding, first))
    print(
        f"okrlint {linter.tool_info().version}, model {linter.tool_info().model}; labels {args.labels.name}"
    )
    print(f"bad statements flagged (warning or error): {flagged} of {len(rows)}")
    print(
        f"  with at least one suggestion:        {with_suggestion / flagged:6.1%} ({with_suggestion}/{flagged})"
    )
    print(f"  whose first suggestion lints clean:  {first_clean / flagged:6.1%} ({first_clean}/{flagged})")
    print(
        f"  first suggestion from a template on the author's words (not the corpus fallback): "
        f"{from_authors_words / max(with_suggestion, 1):6.1%} ({from_authors_words}/{with_suggestion})"
    )
    print(f"  first suggestions with a number the statement did not have: {new_numbers}")
    for line in failures:
        print("  " + line)
    print()
    print(f"{args.samples} sample rewrites (before -> after, rule, nearest worked example):")
    step = max(1, len(samples) // max(args.samples, 1))
    for row, finding, first in samples[::step][: args.samples]:
        cite = f"{first.example_source.file}:{first.example_source.line}" if first.example_source else "-"
        print(
            f'  [{finding.code}] {row.text}\n      -> {first.text}\n         (like "{first.example}", {cite})'
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
