"""Turn a raw slice of a file into the cleaned statement the rules see, plus the tokens it carried.

Cleaning only ever *deletes* characters of the source (a whitespace run may become one space), so every
character of the cleaned text still knows its file offset. All readers share this one implementation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from okrlint.placeholders import PATTERN as PLACEHOLDER
from okrlint.readers.values import parse_progress


@dataclass
class Tokens:
    """What cleaning removed from a statement but kept as data."""

    label: str | None = None  # "objective" | "key_result" when the text carried such a label
    label_id: str | None = None  # "O1", "KR1.2": the user's own numbering
    owner: str | None = None
    role: str | None = None
    priority: str | None = None
    status: str | None = None
    status_raw: str | None = None
    progress: float | None = None
    progress_raw: str | None = None
    dropped: bool = False
    star: bool = False
    note: str | None = None  # what follows "→" on a struck-out key result


@dataclass
class Cleaned:
    """Cleaned text with the file offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]
    tokens: Tokens = field(default_factory=Tokens)
    approximate: bool = False
    node_span: tuple[int, int] | None = None  # for approximate statements: the node's source range


class _Buffer:
    """The text being cleaned, with each character's file offset."""

    def __init__(self, chars: str, offsets: Sequence[int]) -> None:
        self.text = chars
        self.offsets = list(offsets)

    def drop(self, spans: Iterable[tuple[int, int]]) -> None:
        """Delete the given half-open text ranges."""
        spans = [span for span in spans if span[1] > span[0]]
        if not spans:
            return
        kill = [False] * len(self.text)
        for start, end in spans:
            for i in range(max(0, start), min(end, len(self.text))):
                kill[i] = True
        if not any(kill):
            return
        keep = [i for i, dead in enumerate(kill) if not dead]
        self.text = "".join(self.text[i] for i in keep)
        self.offsets = [self.offsets[i] for i in keep]

    def drop_matches(self, pattern: re.Pattern[str], keep: str | None = None) -> list[re.Match[str]]:
        """Delete every match, except the named group ``keep`` when it matched; return the matches."""
        matches = list(pattern.finditer(self.text))
        if not matches:
            return matches
        spans: list[tuple[int, int]] = []
        for m in matches:
            if keep is not None and m.group(keep) is not None:
                spans.append((m.start(), m.start(keep)))
                spans.append((m.end(keep), m.end()))
            else:
                spans.append(m.span())
        self.drop(spans)
        return matches

    def drop_first(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.search(self.text)
        if match is not None:
            self.drop([match.span()])
        return match

    def collapse_whitespace(self) -> None:
        """Each whitespace run becomes one space (mapped to the run's first character); strip both ends."""
        if not _NEEDS_COLLAPSE.search(self.text):
            return  # the common case, checked in C
        chars: list[str] = []
        offsets: list[int] = []
        previous_space = True  # drops leading whitespace
        for ch, off in zip(self.text, self.offsets, strict=True):
            if ch.isspace():
                if not previous_space:
                    chars.append(" ")
                    offsets.append(off)
                previous_space = True
            else:
                chars.append(ch)
                offsets.append(off)
                previous_space = False
        if chars and chars[-1] == " ":
            chars.pop()
            offsets.pop()
        self.text = "".join(chars)
        self.offsets = offsets


_NEEDS_COLLAPSE = re.compile(r"^\s|\s$|\s\s|[^\S ]")

# --- inline markup -----------------------------------------------------------------------------------
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\[\]]*\](?:\([^()]*\)|\[[^\[\]]*\])")
_INLINE_LINK = re.compile(r"\[(?P<keep>[^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[(?P<keep>[^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<(?P<keep>(?:https?|ftp|mailto):[^<>\s]*)>", re.IGNORECASE)
# okrlint's own placeholders ("<target>") are words the author still has to fill in, not markup.
_HTML_TAG = re.compile(rf"(?!{PLACEHOLDER})</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# A line-breaking tag between two words cannot be deleted without gluing the words together.
_BREAKING_TAG = re.compile(r"(?<=\S)<(?:br|/?p|/?div|/?li|hr)\b[^<>]*>(?=\S)", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(?P<keep>[!-/:-@\[-`{-~])")
_AMP = re.compile(r"&(?P<amp>amp;)")
_BACKTICKS = re.compile(r"`+")
_STRIKE = re.compile(r"~~(?P<keep>.+?)~~", re.DOTALL)
_SINGLE_STRIKE = re.compile(r"^\s*~(?P<keep>(?=[^\s~])[^~]*[^\s~])~\s*$")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\ufe0f]")
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+\-]*:(?![\w:])")

_SHORTCODE_STATUS = {
    ":white_check_mark:": "done",
    ":heavy_check_mark:": "done",
    ":ballot_box_with_check:": "done",
    ":x:": "missed",
    ":no_entry_sign:": "blocked",
    ":no_entry:": "blocked",
    ":green_circle:": "on_track",
    ":large_green_circle:": "on_track",
    ":yellow_circle:": "at_risk",
    ":large_yellow_circle:": "at_risk",
    ":red_circle:": "off_track",
    ":warning:": "at_risk",
    ":construction:": "in_progress",
}
_EMOJI_STATUS = {
    "✅": "done",
    "✔": "done",
    "☑": "done",
    "✓": "done",
    "❌": "missed",
    "✗": "missed",
    "🚫": "blocked",
    "🟢": "on_track",
    "🟡": "at_risk",
    "🟠": "at_risk",
    "🔴": "off_track",
    "⚠": "at_risk",
}
_WORD_STATUS = {
    "wip": "in_progress",
    "draft": "draft",
    "tbd": "tbd",
    "tbc": "tbd",
    "todo": "todo",
    "na": "n/a",
    "n/a": "n/a",
}

# --- leading and trailing tokens ----------------------------------------------------------------------
_SEP = r"[:：\-–—.)]"
# CJK labels number with ideographs ("目标一", "关键结果三") as often as with digits.
_CJK_NUMBER = r"(?P<cjk>[一二三四五六七八九十]+|\d+)"
# "Objective 2", "Objective-1", "Objective #3", "Objective one": the author's own numbering.
_WORD_NUMBER = r"one|two|three|four|five|six|seven|eight|nine|ten"
_LABEL_NUMBER = (
    rf"(?:[\s\-]*#?\s*(?P<num>\d+(?:\.\d+)*)|\s+(?P<wnum>(?i:{_WORD_NUMBER}))(?=\s*(?:{{sep}}|$)))"
)
_OBJECTIVE_LABEL = re.compile(
    rf"^(?:(?i:objective){_LABEL_NUMBER.format(sep=_SEP)}?\s*(?:{_SEP}\s*|\s+(?=\S)|$)"
    rf"|O(?P<onum>\d+(?:\.\d+)*)\s*(?:{_SEP}\s*|\s+(?=\S))"
    r"|O\s*[:：]\s*"
    # "OKR 1: …", "Goal 2 - …": a numbered OKR or goal names its objective (the number and separator required).
    rf"|(?i:okr|goal)\s*#?\s*(?P<gnum>\d+(?:\.\d+)*)\s*{_SEP}\s*"
    # Spanish, Portuguese, French, Italian labels: only with a separator, so prose never starts an objective.
    rf"|(?i:objetivo|objectif|obiettivo)(?:\s*#?\s*(?P<rnum>\d+(?:\.\d+)*))?\s*{_SEP}\s*"
    rf"|(?:目标|目標|목표)\s*{_CJK_NUMBER}?\s*(?:{_SEP}\s*|\s+(?=\S)|$))"
)
_KR_LABEL = re.compile(
    rf"^(?:(?i:KR)\s*#?\s*(?P<num>\d+(?:\.\d+)*)?\s*(?:{_SEP}\s*|\s+(?=\S)|$)"
    rf"|(?i:key[\s_-]*results?)(?:[\s\-]*#?\s*(?P<knum>\d+(?:\.\d+)*))?\s*(?:{_SEP}\s*|\s+(?=\S)|$)"
    rf"|(?i:resultados?[\s_-]+clave|resultados?[\s_-]+chave|r[ée]sultats?[\s_-]+cl[ée]s?|risultati?[\s_-]+chiave)"
    rf"(?:\s*#?\s*(?P<rknum>\d+(?:\.\d+)*))?\s*{_SEP}\s*"
    rf"|(?:关键结果|關鍵結果|关键成果|關鍵成果|핵심\s*결과)\s*{_CJK_NUMBER}?\s*(?:{_SEP}\s*|\s+(?=\S)|$)"
    r"|(?i:KRs)\s*:?\s*$)"
)
_WORD_NUMBERS = _WORD_NUMBER.split("|")
_CJK_DIGITS = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九")}
_CHECKBOX = re.compile(r"^\[(?P<mark>[ xX])\](?:\s+|$)")
_EMOJI_CLASS = "✅✔☑✓❌✗🚫🟢🟡🟠🔴⚠"
_LEAD_EMOJI = re.compile(rf"^(?P<e>[{_EMOJI_CLASS}])\s*")
_TRAIL_EMOJI = re.compile(rf"\s*(?P<e>[{_EMOJI_CLASS}])$")
_ANY_EMOJI = re.compile(rf"\s*(?P<e>[{_EMOJI_CLASS}])")
_STAR = re.compile(r"\s*⭐\s*")
_LEAD_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]\s+(?=\S)")
# Executive titles as written in company cascades: CEO, CTO, CISO, VP, EVP, "Chief Revenue Officer".
_EXEC_ROLE = re.compile(
    r"^(?P<role>C[A-Z]{1,2}O|CISO|S?E?VP(?:,?\s+[A-Z][A-Za-z]+){0,2}|Chief(?:\s+[A-Z][A-Za-z]+){1,3}\s+Officer)"
    r"(?P<kr>\s+KRs?)?\s*[:：]\s+(?=\S)"
)
# Pictographs and dingbats (the emoji blocks, misc symbols), their variation selectors and joiners.
_LEAD_SYMBOLS = re.compile(
    r"^(?:[\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
    r"[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]*\s*)+"
)
_LEAD_PRIORITY = re.compile(r"^[\[(]?(?P<p>[Pp][0-4Xx])[\])]?(?:\s*[:\-–—|]\s*|\s+|$)")
_ANY_PRIORITY = re.compile(r"\s*[\[(](?P<p>[Pp][0-4Xx])[\])]")
_LEAD_WORD_STATUS = re.compile(
    r"^(?:!(?P<bang>WIP)!|[\[(](?P<w>WIP|DRAFT|TBD|TBC|TODO|NA|N/A)[\])]|(?P<bare>WIP|DRAFT)(?=[\s:\-–—]))"
    r"(?:\s*[:\-–—]\s*|\s*)"
)
_TRAIL_WORD_STATUS = re.compile(
    r"\s*(?:!(?P<bang>WIP)!|[\[(](?P<w>WIP|DRAFT|TBD|TBC|TODO|NA|N/A)[\])]|[-–—]?\s*(?P<bare>WIP|DRAFT))$"
)
_ARROW = re.compile(r"\s*(?P<arrow>={1,2}\s*>|→|->)\s*(?P<val>.*)$", re.DOTALL)
_DONE_WORDS = r"(?i:done|complete[d]?|achieved|finished|shipped|met|missed|not started|in progress|dropped)"
_ARROW_IS_PROGRESS = re.compile(rf"^(?:{_DONE_WORDS}\b|\d{{1,3}}(?:\.\d+)?\s*%|[01]?\.\d+\b|[01]\b)")
_TRAIL_PROGRESS = re.compile(r"\s*[(\[]\s*(?P<val>\d{1,3}(?:\.\d+)?\s*%|0?\.\d+|1\.0+)\s*[)\]]$")
_HANDLE = r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.\-/]*[A-Za-z0-9_])?"
_TRAIL_HANDLES = re.compile(
    # At most ten owners: a bounded chain keeps this search linear on a line full of handles.
    rf"\s*(?:[-–—,|]\s*|\(\s*|\bby\s+)?(?P<h>{_HANDLE}(?:\s*(?:,|&|/|\band\b)\s*{_HANDLE}){{0,9}})\s*\)?$"
)
_LEAD_HANDLES = re.compile(rf"^(?P<h>{_HANDLE}(?:\s*,\s*{_HANDLE})*)\s*[:\-–—]?\s+(?=\S)")
_OWNER_LABEL = re.compile(
    r"\s*(?:[(\[]\s*(?i:owners?|dri|responsible|lead|assignee)\s*[:：]\s*(?P<p>[^()\[\]]+?)\s*[)\]]"
    r"|[-–—|,]?\s*(?i:owners?|dri|responsible)\s*[:：]\s*(?P<t>[^()\[\]]+?))\s*$"
)
_JOYSTREAM = re.compile(r"\s*\((?:ewd|n)\)$")
_ROLE = re.compile(r"^(?P<role>[A-Z][A-Za-z&/]*(?:\s+(?:[A-Z][A-Za-z&/]*|of|and|&)){0,3})\s*[:：]\s+(?=\S)")
_LEAD_JUNK = re.compile(r"^[\-–—|:：,]+\s+")
# The lookbehinds let a match start only where a whitespace run or a run of the end characters starts. They
# never exclude the leftmost match, so results are unchanged, but a line of 100k dots is searched in linear
# time instead of re-scanning the run from each of its characters (quadratic).
_TRAIL_JUNK = re.compile(r"(?:(?<!\s)\s+(?<![\-–—])[\-–—]+|(?<!\s)\s*(?<![|:：,])[|:：,]+)$")
_TERMINATORS = re.compile(r"(?<!\s)\s*(?<![.;；。])[.;；。]+$")
_HANDLE_IN = re.compile(_HANDLE)


