"""Markdown OKR documents (section 4.3): heading objectives (A), list/paragraph objectives (B), tables (C).

markdown-it gives the block structure and each block's line range; the text itself is always taken from the
source through ``md_source`` so that every statement keeps exact file offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

from okrlint.models import OkrDocument
from okrlint.readers.assemble import DocumentMeta, KrDraft, ObjectiveDraft, Skip, build_document
from okrlint.readers.cleaning import Cleaned, clean_range
from okrlint.readers.md_html import html_table_rows
from okrlint.readers.md_person import reshape
from okrlint.readers.md_source import (
    SourceLines,
    heading_range,
    is_wholly_bold,
    is_wholly_emphasis,
    paragraph_range,
)
from okrlint.readers.md_tables import cites_objectives, read_rows, read_table, table_columns
from okrlint.readers.periods import find_period, period_key, strip_period
from okrlint.readers.structured import document_meta
from okrlint.readers.tree import yaml_documents
from okrlint.readers.values import OWNER as OWNER_KEYS

_OKR_WORDS = re.compile(r"\bOKRs?\b|\bObjectives?\s*(?:and|&)\s*Key\s*Results\b", re.IGNORECASE)
_GOALS = re.compile(r"\bgoals\b", re.IGNORECASE)
_TITLE_TEAM = re.compile(
    r"^(?P<team>.*?)\s*(?:OKRs?|Objectives?\s*(?:and|&)\s*Key\s*Results|Goals)\b", re.IGNORECASE
)
_KR_SECTION_REST = re.compile(r"^\(?KRs?\)?\s*[:：]?$", re.IGNORECASE)
_INITIATIVE_SECTION = r"initiatives?|projects?|tasks|action items|next steps|milestones|deliverables"
_OTHER_SECTION = re.compile(
    rf"^(?:{_INITIATIVE_SECTION}|notes?|tracking|alternatives?|risks?|dependencies|background|context|"
    r"summary|resources|links|references|(?:table of )?contents|toc|kpis?|metrics|scoring|scores?|"
    r"retrospective|retro|lessons learned|learnings|status|updates?|appendix|faq|owners?|team|members|"
    r"timeline|mission|vision|strategy|themes?|focus areas?|non[- ]goals|out of scope|archive|history|"
    r"changelog|installation|usage|license|contributing|progress|results summary)\s*[:：]?$",
    re.IGNORECASE,
)
# A list whose every line is a link to an anchor of the same page ("- [Goals](#goals)").
_TOC_LINE = re.compile(r"^(?:[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[[^\]\n]+\]\(#[^)\s]*\)[ \t]*(?:\r?\n|$))+\Z")
# Sections that explain OKRs rather than set them: worked examples, definitions, references, how-tos.
_ASIDE_SECTION = re.compile(
    r"^(?:(?:worked|good|bad|poor)\s+)?examples?\b|^(?:key\s+)?(?:concepts|definitions?|terms|terminology)\b|"
    r"^glossary\b|^(?:external\s+)?references\b|^how\s+to\b",
    re.IGNORECASE,
)
# Sections of advice on the method (rules, principles, tips, pitfalls), named alone, about OKRs or goals ("Tips
# for writing OKRs", "Principles of good OKRs", "Mistakes to avoid"): never OKRs, even in a file with none of
# its own. A goal that only starts with such a word ("Rules engine in production", "Guidelines for the support
# team") is still read, and so is such a heading inside an objective, whose key results may follow it.
_GUIDANCE_SECTION = re.compile(
    r"^(?:(?:ground|house)\s+rules|rules|(?:guiding\s+)?principles|guidelines|best\s+practices|tips|"
    r"dos\s+and\s+don'?ts|(?:common\s+)?(?:pitfalls|mistakes)|anti-?patterns)"
    r"(?:\s+(?:for|when)\s+(?:writing|setting|drafting|creating|defining|scoring|using|reviewing)\b.*|"
    r"\s+(?:for|of|on)\s+(?:good\s+|great\s+|better\s+|effective\s+)?(?:okrs?|objectives|key\s+results|goals|"
    r"goal[- ]setting)\b.*|\s+to\s+avoid)?\s*[:：]?$",
    re.IGNORECASE,
)
# "Initiative-1: …", "Initiative: …" among an objective's items: work planned, never a key result.
_INITIATIVE_ITEM = re.compile(r"^initiatives?[\s\-#]*\d*(?:\.\d+)*\s*[:：\-–—]\s*", re.IGNORECASE)
_INITIATIVES = re.compile(rf"^(?:{_INITIATIVE_SECTION})\s*[:：]?$", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary[^>]*>(?P<text>.*?)</summary>", re.DOTALL | re.IGNORECASE)
_TABLE_OPEN = re.compile(r"^\s*<table\b", re.IGNORECASE)
# A bracket of key results closing an objective's sentence: "… (KR: a; b)." / "… (KRs: a; b)".
_INLINE_KRS = re.compile(
    r"\s*[(（]\s*(?:KRs?|Key\s+Results?)\s*[:：]\s*(?P<body>[^()（）]+?)\s*[)）]\s*[.。]?\s*$", re.IGNORECASE
)
# A line opening with a bold field name and a colon: "**DRI**: Core team", "**KPI:** velocity".
_FIELD_LINE = re.compile(
    r"^\s*(?:\*\*|__)(?P<name>[^*_\n:：]{1,30}?)\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*"
)
# A list item naming a field of the KR above it rather than a KR: "Measure: …", "Target: ≥ 95%".
_KR_FIELD_ITEM = re.compile(
    r"^(?:measure[sd]?(?:\s+by)?|measurement|metrics?|targets?|baseline|how\s+(?:we\s+)?measure[d]?|"
    r"tracking(?:\s+support)?|data\s+source)\s*[:：]",
    re.IGNORECASE,
)
# An item defining another word of the method: "Initiative: an action…", "使命：…".
_TERM_ITEM = re.compile(
    r"^\W{0,4}(?i:missions?|visions?|strateg(?:y|ies)|initiatives?|tasks?|kpis?|okrs?|outputs?|outcomes?|"
    r"使命|愿景|战略|任务|举措|願景|戰略|任務)\W{0,4}\s*[:：]"
)
# A line of prose, a lead-in or a definition rather than a plain objective line: it ends a sentence or
# introduces what follows, links somewhere, or opens with "Term:".
_PROSE_LINE = re.compile(r"[.:：;。]\W*$|\]\(|https?://|^\W*[\w ]{1,25}[:：]")
_PLAIN_OBJECTIVE_WORDS = 16  # longer than 98% of the objectives read from realworld-dev (longest 22)
_GROUP_LABEL_WORDS = 5  # a colon-ended item this short names a group of KRs; a longer one is a statement
_KR_SEPARATOR = re.compile(r"[;；]")
_LABELLED_LINE = re.compile(r"^\W{0,4}(?:O\d+|objective|KR\s*\d*|key\s*results?)\s*\d*\s*[:：\-–—]", re.I)
_LISTS = ("bullet_list", "ordered_list")
_OBJECTIVE_HINT = re.compile(r"(?i:objective)|\bO\d|目标|目標|목표")
_LINE_PREFIX = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
    return md.disable("inline")  # only block structure is used: statement text comes from the source


@dataclass(frozen=True, slots=True)
class ReadingFacts:
    """What reading a Markdown text decided from the text as a whole: a part of the file must be read under the
    same decisions for its objectives to be those of the whole file (see ``md_parts``)."""

    labelled: bool  # an objective label somewhere: unlabelled headings are sections, not objectives
    okr_region: bool  # only sections under "OKRs" headings were read
    asides_skipped: bool  # examples and definitions were skipped (the text has OKRs of its own)
    paragraph_objectives: bool  # objectives are written as plain lines over their key-result lists


def read_markdown(text: str, path: str) -> OkrDocument:
    return read_markdown_with_facts(text, path)[0]


def read_markdown_with_facts(text: str, path: str) -> tuple[OkrDocument, ReadingFacts]:
    """The document, and the decisions its reading took from the whole text."""
    # A BOM would hide a first-line heading from the parser; a space keeps every offset where it was.
    structure = " " + text[1:] if text.startswith("\ufeff") else text
    lines = SourceLines(structure)
    tokens = _parser().parse(structure)
    shapes = reshape([lines.text(k) for k in range(lines.count)], tokens)
    if shapes:
        lines = SourceLines(structure, shapes)
        tokens = _parser().parse(_reshaped(structure, lines, shapes))
    blocks = list(SyntaxTreeNode(tokens).children)
    walker = _Walker(text, lines, path, skip_asides=True)
    walker.read(blocks)
    if not walker.drafts:
        # Worked examples and definitions are skipped only when the document has OKRs of its own.
        walker = _Walker(text, lines, path, skip_asides=False)
        walker.read(blocks)
    facts = ReadingFacts(
        walker.labelled, walker.in_okr_region, walker.skip_asides, walker.paragraph_objectives
    )
    return walker.document(), facts


def _reshaped(structure: str, lines: SourceLines, shapes: dict[int, str]) -> str:
    """The text with the reshaped lines put in place; every line break stays where it was."""
    parts: list[str] = []
    cursor = 0
    for k in sorted(shapes):
        parts.append(structure[cursor : lines.start(k)])
        parts.append(shapes[k])
        cursor = lines.end(k)
    parts.append(structure[cursor:])
    return "".join(parts)


def _okr_region(walker: _Walker, blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """Only the sections under "OKRs"/"Objectives and Key Results" headings, when the file has any."""
    keep: set[int] = set()
    for i, block in enumerate(blocks):
        if block.type != "heading" or not _is_okr_heading(walker.clean_heading(block).text):
            continue
        level = _level(block)
        j = i + 1
        while j < len(blocks):
            other = blocks[j]
            if other.type == "heading" and _level(other) <= level:
                cleaned = walker.clean_heading(other)
                if cleaned.tokens.label != "objective":
                    break
            j += 1
        keep.update(range(i, j))
    if not keep:
        return blocks
    # A heading labelled "Objective: …" is an OKR wherever it sits (a retrospective's scored quarter, say).
    for i, block in enumerate(blocks):
        if i in keep or block.type != "heading":
            continue
        cleaned = walker.clean_heading(block)
        if cleaned.tokens.label == "objective" and cleaned.text:
            keep.update(range(i, _section_end(blocks, i)))
    return [b for i, b in enumerate(blocks) if i in keep]


def _level(node: SyntaxTreeNode) -> int:
    return int(node.tag[1:]) if node.tag[1:].isdigit() else 1


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—:：|/,()\[\]]+", text) if w]


def _is_okr_heading(text: str) -> bool:
    if _OKR_WORDS.search(text):
        return True
    return bool(_GOALS.search(text)) and len(_words(strip_period(text))) <= 2


def _is_context_heading(text: str) -> bool:
    """A title or period heading ("Marketing OKRs Q3 2024", "## 2024 Q3"): context, never an objective."""
    if _is_okr_heading(text):
        return True
    if period_key(text) is not None:
        return True  # "## 2020", "### FY24": a period alone
    return find_period(text) is not None and len(_words(strip_period(text))) <= 2


def _is_kr_section(cleaned: Cleaned) -> bool:
    """ "Key Results", "KRs:", "Key results (KRs)": names the KR list of the objective above."""
    return cleaned.tokens.label == "key_result" and (
        not cleaned.text or bool(_KR_SECTION_REST.match(cleaned.text))
    )


class _Walker:
    def __init__(self, source: str, lines: SourceLines, path: str, *, skip_asides: bool) -> None:
        self.source = source
        self.lines = lines
        self.path = path
        self.skip_asides = skip_asides
        self.labelled = False  # the document labels its objectives ("Objective 1: …", "**Objective:**")
        self.meta = DocumentMeta()
        self.drafts: list[ObjectiveDraft] = []
        self.skipped: list[Skip] = []
        self.current: ObjectiveDraft | None = None
        self.obj_level: int | None = None  # heading level of the current objective, None if not a heading
        self.sink: str | None = None  # where a list goes: "kr", "objective_initiatives", "kr_initiatives"
        self.last_kr: KrDraft | None = None
        self.periods: list[tuple[int, str]] = []
        self.title_period: str | None = None
        self.title_line: int | None = None  # the title's period is the document's, not a section's
        self.pending_objective: int | None = None  # level of a bare "Objective" heading awaiting its text
        self.under_okr_heading = False  # the last heading names the OKRs ("## OKRs", "# Q3 Objectives")
        self.heading_level = 0  # level of the last heading, 0 before any
        self.in_context_section = False  # the last heading names a period or the OKRs ("### Q1 2020")
        self.paragraph_objectives = False  # the file writes objectives as plain lines over their KR lists
        # A paragraph objective and the level of the heading it sits under: a KR table further down in that
        # section, under sub-headings of its own ("### OKRs (Q2)"), still belongs to it.
        self.section_objective: tuple[ObjectiveDraft, int] | None = None
        self.in_okr_region = False  # only the sections under "OKRs" headings are read

    def read(self, blocks: list[SyntaxTreeNode]) -> None:
        self.front_matter(blocks)
        self.title(blocks)
        region = _okr_region(self, blocks)
        self.in_okr_region = region is not blocks
        self.labelled = self._labels_objectives(region)
        self.paragraph_objectives = not self.labelled and self._has_paragraph_objectives(region)
        self.walk(region)

    def _labels_objectives(self, blocks: list[SyntaxTreeNode]) -> bool:
        """True when a heading, paragraph or list item opens with an objective label: then an unlabelled
        heading or bold line is a section of the document, not an objective."""
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.type == "heading" and (self._is_aside(block) or self._is_guidance(block)):
                i = _section_end(blocks, i)  # "Objective: what we want" in a definitions section is no label
                continue
            i += 1
            first, stop = block.map or (0, 0)
            if block.type == "heading" and self.clean_heading(block).tokens.label == "objective":
                return True
            if block.type in ("paragraph", *_LISTS):
                for k in range(first, stop):
                    line = self.lines.text(k)
                    if _OBJECTIVE_HINT.search(line):
                        marker = _LINE_PREFIX.match(line)
                        start = self.lines.start(k) + (marker.end() if marker else 0)
                        if clean_range(self.source, start, self.lines.end(k)).tokens.label == "objective":
                            return True
        return False

    def _has_paragraph_objectives(self, blocks: list[SyntaxTreeNode]) -> bool:
        """True when, under a period or OKRs heading, a short plain line is followed by a list: the file
        writes each objective as a line of its own over the list of its KRs ("Make the stream good!\n- 12
        streams")."""
        in_context = False
        for n, block in enumerate(blocks):
            following = blocks[n + 1] if n + 1 < len(blocks) else None
            if block.type == "heading":
                in_context = _is_context_heading(self.clean_heading(block).text)
            elif (
                in_context
                and block.type == "paragraph"
                and following is not None
                and following.type in _LISTS
                and self._is_plain_objective_line(block)
                and not self._has_objective_items(following)
            ):
                return True
        return False

    def _is_plain_objective_line(self, node: SyntaxTreeNode) -> bool:
        """One short unlabelled line of plain text that is no sentence of prose, definition or lead-in."""
        first, stop = node.map or (0, 0)
        if stop - first != 1:
            return False
        cleaned, raw = self._paragraph(node, first_in_item=False)
        text = raw.strip()
        return (
            bool(cleaned.text)
            and cleaned.tokens.label is None
            and not is_wholly_bold(text)
            and not _PROSE_LINE.search(text)
            and len(cleaned.text.split()) <= _PLAIN_OBJECTIVE_WORDS
        )

    # --- document-level metadata ---------------------------------------------------------------------
    def front_matter(self, blocks: list[SyntaxTreeNode]) -> None:
        if not blocks or blocks[0].type != "front_matter" or not blocks[0].map:
            return
        first, stop = blocks[0].map
        start, end = self.lines.start(first + 1), self.lines.start(max(first + 1, stop - 1))
        docs = yaml_documents(self.source[start:end], self.path, base=start, full_text=self.source)
        if docs:
            self.meta = document_meta(docs[0])

    def title(self, blocks: list[SyntaxTreeNode]) -> None:
        """The first heading, when it is a title such as "Marketing OKRs Q3 2024", gives period and team."""
        heading = next((b for b in blocks if b.type == "heading"), None)
        if heading is None:
            return
        text = self.clean_heading(heading).text
        if not _is_context_heading(text):
            return
        self.title_period = find_period(text)
        self.title_line = heading.map[0] if heading.map else None
        match = _TITLE_TEAM.match(text)
        if match and self.meta.team is None:
            team = strip_period(match.group("team")).strip(" -–—:|,")
            if team and len(team.split()) <= 4:
                self.meta.team = " ".join(team.split())

    def document(self) -> OkrDocument:
        if self.meta.period is None:
            periods = {d.period for d in self.drafts}
            if self.title_period:
                self.meta.period = self.title_period
            elif len(periods) == 1:
                self.meta.period = periods.pop()
        return build_document(self.path, "markdown", self.source, self.meta, self.drafts, self.skipped)

    # --- cleaning helpers ----------------------------------------------------------------------------
    def clean_heading(self, node: SyntaxTreeNode) -> Cleaned:
        return clean_range(self.source, *heading_range(self.lines, node))

    def _paragraph(
        self, node: SyntaxTreeNode, first_in_item: bool, role: bool = False
    ) -> tuple[Cleaned, str]:
        start, end = paragraph_range(self.lines, node, first_in_item)
        raw = self.source[start:end]
        return clean_range(self.source, start, end, allow_role=role and is_wholly_bold(raw)), raw

    # --- the walk ------------------------------------------------------------------------------------
    def walk(self, blocks: list[SyntaxTreeNode]) -> None:
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.type == "heading" and self.skip_asides and self._is_aside(block):
                self._skip(
                    block, "an example, definition or how-to section; read only when a file has no other OKRs"
                )
                i = self._skip_section(blocks, i)
                continue
            if block.type == "heading" and self._is_guidance(block):
                self._skip(block, "advice on writing OKRs (rules, principles, tips), not OKRs")
                i = self._skip_section(blocks, i)
                continue
            run = self._bold_kr_run(blocks, i) if block.type == "paragraph" else 0
            if run:
                self._paragraph_with_bold_krs(blocks, i, run)
                i += run + 1
                continue
            if block.type == "heading":
                self._heading(block, blocks, i)
            elif block.type == "paragraph":
                self._top_paragraph(block, blocks[i + 1] if i + 1 < len(blocks) else None)
            elif block.type in _LISTS and _TOC_LINE.match(self._block_text(block)):
                # A table of contents: every item only links to a heading of this page.
                start = self.lines.start((block.map or (0, 0))[0])
                self.skipped.append(
                    Skip(start, "table of contents", "a list of links to this page's headings")
                )
            elif block.type in _LISTS and self._is_glossary(block):
                start = self.lines.start((block.map or (0, 0))[0])
                self.skipped.append(
                    Skip(start, "term definitions", "a list defining the words of the method")
                )
            elif block.type in _LISTS:
                self._top_list(block)
            elif block.type == "table":
                self._table(block)
            elif block.type == "html_block":
                i = self._html(block, blocks, i)
            # fences, code, blockquotes, rules and front matter carry no OKRs
            i += 1

    def _bold_kr_run(self, blocks: list[SyntaxTreeNode], i: int) -> int:
        """How many one-line wholly-bold paragraphs follow the paragraph ``blocks[i]`` as its key results
        ("Objective\n\n**KR one**\n\n**KR two**"); 0 when they do not (fewer than two, or the last one
        heads a list and so is an objective of its own)."""
        if self.labelled or self.obj_level is not None or self.pending_objective is not None:
            return 0
        cleaned, raw = self._paragraph(blocks[i], first_in_item=False)
        if not cleaned.text or cleaned.tokens.label is not None or "\n" in raw.strip():
            return 0
        j = i + 1
        while j < len(blocks) and blocks[j].type == "paragraph" and self._one_bold_line(blocks[j]):
            j += 1
        run = j - i - 1
        if j < len(blocks) and blocks[j].type in _LISTS and run:
            run -= 1
        return run if run >= 2 else 0

    def _one_bold_line(self, node: SyntaxTreeNode) -> bool:
        first, stop = node.map or (0, 0)
        return stop - first == 1 and is_wholly_bold(self.lines.text(first))

    def _paragraph_with_bold_krs(self, blocks: list[SyntaxTreeNode], i: int, run: int) -> None:
        cleaned, _ = self._paragraph(blocks[i], first_in_item=False)
        objective = self._new_objective(cleaned, None)
        for block in blocks[i + 1 : i + 1 + run]:
            kr, _ = self._paragraph(block, first_in_item=False)
            if kr.text:
                objective.key_results.append(KrDraft(cleaned=kr))
        self.sink = None

    def _skip(self, heading: SyntaxTreeNode, reason: str) -> None:
        start, _ = heading_range(self.lines, heading)
        self.skipped.append(Skip(start, self.clean_heading(heading).text, reason))

    def _is_aside(self, node: SyntaxTreeNode) -> bool:
        return self._names_section(node, _ASIDE_SECTION)

    def _is_guidance(self, node: SyntaxTreeNode) -> bool:
        return self._names_section(node, _GUIDANCE_SECTION)

    def _names_section(self, node: SyntaxTreeNode, names: re.Pattern[str]) -> bool:
        """An unlabelled heading whose text is one of ``names``."""
        cleaned = self.clean_heading(node)
        return cleaned.tokens.label is None and bool(names.match(cleaned.text))

    def _within_objective(self, node: SyntaxTreeNode) -> bool:
        """The heading is a subsection of the objective being read."""
        level = _level(node)
        if self.current is not None and self.obj_level is not None:
            return level > self.obj_level
        return self.section_objective is not None and level > self.section_objective[1]

    def _skip_section(self, blocks: list[SyntaxTreeNode], i: int) -> int:
        """Skip a section; one inside the objective being read leaves that objective open, because its key
        results may follow ("### Examples" or "### Tips" before "### Key results")."""
        if not self._within_objective(blocks[i]):
            self.current, self.obj_level, self.sink, self.pending_objective = None, None, None, None
        return _section_end(blocks, i)

    def _new_objective(self, cleaned: Cleaned, level: int | None) -> ObjectiveDraft:
        draft = ObjectiveDraft(cleaned=cleaned, period=self.periods[-1][1] if self.periods else None)
        self.drafts.append(draft)
        self.current, self.obj_level, self.sink, self.last_kr = draft, level, "kr", None
        self.section_objective = (draft, self.heading_level) if level is None else None
        return draft

    def _heading(self, node: SyntaxTreeNode, blocks: list[SyntaxTreeNode], i: int) -> None:
        level = _level(node)
        self.heading_level = level
        if self.section_objective is not None and level <= self.section_objective[1]:
            self.section_objective = None
        cleaned = self.clean_heading(node)
        self.pending_objective = None
        self.under_okr_heading = cleaned.tokens.label is None and _is_okr_heading(cleaned.text)
        self.in_context_section = cleaned.tokens.label is None and _is_context_heading(cleaned.text)
        if _is_kr_section(cleaned):
            # "## Key Results" names the KR list of the objective above; it never ends that objective.
            self.sink = "kr" if self.current else None
            return
        if self.obj_level is not None and level <= self.obj_level:
            self.current, self.obj_level, self.sink = None, None, None
        while self.periods and self.periods[-1][0] >= level:
            self.periods.pop()
        period = find_period(cleaned.text)
        is_title = node.map is not None and node.map[0] == self.title_line
        if period and not is_title:
            self.periods.append((level, period))
        label = cleaned.tokens.label
        if _OTHER_SECTION.match(cleaned.text) and label is None:
            initiatives = bool(_INITIATIVES.match(cleaned.text)) and self.current is not None
            self.sink = "objective_initiatives" if initiatives else None
        elif label == "objective" and cleaned.text:
            self._new_objective(cleaned, level)
        elif label == "objective":
            # A bare "## Objective" heading: the statement is the paragraph below it.
            self.current, self.obj_level, self.sink = None, None, None
            self.pending_objective = level
        elif label == "key_result" and cleaned.text and self.current is not None:
            self.last_kr = KrDraft(cleaned=cleaned)
            self.current.key_results.append(self.last_kr)
            self.sink = "kr_initiatives"
        elif _is_context_heading(cleaned.text):
            self.current, self.obj_level, self.sink = None, None, None
        elif self._groups_krs(level):
            return  # "#### Reliability" under "### Key Results": a theme grouping the objective's KRs
        else:
            role = self._lookahead(blocks, i)
            if role == "objective" and self.labelled:
                role = "plain"  # a document that labels its objectives: this heading names a section
                self._skip(node, "an unlabelled heading in a file that labels its objectives")
            if role == "objective" and cleaned.text:
                self._new_objective(cleaned, level)
            elif role == "context":
                self.current, self.obj_level, self.sink = None, None, None
            else:
                self.sink = None

    def _groups_krs(self, level: int) -> bool:
        """An unlabelled heading below a labelled objective heading, inside its KR block, groups KRs."""
        return (
            self.labelled
            and self.current is not None
            and self.obj_level is not None
            and level > self.obj_level
            and self.sink == "kr"
        )

    def _lookahead(self, blocks: list[SyntaxTreeNode], i: int) -> str:
        """What a plain heading introduces: KRs ("objective"), objectives ("context") or neither."""
        found_list = False
        # Indexing, not ``blocks[i + 1 :]``: a slice per heading copied the rest of the file (quadratic).
        for j in range(i + 1, len(blocks)):
            block = blocks[j]
            if block.type == "heading":
                if not found_list and _is_kr_section(self.clean_heading(block)):
                    found_list = True
                break
            if block.type == "paragraph":
                cleaned, _ = self._paragraph(block, first_in_item=False)
                if cleaned.tokens.label == "objective" and cleaned.text:
                    return "context"
            elif block.type in _LISTS and _TOC_LINE.match(self._block_text(block)):
                return "context"  # the heading over a table of contents names no objective
            elif block.type in _LISTS:
                if self._has_objective_items(block):
                    return "context"
                found_list = True
            elif block.type == "table":
                columns = table_columns(self.source, self.lines, block)
                if "objective" in columns:
                    return "context"
                index = cites_objectives(self.source, self.lines, block)
                found_list = found_list or ("kr" in columns and not index)
            elif block.type == "html_block" and _SUMMARY.search(self._block_text(block)):
                found_list = True
        return "objective" if found_list else "plain"

    def _is_glossary(self, node: SyntaxTreeNode) -> bool:
        """ "- Objective: a goal to be achieved / - Key Results: measure progress / - Initiative: …": a flat
        list defining one objective, one key result and another term of the method (mission, initiative,
        task, KPI…) defines words; a real OKR list has several KRs and no such terms."""
        labels: list[str | None] = []
        terms = 0
        for item in node.children:
            para, sublists = _item_parts(item)
            if para is None or sublists:
                return False
            cleaned, raw = self._paragraph(para, first_in_item=True)
            labels.append(cleaned.tokens.label)
            term = _TERM_ITEM.match(raw)
            terms += bool(term and cleaned.tokens.label is None)
        return labels.count("objective") == 1 and labels.count("key_result") == 1 and terms >= 1

    def _has_objective_items(self, node: SyntaxTreeNode) -> bool:
        for item in node.children:
            para, sublists = _item_parts(item)
            if para is None:
                continue
            cleaned, raw = self._paragraph(para, first_in_item=True)
            if cleaned.tokens.label == "objective" and cleaned.text:
                return True
            if sublists and is_wholly_bold(raw) and cleaned.tokens.label is None:
                return True
        return False

    def _block_text(self, node: SyntaxTreeNode) -> str:
        first, stop = node.map or (0, 1)
        return self.source[self.lines.start(first) : self.lines.end(stop - 1)]

    # --- paragraphs ------------------------------------------------------------------------------------
    def _top_paragraph(self, node: SyntaxTreeNode, following: SyntaxTreeNode | None) -> None:
        first, stop = node.map or (0, 1)
        if self.paragraph_objectives and self.in_context_section and self._is_plain_objective_line(node):
            cleaned, _ = self._paragraph(node, first_in_item=False)
            self._new_objective(cleaned, None)  # the list below, if any, holds its KRs
            return
        if stop - first > 1 and all(_FIELD_LINE.match(self.lines.text(k)) for k in range(first + 1, stop)):
            head = clean_range(self.source, self.lines.start(first), self.lines.end(first))
            if head.tokens.label == "objective" and head.text:
                # "**Objective**: …\n**DRI**: …\n**KPI**: …": the lines under the statement are its fields.
                objective = self._new_objective(head, None)
                for k in range(first + 1, stop):
                    field = _FIELD_LINE.match(self.lines.text(k))
                    if (
                        field
                        and field.group("name").strip().lower() in OWNER_KEYS
                        and objective.owner is None
                    ):
                        base = self.lines.start(k)
                        owner = clean_range(self.source, base + field.end(), self.lines.end(k)).text
                        objective.owner = owner or None
                return
        labelled = [k for k in range(first, stop) if _LABELLED_LINE.match(self.lines.text(k))]
        if stop - first > 1 and len(labelled) >= 2:
            # "O1: …\nKR1: …\nKR2: …" written as one paragraph: each labelled line is its own statement, and
            # an unlabelled line after one is that statement wrapped onto a second line.
            starts = sorted({first, *labelled})
            for n, k in enumerate(starts):
                last = (starts[n + 1] if n + 1 < len(starts) else stop) - 1
                cleaned = clean_range(self.source, self.lines.start(k), self.lines.end(last))
                self._paragraph_unit(cleaned, self.lines.text(k), following=None)
            return
        cleaned, raw = self._paragraph(node, first_in_item=False)
        self._paragraph_unit(cleaned, raw, following)

    def _paragraph_unit(self, cleaned: Cleaned, raw: str, following: SyntaxTreeNode | None) -> None:
        label = cleaned.tokens.label
        if self.pending_objective is not None and label is None and cleaned.text:
            self._new_objective(cleaned, self.pending_objective)
            self.pending_objective = None
        elif label == "objective" and cleaned.text:
            self._new_objective(cleaned, None)
        elif _is_kr_section(cleaned):
            self.sink = "kr" if self.current else None
        elif label is None and _OTHER_SECTION.match(cleaned.text) and len(raw) < 60:
            initiatives = bool(_INITIATIVES.match(cleaned.text)) and self.current is not None
            self.sink = "objective_initiatives" if initiatives else None
        elif label == "key_result" and cleaned.text and self.current is not None:
            self.current.key_results.append(KrDraft(cleaned=cleaned))
            self.sink = "kr"
        elif (
            is_wholly_bold(raw)
            and not self.labelled
            and following is not None
            and following.type in _LISTS
            and cleaned.text
        ):
            if self.current is not None and self.obj_level is not None and self.sink == "kr":
                return  # a category label such as "**Robustness**" inside an objective's KR block
            self._new_objective(cleaned, None)

    # --- lists -----------------------------------------------------------------------------------------
    def _top_list(self, node: SyntaxTreeNode) -> None:
        if self.pending_objective is not None:
            self._pending_list(node, self.pending_objective)
        elif self.sink != "kr" and self._has_objective_items(node):
            self._objective_items(node)
        elif self.sink == "kr" and self.current is not None:
            self._kr_items(node, self.current)
        elif self.sink == "objective_initiatives" and self.current is not None:
            self.current.extra.setdefault("initiatives", []).extend(self._texts(node))
        elif self.sink == "kr_initiatives" and self.last_kr is not None:
            self.last_kr.initiatives.extend(self._texts(node))
        else:
            self._objective_items(node)

    def _pending_list(self, node: SyntaxTreeNode, level: int) -> None:
        """The list under a bare "## Objective" heading: each item is an objective, its sub-items KRs."""
        self.pending_objective = None
        for item in node.children:
            para, sublists = _item_parts(item)
            if para is None:
                continue
            cleaned, _ = self._paragraph(para, first_in_item=True)
            if cleaned.text:
                objective = self._new_objective(cleaned, level)
                for sub in sublists:
                    self._kr_items(sub, objective)

    def _objective_items(self, node: SyntaxTreeNode) -> None:
        """A list outside any objective: labelled or wholly-bold items with children are objectives."""
        created = False
        # Right under an "OKRs" heading, an unlabelled outline (every item with sub-items) is objectives
        # over their key results.
        outline = (
            self.under_okr_heading and not self.labelled and all(_item_parts(i)[1] for i in node.children)
        )
        for item in node.children:
            para, sublists = _item_parts(item)
            if para is None:
                continue
            cleaned, raw = self._paragraph(para, first_in_item=True, role=True)
            label = cleaned.tokens.label
            units = (self._kr_lines(para) or self._inline_krs(para)) if label == "objective" else []
            if units:
                # "- **O1: …**  \n  **KR1.1** …  \n  **KR1.2** …": one item, its KRs on lines of their own.
                objective = self._new_objective(units[0], None)
                created = True
                for kr in units[1:]:
                    self._add_kr(objective, kr, [])
                for sub in sublists:
                    self._kr_items(sub, objective)
            elif (label == "objective" and cleaned.text) or (
                label is None
                and cleaned.text
                and sublists
                and (is_wholly_bold(raw) or outline)
                and not self.labelled
            ):
                objective = self._new_objective(cleaned, None)
                created = True
                for sub in sublists:
                    self._kr_items(sub, objective)
            elif _is_kr_section(cleaned) and self.current is not None:
                for sub in sublists:
                    self._kr_items(sub, self.current)
            elif self.current is not None and cleaned.text and (label == "key_result" or created):
                self._add_kr(self.current, cleaned, sublists)
        if created and self.current is not None:
            self.sink = "kr" if not self.current.key_results else None

    def _kr_lines(self, para: SyntaxTreeNode) -> list[Cleaned]:
        """An item's paragraph whose later lines open with a KR label: the objective, then one statement
        per KR line (an unlabelled line continues the statement above); [] when no later line is a KR."""
        first, stop = para.map or (0, 1)
        start, end = paragraph_range(self.lines, para, first_in_item=True)
        starts = [start]
        for k in range(first + 1, stop):
            line = clean_range(self.source, self.lines.start(k), self.lines.end(k))
            if line.tokens.label == "key_result" and line.text:
                starts.append(self.lines.start(k))
        if len(starts) < 2:
            return []
        bounds = [*starts[1:], end]
        units = [clean_range(self.source, a, min(b, end)) for a, b in zip(starts, bounds, strict=True)]
        return units if all(u.text for u in units) else []

    def _inline_krs(self, para: SyntaxTreeNode) -> list[Cleaned]:
        """ "Objective 1: Grow usage. (KR: 80% know the app; 50 reports a month)": the objective, then
        each ``;``-separated KR of the bracket at its end; [] when it has no such bracket."""
        start, end = paragraph_range(self.lines, para, first_in_item=True)
        bracket = _INLINE_KRS.search(self.source, start, end)
        if bracket is None:
            return []
        units = [clean_range(self.source, start, bracket.start())]
        cursor = bracket.start("body")
        for sep in _KR_SEPARATOR.finditer(self.source, cursor, bracket.end("body")):
            units.append(clean_range(self.source, cursor, sep.start()))
            cursor = sep.end()
        units.append(clean_range(self.source, cursor, bracket.end("body")))
        return units if all(u.text for u in units) else []

    def _kr_items(self, node: SyntaxTreeNode, objective: ObjectiveDraft) -> None:
        """Items under an objective: KRs, except labels (objective, "Key Results:", categories)."""
        items = list(node.children)
        all_have_children = all(_item_parts(i)[1] for i in items)
        anchor: KrDraft | None = None  # the KR of the last item that was no field line
        for item in items:
            para, sublists = _item_parts(item)
            if para is None:
                for sub in sublists:
                    self._kr_items(sub, objective)
                continue
            cleaned, raw = self._paragraph(para, first_in_item=True)
            label = cleaned.tokens.label
            if anchor is not None and label is None and _KR_FIELD_ITEM.match(cleaned.text):
                # "- Cut churn to 2%\n- Measure: monthly churn\n- Target: 2%": the KR's fields, not KRs.
                anchor.extra.setdefault("fields", []).append(cleaned.text)
                continue
            anchor = None
            before = len(objective.key_results)
            if self._is_bold_objective(cleaned, raw, sublists):
                cleaned, _ = self._paragraph(para, first_in_item=True, role=True)
                label = "objective"
            if label == "objective" and cleaned.text:
                objective = self._new_objective(cleaned, self.obj_level)
                for sub in sublists:
                    self._kr_items(sub, objective)
            elif _is_kr_section(cleaned):
                for sub in sublists:
                    self._kr_items(sub, objective)
            elif label is None and _OTHER_SECTION.match(cleaned.text) and sublists:
                if _INITIATIVES.match(cleaned.text):
                    for sub in sublists:
                        objective.extra.setdefault("initiatives", []).extend(self._texts(sub))
            elif sublists and label != "key_result" and _is_group_label(cleaned, raw, all_have_children):
                for sub in sublists:
                    self._kr_items(sub, objective)
            elif _INITIATIVE_ITEM.match(cleaned.text):
                rest = _INITIATIVE_ITEM.sub("", cleaned.text, count=1)
                objective.extra.setdefault("initiatives", []).append(rest)
            elif cleaned.text:
                self._add_kr(objective, cleaned, sublists)
            if len(objective.key_results) == before + 1 and not _KR_FIELD_ITEM.match(cleaned.text):
                anchor = objective.key_results[-1]

    def _is_bold_objective(self, cleaned: Cleaned, raw: str, sublists: list[SyntaxTreeNode]) -> bool:
        """Under a list or paragraph objective, a long wholly-bold item with children is the next objective
        (#14); under a heading objective it is a category of KRs (#2, #11)."""
        return (
            self.obj_level is None
            and cleaned.tokens.label is None
            and bool(sublists)
            and is_wholly_bold(raw)
            and len(cleaned.text.split()) > 3
        )

    def _add_kr(self, objective: ObjectiveDraft, cleaned: Cleaned, sublists: list[SyntaxTreeNode]) -> None:
        kr = KrDraft(cleaned=cleaned)
        objective.key_results.append(kr)
        self.last_kr = kr
        for sub in sublists:
            for item in sub.children:
                para, deeper = _item_parts(item)
                if para is None:
                    continue
                nested, _ = self._paragraph(para, first_in_item=True)
                if nested.tokens.label == "key_result" and nested.text:
                    self._add_kr(objective, nested, deeper)  # a labelled KR nested one level too deep
                elif nested.text:
                    # A cascade's child ("CRO: Close 200 deals") keeps its owner's role in front.
                    role = nested.tokens.role
                    kr.initiatives.append(f"{role}: {nested.text}" if role else nested.text)
                    for deeper_list in deeper:
                        kr.initiatives.extend(self._texts(deeper_list))

    def _texts(self, node: SyntaxTreeNode) -> list[str]:
        """Cleaned text of every item of a list, nested ones included (initiatives, notes)."""
        out: list[str] = []
        for item in node.children:
            para, sublists = _item_parts(item)
            if para is not None:
                cleaned, _ = self._paragraph(para, first_in_item=True)
                if cleaned.text:
                    out.append(cleaned.text)
            for sub in sublists:
                out.extend(self._texts(sub))
        return out

    # --- tables and HTML -------------------------------------------------------------------------------
    def _table(self, node: SyntaxTreeNode) -> None:
        heading_objective = self.current if self.sink == "kr" else self._krless_section_objective()
        objectives, loose, skipped = read_table(self.source, self.lines, node, heading_objective is not None)
        self.skipped.extend(skipped)
        self._table_drafts(objectives, loose, heading_objective)

    def _krless_section_objective(self) -> ObjectiveDraft | None:
        """The paragraph objective of this section, while it has no KRs yet."""
        if self.section_objective is None or self.section_objective[0].key_results:
            return None
        return self.section_objective[0]

    def _rows_table(self, header: list[tuple[int, int]], rows: list[list[tuple[int, int]]]) -> None:
        heading_objective = self.current if self.sink == "kr" else None
        objectives, loose, skipped = read_rows(self.source, header, rows, heading_objective is not None)
        self.skipped.extend(skipped)
        self._table_drafts(objectives, loose, heading_objective)

    def _table_drafts(
        self, objectives: list[ObjectiveDraft], loose: list[KrDraft], heading_objective: ObjectiveDraft | None
    ) -> None:
        self.pending_objective = None
        known = {d.cleaned.text for d in self.drafts}
        if (
            objectives
            and not loose
            and all(d.cleaned.text in known and not d.key_results for d in objectives)
        ):
            first = objectives[0].cleaned
            offset = first.offsets[0] if first.offsets else (first.node_span or (0, 0))[0]
            self.skipped.append(Skip(offset, first.text, "a table that repeats objectives already read"))
            return  # a progress or status table
        for draft in objectives:
            draft.period = draft.period or (self.periods[-1][1] if self.periods else None)
            self.drafts.append(draft)
        if loose and heading_objective is not None:
            heading_objective.key_results.extend(loose)
        if objectives:
            self.current, self.obj_level, self.sink = objectives[-1], None, None

    def _html(self, node: SyntaxTreeNode, blocks: list[SyntaxTreeNode], i: int) -> int:
        """``<table>`` blocks are tables; ``<details><summary>KR</summary>…</details>`` (#19): the summary is
        the KR. Returns the index of the last block read (a table may span blank lines and several blocks)."""
        first, _ = node.map or (0, 1)
        base = self.lines.start(first)
        text = self._block_text(node)
        if _TABLE_OPEN.match(text):
            end = self.source.lower().find("</table>", base)
            end = len(self.source) if end < 0 else end + len("</table>")
            self._rows_table(*html_table_rows(self.source, base, end))
            while i + 1 < len(blocks) and self.lines.start((blocks[i + 1].map or (0, 0))[0]) < end:
                i += 1
            return i
        for match in _SUMMARY.finditer(text):
            cleaned = clean_range(self.source, base + match.start("text"), base + match.end("text"))
            if cleaned.text and cleaned.tokens.label == "objective":
                # A toggle titled "Objective: …" (Notion exports, collapsible pages): the list inside holds its KRs.
                self._new_objective(cleaned, None)
            elif cleaned.text and self.current is not None and self.sink in ("kr", "kr_initiatives"):
                self.last_kr = KrDraft(cleaned=cleaned)
                self.current.key_results.append(self.last_kr)
                self.sink = "kr_initiatives"
        if "</details>" in text.lower() and self.current is not None:
            self.sink = "kr"
        return i


def _section_end(blocks: list[SyntaxTreeNode], i: int) -> int:
    """Index of the next heading at the same or a higher level than ``blocks[i]`` (or the end)."""
    level = _level(blocks[i])
    j = i + 1
    while j < len(blocks) and not (blocks[j].type == "heading" and _level(blocks[j]) <= level):
        j += 1
    return j


def _item_parts(item: SyntaxTreeNode) -> tuple[SyntaxTreeNode | None, list[SyntaxTreeNode]]:
    """A list item's first paragraph (its text) and its nested lists."""
    children = list(item.children)
    para = children[0] if children and children[0].type == "paragraph" else None
    return para, [c for c in children if c.type in _LISTS]


def _is_group_label(cleaned: Cleaned, raw: str, all_have_children: bool) -> bool:
    """A short category item ("Features", "**Robustness**") whose children are the KRs (#11)."""
    if any(ch.isdigit() for ch in cleaned.text):
        return False
    stripped = raw.strip()
    if is_wholly_bold(stripped) or is_wholly_emphasis(stripped):
        return True
    if stripped.endswith((":", "：")):
        # "Docs:" names a group; "Plan a summer trip including:" is a KR whose children detail it.
        return len(cleaned.text.split()) <= _GROUP_LABEL_WORDS
    return all_have_children and len(cleaned.text.split()) <= 2
