"""YAML and JSON parsed into one positioned tree, so the structured reader is written once.

Every node knows its source range; a string scalar also knows whether its text can be mapped onto the file
character by character (no escapes), which decides whether its statement is exact or approximate.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from json.decoder import scanstring
from json.scanner import NUMBER_RE
from typing import Any, Literal

import yaml
from yaml.constructor import ConstructorError
from yaml.reader import Reader as ReaderReader
from yaml.reader import ReaderError

from okrlint.readers.errors import ReadError

MAX_NODES = 100_000  # a YAML "billion laughs" expands far past this; real OKR files stay in the hundreds
# libyaml's composer recurses in C: about 30,000 nested collections ("- - - … a", 60 KB) crash the whole
# process (SIGSEGV). Deeper than this is refused before composing. The limit sits well below any parser's own
# (libyaml 0.2.6 stops at 1,000 levels in words of its own), so the user always gets okrlint's message; real OKR
# files nest a handful of levels.
MAX_YAML_DEPTH = 256
_WS = re.compile(r"\s+")
_FLOW_SIGNIFICANT = re.compile(r"[\[\]{}\"'#]")
_DOUBLE_QUOTED_END = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE_QUOTED_END = re.compile(r"(?:[^']|'')*'")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAFE_COLLECTION_TAGS = frozenset(
    {
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:omap",
        "tag:yaml.org,2002:pairs",
        "tag:yaml.org,2002:set",
        "tag:yaml.org,2002:seq",
    }
)


@dataclass
class Node:
    kind: Literal["map", "seq", "scalar"]
    start: int
    end: int
    value: Any = None
    items: list[Node] = field(default_factory=list)
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    exact: tuple[int, int] | None = None  # source range of a string scalar that maps 1:1 (modulo whitespace)

    @property
    def is_string(self) -> bool:
        return self.kind == "scalar" and isinstance(self.value, str)

    def to_python(self) -> Any:
        if self.kind == "map":
            return {str(k.to_python()): v.to_python() for k, v in self.pairs}
        if self.kind == "seq":
            return [item.to_python() for item in self.items]
        return self.value


def _same_modulo_whitespace(raw: str, value: str) -> bool:
    return _WS.sub(" ", raw).strip() == _WS.sub(" ", value).strip()


# --- YAML ------------------------------------------------------------------------------------------------
def yaml_documents(text: str, path: str, base: int = 0, full_text: str | None = None) -> list[Node]:
    """Every document of a YAML stream. ``base``/``full_text`` place errors when ``text`` is a slice."""
    where = full_text if full_text is not None else text
    if text.startswith("\ufeff"):
        # libyaml drops a BOM without counting it in its marks; parse after it so both loaders agree.
        return yaml_documents(text[1:], path, base + 1, where)
    docs: list[Node] = []
    loader: Any = None
    try:
        _refuse_deep_nesting(text, path, base, where)
        loader = _loader_class(text)(text)  # its reader rejects unprintable characters right here
        while loader.check_node():
            composed = loader.get_node()
            if composed is not None:
                exploding = _first_oversized(composed, MAX_NODES)
                if exploding is not None:
                    message = f"too many aliases or nodes (more than {MAX_NODES})"
                    raise ReadError.at_offset(message, path, where, base + exploding.start_mark.index)
                docs.append(_YamlConverter(loader, text, path, base, where).convert(composed))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = base + (mark.index if mark is not None else 0)
        message = f"YAML syntax error: {exc.problem or exc.context or 'cannot parse'}"
        raise ReadError.at_offset(message, path, where, offset) from None
    except ReaderError:
        bad = ReaderReader.NON_PRINTABLE.search(text)  # libyaml reports bytes, so find the character here
        offset = bad.start() if bad else 0
        raise ReadError.at_offset(
            f"YAML cannot contain character {text[offset : offset + 1]!r}", path, where, base + offset
        ) from None
    except yaml.YAMLError as exc:
        raise ReadError(path, message=f"YAML error: {exc}") from None
    except RecursionError:
        raise ReadError(path, message="YAML is nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
    return docs


def _refuse_deep_nesting(text: str, path: str, base: int, where: str) -> None:
    """A ReadError when collections nest deeper than ``MAX_YAML_DEPTH``, found from the parser's event stream
    (the parser keeps its own stack; only composing recurses)."""
    if sum(text.count(c) for c in "[{-?:") <= MAX_YAML_DEPTH:
        return  # every nested collection needs one of these characters, so this text cannot be that deep
    too_deep = _flow_too_deep(text)
    if too_deep is not None:
        message = f"YAML is nested too deeply (more than {MAX_YAML_DEPTH} levels)"
        raise ReadError.at_offset(message, path, where, base + too_deep)
    depth = 0
    events: Any = _loader_class(text)(text)
    try:
        while events.check_event():
            event = events.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    message = f"YAML is nested too deeply (more than {MAX_YAML_DEPTH} levels)"
                    raise ReadError.at_offset(message, path, where, base + event.start_mark.index)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        events.dispose()


def _flow_too_deep(text: str) -> int | None:
    """The offset where ``[``/``{`` brackets first nest deeper than ``MAX_YAML_DEPTH``, or None.

    libyaml's scanner reads a flow collection to its end before the parser yields a single event, so deep
    brackets must be caught from the text itself. Quoted scalars and comments are skipped; an unbalanced
    bracket elsewhere only makes this count high, which a real OKR file never comes near."""
    depth = 0
    quote_end = -1
    for match in _FLOW_SIGNIFICANT.finditer(text):
        index = match.start()
        if index < quote_end:
            continue  # inside a quoted scalar or a comment
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return index
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif index == 0 or text[index - 1] in " \t\r\n[{,:":
            quote_end = _skip_quoted_or_comment(text, index)
    return None


def _skip_quoted_or_comment(text: str, index: int) -> int:
    """Where the quoted scalar or comment opening at ``index`` ends (past its closing character)."""
    char = text[index]
    if char == "#":
        newline = text.find("\n", index)
        return len(text) if newline < 0 else newline
    closing = _DOUBLE_QUOTED_END if char == '"' else _SINGLE_QUOTED_END
    found = closing.search(text, index + 1)
    return len(text) if found is None else found.end()


def _yaml_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _first_oversized(root: yaml.Node, limit: int) -> yaml.Node | None:
    """The first node (in document order of completion) that expands to more than ``limit`` nodes once its
    aliases are followed, or None.

    Sizes are summed over the composed graph, where an alias is the anchored node itself, so each distinct
    node is visited once: a "billion laughs" document is refused in microseconds instead of after converting
    ``limit`` nodes. The converter still counts, as a backstop (merge keys add pairs when flattened).
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            size = 1 + sum(sizes.get(id(child), 0) for child in _yaml_children(node))
            if size > limit:
                return node
            sizes[key] = size
        elif key not in sizes and key not in on_path:  # a recursive alias is left to the converter
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_yaml_children(node)))
    return None