def clean_range(source: str, start: int, end: int, *, allow_role: bool = False) -> Cleaned:
    """Clean ``source[start:end]``."""
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    return clean_offsets(source, range(start, end), allow_role=allow_role)


def clean_offsets(source: str, offsets: Sequence[int], *, allow_role: bool = False) -> Cleaned:
    """Clean the characters of ``source`` at ``offsets`` (in order; gaps are characters already removed)."""
    chars = "".join(source[i] for i in offsets)
    if offsets and _BREAKING_TAG.search(chars):
        # "docs<br>search" needs a space that is not in the file: say so instead of mapping it wrongly.
        return clean_value(_BREAKING_TAG.sub(" ", chars), (offsets[0], offsets[-1] + 1))
    buf = _Buffer(chars, offsets)
    tokens = Tokens()
    struck = _strip_markup(buf, tokens)
    buf.collapse_whitespace()
    _split_arrow(buf, tokens, struck)
    _strip_tokens(buf, tokens, allow_role)
    _resolve_strike(buf, tokens, struck)
    buf.collapse_whitespace()
    _strip_edges(buf)
    if not any(ch.isalnum() for ch in buf.text):
        return Cleaned(text="", offsets=(), tokens=tokens)  # punctuation or emoji alone is not a statement
    return Cleaned(text=buf.text, offsets=tuple(buf.offsets), tokens=tokens)


