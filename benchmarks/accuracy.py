"""Accuracy of okrlint on every labelled set, side by side with two keyword baselines, in one run.

Sets: the seed labels (the five guides' own statements), the constructed regression sets
(``benchmarks/data/*.jsonl``) and the development two thirds of the external labels
(``benchmarks/external_split.py``); ``--sealed`` adds the sealed third, to be reported once, at the end.

A statement counts as flagged when it gets a finding of severity warning or error. Contested rows are
judgement calls and are left out of every figure. Key results are linted with their objective when the
label gives one. For each set the report gives precision, recall, F1 and false-alarm rate per kind; per
defect category the recall, the category agreement (flagged by a rule of the labelled category) and the F1 of
"a rule of this category fires" against "the label names this category"; per rule how often it fires at
warning or error and how often it is right (precision).

    python benchmarks/accuracy.py [--set NAME ...] [--sealed] [--misses] [--labels PATH]
    python benchmarks/accuracy.py --save-verdicts FILE      # codes per statement, for a later --diff-verdicts
    python benchmarks/accuracy.py --diff-verdicts FILE      # statements whose codes changed since FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from external_split import dev_rows, sealed_rows

from okrlint.api import Linter
from okrlint.models import Finding, Severity

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed_labels.jsonl"
CONSTRUCTED = sorted((Path(__file__).resolve().parent / "data").glob("*.jsonl"))
KINDS = ("key_result", "objective")

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


def to_row(raw: dict) -> Row:
    return Row(raw["id"], raw["kind"], raw["text"], raw.get("objective"), raw["label"], tuple(raw["defects"]))


def load_rows(path: Path) -> list[Row]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [to_row(json.loads(line)) for line in lines if line.strip()]


def label_sets(names: Iterable[str], labels: Path | None) -> dict[str, list[Row]]:
    """The labelled sets by name; an explicit ``--labels`` file replaces them all."""
    if labels is not None:
        return {labels.stem: load_rows(labels)}
    loaders: dict[str, Callable[[], list[Row]]] = {
        "seed": lambda: load_rows(DEFAULT_LABELS),
        "constructed": lambda: [row for path in CONSTRUCTED for row in load_rows(path)],
        "external-dev": lambda: [to_row(raw) for raw in dev_rows()],
        "external-sealed": lambda: [to_row(raw) for raw in sealed_rows()],
    }
    return {name: loaders[name]() for name in names}


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


def strong(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity.at_least(Severity.WARNING)]


def _line(name: str, kind: str, s: Scores) -> str:
    n = s.tp + s.fp + s.fn + s.tn
    return (
        f"  {name:34} {kind:11} {n:>4} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} "
        f"{s.false_alarm_rate:>11.3f}"
    )


def report_set(name: str, rows: list[Row], findings: dict[str, list[Finding]], misses: bool) -> list[str]:
    """The report of one labelled set, as lines of text."""
    out: list[str] = []
    emit = out.append
    judged = [r for r in rows if r.label != "contested"]
    emit(f"== {name}: {len(rows)} rows, {len(judged)} judged ({len(rows) - len(judged)} contested left out)")
    systems: dict[str, Callable[[Row], bool]] = {
        "okrlint": lambda row: is_flagged(findings[row.id]),
        "baseline: number rule only": baseline_number,
        "baseline: number or action verb": baseline_number_or_action,
    }
    emit(f"  {'system':34} {'kind':11} {'n':>4} {'precision':>9} {'recall':>7} {'F1':>6} {'false-alarm':>11}")
    for system, flag in systems.items():
        scores = evaluate(rows, flag)
        for kind in KINDS:
            emit(_line(system, kind, scores[kind]))

    emit("  per defect category (bad rows): recall, category agreement, F1 of the category's rules")
    categories = sorted({d for r in judged for d in r.defects})
    for defect in categories:
        labelled = [r for r in judged if r.label == "bad" and defect in r.defects]
        flagged = sum(bool(strong(findings[r.id])) for r in labelled)
        same = Scores()
        for r in judged:
            fired = any(str(f.category) == defect for f in strong(findings[r.id]))
            same.add(fired, r.label == "bad" and defect in r.defects)
        n = len(labelled)
        emit(
            f"    {defect:22} n={n:<3} recall {flagged / n if n else 0:5.2f}   agreement "
            f"{same.tp / n if n else 0:5.2f}   F1 {same.f1:5.2f}   precision {same.precision:5.2f}"
        )

    emit("  per rule (warning or error): fires on, precision (share of those rows labelled bad)")
    fired: dict[str, list[Row]] = defaultdict(list)
    for r in judged:
        for code in sorted({f.code for f in strong(findings[r.id])}):
            fired[code].append(r)
    for code, hit in sorted(fired.items()):
        bad = sum(r.label == "bad" for r in hit)
        emit(
            f"    {code:6} fires on {len(hit):<4} precision {bad / len(hit):5.2f}   false alarms {len(hit) - bad}"
        )
    warnings_on_good = [r for r in judged if r.label == "good" and is_flagged(findings[r.id])]
    emit(f"  warnings or errors on good statements: {len(warnings_on_good)}")
    if misses:
        emit("  false alarms:")
        for r in warnings_on_good:
            emit(f"    {r.id} [{r.kind}] {r.text!r}: {[f.code for f in findings[r.id]]}")
        emit("  missed bad statements:")
        for r in judged:
            if r.label == "bad" and not is_flagged(findings[r.id]):
                emit(
                    f"    {r.id} [{r.kind}] {r.text!r} {list(r.defects)}: {[f.code for f in findings[r.id]]}"
                )
    emit("")
    return out


def rule_table(rows: list[Row], findings: dict[str, list[Finding]], names: dict[str, str]) -> list[str]:
    """Markdown: per rule that fires at warning or error, how often it is right on these labels."""
    judged = [r for r in rows if r.label != "contested"]
    fired: dict[str, list[Row]] = defaultdict(list)
    for r in judged:
        for code in sorted({f.code for f in strong(findings[r.id])}):
            fired[code].append(r)
    lines = [
        "| rule | name | fires on | labelled bad | precision |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for code, hit in sorted(fired.items()):
        bad = sum(r.label == "bad" for r in hit)
        lines.append(f"| {code} | `{names.get(code, '')}` | {len(hit)} | {bad} | {bad / len(hit):.2f} |")
    return lines


def verdicts(rows: list[Row], findings: dict[str, list[Finding]]) -> dict[str, dict[str, object]]:
    """Each statement's codes with their severities: what a redesign must not change by accident."""
    return {
        r.id: {
            "text": r.text,
            "label": r.label,
            "codes": sorted(f"{f.code}:{f.severity}" for f in findings[r.id]),
        }
        for r in rows
    }


