"""Paths that are not plain readable files: folders, missing paths, permissions, symlinks, FIFOs, devices."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from okrlint.api import Linter
from okrlint.discovery import display_path
from tests.hostile.conftest import (
    ERROR_LINE,
    GOOD,
    NASTY,
    GoodBaseline,
    assert_findings_or_one_error,
    assert_linted,
    assert_one_error,
    check_with_good,
    invoke,
)


def _symlink(link: Path, target: str) -> None:
    try:
        link.symlink_to(target)
    except OSError as exc:  # e.g. Windows without developer mode
        pytest.skip(f"cannot create symlinks here: {exc}")


def test_folder_of_nasty_files_lints_each_file_or_gives_it_one_error(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    folder = tmp_path / "okrs"
    shutil.copytree(NASTY, folder)
    (folder / "binary.md").write_bytes(b"\x00\x01\x02")
    (folder / "notes.bin").write_bytes(b"\x00")  # not an OKR extension: skipped when walking a folder
    outcome = check_with_good([folder], good_baseline)
    files = sorted(p for p in folder.iterdir() if p.suffix != ".bin")
    for path in files:
        assert_findings_or_one_error(outcome, path, alone=False)
    assert not outcome.errors_for(folder / "notes.bin") and outcome.linted(folder / "notes.bin") is None
    assert outcome.exit_code == 2  # some of them are errors
    assert len(outcome.error_lines) == len(outcome.report["errors"])


def test_empty_folder_alone_is_no_files_exit_2(tmp_path: Path) -> None:
    result = invoke(["check", "--isolated", str(tmp_path)])
    assert result.exit_code == 2
    assert "no files to lint" in result.stderr


def test_empty_folder_next_to_a_good_file_loses_nothing(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([tmp_path], good_baseline)
    assert outcome.exit_code == 0 and not outcome.error_lines


def test_missing_path_is_one_error(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    missing = tmp_path / "nope" / "okrs.md"
    assert_one_error(check_with_good([missing], good_baseline), missing, contains="no such file")


def test_path_through_a_file_is_one_error(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    under_file = tmp_path / "file.md" / "child.md"
    (tmp_path / "file.md").write_text("# x\n")
    assert_one_error(check_with_good([under_file], good_baseline), under_file)


def test_unreadable_file_by_permissions(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Grow\n\n- Increase revenue from 1 to 2\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading")
        assert_one_error(check_with_good([path], good_baseline), path, contains="permission denied")
    finally:
        path.chmod(0o644)


def test_file_whose_read_fails_is_one_error(
    tmp_path: Path, good_baseline: GoodBaseline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The root-proof version of an unreadable file: opening this one path raises, as chmod 000 or an I/O
    # error would.
    path = tmp_path / "io-error.md"
    path.write_text("# Grow\n\n- Increase revenue from 1 to 2\n")
    real_open = Path.open

    def failing_open(self: Path, *args, **kwargs):
        if self.name == path.name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    assert_one_error(
        check_with_good([path], good_baseline), path, contains="cannot read file: permission denied"
    )


def test_unlistable_subfolder_is_one_error_not_silently_skipped(
    tmp_path: Path, good_baseline: GoodBaseline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # os.walk drops a folder it cannot list unless given onerror: its files were lost without a word.
    root = tmp_path / "okrs"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "hidden.md").write_text("# Grow\n\n- Increase revenue from 1 to 2\n")
    (root / "open.md").write_text("# Grow\n\n- Increase revenue from 1 to 2\n")
    real_scandir = os.scandir

    def scandir(path=".", *args):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    outcome = check_with_good([root], good_baseline)
    assert_one_error(outcome, root / "locked", contains="cannot read folder")
    assert_linted(outcome, root / "open.md", alone=False)


def test_symlink_loop_is_one_error_not_a_traceback(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    # Path.resolve() raised RuntimeError("Symlink loop") inside display_path: a traceback for the whole run.
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    _symlink(a, "b.md")
    _symlink(b, "a.md")
    outcome = check_with_good([a], good_baseline)
    assert_one_error(outcome, a, contains="symbolic links")


def test_symlink_loop_inside_a_folder_is_one_error_per_link(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    folder = tmp_path / "okrs"
    folder.mkdir()
    _symlink(folder / "a.md", "b.md")
    _symlink(folder / "b.md", "a.md")
    _symlink(folder / "loop", ".")  # a folder loop: os.walk does not follow folder links
    (folder / "real.md").write_text("# Grow\n\n- Increase revenue from 1 to 2\n")
    outcome = check_with_good([folder], good_baseline)
    assert_one_error(outcome, folder / "a.md")
    assert_one_error(outcome, folder / "b.md")
    assert_linted(outcome, folder / "real.md", alone=False)


def test_dangling_symlink_is_one_error(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    link = tmp_path / "dangling.md"
    _symlink(link, "missing-target.md")
    assert_one_error(check_with_good([link], good_baseline), link, contains="link to a missing file")


def test_symlink_to_the_good_file_is_linted(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    link = tmp_path / "link.md"
    _symlink(link, str(GOOD))
    outcome = invoke(["check", "--isolated", str(link)])
    assert outcome.exit_code == 0 and "Traceback" not in outcome.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_one_error_not_a_hang(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    # Reading a FIFO nobody writes to blocks forever; the file is refused from its type instead.
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    outcome = check_with_good([fifo], good_baseline)
    assert_one_error(outcome, fifo, contains="not a regular file (a FIFO)")
    folder_outcome = check_with_good([tmp_path], good_baseline)
    assert_one_error(folder_outcome, fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_is_one_error_not_an_endless_read(good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([Path("/dev/zero")], good_baseline)
    assert_one_error(outcome, Path("/dev/zero"), contains="not a regular file")


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo", "loop", "binary"])
def test_parse_command_gives_one_line_for_a_bad_path(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.md"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(path)
    elif kind == "loop":
        _symlink(path, path.name)
    elif kind == "binary":
        path.write_bytes(b"\x00\xff")
    result = invoke(["parse", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert ERROR_LINE.match(lines[0]) or lines[0].startswith("okrlint: error:"), lines[0]


def test_binary_stdin_is_one_error_and_files_still_linted(good_baseline: GoodBaseline) -> None:
    result = invoke(["check", "--isolated", "-", str(GOOD)], stdin=b"\x00\x01binary")
    errors = [m for m in map(ERROR_LINE.match, result.stdout.splitlines()) if m]
    assert [m["path"] for m in errors] == ["<stdin>"]
    assert result.exit_code == 2


def test_api_lint_paths_reports_the_same_errors(tmp_path: Path, linter: Linter) -> None:
    _symlink(tmp_path / "loop.md", "loop.md")
    (tmp_path / "binary.md").write_bytes(b"\x00")
    report = linter.lint_paths([tmp_path, tmp_path / "missing.md", GOOD])
    assert sorted(Path(e.path).name for e in report.errors) == ["binary.md", "loop.md", "missing.md"]
    assert [f.path for f in report.files] == [display_path(GOOD)]