def clean_value(value: str, node_span: tuple[int, int]) -> Cleaned:
    """Clean a decoded value that cannot be mapped onto the file character by character."""
    cleaned = clean_offsets(value, range(len(value)))
    return Cleaned(
        text=cleaned.text, offsets=(), tokens=cleaned.tokens, approximate=True, node_span=node_span
    )


def _strip_markup(buf: _Buffer, tokens: Tokens) -> set[int]:
    """Remove inline Markdown/HTML; return the file offsets that were inside ``~~strikethrough~~``."""
    buf.drop_matches(_HTML_COMMENT)
    buf.drop_matches(_INVISIBLE)
    buf.drop_matches(_IMAGE)
    buf.drop_matches(_AUTOLINK, keep="keep")
    buf.drop_matches(_INLINE_LINK, keep="keep")
    buf.drop_matches(_REF_LINK, keep="keep")
    buf.drop_matches(_HTML_TAG)
    buf.drop_matches(_ESCAPE, keep="keep")
    buf.drop([m.span("amp") for m in _AMP.finditer(buf.text)])  # one pass: a drop per match was quadratic
    buf.drop(_code_span_fences(buf.text))
    struck: set[int] = set()
    single = _SINGLE_STRIKE.match(buf.text)
    if single is not None:  # "~whole statement~" (GFM's one-tilde strikethrough), never "~40% to ~60%"
        struck.update(buf.offsets[single.start("keep") : single.end("keep")])
        buf.drop_matches(_SINGLE_STRIKE, keep="keep")
    for m in _STRIKE.finditer(buf.text):
        struck.update(buf.offsets[m.start("keep") : m.end("keep")])
    buf.drop_matches(_STRIKE, keep="keep")
    _drop_emphasis(buf)
    for m in buf.drop_matches(_SHORTCODE):
        status = _SHORTCODE_STATUS.get(m.group(0))
        if status and tokens.status is None:
            tokens.status, tokens.status_raw = status, m.group(0)
    return struck


