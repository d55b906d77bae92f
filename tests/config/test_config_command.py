"""`okrlint config --show` and `--schema`, and the committed okrlint.schema.json."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.config_files import schema
from tests.conftest import REPO

PROFILE = """\
[tool.okrlint]
select = ["O", "K", "S"]
ignore = ["K208"]
fail-on = "error"

[tool.okrlint.severity]
O102 = "warning"

[tool.okrlint.per-file-ignores]
"drafts/**" = ["K2"]

[tool.okrlint.rules.S301]
max = 3

[tool.okrlint.vocabulary]
kpis = ["MRR", "NPS"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "okrs").mkdir()
    return tmp_path


def test_show_prints_loadable_toml_naming_its_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["config", "--show", "okrs"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == "# okrlint config from pyproject.toml [tool.okrlint]"
    shown = Config.model_validate(tomllib.loads(result.output))
    expected = Config.model_validate(tomllib.loads(PROFILE)["tool"]["okrlint"])
    assert shown == expected


def test_show_json_names_the_source(project: Path) -> None:
    result = CliRunner().invoke(main, ["config", "--show", "--output-format", "json", str(project / "okrs")])
    data = json.loads(result.output)
    assert data["source"].endswith("pyproject.toml")
    assert data["config"]["rules"] == {"S301": {"max": 3}}
    assert data["config"]["fail-on"] == "error"


def test_show_isolated_gives_defaults(project: Path) -> None:
    result = CliRunner().invoke(main, ["config", "--isolated", str(project)])
    assert result.output.startswith("# okrlint config from defaults")
    assert Config.model_validate(tomllib.loads(result.output)) == Config()


def test_show_reports_a_bad_config_in_one_line(tmp_path: Path) -> None:
    (tmp_path / ".okrlint.toml").write_text('[severity]\nO102 = "loud"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["config", "--show", str(tmp_path)])
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.endswith(".okrlint.toml: error: severity.O102: 'loud' is not one of info, warning, error")


def test_schema_command_prints_the_model_schema() -> None:
    result = CliRunner().invoke(main, ["config", "--schema"])
    data = json.loads(result.output)
    assert data == Config.model_json_schema(by_alias=True)
    assert "fail-on" in data["properties"] and data["additionalProperties"] is False


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / "okrlint.schema.json").read_text(encoding="utf-8")
    assert committed == schema(), (
        "okrlint.schema.json is stale: run `okrlint config --schema > okrlint.schema.json`"
    )


def test_documented_profiles_are_valid_config() -> None:
    """Every ```toml block in docs/configuration.md loads (a doc example that errors would mislead)."""
    from okrlint.config_files import validate

    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    assert blocks
    for block in blocks:
        data = tomllib.loads(block)
        table = data["tool"]["okrlint"] if "tool" in data else data
        validate(table, "docs/configuration.md")
