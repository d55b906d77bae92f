"""Colour for the human formats (text and full): ANSI SGR codes, or nothing at all.

Whether to colour is decided once by the command (``okrlint.terminal.use_color``); formatters only ask a Style
to paint a part by its role, so the plain output stays byte-for-byte what it was.
"""

from __future__ import annotations

from dataclasses import dataclass

_RESET = "\x1b[0m"
_ROLES = {
    "path": "1",  # bold
    "position": "2",  # dim
    "error": "1;31",  # bold red
    "warning": "1;33",  # bold yellow
    "info": "1;36",  # bold cyan
    "help": "32",  # green
    "label": "2",
    "caret": "1;31",
    "clear": "1;32",
    "summary": "1",
}


@dataclass(frozen=True, slots=True)
class Style:
    color: bool = False

    def paint(self, role: str, text: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_ROLES[role]}m{text}{_RESET}"


PLAIN = Style(False)
COLOR = Style(True)