def diff_verdicts(
    before: dict[str, dict[str, dict[str, object]]], now: dict[str, dict[str, dict[str, object]]]
) -> int:
    changed = 0
    for set_name, rows in now.items():
        old_rows = before.get(set_name, {})
        for row_id, row in rows.items():
            old = old_rows.get(row_id)
            if old is None or old["codes"] == row["codes"]:
                continue
            changed += 1
            print(f"{set_name} {row_id} [{row['label']}] {row['text']!r}: {old['codes']} -> {row['codes']}")
    print(f"{changed} verdicts changed")
    return changed


_DOC_HEAD = """# Accuracy

Generated by `python benchmarks/accuracy.py --markdown docs/accuracy.md` (`make bench` runs the same report).
A statement counts as **flagged** when it gets a finding of severity `warning` or `error`; `info` notes never
count, because they never fail CI by default. Key results are linted with their objective when the label gives
one. Contested rows (where a source goes against most guides) are judgement calls and are left out of every
figure. Two keyword baselines run in the same process: "number rule only" flags a key result with no digit or
number word (and an objective with one); "number or action verb" also flags anything whose first word is one of
80 common task verbs.

| set | what it is | standing |
| --- | --- | --- |
| seed | the five guides' own statements, with the guides' verdicts | the rules were built from these guides |
| constructed | `benchmarks/data/*.jsonl`: statements written by the project in the style of other guides | regression tests: they share our own blind spots, so they over-state accuracy |
| external-dev | two thirds of `external_dev.jsonl`: statements from public OKR guides and coaching pages, each with its source's verdict | development set: misses were read and fixed as classes of verbs, objects or shapes |
| external-sealed | the other third, sealed by source domain (`benchmarks/external_split.py`) | reported once, with `--sealed`; never read during development |

Per defect category: **recall** is the share of bad rows with that label that are flagged at all; **agreement**
the share flagged by a rule of that same category (the reason matters: a binary milestone should be reported
as binary); **F1** and **precision** treat "a rule of this category fires at warning or error" as the prediction
of "the label names this category".
"""