def _code_span_fences(text: str) -> list[tuple[int, int]]:
    """The backtick strings that open and close code spans (CommonMark: a run closes at the next run of
    the same length; an unmatched run is literal). A linear scan, so a line of backticks stays cheap."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    cursor = dict.fromkeys(by_length, 0)
    fences: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        length = runs[i][1] - runs[i][0]
        same = by_length[length]
        while cursor[length] < len(same) and same[cursor[length]] <= i:
            cursor[length] += 1
        if cursor[length] < len(same):
            closing = same[cursor[length]]
            fences += [runs[i], runs[closing]]
            i = closing + 1
        else:
            i += 1
    return fences


def _drop_emphasis(buf: _Buffer) -> None:
    """Remove ``*``/``_`` emphasis markers; keep ``3 * 4`` and intraword ``snake_case``."""
    text = buf.text
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\*+|_+", text):
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if m.group(0)[0] == "*":
            if not (before.isspace() and after.isspace()):
                spans.append(m.span())
        elif not (before.isalnum() and after.isalnum()):
            spans.append(m.span())
    buf.drop(spans)


def _split_arrow(buf: _Buffer, tokens: Tokens, struck: set[int]) -> None:
    """``=> 20%: note``, ``==> Done`` and ``→ Done`` are progress; ``~~KR~~ → note`` is a replacement."""
    match = _ARROW.search(buf.text)
    if match is None or match.start() == 0:
        return
    value = match.group("val").strip()
    head = [off for ch, off in zip(buf.text[: match.start()], buf.offsets, strict=False) if not ch.isspace()]
    before_struck = bool(struck) and all(off in struck for off in head)
    is_arrow = match.group("arrow") in ("→", "->")
    if before_struck and is_arrow:
        tokens.note = value or None
    elif is_arrow and not _ARROW_IS_PROGRESS.match(value):
        return
    else:
        tokens.progress_raw = value or None
        tokens.progress = parse_progress(value)
    buf.drop([(match.start(), len(buf.text))])


def _strip_tokens(buf: _Buffer, tokens: Tokens, allow_role: bool) -> None:
    """Peel status, priority, label, owner and progress tokens off both ends until nothing changes."""
    steps: list[Callable[[_Buffer, Tokens], bool]] = [
        _lead_checkbox,
        _lead_emoji,
        _lead_symbol,
        _lead_number,
        _lead_exec_role,
        _lead_priority,
        _lead_word_status,
        _lead_label,
        _trail_progress,
        _trail_emoji,
        _trail_owner,
        _trail_word_status,
        _trail_misc,
        _star,
    ]
    for _ in range(12):
        changed = False
        for step in steps:
            if step(buf, tokens):
                changed = True
                _strip_edges(buf)
        if not changed:
            break
    if allow_role and tokens.label is None:
        match = buf.drop_first(_ROLE)
        if match is not None:
            tokens.role = match.group("role")
    _anywhere(buf, tokens)


def _lead_checkbox(buf: _Buffer, tokens: Tokens) -> bool:
    match = buf.drop_first(_CHECKBOX)
    if match is None:
        return False
    done = match.group("mark") in "xX"
    _set_status(tokens, "done" if done else "todo", match.group(0).strip())
    return True


def _lead_emoji(buf: _Buffer, tokens: Tokens) -> bool:
    match = buf.drop_first(_LEAD_EMOJI)
    if match is None:
        return False
    _set_status(tokens, _EMOJI_STATUS[match.group("e")], match.group("e"))
    return True


def _lead_priority(buf: _Buffer, tokens: Tokens) -> bool:
    match = _LEAD_PRIORITY.search(buf.text)
    if match is None or tokens.priority is not None:
        return False
    buf.drop([match.span()])
    tokens.priority = match.group("p").upper()
    return True


def _lead_word_status(buf: _Buffer, tokens: Tokens) -> bool:
    match = _LEAD_WORD_STATUS.search(buf.text)
    if match is None or match.end() == len(buf.text):
        return False  # a statement that is only "TBD" stays as it is
    word = match.group("bang") or match.group("w") or match.group("bare")
    buf.drop([match.span()])
    _set_status(tokens, _WORD_STATUS[word.lower()], match.group(0).strip())
    return True


def _lead_label(buf: _Buffer, tokens: Tokens) -> bool:
    if tokens.label is not None:
        return False
    match = _OBJECTIVE_LABEL.search(buf.text)
    if match is not None:
        number = (
            match.group("num")
            or match.group("onum")
            or match.group("rnum")
            or _cjk_number(match.group("cjk"))
        )
        if match.group("wnum"):
            number = str(_WORD_NUMBERS.index(match.group("wnum").lower()) + 1)
        tokens.label, tokens.label_id = "objective", f"O{number}" if number else None
        buf.drop([match.span()])
        return True
    match = _KR_LABEL.search(buf.text)
    if match is not None:
        number = (
            match.group("num")
            or match.group("knum")
            or match.group("rknum")
            or _cjk_number(match.group("cjk"))
        )
        tokens.label, tokens.label_id = "key_result", f"KR{number}" if number else None
        buf.drop([match.span()])
        return True
    return False


def _cjk_number(text: str | None) -> str | None:
    """ "三" -> "3", "十二" -> "12"; digits stay as they are."""
    if not text or text.isdigit():
        return text
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return str(_CJK_DIGITS.get(text, 0) or "") or None
    value = (_CJK_DIGITS.get(tens, 1) if tens else 1) * 10 + _CJK_DIGITS.get(units, 0)
    return str(value)


def _lead_number(buf: _Buffer, tokens: Tokens) -> bool:
    """ "1. CEO: Grow …" in a numbered heading: the number orders the headings; it is not the statement."""
    return buf.drop_first(_LEAD_NUMBER) is not None


def _lead_exec_role(buf: _Buffer, tokens: Tokens) -> bool:
    """ "CEO: Grow …", "CTO KR: Ship …": a cascade's owner role (kept as the role), and a KR label."""
    if tokens.role is not None or tokens.label is not None:
        return False
    match = buf.drop_first(_EXEC_ROLE)
    if match is None:
        return False
    tokens.role = match.group("role")
    if match.group("kr"):
        tokens.label = "key_result"
    return True


