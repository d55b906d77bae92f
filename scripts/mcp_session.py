"""Print an MCP session with `okrlint mcp` over stdio, as an assistant's client would see it.

    python scripts/mcp_session.py [DRAFT.md]

Starts `okrlint mcp` as a subprocess with the MCP SDK's client, lists the tools, and lints a Markdown draft
(examples/marketing-q3.md by default), printing each request and a summary of each answer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import anyio
from mcp import Client, StdioServerParameters

REPO = Path(__file__).resolve().parents[1]


async def session(draft: Path) -> None:
    server = StdioServerParameters(command=sys.executable, args=["-m", "okrlint", "mcp"])
    async with Client(server) as client:
        print("> tools/list")
        for tool in (await client.list_tools()).tools:
            hint = "read-only" if tool.annotations and tool.annotations.read_only_hint else "writes"
            print(f"  {tool.name} ({hint}): {(tool.description or '').splitlines()[0]}")
        text = draft.read_text(encoding="utf-8")
        print(
            f'> tools/call lint_okrs {{"text": <{draft.name}, {len(text)} characters>, "filename": "{draft.name}"}}'
        )
        result = await client.call_tool("lint_okrs", {"text": text, "filename": draft.name})
        report = result.structured_content or {}
        print(f"  summary: {report.get('summary')}")
        for finding in report.get("findings", []):
            start = finding["start"]
            print(
                f"  {start['line']}:{start['column']} {finding['code']} {finding['severity']}: {finding['message']}"
            )
            for suggestion in finding.get("suggestions", [])[:1]:
                print(f"      rewrite: {suggestion['text']}")


if __name__ == "__main__":
    anyio.run(session, Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "examples" / "marketing-q3.md")
