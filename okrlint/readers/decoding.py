"""Bytes -> text. The returned string is what every offset, line and column refers to."""

from __future__ import annotations

import codecs

from okrlint.readers.errors import ReadError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str) -> str:
    """Decode a file: UTF-8 (BOM stripped) or UTF-16/32 with a BOM; anything else is a ReadError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, path)
    guessed = _bomless_utf16(data)
    if guessed is not None:
        return _decode_strict(data, guessed, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _error_at_byte(data, nul, "utf-8", path, "binary file (contains NUL bytes); okrlint reads text")
    return _decode_strict(data, "utf-8", path)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        bad = data[exc.start : exc.start + 1].hex()
        message = f"invalid {name} byte 0x{bad} (re-save the file as UTF-8)"
        raise _error_at_byte(data, exc.start, encoding, path, message) from None
    if "\x00" in text:
        raise ReadError.at_offset(
            "binary file (contains NUL characters); okrlint reads text", path, text, text.index("\x00")
        )
    return text


def _error_at_byte(data: bytes, index: int, encoding: str, path: str, message: str) -> ReadError:
    """Locate a byte index as line:col by decoding the valid prefix before it."""
    prefix = data[:index].decode(encoding, errors="replace")
    return ReadError.at_offset(message, path, prefix, len(prefix))