def _lead_symbol(buf: _Buffer, tokens: Tokens) -> bool:
    """Decorative pictographs before a label ("🎯 Objective 1: …", "📌 Objective"): dropped so that the
    label is read. Before a statement ("🚀 Launch …") they are the author's text and stay. Status emoji are
    read before this as status."""
    match = _LEAD_SYMBOLS.match(buf.text)
    if match is None or match.end() == len(buf.text) or "⭐" in match.group():
        return False
    rest = buf.text[match.end() :]
    if not (_OBJECTIVE_LABEL.match(rest) or _KR_LABEL.match(rest)):
        return False
    buf.drop([match.span()])
    return True


def _trail_progress(buf: _Buffer, tokens: Tokens) -> bool:
    match = _TRAIL_PROGRESS.search(buf.text)
    if match is None or match.start() == 0 or tokens.progress_raw is not None:
        return False
    buf.drop([(match.start(), len(buf.text))])
    tokens.progress_raw = match.group("val")
    tokens.progress = parse_progress(match.group("val"))
    return True


def _trail_emoji(buf: _Buffer, tokens: Tokens) -> bool:
    match = _TRAIL_EMOJI.search(buf.text)
    if match is None:
        return False
    buf.drop([(match.start(), len(buf.text))])
    _set_status(tokens, _EMOJI_STATUS[match.group("e")], match.group("e"))
    return True


