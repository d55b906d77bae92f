"""Accuracy of okrlint on the seed labels, side by side with two simple baselines.

A statement counts as flagged when it gets a finding of severity warning or error. Contested rows are
judgement calls and are left out of every figure. Key results are linted with their objective when the
label gives one.

    python benchmarks/accuracy.py [--labels PATH] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from okrlint.api import Linter
from okrlint.models import Finding, Severity

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed_labels.jsonl"

# Baseline vocabulary, fixed here so that the baselines do not borrow okrlint's lexicons.
_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|"
    r"percent|double|triple|half)\b",
    re.IGNORECASE,
)
_ACTION_VERBS = frozenset(
    [
        "write",
        "make",
        "create",
        "build",
        "launch",
        "design",
        "publish",
        "send",
        "implement",
        "update",
        "develop",
        "prepare",
        "produce",
        "organize",
        "organise",
        "hold",
        "run",
        "set",
        "ship",
        "release",
        "deploy",
        "fix",
        "clean",
        "clear",
        "contact",
        "call",
        "email",
        "discuss",
        "talk",
        "meet",
        "present",
        "draft",
        "document",
        "record",
        "host",
        "conduct",
        "complete",
        "finish",
        "deliver",
        "migrate",
        "hire",
        "train",
        "add",
        "integrate",
        "install",
        "introduce",
        "roll",
        "test",
        "review",
        "analyse",
        "analyze",
        "research",
        "interview",
        "survey",
        "identify",
        "define",
        "explore",
        "plan",
        "schedule",
        "brainstorm",
        "partner",
        "reach",
        "compare",
        "agree",
        "answer",
        "take",
        "correct",
        "running",
        "writing",
    ]
)


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    text: str
    objective: str | None
    label: str
    defects: tuple[str, ...]


def load_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            rows.append(
                Row(
                    raw["id"],
                    raw["kind"],
                    raw["text"],
                    raw.get("objective"),
                    raw["label"],
                    tuple(raw["defects"]),
                )
            )
    return rows


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text) or _NUMBER_WORDS.search(text))


def first_word_is_action(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return bool(words) and words[0].lower() in _ACTION_VERBS


def baseline_number(row: Row) -> bool:
    """KR: no digit or number word. Objective: a digit or number word (the number-in-objective rule)."""
    return not has_number(row.text) if row.kind == "key_result" else has_number(row.text)


def baseline_number_or_action(row: Row) -> bool:
    return baseline_number(row) or first_word_is_action(row.text)


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, flagged: bool, bad: bool) -> None:
        if bad and flagged:
            self.tp += 1
        elif bad:
            self.fn += 1
        elif flagged:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


def is_flagged(findings: list[Finding]) -> bool:
    return any(f.severity.at_least(Severity.WARNING) for f in findings)


def evaluate(rows: list[Row], flag: Callable[[Row], bool]) -> dict[str, Scores]:
    scores: dict[str, Scores] = defaultdict(Scores)
    for row in rows:
        if row.label == "contested":
            continue
        scores[row.kind].add(flag(row), row.label == "bad")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--misses", action="store_true", help="list missed bad rows and false alarms")
    args = parser.parse_args(argv)
    rows = load_rows(args.labels)
    linter = Linter()
    findings = {
        row.id: linter.lint_statement(row.text, kind=row.kind, objective=row.objective) for row in rows
    }

    systems: dict[str, Callable[[Row], bool]] = {
        "okrlint": lambda row: is_flagged(findings[row.id]),
        "baseline: number rule only": baseline_number,
        "baseline: number or action verb": baseline_number_or_action,
    }
    judged = [r for r in rows if r.label != "contested"]
    print(f"okrlint {linter.tool_info().version} with spaCy model {linter.tool_info().model}")
    print(
        f"labels: {args.labels.name}: {len(rows)} rows, {len(judged)} judged ({len(rows) - len(judged)} contested "
        "rows left out)"
    )
    print()
    print(f"{'system':34} {'kind':11} {'n':>4} {'precision':>9} {'recall':>7} {'F1':>6} {'false-alarm':>11}")
    for name, flag in systems.items():
        scores = evaluate(rows, flag)
        for kind in ("key_result", "objective"):
            s = scores[kind]
            n = s.tp + s.fp + s.fn + s.tn
            print(
                f"{name:34} {kind:11} {n:>4} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} "
                f"{s.false_alarm_rate:>11.3f}"
            )
    print()
    print("recall per labelled defect category (bad rows only): flagged at all / by a rule of that category")
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in judged:
        if row.label != "bad":
            continue
        found = findings[row.id]
        strong = [f for f in found if f.severity.at_least(Severity.WARNING)]
        for defect in row.defects:
            per_category[defect][0] += 1
            per_category[defect][1] += bool(strong)
            per_category[defect][2] += any(str(f.category) == defect for f in strong)
    for defect, (n, flagged, same) in sorted(per_category.items(), key=lambda kv: -kv[1][0]):
        print(f"  {defect:22} n={n:<3} flagged {flagged / n:5.2f}   same category {same / n:5.2f}")
    warnings_on_good = [r for r in judged if r.label == "good" and is_flagged(findings[r.id])]
    print()
    print(f"warnings or errors on good statements: {len(warnings_on_good)}")
    if args.misses:
        print("\nfalse alarms:")
        for r in warnings_on_good:
            print(f"  {r.id} {r.text!r}: {[f.code for f in findings[r.id]]}")
        print("\nmissed bad statements:")
        for r in judged:
            if r.label == "bad" and not is_flagged(findings[r.id]):
                print(f"  {r.id} [{r.kind}] {r.text!r} {list(r.defects)}: {[f.code for f in findings[r.id]]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
