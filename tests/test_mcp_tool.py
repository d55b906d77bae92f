"""`okrlint mcp` through the MCP SDK's own client, connected in-process over memory streams."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("mcp")
from mcp import Client

from okrlint.cli import main
from okrlint.mcp_tool import build_server

DRAFT = """# Support OKRs, Q4 2024

## Objective: Give every customer a fast, friendly answer

- Launch the new help centre
- Improve response time
- Raise CSAT from 82% to 90%
"""


def _client() -> Client:
    # "legacy": the initialize handshake over the SDK's in-memory streams, as a stdio session runs.
    return Client(build_server(), mode="legacy")


@pytest.mark.asyncio
async def test_lists_three_read_only_tools() -> None:
    async with _client() as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"lint_okrs", "explain_rule", "list_rules"}
    for tool in tools.values():
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.annotations.destructive_hint is False
    assert "text" in tools["lint_okrs"].input_schema["required"]


@pytest.mark.asyncio
async def test_lint_returns_the_json_report_of_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    command = CliRunner().invoke(main, ["check", "draft.md", "--output-format", "json"])
    async with _client() as client:
        result = await client.call_tool("lint_okrs", {"text": DRAFT, "filename": "draft.md"})
    assert not result.is_error
    assert result.structured_content == json.loads(command.output)
    codes = [f["code"] for f in result.structured_content["findings"]]
    assert codes, "the draft has an output and a vague key result"


@pytest.mark.asyncio
async def test_lint_honours_the_config_of_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "okrlint.toml").write_text('ignore = ["K", "O", "S"]\n', encoding="utf-8")
    async with _client() as client:
        result = await client.call_tool("lint_okrs", {"text": DRAFT, "format": "markdown"})
    assert result.structured_content["findings"] == []


@pytest.mark.asyncio
async def test_bad_input_is_a_tool_error_not_a_crash() -> None:
    async with _client() as client:
        unknown = await client.call_tool("explain_rule", {"rule": "Z999"})
        bad_format = await client.call_tool("lint_okrs", {"text": DRAFT, "format": "docx"})
        malformed = await client.call_tool("lint_okrs", {"text": "objectives: [", "format": "yaml"})
    assert unknown.is_error and "Z999" in unknown.content[0].text
    assert bad_format.is_error and "docx" in bad_format.content[0].text
    # A malformed draft is a report with one error, like a malformed file.
    assert not malformed.is_error and len(malformed.structured_content["errors"]) == 1


@pytest.mark.asyncio
async def test_explain_and_list_match_the_command() -> None:
    explained = CliRunner().invoke(main, ["explain", "K203"]).output
    listed = json.loads(CliRunner().invoke(main, ["rules", "--all", "--output-format", "json"]).output)
    async with _client() as client:
        explain = await client.call_tool("explain_rule", {"rule": "k203"})
        rules = await client.call_tool("list_rules", {"include_off": True})
    assert explain.content[0].text == explained
    assert rules.structured_content["result"] == listed


@pytest.mark.asyncio
async def test_a_broken_config_is_a_tool_error_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "okrlint.toml").write_text('selct = ["K"]\n', encoding="utf-8")
    async with _client() as client:
        result = await client.call_tool("lint_okrs", {"text": DRAFT, "filename": "draft.md"})
    assert result.is_error
    # The same line `okrlint check` prints for this config.
    assert "okrlint.toml" in result.content[0].text and "selct" in result.content[0].text


@pytest.mark.asyncio
async def test_an_edited_config_applies_to_the_next_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "okrlint.toml"
    config.write_text('ignore = ["K", "O", "S"]\n', encoding="utf-8")
    async with _client() as client:
        before = await client.call_tool("lint_okrs", {"text": DRAFT, "filename": "draft.md"})
        config.write_text('ignore = ["O", "S"]\n', encoding="utf-8")
        after = await client.call_tool("lint_okrs", {"text": DRAFT, "filename": "draft.md"})
        config.write_text('selct = ["K"]\n', encoding="utf-8")
        broken = await client.call_tool("lint_okrs", {"text": DRAFT, "filename": "draft.md"})
    assert before.structured_content["findings"] == []
    assert {f["code"][0] for f in after.structured_content["findings"]} == {"K"}
    assert broken.is_error
