"""Screenshot of `okrlint check` in a real terminal, colours and all: docs/terminal.png.

    python scripts/terminal_screenshot.py [OUTPUT.png]

Runs the command in a detached tmux session (a real pseudo-terminal, so `--color auto` decides by itself),
captures the pane with its escape codes, turns them into HTML with rich, and has headless Chromium take the
picture. Needs tmux and chromium.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.terminal_theme import MONOKAI
from rich.text import Text

REPO = Path(__file__).resolve().parents[1]
COMMANDS = ("okrlint check examples/", "okrlint check --statistics examples/")
SIZE = (1580, 660)
COLUMNS, ROWS = 170, 36


def capture() -> str:
    session = "okrlint-shot"
    okrlint = Path(sys.executable).parent / "okrlint"
    steps = [f"echo '$ {c}'; {okrlint}{c.removeprefix('okrlint')}; echo" for c in COMMANDS]
    shell = f"cd {REPO} && clear && {'; '.join(steps)}; echo DONE; sleep 30"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(COLUMNS),
            "-y",
            str(ROWS),
            "env",
            "-u",
            "NO_COLOR",
            "TERM=xterm-256color",
            "sh",
            "-c",
            shell,
        ],
        check=True,
    )
    try:
        for _ in range(100):
            time.sleep(0.3)
            pane = subprocess.run(
                ["tmux", "capture-pane", "-e", "-p", "-t", session],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if "DONE" in pane:
                return pane.replace("DONE", "")
        raise SystemExit("okrlint did not finish in the terminal within 30 s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "terminal.png"
    pane = capture().rstrip() + "\n"
    console = Console(record=True, width=COLUMNS, file=io.StringIO(), force_terminal=True)
    console.print(Text.from_ansi(pane), soft_wrap=True)
    page = console.export_html(theme=MONOKAI, inline_styles=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "terminal.html"
        html.write_text(page, encoding="utf-8")
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={out}",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
