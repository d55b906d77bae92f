"""Suppression directives: ``okrlint:`` comments found by scanning raw lines.

Readers cannot carry comments (PyYAML and markdown-it drop them), so, like flake8's ``noqa``, directives are
read from the file text itself, whatever the format's parser keeps:

    <!-- okrlint: ignore[K203] reason -->        Markdown
    # okrlint: disable[K203,key-result-is-binary]  YAML, CSV, plain text
    # okrlint: enable[K203]
    # okrlint: file-ignore[S301]
    # okrlint: ignore                             (no brackets: every rule)

JSON has no comments, so it has no directives. Scanning never raises: a malformed directive is returned with
``problem`` set, and the X002 rule reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from okrlint.positions import LineIndex


class DirectiveKind(StrEnum):
    IGNORE = "ignore"  # the statement on this line or on the next line
    DISABLE = "disable"  # from here until a matching enable (or the end of the file)
    ENABLE = "enable"
    FILE_IGNORE = "file-ignore"  # the whole file


class CommentStyle(StrEnum):
    HTML = "html"  # <!-- … -->
    HASH = "hash"  # # …
    NONE = "none"


_STYLE_BY_FORMAT = {
    "markdown": CommentStyle.HTML,
    "yaml": CommentStyle.HASH,
    "csv": CommentStyle.HASH,
    "text": CommentStyle.HASH,
    "json": CommentStyle.NONE,
}

# The comment that holds a directive, per style; ``body`` is what follows ``okrlint:``.
_HTML_COMMENT = re.compile(r"<!--\s*okrlint\s*:(?P<body>.*?)(?:-->|$)", re.IGNORECASE)
# YAML only treats ``#`` as a comment at the start of a line or after whitespace; the same rule keeps
# ``#`` inside words (``issue#12``) in CSV and text from being read as a comment.
_HASH_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*okrlint\s*:(?P<body>.*)$", re.IGNORECASE)
_VERB = re.compile(r"\s*(?P<verb>[A-Za-z][A-Za-z_-]*)?")
_SELECTOR = re.compile(r"[^\s,]+")


@dataclass(frozen=True, slots=True)
class Selector:
    """One rule code, prefix or name inside the brackets, with its file offsets (for X002)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``okrlint:`` comment. Offsets are code points into the file text; ``line`` is 1-based."""

    kind: DirectiveKind | None  # None when the verb is unknown
    verb: str
    selectors: tuple[Selector, ...]
    bracketed: bool  # False: no rule list, so the directive covers every rule
    reason: str
    line: int
    own_line: bool  # nothing but the comment on its line, so it may cover the line below
    start: int  # "okrlint:" … end of the directive text
    end: int
    problem: str | None = None  # why this directive is malformed and does nothing

    @property
    def active(self) -> bool:
        return self.problem is None and self.kind is not None

    @property
    def covers_all(self) -> bool:
        return not self.bracketed

    def display(self) -> str:
        """``ignore[K203,K204]`` as written (normalised spacing), for messages."""
        if not self.bracketed:
            return self.verb
        return f"{self.verb}[{','.join(s.text for s in self.selectors)}]"


def comment_style(format: str | None) -> CommentStyle:
    return _STYLE_BY_FORMAT.get(format or "", CommentStyle.HASH)


def _known_verbs_hint(verb: str) -> str:
    from okrlint.config import did_you_mean

    return did_you_mean(verb.lower(), [k.value for k in DirectiveKind])


def _parse_body(body: str, body_start: int, keyword_start: int, line: int, own_line: bool) -> Directive:
    """Parse the text after ``okrlint:``; ``body_start`` and ``keyword_start`` are file offsets."""
    verb_match = _VERB.match(body)
    verb = (verb_match.group("verb") or "") if verb_match else ""
    pos = verb_match.end() if verb_match else 0
    rest = body[pos:]
    kind = DirectiveKind(verb.lower()) if verb.lower() in DirectiveKind._value2member_map_ else None
    problem: str | None = None
    if not verb:
        problem = "empty okrlint directive: write ignore, disable, enable or file-ignore"
    elif kind is None:
        problem = f"unknown okrlint directive '{verb}'{_known_verbs_hint(verb)}"
    selectors: list[Selector] = []
    bracketed = False
    stripped = rest.lstrip()
    reason = rest
    if stripped.startswith("["):
        bracketed = True
        open_at = pos + (len(rest) - len(stripped))
        close_at = body.find("]", open_at)
        if close_at < 0:
            problem = problem or "unclosed '[' in okrlint directive"
            inner, reason = body[open_at + 1 :], ""
            inner_start = open_at + 1
        else:
            inner, reason = body[open_at + 1 : close_at], body[close_at + 1 :]
            inner_start = open_at + 1
        for m in _SELECTOR.finditer(inner):
            start = body_start + inner_start + m.start()
            selectors.append(Selector(text=m.group(), start=start, end=start + len(m.group())))
        if not selectors and problem is None:
            problem = "empty rule list in okrlint directive: name codes or drop the brackets"
    return Directive(
        kind=kind,
        verb=verb.lower() if kind is not None else verb,
        selectors=tuple(selectors),
        bracketed=bracketed,
        reason=reason.strip(),
        line=line,
        own_line=own_line,
        start=keyword_start,
        end=body_start + len(body.rstrip()),
        problem=problem,
    )


def _line_matches(style: CommentStyle, text: str) -> list[re.Match[str]]:
    if style is CommentStyle.HTML:
        return list(_HTML_COMMENT.finditer(text))
    if style is CommentStyle.HASH:
        match = _HASH_COMMENT.search(text)
        return [match] if match else []
    return []


def scan(text: str, format: str | None) -> tuple[Directive, ...]:
    """Every ``okrlint:`` directive in ``text``, in file order."""
    style = comment_style(format)
    if style is CommentStyle.NONE or "okrlint" not in text.lower():
        return ()
    index = LineIndex(text)
    out: list[Directive] = []
    for line_no, line_start in enumerate(index.line_starts, start=1):
        line = index.line_text(line_no)
        if "okrlint" not in line.lower():
            continue
        matches = _line_matches(style, line)
        outside = line
        for m in reversed(matches):
            outside = outside[: m.start()] + outside[m.end() :]
        own_line = not outside.strip()
        for m in matches:
            # The directive starts at the word "okrlint" (the comment may be "#okrlint:" or "# okrlint :").
            keyword_at = line.lower().rfind("okrlint", m.start(), m.start("body"))
            out.append(
                _parse_body(
                    m.group("body"), line_start + m.start("body"), line_start + keyword_at, line_no, own_line
                )
            )
    return tuple(out)


def mask(text: str, format: str | None) -> str:
    """``text`` with every directive comment blanked out, offsets unchanged.

    For readers whose format keeps comments as content (a ``# okrlint:`` line in CSV or plain text would
    otherwise become a statement or the tail of one). HTML comments are left alone: the Markdown reader drops
    them already, and blanking an unterminated ``<!-- okrlint: …`` would expose the lines it comments out.
    """
    style = comment_style(format)
    if style is not CommentStyle.HASH or "okrlint" not in text.lower():
        return text
    index = LineIndex(text)
    chars = list(text)
    for line_no, line_start in enumerate(index.line_starts, start=1):
        line = index.line_text(line_no)
        for m in _line_matches(style, line):
            for i in range(line_start + m.start(), line_start + m.end()):
                chars[i] = " "
    return "".join(chars)
