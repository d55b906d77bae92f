"""YAML/JSON trees -> objective drafts: the canonical schema, the alias table and the shapes people use.

Shapes (section 4.2): ``{objectives: [...]}``, a bare list, a mapping keyed by slug, wrapper objects such as
``{bus: [{name, objectives}]}``; KRs as mappings or bare strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from okrlint.models import OkrDocument
from okrlint.readers import values as v
from okrlint.readers.assemble import DocumentMeta, KrDraft, ObjectiveDraft, Skip, build_document
from okrlint.readers.cleaning import Cleaned, clean_range, clean_value
from okrlint.readers.errors import ReadError
from okrlint.readers.periods import period_key, year_quarter
from okrlint.readers.tree import Node, json_document, yaml_documents


@dataclass(frozen=True)
class _Context:
    """Metadata inherited from enclosing mappings (a wrapper's team, a file's period)."""

    team: str | None = None
    period: str | None = None
    owner: str | None = None
    level: str | None = None
    skipped: list[Skip] | None = field(default=None, compare=False)  # where the reader notes what it left


def read_yaml(text: str, path: str) -> OkrDocument:
    return _read_trees(text, path, "yaml", yaml_documents(text, path))


def read_json(text: str, path: str) -> OkrDocument:
    if not text.lstrip("\ufeff \t\r\n"):
        return _read_trees(text, path, "json", [])  # an empty file has no OKRs; it is not malformed
    return _read_trees(text, path, "json", [json_document(text, path)])


class _WrongShape(Exception):
    """A value of the wrong kind where the schema is unambiguous; ``offset`` is where the value starts."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def _read_trees(text: str, path: str, fmt: str, roots: list[Node]) -> OkrDocument:
    meta = DocumentMeta()
    drafts: list[ObjectiveDraft] = []
    skipped: list[Skip] = []
    try:
        for root in roots:
            if root.kind == "map":
                _fill_meta(meta, root)
            ctx = _Context(
                team=meta.team, period=meta.period, owner=meta.owner, level=meta.level, skipped=skipped
            )
            drafts.extend(_objectives_in(text, root, ctx))
    except _WrongShape as wrong:
        raise ReadError.at_offset(wrong.message, path, text, wrong.offset) from None
    return build_document(path, fmt, text, meta, drafts, skipped)


def document_meta(root: Node) -> DocumentMeta:
    """Front matter or top-level keys -> document metadata."""
    meta = DocumentMeta()
    if root.kind == "map":
        _fill_meta(meta, root)
    return meta


def _fill_meta(meta: DocumentMeta, node: Node) -> None:
    fields = _fields(node)
    meta.period = meta.period or _period(fields)
    meta.team = meta.team or _text_of(fields, v.TEAM)
    meta.owner = meta.owner or _text_of(fields, v.OWNER)
    meta.level = meta.level or _text_of(fields, v.LEVEL)
    meta.parent = meta.parent or _parents(fields)


# --- finding the objectives ------------------------------------------------------------------------------
def _fields(node: Node) -> dict[str, tuple[Node, Node]]:
    """Normalised key -> (key node, value node); the first spelling of a key wins."""
    out: dict[str, tuple[Node, Node]] = {}
    for key, value in node.pairs:
        if key.kind == "scalar" and key.value is not None:
            out.setdefault(v.norm_key(key.value), (key, value))
    return out


def _has_any(fields: dict[str, tuple[Node, Node]], names: Iterable[str]) -> bool:
    return any(v.norm_key(n) in fields for n in names)


def _looks_like_objective(node: Node) -> bool:
    if node.kind != "map":
        return False
    fields = _fields(node)
    text_node = _first(fields, v.OBJECTIVE_TEXT)
    return (text_node is not None and text_node.is_string) or bool(v.KR_LIST & fields.keys())


def _objectives_in(text: str, root: Node, ctx: _Context) -> list[ObjectiveDraft]:
    """Explicit ``objectives:`` lists win; otherwise any list or slug mapping of objective-like items; failing
    both, OKR text packed into one string ("O1：…\nKR1：…")."""
    explicit = list(_explicit_lists(root, ctx, depth=0))
    if explicit:
        return [d for node, c in explicit for d in _objective_collection(text, node, c, explicit=True)]
    implicit = list(_implicit_lists(root, ctx, depth=0))
    if any(_is_typed_seq(node) for node, _ in implicit):
        # A document that types its nodes says which are objectives: its untyped lists are something else.
        implicit = [(node, c) for node, c in implicit if _is_typed_seq(node)]
    drafts = [d for node, c in implicit for d in _objective_collection(text, node, c, explicit=False)]
    return drafts or _packed_strings(root, ctx)


