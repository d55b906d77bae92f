"""Which reader a file needs: the extension first, then the content (section 4.6)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import PurePath

FORMATS = ("markdown", "yaml", "json", "csv", "text")

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "text",
}
_YAML_KEY_LINE = re.compile(r"^(?:---\s*$|[\"']?[\w][\w .\-]*[\"']?\s*:(?:\s|$)|-\s)")
_YAML_OKR_KEY = re.compile(
    r"^[ \t]*(?:-[ \t]+)?[\"']?(?:objectives?|okrs|goals|key[_ -]?results|keyResults|krs|results|title|name|"
    r"statement|text)[\"']?[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6}\s|\s*[-*+]\s|\s*\d+[.)]\s|\|)", re.MULTILINE)
_TEXT_LABEL = re.compile(r"^\s*(?:O\d*\s*[:：]|objective\s*\d*\s*[:：\-–—])", re.IGNORECASE | re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_CSV_HEADER = re.compile(
    r"objective|key.?result|\bkrs?\b|\bokrs?\b|goal|title|category|type|metric|target|owner", re.IGNORECASE
)
_CSV_SAMPLE_ROWS = 20
_LABEL_END = r"\s*\d*(?:\.\d+)*\s*[:：]\s*\S"
_INLINE_OBJECTIVE_LABEL = re.compile(
    rf"^[ \t]*(?:objective|goal|O(?=\d))(?:{_LABEL_END})", re.IGNORECASE | re.MULTILINE
)
_INLINE_KR_LABEL = re.compile(
    rf"^[ \t]*(?:key[ _-]?results?|KRs?)(?:{_LABEL_END})", re.IGNORECASE | re.MULTILINE
)
# A YAML key whose value is the indented block below it (``objectives:`` then ``  - title: …``).
_YAML_NESTED_KEY = re.compile(r"^[ \t]*[\w\"' -]+:[ \t]*\n[ \t]+(?:-[ \t]|[\w\"']+[ \t]*:)", re.MULTILINE)


def detect_format(path: str | None, text: str) -> str:
    """``markdown``, ``yaml``, ``json``, ``csv`` or ``text``."""
    if path:
        suffix = PurePath(path).suffix.lower()
        if suffix == ".txt":
            return _text_kind(text)
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
    return sniff(text)


def _text_kind(text: str) -> str:
    """A ``.txt`` file may hold a table: delimited columns (read as CSV) or a Markdown pipe table."""
    body = text.lstrip("\ufeff \t\r\n")
    lines = [ln for ln in body.splitlines() if ln.strip()][:2]
    if len(lines) == 2 and "|" in lines[0] and _TABLE_RULE.match(lines[1]):
        return "markdown"
    if _looks_like_csv(body):
        return "csv"
    return "text"


def sniff(text: str) -> str:
    """The format a text is written in, for stdin and unknown extensions: JSON, labelled plain text, YAML,
    CSV/TSV, then Markdown (which reads any prose, so it comes last)."""
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("{"):
        return "json"
    if body.startswith("[") and _is_json_array(body):
        return "json"
    if _looks_like_labelled_text(body):
        return "text"
    if _looks_like_yaml(body):
        return "yaml"
    if _looks_like_csv(body):
        return "csv"
    if _TEXT_LABEL.search(body) and not _MARKDOWN_SIGNS.search(body):
        return "text"
    return "markdown"


def _looks_like_labelled_text(body: str) -> bool:
    """``Objective: …`` lines with ``Key result: …``/``KR1: …`` lines under them, each label followed by its
    statement on the same line, and no Markdown structure. YAML would read such a file as one mapping whose
    repeated keys overwrite each other, losing every key result but the last."""
    if _MARKDOWN_SIGNS.search(body) or _YAML_NESTED_KEY.search(body):
        return False
    return bool(_INLINE_OBJECTIVE_LABEL.search(body) and _INLINE_KR_LABEL.search(body))


def _is_json_array(body: str) -> bool:
    try:
        json.loads(body)
    except (json.JSONDecodeError, RecursionError):
        return bool(re.match(r"\[\s*[\[{\"\d\-\]]", body))  # clearly meant as JSON: report its error
    return True


def _looks_like_yaml(body: str) -> bool:
    """A ``key:`` structure with an objective key, and not Markdown with front matter."""
    first = next((ln for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
    if not _YAML_KEY_LINE.match(first) or not _YAML_OKR_KEY.search(body):
        return False
    if body.startswith("---"):
        closing = re.search(r"^(?:---|\.\.\.)\s*$", body[3:], re.MULTILINE)
        if closing and re.search(r"^#{1,6}\s", body[3 + closing.end() :], re.MULTILINE):
            return False  # front matter followed by Markdown headings
    return True


def _looks_like_csv(body: str) -> bool:
    """At least two rows that the ``csv`` module splits into the same number (two or more) of fields with one
    delimiter, quoted fields included; the first row must not be a Markdown table."""
    lines = [ln for ln in body.splitlines() if ln.strip()][:_CSV_SAMPLE_ROWS]
    if len(lines) < 2 or lines[0].lstrip().startswith("|") or _TABLE_RULE.match(lines[1]):
        return False
    sample = "\n".join(lines)
    for delimiter in (",", "\t", ";", "|"):
        if delimiter not in lines[0]:
            continue
        try:
            widths = {len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row}
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() >= 2:
            return bool(_CSV_HEADER.search(lines[0])) or delimiter in ",\t"
    return False
