"""The pygls wiring: which editor event lints what, when, and under which config.

Each open buffer is linted as if it were its file on disk: under the config the command line would find for it
(walking up from its folder), with one Linter per config file kept for the whole session, so an unchanged
statement is never parsed twice. Typing is debounced; opening and saving lint at once. A change to a config file
(reported by the client's file watcher, or a save of the file in the editor) drops the cached configs and
re-lints every open buffer.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from okrlint import __version__
from okrlint.config_files import CONFIG_NAMES, ConfigError, ConfigResolver
from okrlint.discovery import KNOWN_EXTENSIONS
from okrlint.lsp.present import SOURCE, LintedText
from okrlint.models import LintReport, ToolInfo
from okrlint.nlp import ModelNotFoundError
from okrlint.session import LintSession

log = logging.getLogger(__name__)

# Typing pauses shorter than this do not start a lint.
DEBOUNCE_SECONDS = 0.3
_LANGUAGES = {
    "markdown": "markdown",
    "yaml": "yaml",
    "json": "json",
    "csv": "csv",
    "plaintext": "text",
    "text": "text",
}
_WATCHED = "**/{" + ",".join(CONFIG_NAMES) + "}"
# What an excluded file shows: no findings.
_EMPTY = LintReport(tool=ToolInfo(version=__version__))


def uri_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names (None for unsaved buffers and other schemes)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


class OkrLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("okrlint", __version__)
        self.session = LintSession(ConfigResolver())
        self.linted: dict[str, LintedText] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._languages: dict[str, str] = {}

    # ------------------------------------------------------------------ linting
    @property
    def encoding(self) -> str:
        return str(getattr(self.workspace.position_encoding, "value", self.workspace.position_encoding))

    def _fallback_folder(self) -> str | None:
        """Where an unsaved buffer's config is looked for: the first workspace folder, like a file at its root."""
        for folder in self.workspace.folders.values():
            path = uri_path(folder.uri)
            if path is not None:
                return str(path / "untitled")
        root = self.workspace.root_path
        return str(Path(root) / "untitled") if root else None

    def compute(self, uri: str) -> tuple[LintedText | None, int | None, str | None]:
        """Lint the buffer as it is now: the result, the buffer version it is for, or a config error line."""
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = uri_path(uri)
        try:
            if path is not None and self.session.excluded(str(path)):
                return LintedText(text, _EMPTY, self.encoding), version, None
            result = self.session.lint_text(
                text,
                path=str(path) if path is not None else uri,
                input_format=self._format(uri, path),
                config_path=None if path is not None else self._fallback_folder(),
            )
        except (ConfigError, ModelNotFoundError) as exc:
            # A bad config or a missing model is one diagnostic at the top of the file, not a silent server.
            return None, version, str(exc)
        return LintedText(text, result.report, self.encoding), version, None

    def publish(self, uri: str, linted: LintedText | None, version: int | None, error: str | None) -> None:
        if linted is None:
            self._publish_config_error(uri, error or "")
            return
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics(), version=version)
        )

    def _format(self, uri: str, path: Path | None) -> str | None:
        """None (guess from the extension, then the content, as the command line does) unless the file has no
        known extension and the editor says which language the buffer is in."""
        if path is not None and path.suffix.lower() in KNOWN_EXTENSIONS:
            return None
        return _LANGUAGES.get(self._languages.get(uri, ""))

    def _publish_config_error(self, uri: str, message: str) -> None:
        self.linted.pop(uri, None)
        at = types.Position(line=0, character=0)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[
                    types.Diagnostic(
                        range=types.Range(start=at, end=at),
                        message=message,
                        severity=types.DiagnosticSeverity.Error,
                        source=SOURCE,
                    )
                ],
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after ``delay`` seconds unless another change comes first (the parse runs off the event loop)."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            # The parse runs in a thread so that the server keeps answering; the result is sent from the loop.
            outcome = await asyncio.to_thread(self.compute, uri)
        except KeyError:
            return  # the buffer was closed meanwhile
        if uri in self.workspace.text_documents:
            self.publish(uri, *outcome)

    def reload_configs(self) -> None:
        """Read every config again (a config file changed), then re-lint the open buffers."""
        self.session.reload_configs()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


server = OkrLanguageServer()


@server.feature(types.INITIALIZED)
async def initialized(ls: OkrLanguageServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace
    dynamic = watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration
    if not dynamic:
        return  # the client watches nothing for us: a saved config file still reloads (did_save)
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="okrlint-config-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[types.FileSystemWatcher(glob_pattern=_WATCHED)]
                        ),
                    )
                ]
            )
        )
    except Exception as exc:  # the client refused; saving a config file in the editor still reloads
        log.warning("could not watch config files: %s", exc)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: OkrLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls._languages[params.text_document.uri] = params.text_document.language_id
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: OkrLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: OkrLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    path = uri_path(params.text_document.uri)
    if path is not None and path.name in CONFIG_NAMES:
        ls.reload_configs()
        return
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: OkrLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls._pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.linted.pop(uri, None)
    ls._languages.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: OkrLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any((uri_path(c.uri) or Path()).name in CONFIG_NAMES for c in params.changes):
        ls.reload_configs()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: OkrLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    linted = ls.linted.get(params.text_document.uri)
    if linted is None:
        return []
    return linted.code_actions(params.text_document.uri, params.range)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: OkrLanguageServer, params: types.HoverParams) -> types.Hover | None:
    linted = ls.linted.get(params.text_document.uri)
    return linted.hover(params.position) if linted is not None else None


def serve() -> None:
    """Run the server over standard input and output until the client says exit."""
    server.start_io()