def _trail_owner(buf: _Buffer, tokens: Tokens) -> bool:
    match = _LEAD_HANDLES.search(buf.text)
    if match is not None:
        buf.drop([match.span()])
        _add_owner(tokens, ", ".join(h[1:] for h in _HANDLE_IN.findall(match.group("h"))))
        return True
    match = _TRAIL_HANDLES.search(buf.text)
    if match is not None and match.start() > 0:
        handles = [h[1:] for h in _HANDLE_IN.findall(match.group("h"))]
        buf.drop([(match.start(), len(buf.text))])
        _add_owner(tokens, ", ".join(handles))
        return True
    match = _OWNER_LABEL.search(buf.text, _owner_label_start(buf.text))
    if match is not None and match.start() > 0:
        who = (match.group("p") or match.group("t") or "").strip()
        buf.drop([(match.start(), len(buf.text))])
        _add_owner(tokens, who.replace("@", ""))
        return True
    return False


def _owner_label_start(text: str) -> int:
    """The earliest offset where ``_OWNER_LABEL`` can match, so that searching from it gives the same match.

    The ``owner: x`` form holds no bracket, so it starts after the text's last bracket; the ``(owner: x)``
    form is the last bracket pair (an opener, then a closer followed only by whitespace). Both may be preceded
    by whitespace. Searching from offset 0 instead re-scanned a line such as ``owner: a owner: a … (`` from
    every ``owner:`` (quadratic).
    """
    last = max(text.rfind(c) for c in "()[]")
    start = last + 1
    if last >= 0 and text[last] in ")]" and not text[last + 1 :].strip():
        previous = max(text.rfind(c, 0, last) for c in "()[]")
        if previous >= 0 and text[previous] in "([":
            start = previous
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _trail_word_status(buf: _Buffer, tokens: Tokens) -> bool:
    match = _TRAIL_WORD_STATUS.search(buf.text)
    if match is None or match.start() == 0:
        return False
    word = match.group("bang") or match.group("w") or match.group("bare")
    buf.drop([(match.start(), len(buf.text))])
    _set_status(tokens, _WORD_STATUS[word.lower()], match.group(0).strip())
    return True


