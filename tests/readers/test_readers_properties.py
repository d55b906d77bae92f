"""Properties: any text reads or raises ReadError; generated documents read back; LineIndex round-trips."""

from __future__ import annotations

import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_support import check_statement_maps

from okrlint.models import OkrDocument, Position
from okrlint.positions import LineIndex
from okrlint.readers import FORMATS, ReadError, read_document

# Syntax characters of every format, line breaks of every kind, and some non-ASCII.
_SYNTAX = "#-*_`[]()<>!|:~=>0123456789 \n\r\t\"',;{}&@%.\\/↳→✅⭐️🟢：；é中OKRkr"
_TEXT = st.text(alphabet=st.one_of(st.sampled_from(_SYNTAX), st.characters()), max_size=240)
_LINES = st.lists(
    st.sampled_from(
        [
            "# OKRs Q3 2024",
            "## Grow revenue",
            "### Key Results",
            "- Raise ARR from 1M to 2M",
            "  - an initiative",
            "* **Objective:** Hire well",
            "1. **CEO: Grow revenue to [$N][n]**",
            "   - KR1: Close 5 deals (60%)",
            "| Objective | Key Result |",
            "|---|---|",
            "| Grow | Raise ARR |",
            "| | ↳ Sign 10 logos |",
            "---",
            "title: Grow",
            "objectives:",
            "  - key_results: [a, b]",
            "O1：提升留存",
            "KR1: 从 30% 到 40%；",
            "~~KR: dropped~~ → x",
            "<details><summary>Grow forum posts</summary>",
            "```",
            "> quote",
            "",
            '"a,b",c',
        ]
    ),
    max_size=14,
)


def _reads_or_raises(text: str, fmt: str) -> None:
    try:
        doc = read_document(text, "<stdin>", format=fmt)
    except ReadError as err:
        assert err.line >= 1 and err.column >= 1 and err.message
        return
    assert isinstance(doc, OkrDocument)
    check_statement_maps(doc, text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, fmt=st.sampled_from(FORMATS))
def test_any_text_reads_or_raises_read_error(text: str, fmt: str) -> None:
    _reads_or_raises(text, fmt)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=_LINES, newline=st.sampled_from(["\n", "\r\n", "\r"]), fmt=st.sampled_from(FORMATS))
def test_okr_like_line_soup_reads_or_raises_read_error(lines: list[str], newline: str, fmt: str) -> None:
    _reads_or_raises(newline.join(lines), fmt)


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
_KEYS = st.sampled_from(
    ["objectives", "title", "name", "key_results", "krs", "target", "baseline", "owner", "period", "x"]
)
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(tree=_TREES)
def test_arbitrary_json_and_yaml_trees_read(tree: object) -> None:
    for text, fmt in ((json.dumps(tree, ensure_ascii=False), "json"), (yaml.safe_dump(tree), "yaml")):
        try:
            doc = read_document(text, "<stdin>", format=fmt)
        except ReadError as err:
            # The one shape refused by design: a string where the key results' list belongs.
            assert err.message.startswith("expected a list under "), err
            continue
        check_statement_maps(doc, text)


_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
    min_size=1,
    max_size=6,
)
# Key results too start with a fixed word: a leading "PX" or "WIP" is a priority or status token, stripped by design.
_NUMBERED = st.tuples(_WORDS, st.integers(0, 999)).map(
    lambda t: f"Raise {' '.join(t[0])} from {t[1]} to {t[1] + 1}"
)


# A heading that is only a section name ("KR", "Notes", "Tasks", "Key Results") names a section, not an
# objective, by design; generated titles must not be one.
_SECTION_TITLE = re.compile(
    r"^(?:\(?krs?\)?|o\d*|okrs?|objectives?|key results?|initiatives?|projects?|tasks|notes?|tracking|"
    r"alternatives?|risks?|dependencies|background|context|milestones|deliverables)$",
    re.IGNORECASE,
)
# A heading that mentions OKRs or goals marks the OKR region of a larger document (reader design), so a
# generated objective must not contain those marker words either.
_REGION_WORDS = frozenset({"okr", "okrs", "goal", "goals", "objective", "objectives", "kr", "krs"})
# Leading and trailing tokens such as "PX" (priority), "WIP" (status) or "O1:" (label) are stripped by design,
# so a generated title keeps random words between a fixed first and last word.
_TITLES = _WORDS.map(lambda words: "Grow " + " ".join(words) + " reach").filter(
    lambda title: not _SECTION_TITLE.match(title) and not _REGION_WORDS & set(title.lower().split())
)


@settings(max_examples=100, deadline=None)
@given(
    okrs=st.lists(st.tuples(_TITLES, st.lists(_NUMBERED, min_size=1, max_size=5)), max_size=5),
    marker=st.sampled_from(["-", "*", "1."]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_generated_shape_a_markdown_reads_back(
    okrs: list[tuple[str, list[str]]], marker: str, newline: str
) -> None:
    parts = ["# Team OKRs Q3 2024", ""]
    for objective, krs in okrs:
        parts += [f"## {objective}", ""] + [f"{marker} {kr}" for kr in krs] + [""]
    text = newline.join(parts)
    doc = read_document(text, "x.md")
    check_statement_maps(doc, text)
    assert [o.statement.text for o in doc.objectives] == [o for o, _ in okrs]
    assert [[k.statement.text for k in o.key_results] for o in doc.objectives] == [krs for _, krs in okrs]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.one_of(st.sampled_from(["\n", "\r\n", "\r", "a", " ", "é", "中", "🟢"]), st.characters()),
        max_size=60,
    ).map("".join)
)
def test_line_index_round_trip(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        pos = index.position(offset)
        assert index.offset(pos) == offset
        # The line number counts the breaks before the offset, with "\r\n" as one break.
        prefix = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
        expected_line = prefix.count("\n") + 1
        if offset and text[offset - 1] == "\r" and offset < len(text) and text[offset] == "\n":
            expected_line -= 1  # between "\r" and "\n": still the same line
        assert pos.line == expected_line
    for line in range(1, len(index.line_starts) + 1):
        start = index.offset(Position(line=line, column=1))
        assert index.position(start) == Position(line=line, column=1)


@settings(max_examples=50, deadline=None)
@given(
    text=st.lists(st.sampled_from(["\n", "\r\n", "\r", "a", "b", " ", "é"]), max_size=40).map("".join),
    order=st.lists(st.integers(min_value=0, max_value=40), max_size=20),
)
def test_line_text_is_each_lines_text_in_any_order_of_asking(text: str, order: list[int]) -> None:
    # Asked in any order (the last answer is remembered), a line's text is the same as split by the editor.
    index = LineIndex(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for n in order:
        line = n % len(index.line_starts) + 1
        assert index.line_text(line) == lines[line - 1]
