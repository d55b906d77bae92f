"""Config discovery: walking up from each file, precedence within a folder, --config and --isolated, and
different configs for files in different folders of one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config_files import ConfigError, ConfigResolver, load_config

OKR = "# Grow our community in Q3\n\n- Publish 4 posts a week\n- Launch the new website\n"  # K204, K203


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_walks_up_from_the_files_folder(tmp_path: Path) -> None:
    config = write(tmp_path / "okrlint.toml", 'select = ["K"]\n')
    okr = write(tmp_path / "a" / "b" / "c" / "q3.md", OKR)
    loaded = ConfigResolver().for_path(okr)
    assert loaded.path == config and loaded.config.select == ("K",)


def test_no_config_anywhere_gives_defaults(tmp_path: Path) -> None:
    okr = write(tmp_path / "q3.md", OKR)
    resolver = ConfigResolver()
    if resolver.find(tmp_path.parent) is not None:
        pytest.skip("a config file sits above the temporary folder")
    assert resolver.for_path(okr).path is None


MARKERS = {".okrlint.toml": "K201", "okrlint.toml": "K202", "pyproject.toml": "K203"}


@pytest.mark.parametrize(
    ("present", "winner"),
    [
        ((".okrlint.toml", "okrlint.toml", "pyproject.toml"), ".okrlint.toml"),
        (("okrlint.toml", "pyproject.toml"), "okrlint.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_precedence_within_one_folder(tmp_path: Path, present: tuple[str, ...], winner: str) -> None:
    for name in present:
        body = f'ignore = ["{MARKERS[name]}"]\n'  # each file marks itself with a different rule
        write(tmp_path / name, f"[tool.okrlint]\n{body}" if name == "pyproject.toml" else body)
    loaded = ConfigResolver().for_path(write(tmp_path / "q3.md", OKR))
    assert loaded.path == tmp_path / winner
    assert loaded.config.ignore == (MARKERS[winner],)


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    parent = write(tmp_path / "okrlint.toml", 'select = ["O"]\n')
    write(tmp_path / "team" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n')
    okr = write(tmp_path / "team" / "q3.md", OKR)
    assert ConfigResolver().for_path(okr).path == parent


def test_the_nearest_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["O"]\n')
    near = write(tmp_path / "team" / ".okrlint.toml", 'select = ["K"]\n')
    okr = write(tmp_path / "team" / "q3.md", OKR)
    other = write(tmp_path / "other" / "q3.md", OKR)
    resolver = ConfigResolver()
    assert resolver.for_path(okr).path == near
    assert resolver.for_path(other).path == tmp_path / "okrlint.toml"


def test_pyproject_table_keys_are_under_tool_okrlint(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.okrlint]\nfail-on = "error"\n[tool.okrlint.severity]\nK204 = "info"\n',
    )
    loaded = ConfigResolver().for_path(write(tmp_path / "q3.md", OKR))
    assert loaded.config.fail_on == "error" and loaded.config.severity == {"K204": "info"}


def test_explicit_config_and_isolated_bypass_discovery(tmp_path: Path) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["O"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["K"]\n')
    okr = write(tmp_path / "q3.md", OKR)
    assert ConfigResolver(explicit=other).for_path(okr).config.select == ("K",)
    assert ConfigResolver(isolated=True).for_path(okr).path is None


def test_explicit_pyproject_must_have_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.okrlint\] table"):
        load_config(path)


def test_stdin_uses_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["K204"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "markdown", "-"], input=OKR)
    codes = {
        line.split()[1]
        for line in result.output.splitlines()
        if line and not line[0].isspace() and ":" in line.split()[0]  # not the indented help lines
    }
    assert codes == {"K204"}


# ---------------------------------------------------------------------- through the CLI
def _codes(output: str) -> dict[str, set[str]]:
    data = json.loads(output)
    out: dict[str, set[str]] = {}
    for f in data["findings"]:
        out.setdefault(Path(f["path"]).parent.name, set()).add(f["code"])
    return out


def test_files_in_different_folders_get_their_own_config(tmp_path: Path) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["K204"]\n')
    write(tmp_path / "web" / "okrlint.toml", 'select = ["K203"]\n')
    write(tmp_path / "community" / "q3.md", OKR)
    write(tmp_path / "web" / "q3.md", OKR)
    result = CliRunner().invoke(main, ["check", "--output-format", "json", str(tmp_path)])
    assert _codes(result.output) == {"community": {"K204"}, "web": {"K203"}}


def test_cli_config_flag_applies_to_every_file(tmp_path: Path) -> None:
    write(tmp_path / "web" / "okrlint.toml", 'select = ["K203"]\n')
    write(tmp_path / "web" / "q3.md", OKR)
    explicit = write(tmp_path / "ci.toml", 'select = ["K204"]\n')
    args = ["check", "--output-format", "json", "--config", str(explicit), str(tmp_path / "web")]
    assert _codes(CliRunner().invoke(main, args).output) == {"web": {"K204"}}


def test_cli_isolated_ignores_config_files(tmp_path: Path) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["K204"]\n')
    write(tmp_path / "q3.md", OKR)
    result = CliRunner().invoke(main, ["check", "--isolated", "--output-format", "json", str(tmp_path)])
    assert {"K203", "K204"} <= _codes(result.output)[tmp_path.name]


def test_cli_select_replaces_and_ignore_extends_the_config(tmp_path: Path) -> None:
    write(tmp_path / "okrlint.toml", 'select = ["K204"]\nignore = ["S"]\n')
    write(tmp_path / "q3.md", OKR)
    base = ["check", "--output-format", "json", str(tmp_path)]
    assert _codes(CliRunner().invoke(main, [*base, "--select", "K203"]).output) == {tmp_path.name: {"K203"}}
    codes = _codes(CliRunner().invoke(main, [*base, "--select", "K,S", "--ignore", "K203"]).output)[
        tmp_path.name
    ]
    assert "K204" in codes and "K203" not in codes  # --ignore added to the file's list ...
    assert not any(c.startswith("S") for c in codes)  # ... which still ignores S


def test_include_and_exclude_come_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "okrlint.toml", 'exclude = ["archive/**"]\n')
    write(tmp_path / "okrs" / "q3.md", OKR)
    write(tmp_path / "archive" / "q1.md", OKR)
    monkeypatch.chdir(tmp_path)
    data = json.loads(CliRunner().invoke(main, ["check", "--output-format", "json", "."]).output)
    assert {f["path"] for f in data["findings"]} == {"okrs/q3.md"}


def test_output_format_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "okrlint.toml", 'output-format = "json"\n')
    write(tmp_path / "q3.md", OKR)
    monkeypatch.chdir(tmp_path)
    assert json.loads(CliRunner().invoke(main, ["check", "q3.md"]).output)["version"] == 1
    text = CliRunner().invoke(main, ["check", "--output-format", "text", "q3.md"]).output
    assert text.startswith("q3.md:")  # the flag wins
