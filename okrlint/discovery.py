"""From the paths a user names to decoded, parsed documents: folders walked, include/exclude applied, every
unreadable or malformed file turned into one LintError while the others are still linted."""

from __future__ import annotations

import fnmatch
import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from okrlint.config import Config
from okrlint.formatters.escape import visible
from okrlint.models import LintError, Position

# Extensions okrlint reads when it walks a folder; a file named explicitly is read whatever its extension.
TEXT_EXTENSIONS = frozenset({".md", ".markdown", ".yaml", ".yml", ".json", ".csv", ".tsv", ".txt"})
# Spreadsheets are read too; pre-commit's file identification has no tag for them, so the hook leaves them out.
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | {".xlsx", ".xlsm", ".ods"}
# A file larger than this is refused with a clear error instead of being parsed for minutes.
MAX_FILE_BYTES = 5 * 1024 * 1024
_LOG = logging.getLogger("okrlint")
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


def display_path(path: Path) -> str:
    """Path relative to the working directory when possible, with forward slashes.

    The folder is resolved, never the file itself: a symbolic link is shown under its own name, not its target's.
    """
    try:
        if path.name in ("", ".", ".."):
            path = path.resolve()
        rel = (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()
    except (OSError, RuntimeError):
        # A symlink loop (RuntimeError before Python 3.13) or a vanished working directory: show it as given,
        # so that reading it reports the real problem.
        return path.as_posix()


def _matches(path: str, patterns: Iterable[str]) -> bool:
    """Gitignore-like: a pattern matches the path or any trailing part of it ("archive/**" matches
    "okrs/archive/old.md" wherever the run started), so patterns work relative to the config that set them."""
    parts = Path(path).as_posix().split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(fnmatch.fnmatch(tail, p) for p in patterns for tail in tails)


def excluded(shown: str, config: Config) -> bool:
    """Whether ``exclude`` drops a file (shown as ``display_path`` gives it), even one named explicitly."""
    return _matches(shown, config.exclude)


def walked(path: Path, config: Config) -> bool:
    """Whether a folder walk lints ``path``: a known extension, within ``include`` and outside ``exclude``."""
    if path.suffix.lower() not in KNOWN_EXTENSIONS:
        return False
    if path.name.startswith("~$"):
        return False  # the lock file Excel and LibreOffice keep beside an open workbook: not a workbook
    shown = display_path(path)
    if config.include and not _matches(shown, config.include):
        return False
    return not excluded(shown, config)


def expand(paths: Iterable[str | Path], config: Config) -> tuple[list[Path], list[LintError]]:
    """Files to lint, in a stable order, each real file once, and an error for each path that does not exist.

    Walking a folder follows no symbolic link that leads outside it (a link to ``/etc/passwd`` in a folder of
    OKRs is skipped, with one note per folder on the ``okrlint`` logger); a link to a file inside the folder is
    read under the link's own name unless the file itself is also linted.
    """
    files: list[Path] = []
    errors: list[LintError] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:  # a name over the system's limit, a path through a file: say why, go on
            errors.append(LintError(path=display_path(path), message=f"cannot read: {exc.strerror or exc}"))
            continue
        if is_dir:
            files.extend(_walk(path, config, errors))
        elif exists:
            if not excluded(display_path(path), config):
                files.append(path)
        else:
            errors.append(LintError(path=display_path(path), message="no such file or directory"))
    return _each_file_once(files), errors


def _walk(folder: Path, config: Config, errors: list[LintError]) -> list[Path]:
    """The OKR files under ``folder``, sorted, links leading outside it left out (and noted once)."""
    files: list[Path] = []
    leaving: list[tuple[Path, str]] = []
    inside = folder.resolve()
    # os.walk skips a folder it cannot list unless told: say so rather than lose its files silently.
    unlisted: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=unlisted.append, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        # os.walk never enters a linked folder; one leading outside is worth saying so.
        linked = (Path(root) / d for d in dirs)
        leaving.extend(
            (d, str(d.readlink())) for d in linked if d.is_symlink() and not _leads_inside(d, inside)
        )
        for name in sorted(names):
            candidate = Path(root) / name
            if not walked(candidate, config):
                continue
            if candidate.is_symlink() and not _leads_inside(candidate, inside):
                leaving.append((candidate, str(candidate.readlink())))
                continue
            files.append(candidate)
    errors.extend(
        LintError(
            path=display_path(Path(exc.filename or folder)),
            message=f"cannot read folder: {exc.strerror or exc}",
        )
        for exc in unlisted
    )
    if leaving:
        link, target = leaving[0]
        more = f" and {len(leaving) - 1} more" if len(leaving) > 1 else ""
        _LOG.warning(
            "okrlint: note: %s: skipped symbolic links that lead outside the folder: %s -> %s%s",
            visible(display_path(folder)),
            visible(display_path(link)),
            visible(target),
            more,
        )
    return files


def _leads_inside(link: Path, inside: Path) -> bool:
    try:
        return link.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # a loop: reading it reports the problem
        return True


def _each_file_once(files: list[Path]) -> list[Path]:
    """``files`` in order without a second path to the same file; the file's own name wins over a link's."""
    first: dict[tuple[int, int], int] = {}
    keep: list[Path | None] = list(files)
    for i, path in enumerate(files):
        try:
            info = path.stat()
        except OSError:
            continue  # unreadable or dangling: kept, and reported when read
        key = (info.st_dev, info.st_ino)
        if key not in first:
            first[key] = i
            continue
        j = first[key]
        if files[j].is_symlink() and not path.is_symlink():
            keep[j], first[key] = None, i
        else:
            keep[i] = None
    return [p for p in keep if p is not None]


def read_source(path: Path) -> str:
    """Decode a file, refusing oversized and binary files with a ReadError."""
    from okrlint.readers import decode

    return decode(read_file_bytes(path), display_path(path))


def read_file_bytes(path: Path) -> bytes:
    """A file's bytes, refusing oversized files and anything that is not a regular file with a ReadError."""
    from okrlint.readers import ReadError

    shown = display_path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Reading a FIFO with no writer blocks forever; /dev/zero never ends. Pipes go through `-`.
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            raise ReadError(shown, 1, 1, f"not a regular file ({kind}); pipe it to `okrlint check -` instead")
        if info.st_size > MAX_FILE_BYTES:
            raise ReadError(shown, 1, 1, _too_big(info.st_size))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded: the file may have grown since stat()
        if len(data) > MAX_FILE_BYTES:
            raise ReadError(shown, 1, 1, _too_big(len(data)))
    except FileNotFoundError as exc:
        if path.is_symlink():
            target = visible(str(path.readlink()))
            raise ReadError(shown, 1, 1, f"symbolic link to a missing file ({target})") from exc
        raise ReadError(shown, 1, 1, f"cannot read file: {exc.strerror or exc}") from exc
    except OSError as exc:
        raise ReadError(shown, 1, 1, f"cannot read file: {exc.strerror or exc}") from exc
    return data


def _too_big(size: int) -> str:
    return f"file is {size} bytes; okrlint reads files up to {MAX_FILE_BYTES} bytes"


def error_from(err: object, path: str) -> LintError:
    """The LintError for a ReadError (its own path wins over ``path`` when it has one)."""
    line = max(1, int(getattr(err, "line", 1)))
    column = max(1, int(getattr(err, "column", 1)))
    return LintError(
        path=getattr(err, "path", None) or path,
        start=Position(line=line, column=column),
        message=getattr(err, "message", str(err)),
    )


def collect_sources(
    paths: Iterable[str | Path], config: Config, input_format: str | None = None
) -> tuple[list, list[LintError]]:
    """Parse every file; returns SourceDocuments and LintErrors (one per bad path or file)."""
    from okrlint.api import SourceDocument
    from okrlint.readers import ReadError, read_bytes

    files, errors = expand(paths, config)
    sources: list[SourceDocument] = []
    for path in files:
        shown = display_path(path)
        try:
            document, text = read_bytes(read_file_bytes(path), path=shown, format=input_format)
        except ReadError as err:
            errors.append(error_from(err, shown))
            continue
        sources.append(SourceDocument(document, text))
    return sources, errors
