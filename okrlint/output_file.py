"""Writing a report where the user asked, without ever losing their data.

``--output-file`` must never replace a file the run reads (named, found by walking a folder, or the same file
through a hard or symbolic link), and a run that fails half-way must not leave a half-written report: the
report goes to a temporary file in the same folder, is flushed to disk, then renamed over the target in one step.
Devices and pipes (``/dev/stdout``, ``/dev/null``, a FIFO) are written in place: renaming over them would replace
the device node itself.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from okrlint.formatters.escape import visible


class OutputFileError(Exception):
    """The report cannot go to this file; ``str()`` names the file and the reason."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _encoded(text: str) -> bytes:
    """UTF-8; a lone surrogate a formatter let through is written as a visible escape, not a crash."""
    return text.encode("utf-8", errors="backslashreplace")


def refuse_inputs(output: Path, inputs: Iterable[Path]) -> None:
    """Raise OutputFileError if ``output`` is, or is the same file as, any of ``inputs``."""
    try:
        out = output.stat()
    except OSError:
        return  # it does not exist (or cannot be seen): it cannot be a file this run reads
    for path in inputs:
        try:
            same = os.path.samestat(out, Path(path).stat())
        except OSError:
            continue  # an input that cannot be read is reported as an error of its own
        if same:
            raise OutputFileError(
                f"{visible(str(output))}: is one of the files to lint ({visible(str(path))}); write the report elsewhere"
            )


def _new_file_mode() -> int:
    """The mode ``open(path, "w")`` would give a new file: 0o666 less the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_report(output: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``output`` atomically; raise OutputFileError naming the file and the reason."""
    data = _encoded(text)
    target = Path(os.path.realpath(output))  # through a symlink to its file, as editors save
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError(f"{visible(str(output))}: cannot write the report: {_reason(exc)}") from exc
    try:
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_in_place(target, data)
            return
        if info is not None and not os.access(target, os.W_OK):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
        _replace_atomically(target, data, mode)
    except OSError as exc:
        raise OutputFileError(f"{visible(str(output))}: cannot write the report: {_reason(exc)}") from exc


def write_stdout(text: str, color: bool = False) -> None:
    """Print ``text``; a full disk or a closed pipe becomes OutputFileError instead of a traceback. ``color``
    keeps ANSI colour that click would otherwise strip when standard output is not a terminal."""
    import click

    try:
        click.echo(_encoded(text), nl=False, color=color)
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        raise OutputFileError(f"<stdout>: cannot write the report: {_reason(exc)}") from exc


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's final flush of what is still
    buffered does not fail a second time (the advice of Python's signal documentation for broken pipes)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (a test runner's capture): nothing will be flushed to a device


def _write_in_place(target: Path, data: bytes) -> None:
    with target.open("wb") as handle:
        handle.write(data)
        handle.flush()


def _replace_atomically(target: Path, data: bytes, mode: int) -> None:
    # The name is cut short so that a target name near the system's limit still leaves room for the suffixes.
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:64]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        # Whatever went wrong (a full disk, Ctrl-C), the target is untouched and no temporary file is left.
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
