"""Walking a folder: paths are reported as found, links leading outside the folder are not followed (one note
says so), and each real file is linted once."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from okrlint.api import lint_paths
from okrlint.config import DEFAULT_CONFIG
from okrlint.discovery import expand
from tests.hostile.conftest import GOOD, invoke


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    okrs = tmp_path / "okrs"
    (okrs / "sub").mkdir(parents=True)
    shutil.copy(GOOD, okrs / "good.md")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.md").write_text("## Root password hunter2 for the whole quarter\n", encoding="utf-8")
    try:
        (okrs / "passwd.md").symlink_to(secret / "passwd.md")
        (okrs / "alias.md").symlink_to("good.md")
        (okrs / "sub" / "up.md").symlink_to("../good.md")
        (okrs / "secrets").symlink_to(secret)
        (okrs / "dangling.md").symlink_to("missing.md")
    except OSError as exc:
        pytest.skip(f"cannot create symlinks here: {exc}")
    return okrs


def test_links_leaving_the_folder_are_not_followed_and_noted_once(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="okrlint"):
        files, errors = expand([folder], DEFAULT_CONFIG)
    names = [p.relative_to(folder).as_posix() for p in files]
    assert names == ["dangling.md", "good.md"]  # alias.md and sub/up.md are good.md again
    assert not errors
    notes = [r.getMessage() for r in caplog.records if r.name == "okrlint"]
    assert len(notes) == 1
    assert "outside the folder" in notes[0] and "and 1 more" in notes[0]  # passwd.md and the folder link


def test_the_cli_never_quotes_a_file_outside_the_folder(folder: Path) -> None:
    result = invoke(["check", "--isolated", "--output-format", "json", "okrs"])
    assert "hunter2" not in result.output
    assert "passwd" not in result.stdout


def test_a_link_is_reported_under_its_own_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "q3.md").symlink_to(GOOD)  # named on the command line: followed
    report = lint_paths(["okrs/q3.md"])
    assert [f.path for f in report.files] == ["okrs/q3.md"]


def test_a_dangling_link_is_one_error_under_its_own_name(folder: Path) -> None:
    result = invoke(["check", "--isolated", "okrs"])
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == ["okrs/dangling.md:1:1: error: symbolic link to a missing file (missing.md)"]
    assert result.exit_code == 2


def test_each_real_file_is_linted_once_under_its_own_name(folder: Path) -> None:
    (folder / "dangling.md").unlink()
    report = lint_paths(["okrs", "okrs/alias.md"])
    assert [f.path for f in report.files] == ["okrs/good.md"]
    assert not report.errors


def test_a_link_to_a_file_inside_the_folder_is_linted_under_the_links_name(folder: Path) -> None:
    (folder / "dangling.md").unlink()
    (folder / "good.md").rename(folder / "sub" / "q3.okr")  # an extension a walk does not read
    for link in ("alias.md", "sub/up.md"):
        (folder / link).unlink()
    (folder / "alias.md").symlink_to("sub/q3.okr")
    report = lint_paths(["okrs"])
    assert [f.path for f in report.files] == ["okrs/alias.md"]
