"""The rule registry: loads ``rules/**/*.yaml``, validates each file, and resolves selection from config."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from okrlint.checks.base import CheckContext, HitIterator, Unit
from okrlint.config import Config
from okrlint.resources import rules_dir
from okrlint.rulespec import RuleSpec, Status
from okrlint.yamlio import load_yaml

CheckFunction = Callable[[Unit, CheckContext], HitIterator]

_SCOPE_FOLDERS = {
    "objective": "objective",
    "key_result": "key_result",
    "okr": "set",
    "document": "set",
    "meta": "meta",
}


class RuleLoadError(RuntimeError):
    """A rule file is malformed: this is a bug in the rules shipped or added, reported with the file name."""


@dataclass(frozen=True, slots=True)
class Rule:
    spec: RuleSpec
    check: CheckFunction
    path: Path

    @property
    def code(self) -> str:
        return self.spec.code


def _resolve(target: str, path: Path) -> CheckFunction:
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
        function = getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise RuleLoadError(f"{path}: check {target!r} cannot be imported: {exc}") from exc
    return function  # type: ignore[no-any-return]


def load_rule(path: Path) -> Rule:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        spec = RuleSpec.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise RuleLoadError(f"{path}: {exc}") from exc
    if path.stem != spec.file_stem:
        raise RuleLoadError(f"{path}: file name must be {spec.file_stem}.yaml")
    if path.parent.name != _SCOPE_FOLDERS[spec.scope]:
        raise RuleLoadError(f"{path}: a {spec.scope} rule belongs in rules/{_SCOPE_FOLDERS[spec.scope]}/")
    return Rule(spec=spec, check=_resolve(spec.check, path), path=path)


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule shipped, sorted by code; codes and names are unique."""
    root = rules_dir()
    rules = [load_rule(p) for p in sorted(root.glob("*/*.yaml")) if p.parent.name != "lexicons"]
    seen: dict[str, Path] = {}
    for rule in rules:
        for key in (rule.spec.code, rule.spec.name):
            if key in seen:
                raise RuleLoadError(f"{rule.path}: {key} is already used by {seen[key]}")
            seen[key] = rule.path
    return tuple(sorted(rules, key=lambda r: r.code))


def rules_by_key() -> dict[str, Rule]:
    """Look-up by code and by name."""
    out: dict[str, Rule] = {}
    for rule in all_rules():
        out[rule.spec.code] = rule
        out[rule.spec.name] = rule
    return out


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code prefix ("K", "K2", "K203"), a rule name, or "ALL"."""
    return selector == "ALL" or rule.spec.name == selector or rule.spec.code.startswith(selector.upper())


def is_explicit(rule: Rule, selectors: Iterable[str]) -> bool:
    return any(s.upper() == rule.spec.code or s == rule.spec.name for s in selectors)


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    rules = all_rules()
    return [s for s in selectors if not any(matches(r, s) for r in rules)]


def select_rules(config: Config) -> tuple[Rule, ...]:
    """Rules active under ``config`` (ruff semantics: select, then extend-select, minus ignore).

    Rules that are off by default (``enabled: false``) and preview rules only run when named explicitly
    (or, for preview rules, when ``preview = true``).
    """
    chosen: list[Rule] = []
    selectors = config.select
    for rule in all_rules():
        explicit = is_explicit(rule, (*(selectors or ()), *config.extend_select))
        if rule.spec.status is Status.PREVIEW and not (config.preview or explicit):
            continue
        if selectors is None:
            selected = rule.spec.enabled
        else:
            selected = any(matches(rule, s) for s in selectors) and (rule.spec.enabled or explicit)
        if any(matches(rule, s) for s in config.extend_select) and (rule.spec.enabled or explicit):
            selected = True
        if explicit:
            selected = True
        if any(matches(rule, s) for s in config.ignore):
            selected = False
        if selected:
            chosen.append(rule)
    return tuple(chosen)


def rule_options(rule: Rule, config: Config) -> dict[str, Any]:
    """The rule's default options overlaid with ``[tool.okrlint.rules.<CODE or name>]``."""
    options = dict(rule.spec.options)
    for key in (rule.spec.code, rule.spec.name):
        for name, value in config.rules.get(key, {}).items():
            options[name.replace("-", "_")] = value
    return options


def rule_summaries(include_off: bool = False) -> list[dict[str, Any]]:
    """Every rule (on by default, or all) as ``okrlint rules --output-format json`` prints it."""
    return [
        {
            "code": r.spec.code,
            "name": r.spec.name,
            "scope": str(r.spec.scope),
            "category": str(r.spec.category),
            "severity": str(r.spec.severity),
            "enabled": r.spec.enabled,
            "summary": r.spec.summary,
        }
        for r in all_rules()
        if include_off or r.spec.enabled
    ]


def find_rule(key: str) -> Rule | None:
    """A rule by code (any case) or name."""
    return rules_by_key().get(key) or rules_by_key().get(key.upper())