def _loader_class(text: str) -> type[yaml.SafeLoader]:
    """libyaml when installed (its marks are code points too, checked in tests); the pure-Python loader for
    text libyaml cannot encode (lone surrogates), which it then reports as a YAML error."""
    if getattr(yaml, "__with_libyaml__", False) and not _SURROGATE.search(text):
        return yaml.CSafeLoader  # type: ignore[return-value]
    return yaml.SafeLoader


class _YamlConverter:
    def __init__(self, loader: Any, text: str, path: str, base: int, where: str) -> None:
        self.loader = loader
        self.text = text
        self.path = path
        self.base = base
        self.where = where
        self.count = 0
        self.active: set[int] = set()

    def fail(self, message: str, node: yaml.Node) -> ReadError:
        return ReadError.at_offset(message, self.path, self.where, self.base + node.start_mark.index)

    def convert(self, node: yaml.Node) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(f"too many aliases or nodes (more than {MAX_NODES})", node)
        if id(node) in self.active:
            raise self.fail("recursive YAML alias", node)
        start, end = self.base + node.start_mark.index, self.base + node.end_mark.index
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, start, end)
        if node.tag not in _SAFE_COLLECTION_TAGS:
            raise self.fail(f"unsupported YAML tag {node.tag}", node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Node("seq", start, end, items=[self.convert(n) for n in node.value])
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys
            pairs = [(self.convert(k), self.convert(v)) for k, v in node.value]
            return Node("map", start, end, pairs=pairs)
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: yaml.ScalarNode, start: int, end: int) -> Node:
        try:
            value = self.loader.construct_object(node, deep=True)
        except ConstructorError as exc:
            raise self.fail(f"unsupported YAML value: {exc.problem}", node) from None
        except (ValueError, OverflowError):
            value = node.value  # e.g. "2024-13-45" looks like a date but is not one: keep the text
        result = Node("scalar", start, end, value=value)
        if isinstance(value, str):
            result.exact = self._exact_range(node, value)
        return result

    def _exact_range(self, node: yaml.ScalarNode, value: str) -> tuple[int, int] | None:
        lo, hi = node.start_mark.index, node.end_mark.index
        if node.style in ("'", '"'):
            lo, hi = lo + 1, hi - 1
        elif node.style in ("|", ">"):
            newline = self.text.find("\n", lo, hi)
            if newline < 0:
                return None
            lo = newline + 1
        if lo > hi or not _same_modulo_whitespace(self.text[lo:hi], value):
            return None
        return self.base + lo, self.base + hi


