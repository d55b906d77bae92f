"""Config validation: every bad key or value is one line naming the file, the key and, where possible, the
nearest valid spelling; per-rule options are checked against each rule's own options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.api import Linter
from okrlint.cli import main
from okrlint.config import Config
from okrlint.config_files import ConfigError, load_config
from okrlint.models import Severity
from okrlint.registry import all_rules, rule_options


def load_pyproject(tmp_path: Path, body: str) -> Config:
    """``body`` written as okrlint.toml would have it, moved under ``[tool.okrlint]`` in a pyproject.toml."""
    nested = re.sub(r"^\[", "[tool.okrlint.", body, flags=re.MULTILINE)
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.okrlint]\n{nested}", encoding="utf-8")
    return load_config(path).config


def error_of(tmp_path: Path, body: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_pyproject(tmp_path, body)
    return str(info.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('selct = ["K"]\n', "tool.okrlint.selct: unknown option (did you mean 'select'?)"),
        ('fail_onn = "error"\n', "tool.okrlint.fail_onn: unknown option (did you mean 'fail-on'?)"),
        (
            'fail-on = "warn"\n',
            "tool.okrlint.fail-on: 'warn' is not one of info, warning, error (did you mean 'warning'?)",
        ),
        ("preview = 1\n", "tool.okrlint.preview: expected true or false, got 1"),
        ('select = "K"\n', "tool.okrlint.select: expected an array, got 'K'"),
        ('select = ["K999"]\n', "tool.okrlint.select: unknown rule selector 'K999'"),
        (
            'ignore = ["key-result-is-outptu"]\n',
            "tool.okrlint.ignore: unknown rule selector 'key-result-is-outptu' (did you mean 'key-result-is-output'?)",
        ),
        ('extend-select = ["Z"]\n', "tool.okrlint.extend-select: unknown rule selector 'Z'"),
        (
            '[severity]\nK203 = "fatal"\n',
            "tool.okrlint.severity.K203: 'fatal' is not one of info, warning, error",
        ),
        ('[severity]\nK2 = "info"\n', "tool.okrlint.severity.K2: not a rule code or name"),
        (
            '[severity]\nK2O3 = "info"\n',
            "tool.okrlint.severity.K2O3: not a rule code or name (did you mean 'K203'?)",
        ),
        (
            '[per-file-ignores]\n"drafts/**" = ["K9"]\n',
            "tool.okrlint.per-file-ignores.drafts/**: unknown rule selector 'K9'",
        ),
        (
            "[rules.S3O1]\nmax = 3\n",
            "tool.okrlint.rules.S3O1: not a rule code or name (did you mean 'S301'?)",
        ),
        ("[rules.S301]\nmaxx = 3\n", "tool.okrlint.rules.S301.maxx: unknown option (did you mean 'max'?)"),
        ("[rules.K203]\nmax = 3\n", "tool.okrlint.rules.K203.max: unknown option (K203 has none)"),
        ('[rules.S301]\nmax = "three"\n', "tool.okrlint.rules.S301.max: expected an integer, got 'three'"),
        ("[rules.S301]\nmax = true\n", "tool.okrlint.rules.S301.max: expected an integer, got True"),
        ('[rules.K211]\nmin-overlap = "high"\n', "tool.okrlint.rules.K211.min-overlap: expected a number"),
        (
            '[rules.S306]\nindividual-okrs = "sometimes"\n',
            "tool.okrlint.rules.S306.individual-okrs: 'sometimes' is not one of allow-development, allow-laddering, forbid",
        ),
        ("[vocabulary]\nkpi = []\n", "tool.okrlint.vocabulary.kpi: unknown option (did you mean 'kpis'?)"),
        (
            '[vocabulary.verbs]\nchnage = ["juice"]\n',
            "tool.okrlint.vocabulary.verbs.chnage: unknown verb class (did you mean 'change'?)",
        ),
        ('output-format = "jsno"\n', "tool.okrlint.output-format: 'jsno' is not one of"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_one_line_error_with_key_and_hint(tmp_path: Path, body: str, expected: str) -> None:
    message = error_of(tmp_path, body)
    assert "\n" not in message
    assert message.startswith("pyproject.toml: error: ") or message.startswith(f"{tmp_path}")
    assert expected in message


def test_standalone_file_keys_have_no_prefix(tmp_path: Path) -> None:
    path = tmp_path / "okrlint.toml"
    path.write_text('selct = ["K"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).endswith("error: selct: unknown option (did you mean 'select'?)")


def test_tool_okrlint_must_be_a_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool]\nokrlint = "on"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.okrlint: expected a table"):
        load_config(path)


def test_option_names_accept_kebab_and_snake_case(tmp_path: Path) -> None:
    config = load_pyproject(
        tmp_path, "[rules.S301]\nrecommended-min = 2\n[rules.personal-okrs]\nindividual_okrs = 'forbid'\n"
    )
    rules = {r.code: r for r in all_rules()}
    assert rule_options(rules["S301"], config)["recommended_min"] == 2
    assert rule_options(rules["S306"], config)["individual_okrs"] == "forbid"


def test_choice_values_are_accepted_kebab_case_and_stored_as_the_rule_reads_them(tmp_path: Path) -> None:
    config = load_pyproject(tmp_path, '[rules.S306]\nindividual-okrs = "allow-laddering"\n')
    assert config.rules["S306"] == {"individual_okrs": "allow_laddering"}


def test_an_integer_is_accepted_where_a_number_is_expected(tmp_path: Path) -> None:
    config = load_pyproject(tmp_path, "[rules.K211]\nmin-overlap = 1\n")
    assert config.rules["K211"] == {"min_overlap": 1.0}


def test_api_config_is_validated_the_same_way() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="unknown option"):
        Config.model_validate({"rules": {"S301": {"maxx": 3}}})
    with pytest.raises(ValidationError, match="unknown rule selector"):
        Config(select=("K999",))


# ---------------------------------------------------------------------- the options reach the rules
FIVE_KRS = [
    "Increase average session duration from 10 min to 25 min",
    "Increase average daily activity per user by 12%",
    "Reduce onboarding steps from 15 to 7",
    "Increase open rate of our in-product communication from 4% to 15%",
]


def test_rule_option_from_a_file_changes_the_verdict(tmp_path: Path) -> None:
    """The support talk's "up to three": 4 key results are fine by default and too many with max = 3."""
    default = Linter().lint_okr("Increase engagement in our product", FIVE_KRS)
    talk = Linter(load_pyproject(tmp_path, "[rules.S301]\nmax = 3\n")).lint_okr(
        "Increase engagement in our product", FIVE_KRS
    )
    assert "S301" not in {f.code for f in default.findings}
    assert "S301" in {f.code for f in talk.findings}


