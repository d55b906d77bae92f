"""The text `okrlint explain CODE` prints: a rule's what, why, sources, examples and options."""

from __future__ import annotations

import textwrap

from okrlint.guides import cite
from okrlint.rulespec import BadExample, RuleSpec

_WIDTH = 100


def _para(text: str, indent: str = "  ", hanging: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=_WIDTH, initial_indent=indent, subsequent_indent=hanging or indent
    )


def _example(example: BadExample) -> str:
    if example.text:
        under = f'  (under the objective "{example.objective}")' if example.objective else ""
        return f'"{example.text}"{under}'
    krs = "; ".join(f'"{k}"' for k in example.key_results) or "no key results"
    return f'objective "{example.objective}" with {krs}'


def explain_rule(spec: RuleSpec) -> str:
    state = "on by default" if spec.enabled else "off by default: select it to enable"
    lines = [
        f"{spec.code} {spec.name}  [{spec.severity}, {spec.scope}, category {spec.category}, {state}]",
        "",
        _para(spec.summary, ""),
        "",
        "What it flags:",
        _para(spec.what),
        "",
        "Why it matters:",
        _para(spec.why),
        "",
        "Where the guides say so:",
    ]
    for c in spec.source:
        quote = f": «{c.quote}»" if c.quote else ""
        lines.append(_para(f"{cite(c)}{quote}", "  - ", "    "))
    lines += ["", "Flagged:"]
    for example in spec.examples.bad:
        better = f'\n      better: "{example.rewrite}"' if example.rewrite else ""
        lines.append(f"  - {_example(example)}{better}")
    lines += ["", "Not flagged:"]
    lines += [f"  - {_example(example)}" for example in spec.examples.good]
    if spec.options:
        lines += ["", f"Options ([tool.okrlint.rules.{spec.code}]):"]
        lines += [f"  {name.replace('_', '-')} = {value!r}" for name, value in spec.options.items()]
    lines += ["", f"Docs: {spec.docs_path}"]
    return "\n".join(lines) + "\n"
