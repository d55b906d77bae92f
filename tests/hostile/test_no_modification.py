"""okrlint never modifies its input: not a byte, not a timestamp, not a permission, not a new file beside it;
and the API never mutates the objects a caller passes in."""

from __future__ import annotations

import codecs
import copy
import hashlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from okrlint.api import Linter, lint_paths, lint_text
from okrlint.cli import check, main
from okrlint.config import Config
from okrlint.discovery import MAX_FILE_BYTES
from okrlint.formatters import FORMAT_NAMES
from tests.conftest import REPO
from tests.hostile.conftest import GOOD, NASTY, invoke


@dataclass(frozen=True)
class Entry:
    """What must not change about one path (lstat: a symlink is recorded as the link, not its target)."""

    kind: str
    content: str  # sha256 of a regular file, the target of a symlink, "" otherwise
    mtime_ns: int
    mode: int


def _snapshot(root: Path) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                kind, content = "symlink", str(path.readlink())
            elif stat.S_ISREG(info.st_mode):
                kind, content = "file", hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                kind, content = stat.filemode(info.st_mode)[0], ""
            entries[path.relative_to(root).as_posix()] = Entry(kind, content, info.st_mtime_ns, info.st_mode)
    return entries


def _cli_output_formats() -> tuple[str, ...]:
    """The formats ``okrlint check --output-format`` offers today (a subset of FORMAT_NAMES)."""
    option = next(p for p in check.params if p.name == "output_format")
    assert isinstance(option.type, click.Choice)
    choices = tuple(option.type.choices)
    assert set(choices) <= set(FORMAT_NAMES)
    return choices


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """examples/ and every nasty fixture, plus the generated nasty files, all read-only to okrlint."""
    root = tmp_path / "inputs"
    shutil.copytree(REPO / "examples", root / "examples")
    shutil.copytree(NASTY, root / "nasty")
    generated = root / "generated"
    generated.mkdir()
    plain = GOOD.read_text(encoding="utf-8")
    (generated / "utf16.md").write_bytes(codecs.BOM_UTF16_LE + plain.encode("utf-16-le"))
    (generated / "crlf.md").write_bytes(plain.replace("\n", "\r\n").encode())
    (generated / "cr.md").write_bytes(plain.replace("\n", "\r").encode())
    (generated / "binary.md").write_bytes(bytes(range(256)))
    (generated / "latin1.md").write_bytes("# Ziele\n\n- Umsatz erhöhen\n".encode("latin-1"))
    # A statement over the length limit (kept short: the 2 MB case has its own test).
    (generated / "long-line.md").write_text("# Grow\n\n- " + "Increase revenue " * 200 + "\n")
    (generated / "deep.yaml").write_text("objectives:\n" + "- " * 5_000 + "a\n")
    with (generated / "huge.md").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    if hasattr(os, "symlink"):
        (generated / "loop-a.md").symlink_to("loop-b.md")
        (generated / "loop-b.md").symlink_to("loop-a.md")
        (generated / "dangling.md").symlink_to("missing.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(generated / "pipe.md")
    # Distinct, old timestamps and an unusual mode: a rewrite, a touch or a chmod would all show.
    for path in sorted(root.rglob("*"), reverse=True):
        if not path.is_symlink() and not stat.S_ISFIFO(path.lstat().st_mode):
            os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    (root / "examples" / "marketing-q3.md").chmod(0o640)
    return root


def test_no_cli_mode_or_api_call_modifies_any_input(inputs: Path, tmp_path: Path, linter: Linter) -> None:
    before = _snapshot(inputs)
    assert len(before) > 30
    reports = tmp_path / "reports"
    reports.mkdir()

    for fmt in _cli_output_formats():
        result = invoke(
            ["check", "--isolated", "--output-format", fmt, "--output-file", str(reports / fmt), str(inputs)]
        )
        assert result.exit_code == 2  # the nasty files include unreadable ones
        assert (reports / fmt).stat().st_size > 0
    assert invoke(["check", str(inputs)]).exit_code == 2  # config discovery walks up from the inputs too
    for path in sorted(inputs.rglob("*")):
        if path.is_file() and not stat.S_ISFIFO(path.stat().st_mode):
            assert invoke(["parse", str(path)]).exit_code in (0, 2)
    for args in (["rules"], ["rules", "--all"], ["rules", "--output-format", "json"]):
        assert invoke(args).exit_code == 0

    report = lint_paths([inputs])
    assert report.errors and report.files
    linter.lint_paths([inputs / "examples", inputs / "nasty"])
    for path in sorted((inputs / "examples").rglob("*")) + sorted((inputs / "nasty").rglob("*")):
        if path.is_file():
            lint_text(path.read_text(encoding="utf-8", errors="replace"), path=path.name)

    assert _snapshot(inputs) == before


def test_main_group_is_the_cli_under_test() -> None:
    # The no-modification test drives every subcommand it names through ``main``.
    assert {"check", "parse", "rules"} <= set(main.commands)


def test_api_does_not_mutate_the_paths_or_the_config_it_is_given(tmp_path: Path) -> None:
    config = Config(
        select=("O", "K", "S"),
        ignore=("K215",),
        severity={"K201": "info"},
        per_file_ignores={"*.yaml": ("K208",)},
        vocabulary={"kpis": ("ARR",), "verbs": {"output": ("ship",)}},
        exclude=("nothing-*",),
    )
    paths: list[str | Path] = [REPO / "examples", str(GOOD), tmp_path / "missing.md"]
    config_before = copy.deepcopy(config.model_dump())
    paths_before = list(paths)
    path_ids = [id(p) for p in paths]

    report = lint_paths(paths, config=config)
    Linter(config).lint_paths(paths)
    lint_text(GOOD.read_text(encoding="utf-8"), path="good.md", config=config)

    assert report.files and report.errors
    assert paths == paths_before and [id(p) for p in paths] == path_ids
    assert config.model_dump() == config_before


def test_api_does_not_mutate_key_result_lists(linter: Linter) -> None:
    key_results = ["Launch the new website", "Increase signups from 10 to 20"]
    parents = ["Company: grow"]
    before = (list(key_results), list(parents))
    linter.lint_okr("Grow our self-serve business", key_results, parent=parents)
    assert (key_results, parents) == before
