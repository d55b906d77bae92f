"""From the paths a user names to decoded, parsed documents: folders walked, include/exclude applied, every
unreadable or malformed file turned into one LintError while the others are still linted."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from okrlint.config import Config
from okrlint.models import LintError, Position

# Extensions okrlint reads when it walks a folder; a file named explicitly is read whatever its extension.
TEXT_EXTENSIONS = frozenset({".md", ".markdown", ".yaml", ".yml", ".json", ".csv", ".tsv", ".txt"})
# Spreadsheets are read too; pre-commit's file identification has no tag for them, so the hook leaves them out.
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | {".xlsx", ".xlsm", ".ods"}
# A file larger than this is refused with a clear error instead of being parsed for minutes.
MAX_FILE_BYTES = 5 * 1024 * 1024
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


def display_path(path: Path) -> str:
    """Path relative to the working directory when possible, with forward slashes."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
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


def expand(paths: Iterable[str | Path], config: Config) -> tuple[list[Path], list[LintError]]:
    """Files to lint, in a stable order, and an error for each path that does not exist."""
    files: list[Path] = []
    errors: list[LintError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # os.walk skips a folder it cannot list unless told: say so rather than lose its files silently.
            unlisted: list[OSError] = []
            for root, dirs, names in os.walk(path, onerror=unlisted.append, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() not in KNOWN_EXTENSIONS:
                        continue
                    shown = display_path(candidate)
                    if config.include and not _matches(shown, config.include):
                        continue
                    if _matches(shown, config.exclude):
                        continue
                    files.append(candidate)
            errors.extend(
                LintError(
                    path=display_path(Path(exc.filename or path)),
                    message=f"cannot read folder: {exc.strerror or exc}",
                )
                for exc in unlisted
            )
        elif path.exists() or path.is_symlink():
            if not _matches(display_path(path), config.exclude):
                files.append(path)
        else:
            errors.append(LintError(path=display_path(path), message="no such file or directory"))
    return files, errors


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
