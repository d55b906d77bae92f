"""Which of the given files are OKR files as configured: the ones `okrlint check` lints when it walks their folder
(known extension, within the governing config's ``include``, outside its ``exclude``), and that still exist.

    git diff -z --name-only BASE HEAD | python -m okrlint.ci_files

File names come one per line, or separated by NUL characters (``git diff -z``, which does not quote them).

CI uses it to lint only the changed OKR files of a pull request, not every changed Markdown or YAML file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from okrlint.config_files import ConfigError, ConfigResolver
from okrlint.discovery import walked


def okr_files(paths: Iterable[str], resolver: ConfigResolver | None = None) -> list[str]:
    resolver = resolver or ConfigResolver()
    out = []
    for raw in paths:
        path = Path(raw.strip())
        if raw.strip() and path.is_file() and walked(path, resolver.for_path(path).config):
            out.append(raw.strip())
    return out


def main() -> int:
    try:
        given = sys.stdin.read()
        found = okr_files(given.split("\0") if "\0" in given else given.splitlines())
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in found:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
