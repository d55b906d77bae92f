"""Rewrites on labelled statements: for every bad statement okrlint flags, does it get a rewrite, does the first
rewrite lint clean (placeholders filled with samples), which class of the outcome map chose it (or was the
suggester unsure and asked the coach's question), and what does suggesting cost per flagged statement?

    python benchmarks/suggestions.py [--labels PATH] [--samples 10] [--speed-rounds 3]
    python benchmarks/suggestions.py --classes         # the outcome map's classes and where each comes from
    python benchmarks/suggestions.py --examples        # first rewrites of the example statements (Markdown)

The speed cost is measured on the flagged statements themselves: ``lint_statement`` with and without
suggestions, on a fresh Linter each round after one warm-up pass (so the model load is not counted, but every
rewrite is generated and re-linted), best of ``--speed-rounds``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from accuracy import DEFAULT_LABELS, is_flagged, load_rows

from okrlint.api import Linter
from okrlint.models import Finding, Severity
from okrlint.suggest import fill, numbers_in

# The seven statements a new user tried (issue: rewrites borrowed from other subjects); --examples prints them.
EXAMPLES = (
    ("Hire 2 senior backend engineers", "key_result"),
    ("Finish the billing microservice by August 15", "key_result"),
    ("Migrate all services to Kubernetes", "key_result"),
    ("Order snacks weekly", "key_result"),
    ("Keep net revenue retention above 105%", "key_result"),
    ("Keep the office clean", "key_result"),
    ("Maintain office operations", "objective"),
)


def ordered_suggestions(findings: list[Finding]):
    """A statement's suggestions, most severe finding first."""
    ranked = sorted(findings, key=lambda f: (-f.severity.rank, f.code))
    return [(f, s) for f in ranked for s in f.suggestions]


def print_examples(linter: Linter) -> None:
    """The first rewrite (and its class and question) of each example statement, as a Markdown table."""
    print("| statement | first rewrite | class | coach's question |")
    print("| --- | --- | --- | --- |")
    for text, kind in EXAMPLES:
        first = next(s for f in linter.lint_statement(text, kind=kind) for s in f.suggestions)
        cls = getattr(first, "outcome_class", None) or "-"
        print(f"| {text} ({kind}) | {first.text} | {cls} | {getattr(first, 'question', None) or '-'} |")


def print_classes() -> None:
    from okrlint.outcome_map import outcome_map, output_classes  # not in okrlint before the outcome map

    table = output_classes()
    nouns = Counter(table.nouns.values())
    verbs = Counter(table.verbs.values())
    print("class          nouns  verbs  source / first measure")
    for name, entry in outcome_map().classes.items():
        cited = ", ".join(f"{c.file[:3]}:{c.line}" for c in entry.source) or "own"
        first = entry.measures(False)[0].measure if entry.measures(False) else "-"
        print(f"{name:<14} {nouns[name]:>5}  {verbs[name]:>5}  {cited}; {first}")


def speed(rows, rounds: int) -> tuple[float, float]:
    """Best-of-rounds seconds to lint the rows without and with suggestions."""
    best = {False: float("inf"), True: float("inf")}
    for _ in range(rounds):
        for suggest in (False, True):
            linter = Linter()
            linter.lint_statement("Warm up the model", kind="key_result", suggest=False)
            start = time.perf_counter()
            for row in rows:
                linter.lint_statement(row.text, kind=row.kind, objective=row.objective, suggest=suggest)
            best[suggest] = min(best[suggest], time.perf_counter() - start)
    return best[False], best[True]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument(
        "--speed-rounds", type=int, default=0, help="measure the cost of suggesting (0: skip)"
    )
    parser.add_argument("--classes", action="store_true", help="print the outcome map's classes and stop")
    parser.add_argument(
        "--examples", action="store_true", help="print the example statements' rewrites and stop"
    )
    args = parser.parse_args(argv)
    if args.classes:
        print_classes()
        return 0
    linter = Linter()
    if args.examples:
        print_examples(linter)
        return 0
    rows = [r for r in load_rows(args.labels) if r.label == "bad"]
    flagged = with_suggestion = first_clean = new_numbers = with_question = 0
    by_class: Counter[str] = Counter()
    flagged_rows = []
    samples = []
    failures = []
    for row in rows:
        findings = linter.lint_statement(row.text, kind=row.kind, objective=row.objective)
        if not is_flagged(findings):
            continue
        flagged += 1
        flagged_rows.append(row)
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
        outcome_class = getattr(
            first, "outcome_class", None
        )  # getattr: also runs on okrlint before it had one
        if outcome_class:
            by_class[outcome_class] += 1
        elif first.text.startswith(("Increase <the result you expect", "Achieve <the change you expect")):
            by_class["(unsure: coach's question)"] += 1
        else:
            by_class["(rule's own shape: target, baseline, KPI)"] += 1
        with_question += bool(getattr(first, "question", None))
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
    print(f"  first suggestions with the coach's question: {with_question}")
    print(f"  first suggestions with a number the statement did not have: {new_numbers}")
    print("  first suggestion by outcome class:")
    for name, count in by_class.most_common():
        print(f"    {name:<44} {count:>4}")
    for line in failures:
        print("  " + line)
    print()
    print(f"{args.samples} sample rewrites (before -> after, rule, class, question):")
    step = max(1, len(samples) // max(args.samples, 1))
    for row, finding, first in samples[::step][: args.samples]:
        print(
            f"  [{finding.code}] {row.text}\n      -> {first.text}   ({getattr(first, 'outcome_class', None) or '-'})"
        )
        if getattr(first, "question", None):
            print(f"         ? {first.question}")
    if args.speed_rounds and flagged_rows:
        without, with_ = speed(flagged_rows, args.speed_rounds)
        per = (with_ - without) / len(flagged_rows) * 1000
        print()
        print(
            f"speed on {len(flagged_rows)} flagged statements, best of {args.speed_rounds}: "
            f"{without:.2f} s without suggestions, {with_:.2f} s with; "
            f"suggesting costs {per:.1f} ms per flagged statement"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
