"""Property tests: any bytes at all give findings or one error, in the readers, the API and the CLI.

Example counts per run (hypothesis ``max_examples``; each run draws new examples, failures are replayed from
the local hypothesis database):

- 200: random bytes -> ``decode`` -> ``read_document`` in all 5 formats (1,000 reads)
- 200: OKR-flavoured text (Markdown, YAML, JSON, CSV and label fragments, control characters) in all 5 formats
- 50: full ``okrlint check`` runs of a random file next to the good file (text and JSON output: 100 runs)
- 50: ``Linter.lint_text`` on random text in a random format
- 12: a file with a random byte name (controls, newlines, bytes that are not UTF-8) holding text with control
  characters, through the CLI in every format: valid UTF-8 out, no raw control character in the human formats
- 200 each: the rewritten cleaning regexes match exactly what the originals matched
"""

from __future__ import annotations

import codecs
import contextlib
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.api import Linter
from okrlint.readers import FORMATS, ReadError, cleaning, decode, read_document
from tests.hostile.conftest import GoodBaseline, assert_findings_or_one_error, check_with_good
from tests.readers.readers_support import check_statement_maps

BYTES_EXAMPLES = 200
TEXT_EXAMPLES = 200
CLI_EXAMPLES = 50
API_EXAMPLES = 50
REGEX_EXAMPLES = 200
NAME_EXAMPLES = 12

# Fragments that steer the readers into their interesting branches far more often than random characters.
_FRAGMENTS = [
    *"#-*+>|:[]{}()`~_!<&;,.\"'\\/@=%$ \t\n\r0123456789aOKR",
    *"€→✅⭐🚀\u200b\ufeff\x0b\x0c\x1c\u2028\u0085é目",
    *["Objective:", "KR1:", "- ", "## ", "```", "---\n", "| a | b |\n|---|---|\n", "<!--", "-->", "&amp;"],
    *["~~", "objectives:", "key_results:", "title:", "  ", "\n- ", "1. ", "[x] ", "!!", "&a ", "*a", "<<: "],
    *["? ", '{"', '"objectives":', "\\u00e9", "\\ud83d\\ude80", "\\ud800", "objective,key_result\n", '""'],
    *[
        "<br>",
        "<script>x</script>",
        "O1:",
        "目标：",
        "**",
        "__",
        "owner: ",
        "@ana",
        "(P1)",
        "=> 50%",
        "from 1 to 2",
    ],
]
OKR_TEXT = st.lists(st.sampled_from(_FRAGMENTS), max_size=80).map("".join) | st.text(max_size=300)
# Bytes: random, or OKR-flavoured text in the encodings okrlint accepts, sometimes with a byte flipped.
OKR_BYTES = (
    st.binary(max_size=2_000)
    | OKR_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | OKR_TEXT.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "surrogatepass"))
    | st.tuples(OKR_TEXT, st.integers(0, 400), st.integers(0, 255)).map(
        lambda t: _flip(t[0].encode("utf-8", "surrogatepass"), t[1], t[2])
    )
)
_SETTINGS = {"deadline": None, "suppress_health_check": list(HealthCheck)}


def _flip(data: bytes, index: int, value: int) -> bytes:
    if not data:
        return bytes([value])
    index %= len(data)
    return data[:index] + bytes([value]) + data[index + 1 :]


def _read_or_error(text: str, fmt: str) -> None:
    """``read_document`` either raises ReadError or returns statements that map onto the text exactly."""
    try:
        document = read_document(text, path=f"fuzz.{fmt}", format=fmt)
    except ReadError as err:
        assert err.line >= 1 and err.column >= 1 and err.message
        return
    check_statement_maps(document, text)


@settings(max_examples=BYTES_EXAMPLES, **_SETTINGS)
@given(data=OKR_BYTES)
def test_any_bytes_decode_and_read_in_every_format_or_raise_read_error(data: bytes) -> None:
    """200 examples: decode, then all 5 readers."""
    try:
        text = decode(data, "fuzz")
    except ReadError as err:
        assert err.path == "fuzz" and err.line >= 1 and err.column >= 1
        return
    for fmt in FORMATS:
        _read_or_error(text, fmt)


@settings(max_examples=TEXT_EXAMPLES, **_SETTINGS)
@given(text=OKR_TEXT)
def test_any_text_reads_in_every_format_or_raises_read_error(text: str) -> None:
    """200 examples: all 5 readers, plus format detection."""
    for fmt in FORMATS:
        _read_or_error(text, fmt)
    with contextlib.suppress(ReadError):
        read_document(text, path="<stdin>")


