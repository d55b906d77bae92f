"""The long-running front ends as commands: `okrlint server` (language server) and `okrlint mcp` (Model Context
Protocol tool). Both speak over standard input and output, and need an optional extra installed."""

from __future__ import annotations

import importlib.util
import sys

import click

EXIT_ERROR = 2


def _require(modules: tuple[str, ...], extra: str, what: str) -> None:
    """Exit 2 with one line saying what to install when an optional dependency is missing."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        click.echo(
            f"okrlint: error: {what} needs {', '.join(missing)}; install it with: pip install 'okrlint[{extra}]'",
            err=True,
        )
        sys.exit(EXIT_ERROR)


@click.command(name="server")
def server_command() -> None:
    """Run the language server (LSP over stdio) for editors: diagnostics, quick fixes and hovers."""
    _require(("pygls", "lsprotocol"), "server", "the language server")
    from okrlint.lsp.server import serve

    serve()


@click.command(name="mcp")
def mcp_command() -> None:
    """Run the read-only Model Context Protocol tool (stdio) that lets an assistant lint OKR drafts."""
    _require(("mcp",), "mcp", "the MCP tool")
    from okrlint.mcp_tool import serve

    serve()
