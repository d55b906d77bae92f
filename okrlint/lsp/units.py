"""Columns in the units the client negotiated: the protocol counts UTF-16 code units by default, and may agree
on UTF-8 or UTF-32 (code points) instead. okrlint counts code points."""

from __future__ import annotations

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(char: str, encoding: str) -> int:
    point = ord(char)
    if encoding == UTF8:
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    if encoding == UTF16:
        return 2 if point >= 0x10000 else 1
    return 1


def to_client(line: str, column: int, encoding: str) -> int:
    """The client's character offset of code-point ``column`` (0-based) in ``line``."""
    if encoding == UTF32:
        return column
    return sum(_units(c, encoding) for c in line[:column])


def from_client(line: str, character: int, encoding: str) -> int:
    """The code-point column (0-based) of the client's ``character`` offset in ``line`` (clamped to the line)."""
    if encoding == UTF32:
        return min(character, len(line))
    seen = 0
    for column, c in enumerate(line):
        if seen >= character:
            return column
        seen += _units(c, encoding)
    return len(line)
