"""Bytes to text, format detection and the read_document contract."""

from __future__ import annotations

import codecs

import pytest

from okrlint.readers import FORMATS, ReadError, decode, detect_format, read_document


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + "## Ziel äö\n".encode(), "x.md") == "## Ziel äö\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-16-le"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    text = "O1：提升留存\nKR1: 从 30% 到 40%\n"
    data = text.encode(encoding)
    if encoding.endswith(("-be", "-le")):
        data = (codecs.BOM_UTF16_BE if encoding.endswith("be") else codecs.BOM_UTF16_LE) + data
    assert decode(data, "x.txt") == text


def test_invalid_utf8_names_the_line_and_column_of_the_bad_byte() -> None:
    data = "line one\nline twö ok\n".encode() + b"abc\xff\xfedef\n"
    with pytest.raises(ReadError) as info:
        decode(data, "bad.md")
    err = info.value
    assert (err.path, err.line, err.column) == ("bad.md", 3, 4)
    assert "0xff" in err.message


def test_nul_bytes_mean_a_binary_file() -> None:
    with pytest.raises(ReadError) as info:
        decode(b"PK\x03\x04\x00\x00binary", "x.zip")
    assert "binary" in info.value.message


def test_read_error_keeps_its_attributes() -> None:
    err = ReadError("a.yaml", 3, 7, "boom")  # positional order of "path:line:col: message"
    assert (err.path, err.line, err.column, err.message) == ("a.yaml", 3, 7, "boom")
    keyword = ReadError(path="b.md", message="bad")
    assert (keyword.path, keyword.line, keyword.column, keyword.message) == ("b.md", 1, 1, "bad")


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("okrs.md", "markdown"),
        ("OKR.MARKDOWN", "markdown"),
        ("a.yml", "yaml"),
        ("a.yaml", "yaml"),
        ("a.json", "json"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.txt", "text"),
    ],
)
def test_detect_from_extension(path: str, fmt: str) -> None:
    assert detect_format(path, "anything") == fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"objectives": []}', "json"),
        ('\ufeff  [{"title": "x"}]', "json"),
        ("period: 2024-Q3\nobjectives:\n  - title: Grow\n", "yaml"),
        ("---\nperiod: Q3\n---\n# Marketing OKRs\n\n## Grow\n- a\n", "markdown"),
        ("objective,key result\nGrow,Raise ARR\n", "csv"),
        ("| Objective | KR |\n|---|---|\n| a | b |\n", "markdown"),
        ("O1：提升留存\nKR1: 从 30% 到 40%\n", "text"),
        ("# OKRs\n\n## Grow\n- Raise ARR\n", "markdown"),
        ("[TOC]\n\n## Grow\n", "markdown"),
        ("just some words", "markdown"),
    ],
)
def test_detect_from_content(text: str, fmt: str) -> None:
    assert detect_format(None, text) == fmt
    assert detect_format("notes.okr", text) == fmt


def test_formats_constant() -> None:
    assert FORMATS == ("markdown", "yaml", "json", "csv", "text")


def test_format_argument_overrides_detection() -> None:
    doc = read_document("O1: Grow\nKR1: Raise ARR from 1M to 2M\n", "a.md", format="text")
    assert doc.format == "text" and len(doc.objectives[0].key_results) == 1


def test_unknown_format_is_a_read_error() -> None:
    with pytest.raises(ReadError):
        read_document("x", "a.md", format="docx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_input_has_zero_objectives(fmt: str) -> None:
    doc = read_document("", "<stdin>", format=fmt)
    assert doc.objectives == () and doc.path == "<stdin>" and doc.format == fmt


def test_utf16_without_bom_is_recognised() -> None:
    assert (
        decode("## Grow revenue\n- Raise ARR\n".encode("utf-16-le"), "x.md")
        == "## Grow revenue\n- Raise ARR\n"
    )