def _trail_misc(buf: _Buffer, tokens: Tokens) -> bool:
    changed = False
    match = _ANY_PRIORITY.search(buf.text)
    if match is not None and match.end() == len(buf.text) and match.start() > 0:
        buf.drop([match.span()])
        tokens.priority = tokens.priority or match.group("p").upper()
        changed = True
    if buf.drop_first(_JOYSTREAM) is not None:
        changed = True
    for pattern in (_TERMINATORS, _TRAIL_JUNK):
        match = pattern.search(buf.text)
        if match is not None and match.start() > 0:
            buf.drop([match.span()])
            changed = True
    return changed


def _star(buf: _Buffer, tokens: Tokens) -> bool:
    if not _STAR.search(buf.text):
        return False
    buf.drop_matches(_STAR)
    tokens.star = True
    return True


def _anywhere(buf: _Buffer, tokens: Tokens) -> None:
    """Tokens that may sit mid-sentence: ``[p1]`` and status emoji (a mid-sentence ``@name`` is content)."""
    for m in buf.drop_matches(_ANY_PRIORITY):
        tokens.priority = tokens.priority or m.group("p").upper()
    for m in buf.drop_matches(_ANY_EMOJI):
        _set_status(tokens, _EMOJI_STATUS[m.group("e")], m.group("e"))


def _resolve_strike(buf: _Buffer, tokens: Tokens, struck: set[int]) -> None:
    """All of the text struck out: a dropped KR. Only part of it: the author deleted those words."""
    if not struck:
        return
    visible = [i for i, ch in enumerate(buf.text) if not ch.isspace()]
    struck_here = [i for i in visible if buf.offsets[i] in struck]
    if visible and len(struck_here) == len(visible):
        tokens.dropped = True
    else:
        buf.drop([(i, i + 1) for i, off in enumerate(buf.offsets) if off in struck])


def _strip_edges(buf: _Buffer) -> None:
    """Whitespace, dangling separators and trailing ``.``/``;``/``；`` terminators."""
    for _ in range(4):
        before = buf.text
        buf.collapse_whitespace()
        match = _LEAD_JUNK.search(buf.text)
        if match is not None and match.end() < len(buf.text):
            buf.drop([match.span()])
        for pattern in (_TERMINATORS, _TRAIL_JUNK):
            match = pattern.search(buf.text)
            if match is not None and match.start() > 0:
                buf.drop([match.span()])
        buf.collapse_whitespace()
        if buf.text == before:
            return


def _set_status(tokens: Tokens, status: str, raw: str) -> None:
    if tokens.status is None:
        tokens.status, tokens.status_raw = status, raw


def _add_owner(tokens: Tokens, who: str) -> None:
    who = who.strip()
    if not who:
        return
    tokens.owner = who if tokens.owner is None else f"{tokens.owner}, {who}"
