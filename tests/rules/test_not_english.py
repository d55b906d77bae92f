"""S318: a file in another language is read for its structure and said once not to be judged for wording."""

from __future__ import annotations

from okrlint.api import Linter

CHINESE = """# 团队 OKR

## 目标一：提升交付质量

- 关键结果一：线上缺陷从每月 20 个降到 5 个
- 关键结果二：回滚次数从每月 4 次降到 1 次
"""


def test_one_info_finding_per_file_and_no_wording_findings(linter: Linter) -> None:
    report = linter.lint_text(CHINESE, format="markdown", path="team.md")
    assert [len(o.key_results) for o in report.documents[0].objectives] == [2]
    codes = [f.code for f in report.findings]
    assert codes.count("S318") == 1
    assert not [c for c in codes if c[0] in "OK"]  # no wording rule judged the Chinese statements
    s318 = next(f for f in report.findings if f.code == "S318")
    assert str(s318.severity) == "info"
    assert (s318.start.line, s318.statement.text) == (3, "提升交付质量")


def test_english_file_gets_no_language_finding(linter: Linter) -> None:
    english = "## Grow our community\n\n- Reach 500 weekly active members, up from 320\n"
    report = linter.lint_text(english, format="markdown", path="team.md")
    assert "S318" not in [f.code for f in report.findings]
