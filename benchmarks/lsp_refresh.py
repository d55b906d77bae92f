"""How long the language server takes to refresh a 40-OKR file after a one-line change.

    python benchmarks/lsp_refresh.py [--okrs 40] [--rounds 10]

A real LSP client starts `okrlint server` over stdio, opens a generated Markdown file of ``--okrs`` OKRs (an
objective and four key results each), waits for its diagnostics, then ``--rounds`` times changes one key result
and times from the change notification to the diagnostics that answer it. The server waits
``DEBOUNCE_SECONDS`` of quiet typing before it lints, so the figure is reported with and without that wait.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import client_capabilities
from pytest_lsp.client import make_test_lsp_client

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import generated_okrs  # noqa: E402

from okrlint.lsp.server import DEBOUNCE_SECONDS  # noqa: E402


def markdown(n_okrs: int) -> str:
    okrs = generated_okrs(n_okrs * 5)
    lines = ["# Company OKRs, Q4 2024", ""]
    for i, (objective, krs) in enumerate(okrs, 1):
        if i > n_okrs:
            break
        lines += [f"## Objective {i}: {objective}", "", *(f"- {kr}" for kr in krs), ""]
    return "\n".join(lines)


async def measure(n_okrs: int, rounds: int) -> None:
    client = make_test_lsp_client()
    client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    await client.start_io(sys.executable, "-m", "okrlint", "server")
    with tempfile.TemporaryDirectory() as folder:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"),
                workspace_folders=[types.WorkspaceFolder(uri=Path(folder).as_uri(), name="bench")],
            )
        )
        path = Path(folder) / "okrs.md"
        text = markdown(n_okrs)
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        started = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        first = time.perf_counter() - started
        statements = sum(1 for line in text.splitlines() if line.startswith(("## Objective", "- ")))
        print(f"file: {n_okrs} OKRs, {statements} statements, {len(client.diagnostics[uri])} diagnostics")
        print(f"open (model load + first lint): {first:.2f} s")

        lines = text.split("\n")
        target = next(i for i, line in enumerate(lines) if line.startswith("- "))
        times = []
        for version in range(2, rounds + 2):
            # A new key result each round, so the changed statement is never in the server's cache.
            lines[target] = f"- Raise weekly active teams in pilot {version} from 40 to {60 + version}"
            started = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
                )
            )
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(
            f"one-line change -> diagnostics, {rounds} rounds: median {median * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms (including the {DEBOUNCE_SECONDS * 1000:.0f} ms typing debounce; "
            f"lint and round trip: median {(median - DEBOUNCE_SECONDS) * 1000:.0f} ms)"
        )
        await client.shutdown_session()
    await client.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--okrs", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    asyncio.run(measure(args.okrs, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
