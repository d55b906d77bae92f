"""The language server end to end: a real LSP client (pytest-lsp) drives `okrlint server` over stdio."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsprotocol import types

pytest_lsp = pytest.importorskip("pytest_lsp")
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "okrlint", "server"])

DRAFT = (
    "# Support OKRs, Q4 2024\n"
    "\n"
    "## Objective: Give every customer 😀 a fast, friendly answer\n"
    "\n"
    "- 🚀 Launch the new help centre\n"
    "- Cut median first-response time from 9 hours to 2 hours\n"
    "- Raise CSAT from 82% to 90%\n"
)
FLAGGED_LINE = 4  # 0-based: "- 🚀 Launch the new help centre"


def _capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(e) for e in encodings]
        )
    return capabilities


async def _start(client: LanguageClient, folder: Path, encodings: list[str] | None = None) -> str:
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=_capabilities(encodings),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
        )
    )
    return str(result.capabilities.position_encoding)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations = [r.register_options for r in params.registrations]  # type: ignore[attr-defined]

    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


async def _change(client: LanguageClient, uri: str, text: str, version: int) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def _apply(text: str, edit: types.TextEdit) -> str:
    """Apply one edit whose positions are UTF-16 code units, as an editor would."""
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        line = lines[pos.line]
        units = 0
        for column, char in enumerate(line):
            if units >= pos.character:
                return sum(len(x) + 1 for x in lines[: pos.line]) + column
            units += 2 if ord(char) > 0xFFFF else 1
        return sum(len(x) + 1 for x in lines[: pos.line]) + len(line)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


@pytest.mark.asyncio
async def test_open_fix_hover_edit_shutdown(client: LanguageClient, tmp_path: Path) -> None:
    assert await _start(client, tmp_path) == "utf-16"
    path = tmp_path / "support.md"
    uri = path.as_uri()
    diagnostics = await _open(client, path, DRAFT)

    # Diagnostics: the output-style key result is flagged, with its code, severity, link and exact range.
    on_line = [d for d in diagnostics if d.range.start.line == FLAGGED_LINE]
    assert on_line, diagnostics
    first = on_line[0]
    assert first.source == "okrlint"
    assert first.code and str(first.code)[0] == "K"
    assert first.severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning)
    assert first.code_description is not None and first.code_description.href.startswith("file:")
    assert first.code_description.href.endswith(".md")
    line_text = DRAFT.split("\n")[FLAGGED_LINE]
    # UTF-16: the rocket is two code units, so the range ends one unit further than the code-point count.
    assert first.range.start.character == line_text.index("🚀")
    assert first.range.end.character == len(line_text) + 1
    assert not [d for d in diagnostics if d.range.start.line in (5, 6)], "measurable key results are clean"

    # Hover on the flagged statement: the finding, why, and the guide by title (not by seed file name).
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=FLAGGED_LINE, character=8),
        )
    )
    assert hover is not None
    body = hover.contents.value
    assert str(first.code) in body and "Guide:" in body
    assert ".txt" not in body
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=6, character=5)
        )
    )
    assert nothing is None

    # A quick fix per rewrite; applying one replaces the statement, placeholders kept visible.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=first.range,
            context=types.CodeActionContext(diagnostics=[first]),
        )
    )
    assert actions
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    (edit,) = fix.edit.changes[uri]
    assert edit.range.start.line == FLAGGED_LINE
    fixed = _apply(DRAFT, edit)
    assert fixed.split("\n")[FLAGGED_LINE] == f"- {edit.new_text}"
    after_fix = await _change(client, uri, fixed, 2)
    assert not [
        d
        for d in after_fix
        if d.range.start.line == FLAGGED_LINE and d.severity != types.DiagnosticSeverity.Information
    ], after_fix

    # An edit by hand that makes the key result measurable clears the finding.
    lines = DRAFT.split("\n")
    lines[FLAGGED_LINE] = "- Raise the share of questions answered by the help centre from 20% to 35%"
    cleared = await _change(client, uri, "\n".join(lines), 3)
    assert not [d for d in cleared if d.range.start.line == FLAGGED_LINE], cleared


@pytest.mark.asyncio
async def test_negotiated_utf32_counts_code_points(client: LanguageClient, tmp_path: Path) -> None:
    assert await _start(client, tmp_path, ["utf-32", "utf-16"]) == "utf-32"
    diagnostics = await _open(client, tmp_path / "support.md", DRAFT)
    first = next(d for d in diagnostics if d.range.start.line == FLAGGED_LINE)
    assert first.range.end.character == len(DRAFT.split("\n")[FLAGGED_LINE])


@pytest.mark.asyncio
async def test_config_per_folder_and_its_changes(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "okrlint.toml").write_text('ignore = ["K", "O", "S"]\n', encoding="utf-8")
    await _start(client, tmp_path)
    path = tmp_path / "support.md"
    assert await _open(client, path, DRAFT) == []

    # The config file changes on disk: the client's watcher says so and the open buffer is linted again.
    (tmp_path / "okrlint.toml").write_text(
        'ignore = ["O", "S"]\nexclude = ["archive/**"]\n', encoding="utf-8"
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(tmp_path / "okrlint.toml").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    codes = {str(d.code) for d in client.diagnostics[path.as_uri()]}
    assert codes and all(c.startswith("K") for c in codes)

    # A file the config excludes gets no findings, as `okrlint check FILE` gives none.
    (tmp_path / "archive").mkdir()
    assert await _open(client, tmp_path / "archive" / "old.md", DRAFT) == []

    # A broken config is one error at the top of the buffer, with the line the command would print.
    (tmp_path / "okrlint.toml").write_text('selct = ["K"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(tmp_path / "okrlint.toml").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    # Both open buffers are linted again; wait for this one's answer.
    for _ in range(5):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if any(d.code is None for d in client.diagnostics[path.as_uri()]):
            break
    (broken,) = client.diagnostics[path.as_uri()]
    assert broken.severity == types.DiagnosticSeverity.Error
    assert "okrlint.toml" in broken.message and "selct" in broken.message
