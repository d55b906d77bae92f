"""Markdown as a person reads it where CommonMark reads it otherwise.

Two shapes are re-shaped before the final parse, line by line, changing only what precedes each line's text
(so statement text is still taken from the source at its own offsets):

- a list indented by four or more spaces after a blank line, which CommonMark reads as an indented code block;
- ``-item`` lines with no space after the dash, which CommonMark reads as a paragraph.

A code fence that is never closed runs to the end of the file for CommonMark; a person sees it end before the
next heading (``## …`` after a blank line), so the fence's lines up to there are hidden from the parser.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

_MARKED = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,3}[.)])(?![-*+])[ \t]*(?=\S)")
_TIGHT_DASH = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-+])(?=[^\s\-+*])")
_FENCE_CLOSE = re.compile(r"^[ \t]{0,3}(?P<mark>`{3,}|~{3,})[ \t]*$")
_NEXT_HEADING = re.compile(r"^#{2,6}[ \t]+\S")


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def reshape(lines: list[str], tokens: list[Token]) -> dict[int, str]:
    """0-based line -> the line as the parser should see it; empty when CommonMark already reads it right."""
    shapes: dict[int, str] = {}
    for token in tokens:
        if token.map is None or token.level != 0:
            continue
        first, stop = token.map
        if token.type == "code_block":
            shapes.update(_indented_list(lines, first, stop))
        elif token.type == "paragraph_open":
            shapes.update(_tight_dashes(lines, first, stop))
        elif token.type == "fence" and _unclosed(lines, token, stop):
            shapes.update(_hide_unclosed_fence(lines, first, stop))
    return shapes


def _indented_list(lines: list[str], first: int, stop: int) -> dict[int, str]:
    """An indented code block whose lines at its outer indent are list items -> a list nested by indent."""
    body = [k for k in range(first, stop) if lines[k].strip()]
    if not body:
        return {}
    outer = min(_indent(lines[k]) for k in body)
    outer_lines = [k for k in body if _indent(lines[k]) == outer]
    marked = [k for k in outer_lines if _MARKED.match(lines[k]) or _TIGHT_DASH.match(lines[k])]
    if len(marked) * 2 <= len(outer_lines):
        return {}
    depths = sorted({_indent(lines[k]) for k in body})
    shapes: dict[int, str] = {}
    for k in body:
        line = lines[k]
        level = depths.index(_indent(line))
        match = _MARKED.match(line) or _TIGHT_DASH.match(line)
        text = line[match.end() :] if match else line.lstrip()
        if match is None and level == 0:
            shapes[k] = "  " + text  # a wrapped line of the item above
        else:
            shapes[k] = "  " * level + "- " + text  # deeper lines are the item's details
    return shapes


def _tight_dashes(lines: list[str], first: int, stop: int) -> dict[int, str]:
    """A paragraph whose every line is ``-item`` -> a list."""
    body = [k for k in range(first, stop) if lines[k].strip()]
    if not body or not all(_TIGHT_DASH.match(lines[k]) for k in body):
        return {}
    shapes: dict[int, str] = {}
    for k in body:
        match = _TIGHT_DASH.match(lines[k])
        assert match is not None
        shapes[k] = match.group("indent") + "- " + lines[k][match.end() :]
    return shapes


def _unclosed(lines: list[str], token: Token, stop: int) -> bool:
    last = lines[stop - 1] if stop - 1 < len(lines) else ""
    close = _FENCE_CLOSE.match(last)
    at_end = not any(line.strip() for line in lines[stop:])
    return at_end and not (
        close and stop - 1 > (token.map or (0, 0))[0] and close.group("mark")[0] == token.markup[0]
    )


def _hide_unclosed_fence(lines: list[str], first: int, stop: int) -> dict[int, str]:
    """Blank the fence's lines up to the first ``## heading`` that follows a blank line."""
    end = stop
    for k in range(first + 1, stop):
        if _NEXT_HEADING.match(lines[k]) and not lines[k - 1].strip():
            end = k
            break
    if end == stop:
        return {}
    return dict.fromkeys(range(first, end), "")
