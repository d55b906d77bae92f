"""The hostile cases around the readers, run through the real CLI: for each, the line the user sees, the exit
code, and whether every input file is unchanged (sha256 before and after).

    python benchmarks/hostile_cases.py            # this checkout
    PYTHONPATH=/path/to/other/checkout python benchmarks/hostile_cases.py   # another version, same cases

Prints a Markdown table. Cases needing an unprivileged user (unreadable files) run through ``setpriv`` when this
runs as root and are skipped where that is impossible.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "examples" / "good" / "product-q3.md"
OKR = "## Grow our community\n\n- Launch the new website\n"


def _okrlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "okrlint.cli", "check", "--isolated", *args]


def _digest(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "report" not in path.name:
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _shown(text: str) -> str:
    """The most telling line of the output, printable in a table."""
    lines = [line for line in text.splitlines() if line.strip()]
    wanted = [
        line for line in lines if "error" in line.lower() or "Traceback" in line or "interrupted" in line
    ]
    line = (wanted or lines or ["(nothing)"])[-1 if any("Error" in x for x in wanted) else 0]
    line = line.encode("ascii", "backslashreplace").decode("ascii").replace("|", "\\|")
    line = re.sub("[\x00-\x1f\x7f]", lambda m: f"<{ord(m[0]):02x}>", line)  # shown here, never sent raw
    return line[:110] + ("…" if len(line) > 110 else "")


Case = Callable[[Path], tuple[list[str], dict]]


def output_is_walked_input(d: Path) -> tuple[list[str], dict]:
    (d / "okrs").mkdir()
    shutil.copy(GOOD, d / "okrs" / "q3.md")
    return _okrlint("okrs", "--output-file", "okrs/q3.md"), {}


def output_is_hard_link(d: Path) -> tuple[list[str], dict]:
    (d / "okrs").mkdir()
    shutil.copy(GOOD, d / "okrs" / "q3.md")
    os.link(d / "okrs" / "q3.md", d / "copy.md")
    return _okrlint("okrs", "--output-file", "copy.md"), {}


def osc_in_file(d: Path) -> tuple[list[str], dict]:
    (d / "osc.md").write_text(
        "## Grow our community\n\n- Launch the new website\x1b]0;PWNED\x07\n", encoding="utf-8"
    )
    return _okrlint("osc.md"), {"summary": _launch_line}


def _launch_line(text: str) -> str:
    line = next((x for x in text.splitlines() if "Launch" in x), text)
    raw = "RAW ESC/BEL reach the terminal: " if "\x1b" in line or "\x07" in line else ""
    return raw + _shown(line)


def symlink_outside(d: Path) -> tuple[list[str], dict]:
    (d / "okrs").mkdir()
    (d / "secret.md").write_text("## Root password is hunter2\n", encoding="utf-8")
    (d / "okrs" / "passwd.md").symlink_to(d / "secret.md")
    shutil.copy(GOOD, d / "okrs" / "good.md")
    (d / "okrs" / "alias.md").symlink_to("good.md")
    return _okrlint("--output-format", "json", "okrs"), {"summary": _files_linted}


def _files_linted(text: str) -> str:
    import json

    start = text.find("{")
    try:
        report = json.loads(text[start : text.rfind("}") + 1])
    except ValueError:
        return _shown(text)
    files = ", ".join(f["path"] for f in report["files"])
    outside = [f["path"] for f in report["files"] if not f["path"].startswith("okrs/")]
    quoted = f"outside file read ({', '.join(outside)})" if outside else "outside file not read"
    return f"linted: {files}; {quoted}"


def output_missing_folder(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    return _okrlint("q3.md", "--output-file", "missing/report.txt"), {}


def output_dev_full(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    return _okrlint("q3.md", "--output-file", "/dev/full"), {}


def stdout_dev_full(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    return _okrlint("q3.md"), {"stdout": "/dev/full"}


def output_read_only_fs(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    return _okrlint("q3.md", "--output-file", "/proc/okrlint-report.txt"), {}


def name_not_utf8(d: Path) -> tuple[list[str], dict]:
    Path(os.fsdecode(bytes(d) + b"/bad\xff.md")).write_text(OKR, encoding="utf-8")
    return _okrlint("--output-format", "sarif", "."), {"summary": _sarif_uris}


def _sarif_uris(text: str) -> str:
    if "Traceback" in text:
        return _shown(text)
    uris = sorted({x.split('"uri": ')[1].strip().strip(",") for x in text.splitlines() if '"uri": ' in x})
    return f"uris: {', '.join(uris)}" if uris else _shown(text)


def name_too_long(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    return _okrlint("a" * 300 + ".md", "q3.md"), {"summary": _tail}


def _tail(text: str) -> str:
    if "Traceback" in text:
        return _shown(text)
    line = next((x for x in text.splitlines() if "error" in x), text)
    return "aaa…" + _shown(line[-60:])


def name_with_newline(d: Path) -> tuple[list[str], dict]:
    (d / "new\nline.md").write_text(OKR, encoding="utf-8")
    return _okrlint("."), {"summary": lambda text: " ⏎ ".join(_shown(x) for x in text.splitlines()[:2])}


def unreadable_named(d: Path) -> tuple[list[str], dict]:
    shutil.copy(GOOD, d / "q3.md")
    (d / "locked.md").write_text(OKR, encoding="utf-8")
    (d / "locked.md").chmod(0)
    d.chmod(0o755)
    (d / "q3.md").chmod(0o644)
    return _okrlint("locked.md", "q3.md"), {"unprivileged": True}


def ctrl_c(d: Path) -> tuple[list[str], dict]:
    lines = []
    for o in range(800):
        lines.append(f"## Objective {o}: make onboarding better for team {o}\n")
        lines.extend(f"- Raise activation from {o} to {o + k + 10} by week {k}\n" for k in range(4))
    (d / "big.md").write_text("".join(lines), encoding="utf-8")
    return _okrlint("--jobs", "2", "big.md"), {"interrupt": True, "summary": _stderr_lines}


def _stderr_lines(text: str) -> str:
    lines = [x for x in text.splitlines() if x.strip()]
    return f"{_shown(lines[0] if lines else '')} ({len(lines)} lines)"


CASES: list[tuple[str, Case]] = [
    ("--output-file is a file found by walking the folder", output_is_walked_input),
    ("--output-file is a hard link to an input", output_is_hard_link),
    ("OSC/BEL escape in a key result (text format)", osc_in_file),
    ("symlink to a file outside the walked folder, and one to a file inside", symlink_outside),
    ("--output-file into a missing folder", output_missing_folder),
    ("--output-file /dev/full", output_dev_full),
    ("--output-file where no file can be created (/proc)", output_read_only_fs),
    ("standard output to /dev/full", stdout_dev_full),
    ("file name not UTF-8 (SARIF)", name_not_utf8),
    ("file name of 300 characters, next to a good file", name_too_long),
    ("file name with a newline", name_with_newline),
    ("named unreadable file (chmod 000, unprivileged user), next to a good file", unreadable_named),
    ("Ctrl-C during a run with 2 workers", ctrl_c),
]


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def run_case(build: Case) -> tuple[str, int | str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        command, how = build(d)
        before = _digest(d)
        if how.get("unprivileged") and os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                return "(skipped: no setpriv)", "-", "-"
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        stdout = Path(how["stdout"]).open("w") if "stdout" in how else subprocess.PIPE  # noqa: SIM115
        proc = subprocess.Popen(
            command,
            cwd=d,
            stdout=stdout,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO))},
        )
        if how.get("interrupt"):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and len(_children(proc.pid)) < 2 and proc.poll() is None:
                time.sleep(0.05)
            time.sleep(1.5)
            os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=600)
        text = (out or b"").decode("utf-8", "backslashreplace") + (err or b"").decode(
            "utf-8", "backslashreplace"
        )
        unchanged = "yes" if _digest(d) == before else "**no**"
        return how.get("summary", _shown)(text), proc.returncode, unchanged


def main() -> int:
    print("| case | output line | exit | inputs unchanged (sha256) |")
    print("|---|---|---|---|")
    for name, build in CASES:
        shown, code, unchanged = run_case(build)
        print(f"| {name} | `{shown}` | {code} | {unchanged} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
