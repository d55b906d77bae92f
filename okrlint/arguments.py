"""What the Python API accepts, said clearly: a single path or key result where that is obviously what the
caller meant, and a TypeError or ValueError naming the parameter and the expected type for anything else.

Without these checks a string is a sequence of one-character paths or key results, bytes fail deep inside the
parser, and a plain dict where a Config is expected fails on its first attribute.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from okrlint.config import Config


def _kind(value: object) -> str:
    return type(value).__name__


def text_argument(value: object, function: str, parameter: str) -> str:
    """``value`` if it is a str; a TypeError naming ``function``'s ``parameter`` otherwise."""
    if not isinstance(value, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, bytes | bytearray) else ""
        )
        raise TypeError(f"{function}() argument {parameter!r} must be str, not {_kind(value)}{hint}")
    return value


def optional_text_argument(value: object, function: str, parameter: str) -> str | None:
    return None if value is None else text_argument(value, function, parameter)


def path_list(paths: object, function: str) -> list[str | Path]:
    """A single path (str or os.PathLike) as a one-item list; an iterable of paths as a list."""
    if isinstance(paths, str | os.PathLike):
        return [paths]  # type: ignore[list-item]
    if isinstance(paths, bytes | bytearray) or not isinstance(paths, Iterable):
        raise TypeError(
            f"{function}() argument 'paths' must be a path or an iterable of paths, not {_kind(paths)}"
        )
    out: list[str | Path] = []
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"{function}() argument 'paths' must hold str or os.PathLike, not {_kind(path)}")
        out.append(path)  # type: ignore[arg-type]
    return out


def statement_list(values: object, function: str, parameter: str) -> list[str]:
    """A single statement (str) as a one-item list; an iterable of str as a list."""
    if isinstance(values, str):
        return [values]
    if isinstance(values, bytes | bytearray) or not isinstance(values, Iterable):
        raise TypeError(
            f"{function}() argument {parameter!r} must be a str or a sequence of str, not {_kind(values)}"
        )
    return [text_argument(v, function, f"{parameter}[{i}]") for i, v in enumerate(values)]


def config_argument(config: object, function: str) -> Config | None:
    """A Config, None, or a mapping of config keys validated as a Config (kebab or snake case, as in TOML)."""
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        from okrlint.config_files import ConfigError, validate

        try:
            return validate(dict(config), path=f"{function}() argument 'config'")
        except ConfigError as exc:
            raise ValueError(str(exc)) from exc
    raise TypeError(
        f"{function}() argument 'config' must be an okrlint Config or a mapping, not {_kind(config)}"
    )