# --- a tree of typed nodes ({"type": "objective", "children": [{"type": "kr"}, …]}) ------------------------
def _node_type(node: Node) -> str | None:
    """``objective``, ``key_result`` or ``other`` for a map with a type key; None without one."""
    if node.kind != "map":
        return None
    kind = _text_of(_fields(node), v.TYPE)
    if kind is None:
        return None
    norm = v.norm_key(kind)
    if norm in v.OBJECTIVE_TYPES:
        return "objective"
    if norm in v.KR_TYPES:
        return "key_result"
    return "other"


def _is_typed_seq(node: Node) -> bool:
    kinds = [_node_type(item) for item in node.items] if node.kind == "seq" else []
    return "objective" in kinds and sum(k is not None for k in kinds) * 2 > len(kinds)


def _typed_children(node: Node) -> list[tuple[Node, Node]]:
    """(key, list) pairs of a node whose lists hold typed nodes: its children, whatever the key is called."""
    return [
        (key, value)
        for key, value in node.pairs
        if value.kind == "seq" and any(_node_type(item) is not None for item in value.items)
    ]


def _typed_tree(text: str, node: Node, ctx: _Context) -> list[ObjectiveDraft]:
    """Objective nodes with their KR descendants; a KR outside any objective goes to the objective before it,
    as in a typed CSV, and says so in ``extra``. Other node types (KPIs, projects) are not statements."""
    drafts: list[ObjectiveDraft] = []

    def visit(items: list[Node], parent: ObjectiveDraft | None) -> None:
        for item in items:
            kind = _node_type(item)
            owner = parent
            if kind == "objective":
                owner = _objective(text, item, None, ctx)
                if owner is not None:
                    drafts.append(owner)
            elif kind == "key_result":
                kr = _key_result(text, item)
                target = parent or (drafts[-1] if drafts else None)
                if kr is not None and target is not None:
                    if parent is None:
                        kr.extra["outside_objective"] = True
                    target.key_results.append(kr)
            else:
                if ctx.skipped is not None:
                    name = _text_of(_fields(item), v.OBJECTIVE_TEXT) or ""
                    kind_name = _text_of(_fields(item), v.TYPE)
                    reason = f"a node of type {kind_name!r}, neither objective nor key result"
                    ctx.skipped.append(Skip(item.start, name, reason))
                continue
            for key, children in _typed_children(item):
                if owner is not None:
                    owner.extra.pop(str(key.value), None)
                visit(children.items, owner)

    visit(node.items, None)
    return drafts


# --- OKR text packed into one string ---------------------------------------------------------------------
def _packed_strings(root: Node, ctx: _Context) -> list[ObjectiveDraft]:
    """Strings holding several labelled lines, each an objective or a KR; the statements are approximate
    (a string with line breaks is escaped in JSON) and span the string."""
    drafts: list[ObjectiveDraft] = []
    stack = [root]
    while stack:
        node = stack.pop(0)
        stack[:0] = node.items + [value for _, value in node.pairs]
        if not node.is_string or "\n" not in node.value:
            continue
        lines = [clean_value(line, (node.start, node.end)) for line in node.value.splitlines()]
        if sum(line.tokens.label is not None for line in lines) < 2:
            continue
        current: ObjectiveDraft | None = None
        for line in lines:
            if line.tokens.label == "objective" and line.text:
                current = ObjectiveDraft(cleaned=line, team=ctx.team, period=ctx.period)
                drafts.append(current)
            elif line.tokens.label == "key_result" and line.text and current is not None:
                current.key_results.append(KrDraft(cleaned=line))
    return drafts


def _child_context(node: Node, ctx: _Context) -> _Context:
    fields = _fields(node)
    return replace(
        ctx,
        team=_text_of(fields, v.TEAM) or ctx.team,
        period=_period(fields) or ctx.period,
        level=_text_of(fields, v.LEVEL) or ctx.level,
    )


def _explicit_lists(node: Node, ctx: _Context, depth: int) -> Iterable[tuple[Node, _Context]]:
    if depth > 50:
        return
    if node.kind == "map":
        fields = _fields(node)
        inner = _child_context(node, ctx)
        found = next(
            (
                value
                for key, (_, value) in fields.items()
                if v.is_objectives_key(key) and value.kind in ("seq", "map")
            ),
            None,
        )
        if found is not None:
            if depth > 0 and inner.team is None:
                inner = replace(inner, team=_text_of(fields, ("name", "title")))
            yield found, inner
        # Other keys may hold more OKRs: a project's or a member's own ``OKR:`` beside the organisation's.
        for _, value in node.pairs:
            if value is not found:
                yield from _explicit_lists(value, inner, depth + 1)
    elif node.kind == "seq":
        for item in node.items:
            yield from _explicit_lists(item, ctx, depth + 1)


