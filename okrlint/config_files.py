"""Finding and loading config files: ``[tool.okrlint]`` in ``pyproject.toml``, or ``.okrlint.toml`` /
``okrlint.toml`` with the same keys at the top level.

Discovery follows ruff: from a linted file's folder (the working directory for stdin) up to the root, the first
folder holding ``.okrlint.toml``, ``okrlint.toml`` or a ``pyproject.toml`` that *has* ``[tool.okrlint]`` wins (in
that order within a folder). ``--config PATH`` overrides discovery and ``--isolated`` ignores every file.

Every problem becomes one :class:`ConfigError` line, ``path: error: tool.okrlint.selct: unknown option (did you
mean 'select'?)``, which the CLI prints before exiting 2.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from okrlint.config import DEFAULT_CONFIG, Config, did_you_mean

CONFIG_NAMES = (".okrlint.toml", "okrlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """An unreadable or invalid config file; ``str()`` is the one line the CLI prints."""

    def __init__(self, path: str, message: str, key: str | None = None) -> None:
        self.path = path
        self.key = key
        self.message = message
        where = f"{key}: " if key else ""
        super().__init__(f"{path}: error: {where}{message}")


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """A validated config, the file it came from (None: defaults) and the folder its globs are relative to."""

    config: Config
    path: Path | None = None
    prefix: tuple[str, ...] = ()  # ("tool", "okrlint") for pyproject.toml

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    def describe(self) -> str:
        if self.path is None:
            return "defaults (no config file found)"
        table = f" [{'.'.join(self.prefix)}]" if self.prefix else ""
        return f"{shown(self.path)}{table}"


DEFAULTS = LoadedConfig(DEFAULT_CONFIG)


def shown(path: Path) -> str:
    """``path`` as the user would type it: relative to the working directory when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(shown(path), f"invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(shown(path), f"cannot read config: {exc.strerror or exc}") from exc


def _okrlint_table(path: Path, data: Mapping[str, Any]) -> tuple[dict[str, Any] | None, tuple[str, ...]]:
    """The okrlint settings in a parsed file (None: a pyproject.toml without ``[tool.okrlint]``)."""
    if path.name != "pyproject.toml":
        return dict(data), ()
    tool = data.get("tool")
    if not isinstance(tool, dict) or "okrlint" not in tool:
        return None, ("tool", "okrlint")
    table = tool["okrlint"]
    if not isinstance(table, dict):
        raise ConfigError(shown(path), "expected a table", key="tool.okrlint")
    return table, ("tool", "okrlint")


_TYPE_WORDS = {
    "tuple_type": "expected an array",
    "list_type": "expected an array",
    "string_type": "expected a string",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "int_type": "expected an integer",
    "dict_type": "expected a table",
    "model_type": "expected a table",
}


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model that the key path ``loc`` (aliases) points into, if it is one."""
    current: type[BaseModel] = model
    for part in loc:
        by_alias = {(f.alias or name): f for name, f in current.model_fields.items()}
        found = by_alias.get(str(part)) or current.model_fields.get(str(part))
        annotation = found.annotation if found is not None else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        current = annotation
    return current


def _explain(error: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
    """Key path and message for one pydantic error, in TOML words."""
    loc = tuple(str(p) for p in error["loc"])
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind == "okrlint_config":
        sub = tuple(p for p in str(ctx.get("subpath", "")).split(".") if p)
        return loc + sub, str(ctx.get("message", error["msg"]))
    if kind == "extra_forbidden":
        model = _model_at(Config, loc[:-1])
        known = [f.alias or n for n, f in model.model_fields.items()] if model is not None else []
        return loc, f"unknown option{did_you_mean(loc[-1], known)}"
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        value = error.get("input")
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        return loc, f"{value!r} is not one of {', '.join(allowed)}{hint}"
    if kind in _TYPE_WORDS:
        return loc, f"{_TYPE_WORDS[kind]}, got {error.get('input')!r}"
    return loc, str(error["msg"])


def validate(data: Mapping[str, Any], path: str, prefix: tuple[str, ...] = ()) -> Config:
    """``data`` (one parsed table) as a Config, or the first problem as a ConfigError."""
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        loc, message = _explain(exc.errors()[0])
        raise ConfigError(path, message, key=".".join((*prefix, *loc))) from exc


def load_config(path: Path) -> LoadedConfig:
    """Load one config file given explicitly (``--config``); a pyproject.toml must have ``[tool.okrlint]``."""
    if not path.is_file():
        raise ConfigError(shown(path), "no such config file")
    table, prefix = _okrlint_table(path, _read_toml(path))
    if table is None:
        raise ConfigError(shown(path), "no [tool.okrlint] table in this pyproject.toml")
    return LoadedConfig(validate(table, shown(path), prefix), path, prefix)


class ConfigResolver:
    """Resolves the config for each linted path, caching per folder and per file.

    ``explicit`` (``--config``) or ``isolated`` (``--isolated``) bypass discovery. ``overrides`` are settings
    from the command line (field names), applied on top of whichever file is found.
    """

    def __init__(
        self, explicit: Path | None = None, isolated: bool = False, overrides: Mapping[str, Any] | None = None
    ) -> None:
        self.explicit = explicit
        self.isolated = isolated
        self.overrides = dict(overrides or {})
        self._by_folder: dict[Path, Path | None] = {}
        self._loaded: dict[Path | None, LoadedConfig] = {}

    def _with_overrides(self, loaded: LoadedConfig) -> LoadedConfig:
        if not self.overrides:
            return loaded
        data = loaded.config.model_dump(exclude_unset=True)
        for key, value in self.overrides.items():
            # ruff semantics: --select replaces the file's list, --ignore adds to it.
            data[key] = (*data.get(key, ()), *value) if key == "ignore" else value
        return LoadedConfig(validate(data, "command line"), loaded.path, loaded.prefix)

    def find(self, folder: Path) -> Path | None:
        """The config file that governs ``folder`` (walking up), or None."""
        folder = folder.resolve()
        walked: list[Path] = []
        found: Path | None = None
        for current in (folder, *folder.parents):
            if current in self._by_folder:
                found = self._by_folder[current]
                break
            walked.append(current)
            found = _config_in(current)
            if found is not None:
                break
        for seen in walked:
            # Folders between the start and the hit share its answer (a later hit above them is not theirs).
            self._by_folder[seen] = found
        return found

    def _load(self, path: Path | None) -> LoadedConfig:
        if path not in self._loaded:
            base = DEFAULTS if path is None else load_config(path)
            self._loaded[path] = self._with_overrides(base)
        return self._loaded[path]

    def for_path(self, path: Path | str | None) -> LoadedConfig:
        """The config for a file or folder (None or ``-``: the working directory, as for stdin)."""
        if self.isolated:
            return self._load(None)
        if self.explicit is not None:
            return self._load(self.explicit)
        if path is None or str(path) == "-":
            return self._load(self.find(Path.cwd()))
        target = Path(path)
        folder = target if target.is_dir() else target.parent
        return self._load(self.find(folder))


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate
        table, _ = _okrlint_table(candidate, _read_toml(candidate))
        if table is not None:
            return candidate
    return None


# ---------------------------------------------------------------------- showing a config
def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(str(value), ensure_ascii=False)


def _toml_table(data: Mapping[str, Any], path: tuple[str, ...], out: list[str]) -> None:
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    if path and (scalars or not tables):
        out.append(f"\n[{'.'.join(_toml_key(p) for p in path)}]")
    out.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in scalars.items())
    for key, table in tables.items():
        _toml_table(table, (*path, key), out)


def render_toml(loaded: LoadedConfig) -> str:
    """The resolved config as TOML (loadable by tomllib), headed by a comment naming its file."""
    data = loaded.config.model_dump(mode="json", by_alias=True, exclude_none=True)
    out = [f"# okrlint config from {loaded.describe()}"]
    _toml_table(data, (), out)
    return "\n".join(out) + "\n"


def render_json(loaded: LoadedConfig) -> str:
    data = {
        "source": shown(loaded.path) if loaded.path else None,
        "config": loaded.config.model_dump(mode="json", by_alias=True),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def schema() -> str:
    """The JSON schema of the config (committed as ``okrlint.schema.json``)."""
    return json.dumps(Config.model_json_schema(by_alias=True), indent=2, ensure_ascii=False) + "\n"
