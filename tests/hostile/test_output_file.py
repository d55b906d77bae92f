"""``--output-file`` never replaces a file the run reads, never leaves half a report, and every way of failing
to write is one ``okrlint: error:`` line naming the file, with exit code 2."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from okrlint import output_file
from tests.hostile.conftest import GOOD, invoke


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def okrs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "okrs"
    folder.mkdir()
    shutil.copy(GOOD, folder / "q3.md")
    (folder / "q4.md").write_text("## Grow our community\n\n- Launch the new website\n", encoding="utf-8")
    return folder


def _refused(args: list[str], protected: Path) -> str:
    before = _sha(protected)
    result = invoke(["check", "--isolated", *args])
    assert result.exit_code == 2, result.output
    assert _sha(protected) == before
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("okrlint: error: "), result.stderr
    return lines[0]


def test_a_file_found_by_walking_the_folder_is_refused(okrs: Path) -> None:
    line = _refused(["okrs", "--output-file", "okrs/q4.md"], okrs / "q4.md")
    assert "okrs/q4.md" in line and "files to lint" in line


def test_a_named_input_is_refused(okrs: Path) -> None:
    _refused(["okrs/q3.md", "--output-file", "./okrs/../okrs/q3.md"], okrs / "q3.md")


def test_a_hard_link_to_an_input_is_refused(okrs: Path) -> None:
    os.link(okrs / "q3.md", "hard.md")
    _refused(["okrs", "--output-file", "hard.md"], okrs / "q3.md")


def test_a_symlink_to_an_input_is_refused(okrs: Path) -> None:
    Path("soft.md").symlink_to(okrs / "q4.md")
    _refused(["okrs/q4.md", "--output-file", "soft.md"], okrs / "q4.md")


def test_a_file_excluded_from_the_walk_may_be_written(okrs: Path) -> None:
    (okrs / "report.log").write_text("old report", encoding="utf-8")  # not an OKR extension: not read
    result = invoke(["check", "--isolated", "okrs", "--output-file", "okrs/report.log"])
    assert result.exit_code == 1
    assert (okrs / "report.log").read_text(encoding="utf-8").startswith("okrs/q4.md:")


def test_the_report_is_what_stdout_would_show_with_the_usual_mode(okrs: Path) -> None:
    shown = invoke(["check", "--isolated", "okrs"])
    written = invoke(["check", "--isolated", "okrs", "--output-file", "report.txt"])
    assert written.exit_code == shown.exit_code == 1
    assert Path("report.txt").read_text(encoding="utf-8") == shown.stdout
    umask = os.umask(0)
    os.umask(umask)
    assert Path("report.txt").stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in Path().iterdir()) == ["okrs", "report.txt"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("target", "reason"),
    [("missing/report.txt", "no such file"), ("okrs", "is a directory")],
)
def test_an_unwritable_target_is_one_error_line(okrs: Path, target: str, reason: str) -> None:
    line = _refused(["okrs", "--output-file", target], okrs / "q3.md")
    assert target in line and reason in line.lower()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_device_is_one_error_line(okrs: Path) -> None:
    line = _refused(["okrs", "--output-file", "/dev/full"], okrs / "q3.md")
    assert "/dev/full" in line and "space" in line.lower()


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_keeps_the_previous_report_and_leaves_no_temporary_file(
    okrs: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    Path("report.txt").write_text("previous report\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output_file.os, failing, fail)
    line = _refused(["okrs", "--output-file", "report.txt"], okrs / "q3.md")
    assert "report.txt" in line and "no space left" in line.lower()
    assert Path("report.txt").read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in Path().iterdir()) == ["okrs", "report.txt"]


def test_a_read_only_file_system_is_one_error_line(okrs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(output_file.tempfile, "mkstemp", read_only)
    line = _refused(["okrs", "--output-file", "report.txt"], okrs / "q3.md")
    assert "report.txt" in line and "read-only" in line.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_file_without_write_permission_is_one_error_line(okrs: Path) -> None:
    Path("report.txt").write_text("previous report\n", encoding="utf-8")
    Path("report.txt").chmod(0o444)
    line = _refused(["okrs", "--output-file", "report.txt"], Path("report.txt"))
    assert "permission denied" in line.lower()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_standard_output_to_a_full_device_is_one_error_line(okrs: Path) -> None:
    with Path("/dev/full").open("w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "okrlint.cli", "check", "--isolated", "okrs"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("okrlint: error: <stdout>:"), run.stderr
    assert "Traceback" not in run.stderr