def markdown(
    header: str, reports: dict[str, list[str]], tables: dict[str, list[str]], summary: list[str]
) -> str:
    parts = [_DOC_HEAD, "## Summary", "", *summary, ""]
    if "external-dev" in tables:
        parts += [
            "## Which rules to trust: precision per rule on the external development labels",
            "",
            "How often each rule that fires at warning or error is right, on statements judged by public guides "
            "that were not used to write the rules.",
            "",
            *tables["external-dev"],
            "",
        ]
    for name, lines in reports.items():
        parts += [
            f"## {name}",
            "",
            "```",
            header,
            *[line.rstrip() for line in lines if line.strip()],
            "```",
            "",
        ]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, help="one labels file instead of the standard sets")
    parser.add_argument(
        "--set",
        action="append",
        choices=["seed", "constructed", "external-dev"],
        help="only these sets (repeatable; default all three)",
    )
    parser.add_argument("--sealed", action="store_true", help="also the sealed third of the external labels")
    parser.add_argument("--misses", action="store_true", help="list missed bad rows and false alarms")
    parser.add_argument("--save-verdicts", type=Path, help="write every statement's codes to this JSON file")
    parser.add_argument("--markdown", type=Path, help="also write the report as Markdown (docs/accuracy.md)")
    parser.add_argument(
        "--diff-verdicts", type=Path, help="list statements whose codes differ from this file"
    )
    args = parser.parse_args(argv)
    names = list(args.set or ["seed", "constructed", "external-dev"])
    if args.sealed:
        names.append("external-sealed")
    sets = label_sets(names, args.labels)
    linter = Linter()
    info = linter.tool_info()
    print(f"okrlint {info.version} with spaCy model {info.model}")
    print()
    all_verdicts = {}
    reports: dict[str, list[str]] = {}
    summary = [
        "| labels | key results F1 (false alarms) | objectives F1 (false alarms) | keyword baseline KR / objective F1 |",
        "| --- | --- | --- | --- |",
    ]
    tables: dict[str, list[str]] = {}
    for name, rows in sets.items():
        findings = {
            row.id: linter.lint_statement(row.text, kind=row.kind, objective=row.objective) for row in rows
        }
        if args.save_verdicts or args.diff_verdicts:
            all_verdicts[name] = verdicts(rows, findings)
        lines = report_set(name, rows, findings, args.misses and name != "external-sealed")
        print("\n".join(lines))
        reports[name] = lines
        ours = evaluate(rows, lambda row, found=findings: is_flagged(found[row.id]))
        keyword = evaluate(rows, baseline_number_or_action)
        summary.append(
            f"| {name} | {ours['key_result'].f1:.3f} ({ours['key_result'].false_alarm_rate:.3f}) "
            f"| {ours['objective'].f1:.3f} ({ours['objective'].false_alarm_rate:.3f}) "
            f"| {keyword['key_result'].f1:.3f} / {keyword['objective'].f1:.3f} |"
        )
        if name == "external-dev":
            names = {rule.spec.code: rule.spec.name for rule in linter.rules}
            tables[name] = rule_table(rows, findings, names)
    if args.markdown:
        args.markdown.write_text(
            markdown(f"okrlint {info.version} with spaCy model {info.model}", reports, tables, summary)
        )
    if args.save_verdicts:
        args.save_verdicts.write_text(
            json.dumps(all_verdicts, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    if args.diff_verdicts:
        diff_verdicts(json.loads(args.diff_verdicts.read_text(encoding="utf-8")), all_verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
