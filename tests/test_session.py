"""The library entry point every front end shares: config per folder, one Linter per config, one report."""

from __future__ import annotations

from pathlib import Path

from okrlint.config_files import ConfigResolver
from okrlint.session import LintSession, lint_sources

DRAFT = "# Objective: Delight our customers\n\n- Launch the new onboarding flow\n"


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    quiet = tmp_path / "quiet"
    loud = tmp_path / "loud"
    for folder in (quiet, loud):
        folder.mkdir()
        (folder / "okrs.md").write_text(DRAFT, encoding="utf-8")
    (quiet / "okrlint.toml").write_text('ignore = ["K", "O", "S"]\n', encoding="utf-8")
    return quiet, loud


def test_each_folder_is_linted_under_its_own_config(tmp_path: Path) -> None:
    quiet, loud = _tree(tmp_path)
    result = lint_sources([str(quiet), str(loud)])
    by_path = {f.path for f in result.report.active_findings()}
    assert any(p.endswith("loud/okrs.md") for p in by_path)
    assert not any(p.endswith("quiet/okrs.md") for p in by_path)
    assert result.failing()


def test_text_in_memory_uses_the_config_of_the_path_it_stands_for(tmp_path: Path) -> None:
    quiet, loud = _tree(tmp_path)
    session = LintSession(ConfigResolver())
    assert not session.lint_text(DRAFT, path=str(quiet / "draft.md")).report.active_findings()
    assert session.lint_text(DRAFT, path=str(loud / "draft.md")).report.active_findings()
    # One Linter per config file, reused by later runs.
    assert len(session._linters) == 2
    session.lint_text(DRAFT, path=str(loud / "other.md"))
    assert len(session._linters) == 2


def test_unreadable_text_is_one_error_not_an_exception(tmp_path: Path) -> None:
    result = LintSession().lint_text("objectives: [", path=str(tmp_path / "bad.yaml"))
    assert len(result.report.errors) == 1
    assert not result.report.findings


def test_stdin_without_a_reader_is_an_error() -> None:
    result = lint_sources(["-"])
    assert [e.path for e in result.report.errors] == ["<stdin>"]


def test_reloaded_configs_apply_and_unchanged_ones_keep_their_linter(tmp_path: Path) -> None:
    quiet, loud = _tree(tmp_path)
    session = LintSession(ConfigResolver())
    session.lint_text(DRAFT, path=str(loud / "draft.md"))
    assert not session.lint_text(DRAFT, path=str(quiet / "draft.md")).report.active_findings()
    (quiet / "okrlint.toml").write_text('ignore = ["O", "S"]\n', encoding="utf-8")
    session.reload_configs()
    codes = {
        f.code[0] for f in session.lint_text(DRAFT, path=str(quiet / "draft.md")).report.active_findings()
    }
    assert codes == {"K"}
    session.lint_text(DRAFT, path=str(loud / "draft.md"))
    # loud/ has no config file and kept its Linter; quiet/ got one for its new text.
    assert len(session._linters) == 3