# --- JSON ------------------------------------------------------------------------------------------------
_JSON_WS = " \t\n\r"


def json_document(text: str, path: str) -> Node:
    """Validate with ``json.loads`` (its errors become ReadErrors), then rebuild with positions."""
    start = 1 if text.startswith("\ufeff") else 0
    try:
        json.loads(text[start:])
    except json.JSONDecodeError as exc:
        raise ReadError.at_offset(f"JSON syntax error: {exc.msg}", path, text, start + exc.pos) from None
    except RecursionError:
        raise ReadError(path, message="JSON is nested too deeply") from None
    except ValueError:
        # Not a JSONDecodeError: Python refuses to convert integers of more than 4,300 digits (CVE-2020-10735).
        limit = sys.get_int_max_str_digits()
        digits = re.search(rf"\d{{{limit + 1},}}", text)
        offset = digits.start() if digits else 0
        message = f"JSON number is too long to read (more than {limit} digits)"
        raise ReadError.at_offset(message, path, text, offset) from None
    parser = _JsonParser(text, path)
    try:
        node, _ = parser.value(parser.skip(start))
    except RecursionError:
        raise ReadError(path, message="JSON is nested too deeply") from None
    return node


class _JsonParser:
    """A positional twin of ``json.loads``; only ever run on text ``json.loads`` accepted."""

    def __init__(self, text: str, path: str = "<stdin>") -> None:
        self.text = text
        self.path = path

    def skip(self, i: int) -> int:
        while i < len(self.text) and self.text[i] in _JSON_WS:
            i += 1
        return i

    def value(self, i: int) -> tuple[Node, int]:
        ch = self.text[i]
        if ch == "{":
            return self._object(i)
        if ch == "[":
            return self._array(i)
        if ch == '"':
            value, end = scanstring(self.text, i + 1)
            if _SURROGATE.search(value):
                # "\ud800" alone decodes to half a character: spaCy and every output encoder reject it.
                message = "JSON string holds an unpaired surrogate escape (not valid Unicode text)"
                raise ReadError.at_offset(message, self.path, self.text, i)
            node = Node("scalar", i, end, value=value)
            if self.text[i + 1 : end - 1] == value:
                node.exact = (i + 1, end - 1)
            return node, end
        for literal, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(literal, i):
                return Node("scalar", i, i + len(literal), value=value), i + len(literal)
        for literal, number in (
            ("NaN", float("nan")),
            ("Infinity", float("inf")),
            ("-Infinity", float("-inf")),
        ):
            if self.text.startswith(literal, i):
                return Node("scalar", i, i + len(literal), value=number), i + len(literal)
        match = NUMBER_RE.match(self.text, i)
        if match is None:  # unreachable after json.loads succeeded; kept so a parser drift is loud
            raise ReadError(self.path, message="JSON value expected")
        integer, fraction, exponent = match.groups()
        number: float | int = (
            float(integer + (fraction or "") + (exponent or "")) if fraction or exponent else int(integer)
        )
        return Node("scalar", i, match.end(), value=number), match.end()

    def _object(self, i: int) -> tuple[Node, int]:
        start = i
        pairs: list[tuple[Node, Node]] = []
        i = self.skip(i + 1)
        while self.text[i] != "}":
            key, i = self.value(i)
            i = self.skip(self.skip(i) + 1)  # the ":"
            val, i = self.value(i)
            pairs.append((key, val))
            i = self.skip(i)
            if self.text[i] == ",":
                i = self.skip(i + 1)
        return Node("map", start, i + 1, pairs=pairs), i + 1

    def _array(self, i: int) -> tuple[Node, int]:
        start = i
        items: list[Node] = []
        i = self.skip(i + 1)
        while self.text[i] != "]":
            item, i = self.value(i)
            items.append(item)
            i = self.skip(i)
            if self.text[i] == ",":
                i = self.skip(i + 1)
        return Node("seq", start, i + 1, items=items), i + 1
