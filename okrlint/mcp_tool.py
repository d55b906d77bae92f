"""`okrlint mcp`: a read-only Model Context Protocol tool, so that an assistant drafting OKRs can check them.

Three tools, none of which reads or writes a user's file: lint OKR text given in the call (the result is the
JSON of ``okrlint check --output-format json``), explain a rule, list the rules. Text is linted under the config
the command line would use for a file of that name in the server's working directory.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

from okrlint import __version__
from okrlint.discovery import MAX_FILE_BYTES
from okrlint.session import LintSession

READ_ONLY = ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)
FORMATS = ("markdown", "yaml", "json", "csv", "text")

INSTRUCTIONS = (
    "okrlint checks drafted OKRs (objectives and key results) the way an OKR coach would: each finding names "
    "the rule, what is wrong, why, and a rewrite that keeps the author's words (placeholders such as <baseline> "
    "and <target> mark numbers only the author can choose). Lint a draft with lint_okrs before proposing it; "
    "use explain_rule for a rule's reasoning and examples."
)


class _Session:
    """One LintSession for the server's life: the spaCy model loads once, on the first lint."""

    current: LintSession | None = None

    @classmethod
    def get(cls) -> LintSession:
        if cls.current is None:
            cls.current = LintSession()
        return cls.current


def lint_okrs(
    text: Annotated[
        str,
        Field(description="The OKR draft: the whole content of a Markdown, YAML, JSON, CSV or text file."),
    ],
    format: Annotated[
        str | None,
        Field(
            description="markdown, yaml, json, csv or text; by default guessed from filename, then from the text."
        ),
    ] = None,
    filename: Annotated[
        str | None,
        Field(
            description="The file name the draft will be saved as (e.g. team-okrs.md); used for the format and config."
        ),
    ] = None,
) -> dict[str, Any]:
    """Lint an OKR draft and return okrlint's JSON report (the output of `okrlint check --output-format json`):
    findings with rule code, severity, message, position, explanation, cited guide and suggested rewrites."""
    from okrlint.config_files import ConfigError
    from okrlint.formatters import get_formatter
    from okrlint.nlp import ModelNotFoundError

    if format is not None and format not in FORMATS:
        raise ToolError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ToolError(f"the draft is over {MAX_FILE_BYTES} bytes; okrlint reads up to that much")
    session = _Session.get()
    # The server outlives edits to okrlint.toml: each call reads the config files as they are now.
    session.reload_configs()
    try:
        result = session.lint_text(
            text, path=filename or "<draft>", input_format=format, config_path=filename
        )
    except (ConfigError, ModelNotFoundError) as exc:
        # The assistant (and its user) need the reason, as the command line prints it.
        raise ToolError(str(exc)) from None
    return json.loads(get_formatter("json")(result.report))


def explain_rule(
    rule: Annotated[str, Field(description="A rule code (K203) or name (key-result-is-output).")],
) -> str:
    """Explain one rule: what it flags, why it matters, the guide it rests on, examples and options."""
    from okrlint.explain import explain_rule as explain
    from okrlint.registry import find_rule

    found = find_rule(rule.strip())
    if found is None:
        raise ToolError(f"unknown rule {rule!r}; call list_rules for the codes")
    return explain(found.spec)


def list_rules(
    include_off: Annotated[bool, Field(description="Also list rules that are off by default.")] = False,
) -> list[dict[str, Any]]:
    """The rules okrlint applies: code, name, scope, category, default severity and a one-line summary."""
    from okrlint.registry import rule_summaries

    return rule_summaries(include_off=include_off)


def build_server() -> MCPServer:
    server = MCPServer(name="okrlint", version=__version__, instructions=INSTRUCTIONS)
    for tool in (lint_okrs, explain_rule, list_rules):
        server.add_tool(tool, annotations=READ_ONLY)
    return server


def serve() -> None:
    """Serve over standard input and output until the client closes the connection."""
    build_server().run("stdio")
