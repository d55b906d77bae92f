"""Checks on a whole OKR (an objective with its key results) or a whole file (rules S3xx)."""

from __future__ import annotations

import math
import weakref
from itertools import islice

from okrlint.analysis import Role
from okrlint.checks.base import CheckContext, DocumentUnit, Hit, HitIterator, OkrUnit, Unit
from okrlint.models import OkrDocument, Severity

# Statement codes that mean "this key result measures no result" (003:134, 003:92).
_NO_OUTCOME_CODES = frozenset({"K201", "K202", "K203", "K204", "K205", "K207"})
_INDIVIDUAL_LEVELS = frozenset({"individual", "personal", "person", "employee"})


def _okr(unit: Unit) -> OkrUnit:
    assert isinstance(unit, OkrUnit)
    return unit


def _doc(unit: Unit) -> DocumentUnit:
    assert isinstance(unit, DocumentUnit)
    return unit


def _whole(text: str) -> tuple[int, int]:
    return 0, len(text)


def key_result_count(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S301: too few or too many key results under one objective (3-5 in the ebook; "up to three" in 004)."""
    u = _okr(unit)
    count = len(u.key_results)
    minimum = int(ctx.options.get("min", 2))
    recommended = int(ctx.options.get("recommended_min", 3))
    maximum = int(ctx.options.get("max", 5))
    text = u.objective.statement.text
    variables = {"count": count, "min": minimum, "max": maximum, "recommended": recommended}
    if count < minimum:
        yield Hit(*_whole(text), {**variables, "problem": "too_few"})
    elif count > maximum:
        yield Hit(*_whole(text), {**variables, "problem": "too_many"})
    elif count < recommended:
        yield Hit(*_whole(text), {**variables, "problem": "few"}, severity=Severity.INFO)


def objective_count(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S302: more objectives in one file than a team can focus on."""
    u = _doc(unit)
    count = len(u.document.objectives)
    maximum = int(ctx.options.get("max", 5))
    if count > maximum:
        extra = next(islice(u.document.objectives, maximum, None)).statement
        yield Hit(*_whole(extra.text), {"count": count, "max": maximum}, statement_id=extra.id)


def project_with_task_list(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S303: no key result measures an outcome, so the "OKR" is a project plan."""
    u = _okr(unit)
    if len(u.key_results) < 2:
        return
    tasks = [kr for kr, _ in u.key_results if ctx.fired.get(kr.statement.id, frozenset()) & _NO_OUTCOME_CODES]
    if len(tasks) == len(u.key_results):
        yield Hit(*_whole(u.objective.statement.text), {"count": len(tasks)})


def missing_parent(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S304: the file (or config) expects objectives to link to a parent, and this one does not."""
    u = _okr(unit)
    document = u.document
    if document is None or u.objective.parent or document.parent:
        return
    expected = bool(ctx.options.get("expect_parent", False)) or _links_to_parents(document)
    if expected:
        yield Hit(*_whole(u.objective.statement.text))


# Whether some objective of a document names a parent, per document: asked once per objective, the scan over every
# objective made S304 quadratic in a file's objectives (25,000 objectives: 625 million steps).
# Keyed by identity (documents with extra fields are unhashable); an entry goes when its document does.
_PARENT_LINKS: dict[int, tuple[weakref.ref[OkrDocument], bool]] = {}


def _links_to_parents(document: OkrDocument) -> bool:
    cached = _PARENT_LINKS.get(id(document))
    if cached is not None and cached[0]() is document:
        return cached[1]
    found = any(o.parent for o in document.objectives)
    _PARENT_LINKS[id(document)] = (weakref.ref(document), found)
    weakref.finalize(document, _PARENT_LINKS.pop, id(document), None)
    return found


def personal_okrs(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S306: the file holds one person's OKRs; the guides set OKRs per team (003:1301, 002:202, 004:92)."""
    u = _doc(unit)
    policy = str(ctx.options.get("individual_okrs", "allow_development"))
    if policy == "allow_laddering":
        return
    document = u.document
    total = len(u.analyses)
    first_person = sum(a.subject_person == "first_singular" for a in u.analyses.values())
    personal_level = (document.level or "").lower() in _INDIVIDUAL_LEVELS
    if not personal_level and first_person * 2 <= total:
        return
    if policy == "allow_development":
        lex = ctx.lexicon
        development = lex.words.get("personal_development", frozenset())
        objectives = [u.analyses[o.statement.id] for o in document.objectives]
        if objectives and all(set(a.lemmas) & development for a in objectives):
            return
    first = document.first_objective().statement
    yield Hit(*_whole(first.text), {"who": document.owner or "one person"})


def only_learning_key_results(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S316: every key result is a discovery task, so nobody can tell whether the objective was reached."""
    u = _okr(unit)
    if len(u.key_results) < 2:
        return
    learning = [kr for kr, a in u.key_results if a.main is not None and a.main.role is Role.LEARN]
    if len(learning) == len(u.key_results):
        yield Hit(*_whole(u.objective.statement.text), {"count": len(learning)})


def duplicate_key_results(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S317: the same (or nearly the same) key result appears twice in one file.

    Compared on content lemmas plus the numbers, so "Reduce the lead to sales time …" matches "Reduce lead to
    sales time … on average". Identical word sets are grouped by hash first, so only one key result per distinct
    set is ever compared: 32,000 copies of one key result cost 32,000 dictionary look-ups. Two distinct sets this
    alike must share one of the rarer words of each, so a set is only compared with sets sharing a rare word.
    Each key result is reported against the first earlier key result it matches, as a pairwise scan would.
    """
    u = _doc(unit)
    threshold = float(ctx.options.get("similarity", 0.85))
    # (id, length of text, words): the statements themselves are not kept, a very large file has too many. A
    # digest's words are already a sorted tuple and are shared, not copied (a frozenset of five words is 728 bytes).
    entries: list[tuple[str, int, Words]] = []
    for objective in u.document.objectives:
        for kr in objective.key_results:
            if kr.dropped:
                continue
            found = u.analyses[kr.statement.id].content_and_numbers
            words = found if isinstance(found, tuple) else tuple(sorted(found))
            if words:
                entries.append((kr.statement.id, len(kr.statement.text), words))
    matches = first_similar([words for _, _, words in entries], threshold)
    for (statement_id, length, _), j in zip(entries, matches, strict=True):
        if j is not None:
            yield Hit(0, length, {"other": entries[j][0]}, statement_id=statement_id)


# A set of words as a sorted tuple of distinct words: equal sets are equal tuples, at a ninth of a frozenset's size.
Words = tuple[str, ...]


def first_similar(sets: list[Words], threshold: float) -> list[int | None]:
    """For each set (sorted distinct words), the index of the first earlier set at least ``threshold`` alike
    (Jaccard), or None.

    Prefix filtering: words are ranked rarest first, once for the whole file; if two sets are this alike, the
    first few words of each (``_prefix``) share a word, so each set is indexed and looked up by those words only.
    Indexing every word instead made 100,000 key results built from a small vocabulary quadratic (17.8 s).
    """
    frequency: dict[str, int] = {}
    for words in set(sets):
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    # For each distinct set seen so far: the first earlier set it matches, or its own first index.
    earliest: dict[Words, int] = {}
    # (prefix word, set size) -> first index of each distinct set of that size with that word in its prefix
    postings: dict[tuple[str, int], list[int]] = {}
    out: list[int | None] = []
    for i, words in enumerate(sets):
        if words in earliest:
            out.append(earliest[words])
            continue
        prefix = _prefix(words, frequency, threshold)
        j = _first_similar(words, prefix, sets, postings, threshold)
        earliest[words] = i if j is None else j
        for word in prefix:
            postings.setdefault((word, len(words)), []).append(i)
        out.append(j)
    return out


def _sizes_that_can_match(size: int, threshold: float) -> list[int]:
    """Sizes of *other* sets that can be ``threshold`` alike to a set of ``size`` words.

    Jaccard(A, B) <= min(|A|, |B|) / max(|A|, |B|); and two different sets of one size k share at most k - 1
    words out of at least k + 1, so short key results only ever match an identical one (handled by hash).
    """
    low, high = math.ceil(threshold * size - 1e-9), math.floor(size / threshold + 1e-9)
    return [s for s in range(max(1, low), high + 1) if s != size or (size - 1) / (size + 1) >= threshold]


def _prefix(words: Words, frequency: dict[str, int], threshold: float) -> list[str]:
    """The rarest words of a set, enough of them that two sets ``threshold`` alike share one.

    If Jaccard(A, B) >= t then |A \\ B| <= (1 - t) / t * |A|, so the overlap is at least |A| minus that; with one
    global ranking of words, the first |A| - overlap + 1 words of A and of B then share a word (the prefix
    filtering lemma), and this prefix is at least that long for both sets.
    """
    needed = int((1 - threshold) / threshold * len(words)) + 1
    return sorted(words, key=lambda w: (frequency[w], w))[:needed]


def _first_similar(
    words: Words,
    prefix: list[str],
    sets: list[Words],
    postings: dict[tuple[str, int], list[int]],
    threshold: float,
) -> int | None:
    """The earliest key result with a different word set at least ``threshold`` alike (Jaccard), if any."""
    sizes = _sizes_that_can_match(len(words), threshold)
    mine = set(words)
    for j in sorted({j for word in prefix for size in sizes for j in postings.get((word, size), ())}):
        other = sets[j]
        common = len(mine.intersection(other))
        if common / (len(words) + len(other) - common) >= threshold:
            return j
    return None