def _implicit_lists(node: Node, ctx: _Context, depth: int) -> Iterable[tuple[Node, _Context]]:
    if depth > 50:
        return
    if node.kind == "seq" and _is_typed_seq(node):
        yield node, ctx
        return
    if node.kind == "seq":
        maps = [i for i in node.items if i.kind == "map"]
        if maps and sum(_looks_like_objective(i) for i in maps) * 2 > len(maps):
            yield node, ctx
            return
        if depth == 0 and node.items and all(i.is_string for i in node.items):
            yield node, ctx  # a bare list of objective statements
            return
        for item in node.items:
            yield from _implicit_lists(item, ctx, depth + 1)
    elif node.kind == "map":
        fields = _fields(node)
        if depth == 0 and _looks_like_objective(node) and bool(v.KR_LIST & fields.keys()):
            yield Node("seq", node.start, node.end, items=[node]), ctx  # the file is one objective
            return
        values = [val for _, val in node.pairs if val.kind == "map"]
        if values and any(bool(v.KR_LIST & _fields(val).keys()) for val in values):
            yield node, _child_context(node, ctx)  # a mapping keyed by slug
            return
        inner = _child_context(node, ctx)
        for _, value in node.pairs:
            yield from _implicit_lists(value, inner, depth + 1)


def _objective_collection(text: str, node: Node, ctx: _Context, explicit: bool) -> list[ObjectiveDraft]:
    if _is_typed_seq(node):
        return _typed_tree(text, node, ctx)
    if node.kind == "map" and _looks_like_objective(node) and v.KR_LIST & _fields(node).keys():
        node = Node("seq", node.start, node.end, items=[node])  # {okr: {objective: …, key_results: […]}}
    out: list[ObjectiveDraft] = []
    if node.kind == "seq":
        for item in node.items:
            draft = _objective(text, item, None, ctx)
            if draft is not None:
                out.append(draft)
    elif node.kind == "map":
        for key, item in node.pairs:
            # In a slug mapping only mappings are objectives: "period: 2024-Q3" beside them is metadata.
            if item.kind != "map" and not explicit:
                continue
            draft = _objective(text, item, key, ctx)
            if draft is not None:
                out.append(draft)
    return out


# --- one objective, one key result -----------------------------------------------------------------------
def _objective(text: str, node: Node, slug: Node | None, ctx: _Context) -> ObjectiveDraft | None:
    if node.is_string:
        return ObjectiveDraft(
            cleaned=_statement(text, node), id=_slug(slug), team=ctx.team, period=ctx.period
        )
    if node.kind != "map":
        return None
    fields = _fields(node)
    text_node = _first(fields, v.OBJECTIVE_TEXT, strings_only=True)
    if text_node is None:
        # A slug names the objective ({grow-revenue: {krs: …}}), unless it is a period ({Q4: {}}).
        named = slug is not None and slug.is_string and not period_key(str(slug.value))
        text_node = slug if named else None
        if text_node is None:
            return None
    used = {v.norm_key(k) for k in v.OBJECTIVE_TEXT if _first(fields, (k,)) is text_node}
    # OKRs keyed by period ({Q4: {Objective: …}}): the key is the period, not an id.
    slug_period = period_key(_slug(slug) or "") if text_node is not slug else None
    draft = ObjectiveDraft(
        cleaned=_statement(text, text_node),
        id=_text_of(fields, v.ID) or (None if slug_period else _slug(slug)),
        owner=_text_of(fields, v.OWNER) or ctx.owner,
        team=_text_of(fields, v.TEAM) or ctx.team,
        period=_period(fields) or slug_period or ctx.period,
        level=_text_of(fields, v.LEVEL) or ctx.level,
        type=_text_of(fields, v.TYPE),
        parent=_parents(fields),
    )
    kr_node = _first(fields, v.KR_LIST)
    if kr_node is not None:
        if kr_node.is_string and str(kr_node.value).strip():
            key = next(key for key, value in fields.values() if value is kr_node)
            raise _WrongShape(f"expected a list under '{key.value}', found a string", kr_node.start)
        draft.key_results = _key_results(text, kr_node)
    known = used | v.KR_LIST | v.ID | v.OWNER | v.TEAM | v.PERIOD | v.YEAR | v.LEVEL | v.TYPE | v.PARENT
    draft.extra = _extra(node, known)
    return draft


def _key_results(text: str, node: Node) -> list[KrDraft]:
    out: list[KrDraft] = []
    if node.kind == "seq":
        entries: list[tuple[Node | None, Node]] = [(None, item) for item in node.items]
    elif node.kind == "map":
        entries = list(node.pairs)  # KRs keyed by id
    else:
        return out
    for key, item in entries:
        kr = _key_result(text, item)
        if kr is not None:
            kr.id = kr.id or _slug(key)
            out.append(kr)
    return out


