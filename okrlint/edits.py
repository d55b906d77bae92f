"""A rewrite as it must be typed into the file it replaces a statement in.

A statement's span covers its text as the file spells it: inside the quotes of a JSON string or a quoted YAML or
CSV field, or the whole quoted literal when the reader had to unescape it. Writing the rewrite's characters there
unchanged can break the file (a ``"`` in a JSON string, ``: `` in a plain YAML scalar, a comma in a CSV field), so
each format's quoting is applied at the edit site. Markdown and plain text take the rewrite as it is.
"""

from __future__ import annotations

import json
import re

import yaml

# A line that opens a YAML block scalar (``key: |``, ``- >-``, ``title: |2 # note``).
_BLOCK_SCALAR_HEADER = re.compile(r"[|>][+-]?[1-9]?[+-]?\s*(#.*)?$")
_CSV_SPECIAL = (",", ";", "\t", '"', "\n", "\r")


def source_text(source: str, start: int, end: int, text: str, format: str) -> str:
    """What replaces ``source[start:end]`` (a statement in a ``format`` file) so that it reads back as ``text``."""
    literal = source[start:end]
    before = source[start - 1] if start > 0 else ""
    after = source[end] if end < len(source) else ""
    if format == "json":
        return _json(text, literal)
    if format == "yaml":
        return _yaml(text, literal, before, after, source[:start])
    if format == "csv":
        return _csv(text, literal, before, after)
    return text


def _json(text: str, literal: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted if _quoted(literal, '"') else quoted[1:-1]


def _yaml(text: str, literal: str, before: str, after: str, preceding: str) -> str:
    double = json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    single = "'" + text.replace("'", "''") + "'"
    if _quoted(literal, '"'):
        return double
    if _quoted(literal, "'"):
        return single
    if before == after == '"':
        return double[1:-1]
    if before == after == "'":
        return single[1:-1]
    if _in_block_scalar(preceding):
        return text  # a block scalar takes its lines as they are
    return text if _plain_yaml(text) else double


def _in_block_scalar(preceding: str) -> bool:
    """Whether the statement starts a line of its own under a ``|`` or ``>`` header."""
    lines = preceding.split("\n")
    if lines[-1].strip():
        return False
    header = next((line for line in reversed(lines[:-1]) if line.strip()), "")
    return bool(_BLOCK_SCALAR_HEADER.search(header.rstrip()))


def _plain_yaml(text: str) -> bool:
    """Whether ``text`` reads back as itself as a plain scalar, in block and in flow context."""
    if any(c in text for c in ",[]{}"):
        return False
    try:
        return yaml.safe_load(f"- {text}") == [text]
    except yaml.YAMLError:
        return False


def _csv(text: str, literal: str, before: str, after: str) -> str:
    escaped = text.replace('"', '""')
    if before == after == '"' and not _quoted(literal, '"'):
        return escaped
    if _quoted(literal, '"') or any(c in text for c in _CSV_SPECIAL) or text != text.strip():
        return f'"{escaped}"'
    return text


def _quoted(literal: str, quote: str) -> bool:
    return len(literal) >= 2 and literal[0] == quote and literal[-1] == quote
