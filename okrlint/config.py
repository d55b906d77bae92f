"""Configuration: one frozen pydantic model, validated strictly so that a typo is an error, not a no-op."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from okrlint.models import Severity


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ConfigModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True)


class Vocabulary(ConfigModel):
    """Project words: KPI names that must not be restated as key results, and lexicon extensions."""

    kpis: tuple[str, ...] = ()
    accept: tuple[str, ...] = Field(default=(), description="Words never reported as vague.")
    verbs: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="Extra verbs per verb class.")
    nouns: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="Extra nouns per noun class.")


class Config(ConfigModel):
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    preview: bool = False
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    vocabulary: Vocabulary = Vocabulary()
    model: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


DEFAULT_CONFIG = Config()
