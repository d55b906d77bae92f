"""``okrlint parse --output-format tree``: how a file was read, as a tree a person recognises."""

from __future__ import annotations

from okrlint.models import KeyResult, Objective, OkrDocument, Statement


def render_tree(document: OkrDocument) -> str:
    lines = [_title(document)]
    objectives = document.objectives
    for n, objective in enumerate(objectives):
        last_objective = n == len(objectives) - 1
        lines.append(("└─ " if last_objective else "├─ ") + _objective_line(objective, document))
        stem = "   " if last_objective else "│  "
        for k, kr in enumerate(objective.key_results):
            branch = "└─ " if k == len(objective.key_results) - 1 else "├─ "
            lines.append(stem + branch + _kr_line(kr, objective.extra))
    krs = [kr for o in objectives for kr in o.key_results]
    dropped = sum(kr.dropped for kr in krs)
    summary = f"{_count(len(objectives), 'objective')}, {_count(len(krs) - dropped, 'key result')}"
    if dropped:
        summary += f" ({dropped} dropped, not linted)"
    if not objectives:
        summary += ": nothing was read as an objective"
    if document.skipped:
        lines.append("Not read as objectives or key results:")
        for item in document.skipped:
            lines.append(f"   {item.start.line}:{item.start.column}  {item.text}  ({item.reason})")
    lines.append(summary)
    return "\n".join(lines)


def _title(document: OkrDocument) -> str:
    details = [document.format]
    for name, value in (("period", document.period), ("team", document.team), ("owner", document.owner)):
        if value:
            details.append(f"{name} {value}")
    return f"{document.path} ({', '.join(details)})"


def _where(statement: Statement, extra: dict[str, object]) -> str:
    position = f"{statement.start.line}:{statement.start.column}"
    sheet = extra.get("sheet")
    return f"{sheet}!{position}" if sheet else position


def _objective_line(objective: Objective, document: OkrDocument) -> str:
    # Team and period are shown where they differ from the document's (the title line shows those).
    fields = _fields(
        ("id", objective.id),
        ("owner", objective.owner),
        ("team", objective.team if objective.team != document.team else None),
        ("period", objective.period if objective.period != document.period else None),
        ("level", objective.level),
        ("type", objective.type),
    )
    where = _where(objective.statement, objective.extra)
    return f"{objective.statement.id}  {where}  {objective.statement.text}{fields}"


def _kr_line(kr: KeyResult, objective_extra: dict[str, object]) -> str:
    fields = _fields(
        ("id", kr.id),
        ("owner", kr.owner),
        ("status", kr.status),
        ("progress", f"{kr.progress:.0%}" if kr.progress is not None else None),
        ("baseline", kr.baseline),
        ("target", kr.target),
        ("current", kr.current),
    )
    label = kr.statement.id.split(".")[-1]
    dropped = "  [dropped: struck through, not linted]" if kr.dropped else ""
    where = _where(kr.statement, objective_extra)
    return f"{label}  {where}  {kr.statement.text}{fields}{dropped}"


def _fields(*pairs: tuple[str, object]) -> str:
    shown = [f"{name}: {value}" for name, value in pairs if value not in (None, "")]
    return f"  [{'; '.join(shown)}]" if shown else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
