"""The HTML report in a real browser: headless Chromium builds the DOM we expect and renders a screenshot.

Set ``OKRLINT_UPDATE_SCREENSHOT=1`` to copy the screenshot to docs/report-screenshot.png.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from okrlint.formatters import html
from tests.formatters.htmlpage import Page
from tests.formatters.sample import HOSTILE_STATEMENT, team_report

pytestmark = pytest.mark.browser

DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "report-screenshot.png"
WINDOW = (1280, 1600)
# Everything that could reach the network or a profile is off: the report must stand alone.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _chromium() -> str:
    for candidate in ("chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    pytest.skip("chromium is not installed: apt-get install chromium")


def _launch(binary: str, profile: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> str:
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("chromium did not finish within 60 s")
    assert process.returncode == 0, err[-2000:]
    return out


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_report_in_headless_chromium(tmp_path: Path) -> None:
    binary = _chromium()
    report = team_report()
    page_file = tmp_path / "report.html"
    page_file.write_text(html.render(report), encoding="utf-8")
    shot = tmp_path / "report.png"
    url = page_file.as_uri()
    # Two separate browsers (each needs its own profile), run side by side to keep the test short.
    dom_run = _launch(binary, tmp_path / "profile-dom", "--dump-dom", url)
    shot_run = _launch(
        binary,
        tmp_path / "profile-shot",
        f"--screenshot={shot}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        url,
    )
    dom = Page(_finish(dom_run))
    _finish(shot_run)

    # The DOM the browser built holds every active finding under its statement, and nothing executable.
    assert len(report.active_findings()) == 12
    anchors = {f.path: f"file-{n}" for n, f in enumerate(report.files, start=1)}
    expected = sorted(
        (anchors[f.path], f.statement.id if f.statement else None, f.code) for f in report.active_findings()
    )
    assert sorted(dom.placed) == expected
    assert not [tag for tag, _ in dom.tags if tag == "script"]
    assert HOSTILE_STATEMENT in dom.all_text()
    assert any(a.get("http-equiv") == "Content-Security-Policy" for t, a in dom.tags if t == "meta")

    assert shot.is_file()
    assert _png_size(shot) == WINDOW
    assert shot.stat().st_size > 20_000, "screenshot looks blank"
    if os.environ.get("OKRLINT_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, DOCS_SCREENSHOT)
