"""User text made safe to show: control characters written as visible escapes, never sent raw.

A file or a file name can hold terminal escapes (an OSC sequence sets the terminal's title, a backspace or a
carriage return rewrites what was printed), and a name can hold bytes that are not UTF-8. The human formats
(text, full, GitHub annotations, JUnit) show every such character as one convention:

- C0 controls except tab, DEL and C1 controls (U+0080-U+009F): ``\\x1b``, ``\\x07``, ``\\x7f``, ``\\x9b``;
- a byte of a file name that is not UTF-8 (held as a lone surrogate, Python's ``surrogateescape``): ``\\xff``,
  the byte itself; any other lone surrogate: ``\\ud800``.

A tab stays a tab (the full format expands it). GitHub annotations and JUnit keep line breaks in messages, which
their own escaping carries (``%0A``, ``&#10;``); file names are one line everywhere. JSON and SARIF are data: they keep user text exactly (JSON
escapes control characters itself) and only write undecodable name bytes as ``\\xff``, so that the output stays
valid UTF-8 and names match the text format's.
"""

from __future__ import annotations

import re

# Characters that move the cursor, ring, erase or start an escape sequence, and lone surrogates.
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, less line breaks: for formats where a message may span lines (GitHub's %0A, XML text).
_UNSAFE_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# surrogateescape decodes an undecodable byte b (0x80-0xFF) as U+DC00 + b.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def escaped(ch: str) -> str:
    """The visible form of one unsafe character."""
    code = ord(ch)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with every control character and lone surrogate written as a visible escape; with
    ``keep_line_breaks``, newlines and carriage returns are left for the format's own escaping."""
    pattern = _UNSAFE_IN_LINES if keep_line_breaks else UNSAFE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: escaped(m[0]), text)


def json_text(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) made valid UTF-8: a lone surrogate can only stand
    inside a string, where it becomes the JSON for ``\\xff`` (an escaped backslash, then ``xff``)."""
    if not _SURROGATE.search(dumped):
        return dumped
    return _SURROGATE.sub(lambda m: "\\" + escaped(m[0]), dumped)
