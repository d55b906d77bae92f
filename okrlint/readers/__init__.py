"""Readers: OKR files in Markdown, YAML, JSON, CSV/TSV or plain text -> one ``OkrDocument``.

Every statement keeps the exact file offsets of its characters (see ``cleaning``), and any input either
reads or raises ``ReadError``: nothing else escapes ``read_document``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from okrlint.directives import mask as mask_directives
from okrlint.gc_tuning import collections_paused
from okrlint.models import OkrDocument
from okrlint.readers.csv_reader import read_csv
from okrlint.readers.decoding import decode
from okrlint.readers.detect import FORMATS, detect_format
from okrlint.readers.errors import ReadError
from okrlint.readers.markdown import read_markdown
from okrlint.readers.md_parts import read_markdown_in_parts
from okrlint.readers.spreadsheet import is_spreadsheet, read_spreadsheet
from okrlint.readers.structured import read_json, read_yaml
from okrlint.readers.text_reader import read_text

__all__ = ["FORMATS", "ReadError", "decode", "detect_format", "read_bytes", "read_document"]

_READERS: dict[str, Callable[[str, str], OkrDocument]] = {
    "markdown": read_markdown,
    "yaml": read_yaml,
    "json": read_json,
    "csv": read_csv,
    "text": read_text,
}


# Half of a UTF-16 pair on its own: no decoded file holds one, but a str handed to the API may, and spaCy and
# every encoder (terminal, JSON, SARIF) fail on it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_document(text: str, path: str = "<stdin>", format: str | None = None) -> OkrDocument:
    """Read one file's text; ``format`` overrides detection from ``path`` and content."""
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        message = f"text holds an unpaired surrogate U+{ord(surrogate.group()):04X} (not valid Unicode)"
        raise ReadError.at_offset(message, path, text, surrogate.start())
    fmt = format or detect_format(None if path == "<stdin>" else path, text)
    reader = _READERS.get(fmt)
    if reader is None:
        raise ReadError(path, message=f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    try:
        # `okrlint:` suppression comments are read by okrlint.directives; blanked here (offsets unchanged) so
        # that formats which keep comments as content (CSV, plain text) do not read them as statements.
        with collections_paused():
            masked = mask_directives(text, fmt)
            in_parts = read_markdown_in_parts(masked, path) if fmt == "markdown" else None
            return in_parts or reader(masked, path)
    except RecursionError:
        raise ReadError(path, message="input is nested too deeply") from None


def read_bytes(data: bytes, path: str = "<stdin>", format: str | None = None) -> tuple[OkrDocument, str]:
    """Read a file's bytes: a spreadsheet (by extension or zip content) or decoded text. Returns the document
    and the text its offsets refer to."""
    named = None if path == "<stdin>" else path
    if format == "xlsx" or (format is None and is_spreadsheet(named, data)):
        return read_spreadsheet(data, path)
    text = decode(data, path)
    return read_document(text, path=path, format=format), text