def _key_result(text: str, node: Node) -> KrDraft | None:
    if node.is_string:
        return KrDraft(cleaned=_statement(text, node))
    if node.kind != "map":
        return None
    fields = _fields(node)
    names = fields.keys()
    # Section 4.2: with both a short ``name`` and a full ``description``, lint the description.
    order = v.KR_TEXT
    if "name" in names and "description" in names and not names & {"title", "statement", "kr"}:
        order = ("description", "name")
    text_node = _first(fields, order, strings_only=True)
    if text_node is None:
        return None
    used = {v.norm_key(k) for k in order if _first(fields, (k,)) is text_node}
    baseline, b_unit = v.to_number(_value(fields, v.BASELINE))
    target, t_unit = v.to_number(_value(fields, v.TARGET))
    current, c_unit = v.to_number(_value(fields, v.CURRENT))
    kr = KrDraft(
        cleaned=_statement(text, text_node),
        id=_text_of(fields, v.ID),
        owner=_text_of(fields, v.OWNER),
        priority=_text_of(fields, v.PRIORITY),
        status=_text_of(fields, v.STATUS),
        progress=v.to_fraction(_value(fields, v.PROGRESS)),
        confidence=v.to_fraction(_value(fields, v.CONFIDENCE)),
        baseline=baseline,
        target=target,
        current=current,
        unit=_text_of(fields, v.UNIT) or t_unit or b_unit or c_unit,
        due=_text_of(fields, v.DUE),
        initiatives=_strings(_value(fields, v.INITIATIVES)),
    )
    known = used | v.ID | v.OWNER | v.PRIORITY | v.STATUS | v.PROGRESS | v.CONFIDENCE | v.BASELINE
    known |= v.TARGET | v.CURRENT | v.UNIT | v.DUE | v.INITIATIVES
    kr.extra = _extra(node, known)
    raw = {
        name: v.plain(_value(fields, aliases))
        for name, aliases in (("baseline", v.BASELINE), ("target", v.TARGET), ("current", v.CURRENT))
        if isinstance(_value(fields, aliases), str)
    }
    raw |= {
        name: v.plain(_value(fields, aliases))
        for name, aliases, normalised in (
            ("progress", v.PROGRESS, kr.progress),
            ("confidence", v.CONFIDENCE, kr.confidence),
        )
        if _value(fields, aliases) is not None and _value(fields, aliases) != normalised
    }
    if raw:
        kr.extra["raw"] = raw
    return kr


# --- small helpers ---------------------------------------------------------------------------------------
def _statement(text: str, node: Node) -> Cleaned:
    """Exact when the scalar maps onto the file; otherwise approximate over the node's range."""
    if node.exact is not None:
        return clean_range(text, *node.exact)  # the tree checked it equals the value modulo whitespace
    return clean_value(str(node.value), (node.start, node.end))


def _first(
    fields: dict[str, tuple[Node, Node]], names: Iterable[str], *, strings_only: bool = False
) -> Node | None:
    for name in names:
        pair = fields.get(v.norm_key(name))
        if pair is None:
            continue
        node = pair[1]
        if strings_only and not (node.is_string and str(node.value).strip()):
            continue
        return node
    return None


def _value(fields: dict[str, tuple[Node, Node]], names: Iterable[str]) -> Any:
    node = _first(fields, names)
    return node.to_python() if node is not None else None


def _text_of(fields: dict[str, tuple[Node, Node]], names: Iterable[str]) -> str | None:
    return v.as_text(_value(fields, names))


def _period(fields: dict[str, tuple[Node, Node]]) -> str | None:
    period = _value(fields, v.PERIOD)
    year = _value(fields, v.YEAR)
    if year is not None and period is not None:
        combined = year_quarter(year, period)
        if combined:
            return combined
    return v.as_text(period)


def _parents(fields: dict[str, tuple[Node, Node]]) -> list[str]:
    value = _value(fields, v.PARENT)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [text for text in (v.as_text(i) for i in items if not isinstance(i, dict)) if text]


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [text for text in (v.as_text(i) for i in items if not isinstance(i, dict)) if text]


def _slug(node: Node | None) -> str | None:
    return v.as_text(node.value) if node is not None and node.kind == "scalar" else None


def _extra(node: Node, known: set[str] | frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.pairs:
        if key.kind != "scalar" or key.value is None:
            continue
        if v.norm_key(key.value) not in known:
            out.setdefault(str(key.value), v.plain(value.to_python()))
    return out