PERSONAL = ("Grow my sales pipeline", ["I close 20 deals this quarter", "I book 40 demos with my leads"])


@pytest.mark.parametrize(("value", "flagged"), [("allow-development", True), ("allow-laddering", False)])
def test_individual_okrs_profile_written_kebab_case_takes_effect(
    tmp_path: Path, value: str, flagged: bool
) -> None:
    linter = Linter(load_pyproject(tmp_path, f'[rules.S306]\nindividual-okrs = "{value}"\n'))
    report = linter.lint_okr(PERSONAL[0], PERSONAL[1])
    assert ("S306" in {f.code for f in report.findings}) is flagged


def test_severity_override_by_code_and_by_name(tmp_path: Path) -> None:
    by_code = Linter(load_pyproject(tmp_path, '[severity]\nK204 = "error"\n'))
    by_name = Linter(Config(severity={"key-result-counts-activities": Severity.INFO}))
    for linter, level in ((by_code, "error"), (by_name, "info")):
        (k204,) = [f for f in linter.lint_statement("Publish 4 posts a week") if f.code == "K204"]
        assert k204.severity == level


def test_vocabulary_kpis_from_config_reach_the_rules(tmp_path: Path) -> None:
    statement = "Increase MRR from 10k to 20k"
    plain = Linter().lint_statement(statement, objective="Grow the business")
    config = load_pyproject(tmp_path, '[vocabulary]\nkpis = ["MRR"]\n')
    with_kpi = Linter(config).lint_statement(statement, objective="Grow the business")
    assert {f.code for f in plain} != {f.code for f in with_kpi}


def test_cli_prints_exactly_one_line_and_exits_2_on_a_typo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nselct = ["K"]\n', encoding="utf-8")
    (tmp_path / "q3.md").write_text(
        "# Grow our community in Q3\n\n- Publish 4 posts a week\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "q3.md"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "pyproject.toml: error: tool.okrlint.selct: unknown option (did you mean 'select'?)"
    ]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_bad_rule_option_in_a_subfolder_config(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "okrlint.toml").write_text("[rules.S301]\nmaxx = 3\n", encoding="utf-8")
    (team / "q3.md").write_text("# Grow our community in Q3\n\n- Publish 4 posts a week\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(team / "q3.md")])
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.endswith("okrlint.toml: error: rules.S301.maxx: unknown option (did you mean 'max'?)")
