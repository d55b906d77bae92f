"""The one exception every reader raises for input it cannot read."""

from __future__ import annotations

from okrlint.positions import LineIndex


class ReadError(Exception):
    """A file that could not be decoded or parsed; the CLI prints it as ``path:line:col: error: message``.

    Positional order follows that output: ``ReadError(path, line, column, message)``.
    """

    def __init__(
        self, path: str = "<stdin>", line: int = 1, column: int = 1, message: str = "cannot read"
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    @classmethod
    def at_offset(cls, message: str, path: str, text: str, offset: int) -> ReadError:
        """Build the error from a code-point offset into ``text``."""
        pos = LineIndex(text).position(offset)
        return cls(path, pos.line, pos.column, message)
