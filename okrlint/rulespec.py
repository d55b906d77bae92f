"""RuleSpec: the pydantic model of one rule file under ``rules/<scope>/<CODE>-<name>.yaml``."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from okrlint.models import Applicability, Category, Citation, Severity, StatementKind

CODE_RE = re.compile(r"^[OKSX]\d{3}$")
NAME_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


class Scope(StrEnum):
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"
    OKR = "okr"  # one objective with its key results
    DOCUMENT = "document"  # every objective of a file
    # okrlint's own rules (X): they judge the file's suppression comments, so the engine never runs them on
    # statements; okrlint.suppress does, after suppressions are applied.
    META = "meta"


class Status(StrEnum):
    STABLE = "stable"
    PREVIEW = "preview"


class Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BadExample(Spec):
    """A statement (or OKR) the rule must flag, with the exact substring the finding must cover."""

    text: str | None = None
    kind: StatementKind | None = None
    objective: str | None = None
    key_results: tuple[str, ...] = ()
    span: str | None = None
    rewrite: str | None = None
    # A partial configuration (as in pyproject.toml) to lint this example with.
    config: dict[str, Any] = Field(default_factory=dict)
    # Meta rules judge whole files: their examples are file texts read as this format.
    format: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _has_subject(self) -> BadExample:
        if self.text is None and self.objective is None:
            raise ValueError("an example needs 'text' or 'objective'")
        return self


class GoodExample(BadExample):
    pass


class Examples(Spec):
    bad: tuple[BadExample, ...]
    good: tuple[GoodExample, ...]

    @field_validator("bad", "good", mode="before")
    @classmethod
    def _strings_are_texts(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class SuggestionSpec(Spec):
    template: str
    applicability: Applicability = Applicability.DISPLAY_ONLY


class RuleSpec(Spec):
    code: str
    name: str
    scope: Scope
    category: Category
    severity: Severity
    status: Status = Status.STABLE
    enabled: bool = True
    summary: str
    what: str
    why: str
    source: tuple[Citation, ...] = Field(min_length=1)
    message: str
    check: str
    superseded_by: tuple[str, ...] = ()
    options: dict[str, Any] = Field(default_factory=dict)
    # Allowed values of string options (snake_case); config accepts them kebab-case too.
    option_choices: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    suggestion: SuggestionSpec | None = None
    examples: Examples

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not CODE_RE.match(value):
            raise ValueError(f"rule code {value!r} must be a scope letter (O, K, S, X) and three digits")
        return value

    @field_validator("name")
    @classmethod
    def _name_shape(cls, value: str) -> str:
        if not NAME_RE.match(value):
            raise ValueError(f"rule name {value!r} must be kebab-case")
        return value

    @model_validator(mode="after")
    def _choices_fit_options(self) -> RuleSpec:
        for name, choices in self.option_choices.items():
            if name not in self.options:
                raise ValueError(f"option_choices names {name!r}, which is not an option")
            if self.options[name] not in choices:
                raise ValueError(f"the default of {name!r} is not one of its choices")
        return self

    @property
    def file_stem(self) -> str:
        return f"{self.code}-{self.name}"

    @property
    def docs_path(self) -> str:
        return f"docs/rules/{self.code}-{self.name}.md"
