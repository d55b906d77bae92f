"""The HTML report in a real browser: headless Chromium builds the DOM we expect, runs the filter script (and
the page still works with scripts off), and renders screenshots.

Set ``OKRLINT_UPDATE_SCREENSHOT=1`` to copy the screenshots to docs/report-top.png and docs/report-team.png.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from okrlint.formatters import html
from tests.formatters.htmlpage import Page
from tests.formatters.sample import HOSTILE_STATEMENT, team_report

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
WINDOW = (1280, 1600)
TEAM_WINDOW = (1280, 2600)
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


def _findings(page: Page) -> list[tuple[str | None, bool]]:
    """(rule code, hidden) for every finding in the DOM."""
    return [
        (a.get("data-code"), "hidden" in a)
        for t, a in page.tags
        if "finding" in (a.get("class") or "").split()
    ]


def _details(page: Page, kind: str) -> dict[str | None, bool]:
    """id -> open, for the <details> of one kind (team or objective)."""
    return {
        a.get("id"): "open" in a
        for t, a in page.tags
        if t == "details" and kind in (a.get("class") or "").split()
    }


def test_report_in_headless_chromium(tmp_path: Path) -> None:
    binary = _chromium()
    report = team_report()
    markup = html.render(report)
    page_file = tmp_path / "report.html"
    page_file.write_text(markup, encoding="utf-8")
    # The same page with the worst linted team open, for the second screenshot.
    worst_linted = "team-2"
    opened = tmp_path / "report-team.html"
    opened.write_text(markup.replace(f'id="{worst_linted}"', f'id="{worst_linted}" open'), encoding="utf-8")
    # The same page where the browser may not run the script (as with scripts turned off).
    blocked = tmp_path / "report-no-script.html"
    blocked.write_text(
        re.sub(r"script-src &#39;sha256-[^&]*&#39;", "script-src &#39;none&#39;", markup), encoding="utf-8"
    )
    url = page_file.as_uri()
    shot, team_shot = tmp_path / "report.png", tmp_path / "report-team.png"
    # Separate browsers (each needs its own profile), run side by side to keep the test short.
    runs = {
        "dom": _launch(binary, tmp_path / "p-dom", "--dump-dom", url),
        "rule": _launch(binary, tmp_path / "p-rule", "--dump-dom", f"{url}?rule=K203"),
        "severity": _launch(binary, tmp_path / "p-sev", "--dump-dom", f"{url}?severity=info"),
        "no-js": _launch(binary, tmp_path / "p-nojs", "--dump-dom", blocked.as_uri()),
        "anchor": _launch(binary, tmp_path / "p-anchor", "--dump-dom", f"{url}#file-1"),
    }
    pages = {name: Page(_finish(run)) for name, run in runs.items()}
    shots = [
        _launch(
            binary, tmp_path / "p-shot", f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}", url
        ),
        _launch(
            binary,
            tmp_path / "p-shot-team",
            f"--screenshot={team_shot}",
            f"--window-size={TEAM_WINDOW[0]},{TEAM_WINDOW[1]}",
            opened.as_uri(),
        ),
    ]
    for run in shots:
        _finish(run)

    # The DOM the browser built holds every active finding under its statement, and no script but okrlint's.
    dom = pages["dom"]
    assert len(report.active_findings()) == 12
    anchors = {f.path: f"file-{n}" for n, f in enumerate(report.files, start=1)}
    expected = sorted(
        (anchors[f.path], f.statement.id if f.statement else None, f.code) for f in report.active_findings()
    )
    assert sorted(dom.placed) == expected
    assert len([tag for tag, _ in dom.tags if tag == "script"]) == 1
    assert HOSTILE_STATEMENT in dom.all_text()
    assert any(a.get("http-equiv") == "Content-Security-Policy" for t, a in dom.tags if t == "meta")

    # The script ran (the CSP allowed it): the filter is shown, nothing is filtered yet, teams start closed.
    assert "hidden" not in dom.by_id("filters")
    assert not [code for code, hidden in _findings(dom) if hidden]
    assert "all 12 findings shown" in dom.all_text()
    assert not any(_details(dom, "team").values())

    # ?rule=K203: only K203 shows, the teams holding it open, the others are hidden.
    rule = pages["rule"]
    assert {code for code, hidden in _findings(rule) if not hidden} == {"K203"}
    assert "2 of 12 findings shown" in rule.all_text()
    teams = {a.get("id"): a for t, a in rule.tags if t == "details" and "team" in (a.get("class") or "")}
    shown = [team for team, a in teams.items() if "hidden" not in a]
    assert len(shown) == 2 and all("open" in teams[t] for t in shown)

    # ?severity=info: only info findings.
    severity = pages["severity"]
    info = {f.code for f in report.active_findings() if f.severity == "info"}
    assert {code for code, hidden in _findings(severity) if not hidden} == info

    # No script: the filter stays hidden and every finding shows (the page degrades to a plain report).
    no_js = pages["no-js"]
    assert "hidden" in no_js.by_id("filters")
    assert len(_findings(no_js)) == 12 and not [c for c, hidden in _findings(no_js) if hidden]

    # A link to a file opens the team around it.
    anchor = pages["anchor"]
    holder = [
        t for t, a in anchor.tags if t == "details" and "open" in a and "team" in (a.get("class") or "")
    ]
    assert len(holder) == 1

    for path, window in ((shot, WINDOW), (team_shot, TEAM_WINDOW)):
        assert path.is_file()
        assert _png_size(path) == window
        assert path.stat().st_size > 20_000, "screenshot looks blank"
    if os.environ.get("OKRLINT_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, DOCS / "report-top.png")
        shutil.copyfile(team_shot, DOCS / "report-team.png")
