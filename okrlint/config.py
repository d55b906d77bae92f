"""Configuration: one frozen pydantic model, validated strictly so that a typo is an error, not a no-op.

Rule codes are checked against the registry and each ``rules.<CODE>`` table against that rule's own options
(names, types and, where a rule lists them, allowed values). Errors raised here carry the key path below the
field in ``ctx["subpath"]`` so that ``config_files`` can print ``tool.okrlint.rules.S301.maxx: …``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator
from pydantic_core import PydanticCustomError

from okrlint.models import Severity


def _kebab(name: str) -> str:
    return name.replace("_", "-")


_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or an empty string."""
    options = list(candidates)
    # Codes typed with a letter O for a zero ("S3O1") are the commonest slip, and difflib ranks them poorly.
    digits = word[:1].upper() + word[1:].translate(_DIGIT_LOOKALIKES)
    if digits != word and digits in options:
        return f" (did you mean '{digits}'?)"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _problem(subpath: Iterable[str], message: str) -> PydanticCustomError:
    # ``message`` goes through the template as a value so that braces in user input cannot break formatting.
    return PydanticCustomError(
        "okrlint_config", "{message}", {"message": message, "subpath": ".".join(subpath)}
    )


class ConfigModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True)


class Vocabulary(ConfigModel):
    """Project words: KPI names that must not be restated as key results, and lexicon extensions."""

    kpis: tuple[str, ...] = Field(
        default=(), description="KPI names: a key result that only restates one is flagged."
    )
    accept: tuple[str, ...] = Field(default=(), description="Words never reported as vague.")
    verbs: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="Extra verbs per verb class.")
    nouns: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="Extra nouns per noun class.")

    @field_validator("verbs", "nouns", mode="after")
    @classmethod
    def _known_classes(cls, value: dict[str, tuple[str, ...]], info: Any) -> dict[str, tuple[str, ...]]:
        # An unknown class would be added to the lexicon and read by nothing: reject it instead.
        from okrlint.lexicons import default_lexicon

        known = getattr(default_lexicon(), info.field_name)
        for name in value:
            if name not in known:
                raise _problem((name,), f"unknown {info.field_name[:-1]} class{did_you_mean(name, known)}")
        return value


def _rules_index() -> Mapping[str, Any]:
    from okrlint.registry import rules_by_key

    return rules_by_key()


def _check_selectors(values: Iterable[str], subpath: tuple[str, ...] = ()) -> None:
    from okrlint.registry import unknown_selectors

    index = _rules_index()
    for value in values:
        if unknown_selectors([value]):
            raise _problem(subpath, f"unknown rule selector '{value}'{did_you_mean(value, index)}")


def _check_option(code: str, name: str, value: Any, default: Any, choices: tuple[str, ...]) -> Any:
    """``value`` checked against the type of the rule's default (and its choices); returns it normalised."""
    key = _kebab(name)
    if default is None:
        return value
    if isinstance(default, bool):
        ok, expected = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, expected = isinstance(value, int) and not isinstance(value, bool), "an integer"
    elif isinstance(default, float):
        ok, expected = isinstance(value, int | float) and not isinstance(value, bool), "a number"
        value = float(value) if ok else value
    elif isinstance(default, str):
        ok, expected = isinstance(value, str), "a string"
    elif isinstance(default, list | tuple):
        ok, expected = isinstance(value, list | tuple), "an array"
    else:
        ok, expected = isinstance(value, dict), "a table"
    if not ok:
        raise _problem((code, key), f"expected {expected}, got {value!r}")
    if choices:
        # Values are written kebab-case in TOML ("allow-laddering") and snake_case in the rule files.
        normalised = value.replace("-", "_")
        if normalised not in choices:
            shown = [_kebab(c) for c in choices]
            raise _problem(
                (code, key),
                f"'{value}' is not one of {', '.join(shown)}{did_you_mean(_kebab(value), shown)}",
            )
        return normalised
    return value


class Config(ConfigModel):
    """``[tool.okrlint]`` in ``pyproject.toml``, or the top level of ``.okrlint.toml`` / ``okrlint.toml``."""

    select: tuple[str, ...] | None = Field(
        default=None,
        description="Rule codes, prefixes or names to run (default: every stable rule on by default).",
    )
    extend_select: tuple[str, ...] = Field(default=(), description="Rules added to `select`.")
    ignore: tuple[str, ...] = Field(default=(), description="Rules never run (codes, prefixes or names).")
    # Strict: pydantic would take 1 or "yes" for true, which in a TOML file is more likely a mistake.
    preview: StrictBool = Field(default=False, description="Run preview rules too.")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Per-rule severity override: code or name -> info|warning|error."
    )
    fail_on: Severity = Field(
        default=Severity.WARNING, description="Lowest severity that makes `okrlint check` exit 1."
    )
    per_file_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Glob (relative to the config file's folder) -> rule codes, prefixes or names suppressed there.",
    )
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Per-rule options: `[rules.<CODE or name>]`, validated by each rule.",
    )
    vocabulary: Vocabulary = Field(default_factory=Vocabulary, description="Project vocabulary.")
    model: str | None = Field(default=None, description="spaCy model package to load.")
    include: tuple[str, ...] = Field(default=(), description="Globs of files to lint when walking folders.")
    exclude: tuple[str, ...] = Field(default=(), description="Globs of files never linted.")
    output_format: str | None = Field(
        default=None, description="Default `--output-format` of `okrlint check`."
    )

    @field_validator("select", "extend_select", "ignore", mode="after")
    @classmethod
    def _known_selectors(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        _check_selectors(value or ())
        return value

    @field_validator("per_file_ignores", mode="after")
    @classmethod
    def _known_ignores(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for pattern, selectors in value.items():
            _check_selectors(selectors, (pattern,))
        return value

    @field_validator("severity", mode="after")
    @classmethod
    def _exact_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        index = _rules_index()
        for key in value:
            if key not in index:
                raise _problem((key,), f"not a rule code or name{did_you_mean(key, index)}")
        return value

    @field_validator("rules", mode="after")
    @classmethod
    def _rule_options(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        index = _rules_index()
        out: dict[str, dict[str, Any]] = {}
        for key, options in value.items():
            rule = index.get(key)
            if rule is None:
                raise _problem((key,), f"not a rule code or name{did_you_mean(key, index)}")
            spec = rule.spec
            checked: dict[str, Any] = {}
            for raw_name, option in options.items():
                name = raw_name.replace("-", "_")
                if name not in spec.options:
                    known = [_kebab(n) for n in spec.options]
                    hint = did_you_mean(_kebab(name), known) or (
                        f" ({spec.code} has options {', '.join(known)})"
                        if known
                        else f" ({spec.code} has none)"
                    )
                    raise _problem((key, raw_name), f"unknown option{hint}")
                checked[name] = _check_option(
                    key, name, option, spec.options[name], spec.option_choices.get(name, ())
                )
            out[key] = checked
        return out

    @field_validator("output_format", mode="after")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        from okrlint.formatters import FORMAT_NAMES

        if value is not None and value not in FORMAT_NAMES:
            raise _problem(
                (), f"'{value}' is not one of {', '.join(FORMAT_NAMES)}{did_you_mean(value, FORMAT_NAMES)}"
            )
        return value


DEFAULT_CONFIG = Config()