@settings(max_examples=CLI_EXAMPLES, **_SETTINGS)
@given(data=OKR_BYTES, suffix=st.sampled_from([".md", ".yaml", ".json", ".csv", ".tsv", ".txt", ".okr"]))
def test_any_file_through_the_cli_gives_findings_or_one_error(
    data: bytes, suffix: str, good_baseline: GoodBaseline
) -> None:
    """50 examples, each a text and a JSON run next to the good file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        outcome = check_with_good([path], good_baseline)
        assert_findings_or_one_error(outcome, path)


@settings(max_examples=API_EXAMPLES, **_SETTINGS)
@given(text=OKR_TEXT, fmt=st.sampled_from([*FORMATS, None]))
def test_any_text_through_the_api_gives_a_report(text: str, fmt: str | None, linter: Linter) -> None:
    """50 examples: a report with documents or exactly one error, never an exception."""
    report = linter.lint_text(text, format=fmt, path=None if fmt else "fuzz.md")
    assert len(report.documents) + len(report.errors) == 1
    report.model_dump_json()  # every string in it is encodable


# --- the regexes rewritten for linear time still match exactly what the originals did ---------------------
_OLD_TERMINATORS = re.compile(r"\s*[.;；。]+$")
_OLD_TRAIL_JUNK = re.compile(r"(?:\s+[\-–—]+|\s*[|:：,]+)$")
_END_TEXT = st.text(alphabet=" \t.;；。-–—|:：,ab", max_size=40)
_OWNER_TEXT = st.lists(
    st.sampled_from(
        ["owner", "Owners", "DRI", "lead", ":", "：", " ", "(", ")", "[", "]", "@a", "a", "-", "|", ","]
    ),
    max_size=25,
).map("".join)


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


@settings(max_examples=REGEX_EXAMPLES, **_SETTINGS)
@given(text=_END_TEXT)
def test_terminator_regexes_match_what_the_quadratic_originals_matched(text: str) -> None:
    """200 examples."""
    assert _span(cleaning._TERMINATORS.search(text)) == _span(_OLD_TERMINATORS.search(text))
    assert _span(cleaning._TRAIL_JUNK.search(text)) == _span(_OLD_TRAIL_JUNK.search(text))


@settings(max_examples=REGEX_EXAMPLES, **_SETTINGS)
@given(text=_OWNER_TEXT)
def test_owner_label_search_from_its_start_finds_the_same_match(text: str) -> None:
    """200 examples."""
    from_start = cleaning._OWNER_LABEL.search(text, cleaning._owner_label_start(text))
    assert _span(from_start) == _span(cleaning._OWNER_LABEL.search(text))


_NAME_BYTES = st.lists(
    st.one_of(
        st.sampled_from([b"\x1b]0;x\x07", b"\n", b"\r", b"\x08", b"\xff", b"\xc2\x9b", b"\x7f", b" ", b"%"]),
        st.binary(min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: b"".join(parts).replace(b"/", b"_").replace(b"\x00", b"_")[:200])
_CONTROLS = st.lists(
    st.sampled_from(["\x1b]0;PWNED\x07", "\x1b[2J", "\x08", "\x85", "\x9b", "\r", "\x00", "\x7f"]), max_size=4
).map("".join)
# Raw characters a terminal acts on, line breaks aside (they end every format's lines).
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@settings(max_examples=NAME_EXAMPLES, **_SETTINGS)
@given(name=_NAME_BYTES, controls=_CONTROLS)
def test_hostile_names_and_text_never_reach_the_terminal_raw(name: bytes, controls: str) -> None:
    """12 examples, each through all seven formats (a file holding NUL is one error: exit 2)."""
    import json
    import os

    from tests.hostile.conftest import invoke

    with tempfile.TemporaryDirectory() as folder:
        raw = os.fsencode(folder) + b"/" + name + b".md"
        try:
            Path(os.fsdecode(raw)).write_text(
                f"## Grow our community{controls}\n\n- Launch the new website{controls}\n", encoding="utf-8"
            )
        except OSError:
            return  # a name this file system refuses (too long, say): nothing to lint
        report = json.loads(invoke(["check", "--isolated", "--output-format", "json", folder]).stdout)
        lines_expected = len(report["findings"]) + len(report["errors"])
        for fmt in ("text", "full", "github", "junit", "json", "sarif", "html"):
            result = invoke(["check", "--isolated", "--output-format", fmt, folder])
            assert result.exit_code in (0, 1, 2), result.output
            out = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8 whatever the name
            if fmt in ("json", "sarif"):
                json.loads(out)
            elif fmt != "html":
                assert not _RAW_CONTROL.search(out), (fmt, out)
            if fmt == "github":  # one annotation line per finding, whatever the name holds
                assert len([line for line in out.splitlines() if line.startswith("::")]) == lines_expected
