"""Field names and values as people write them: key aliases, numbers, percentages, 0–1 vs 0–100 scales."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from typing import Any


def norm_key(key: object) -> str:
    """Case-insensitive; ``_``, ``-``, ``.``, spaces and ``%`` ignored: ``Key Results`` == ``key_results``."""
    return re.sub(r"[\s_\-.%#]+", "", str(key)).lower()


class Aliases(frozenset[str]):
    """Normalised key spellings: a set for membership tests, iterated in the order written, so that when a
    mapping has two of them (``key_results`` and ``krs``) the same one wins on every run."""

    order: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...]) -> Aliases:
        self = super().__new__(cls, names)
        self.order = tuple(dict.fromkeys(names))
        return self

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)


def _aliases(*names: str) -> Aliases:
    return Aliases(tuple(norm_key(n) for n in names))


# Section 4.2 of the file-format note, plus the CSV/vendor names of section 3.
# English names first, then the same keys in the languages OKR files are written in (Spanish, Portuguese,
# French, Italian, German, Chinese): the structure of a non-English file is read like an English one.
OBJECTIVES_KEYS = _aliases(
    "objectives",
    "okrs",
    "okr",
    "goals",
    "objetivos",
    "objectifs",
    "obiettivi",
    "ziele",
    "目标列表",
    "目標一覧",
)
OBJECTIVE_TEXT = (
    "objective", "statement", "title", "text", "name", "goal",
    "objetivo", "objectif", "obiettivo", "ziel", "titulo", "título", "titre", "nome", "nombre", "目标", "目標",
)  # fmt: skip
KR_LIST = _aliases(
    "key_results", "keyResults", "krs", "results", "key-results", "keyresult",
    "resultados_clave", "resultados_chave", "resultats_cles", "risultati_chiave", "schluesselergebnisse",
    "关键结果", "關鍵結果", "关键成果", "關鍵成果", "主要な結果",
)  # fmt: skip
KR_TEXT = (
    "title", "statement", "kr", "key_result", "text", "description", "desc", "name", "metric_name",
    "texto", "titulo", "título", "nome", "nombre", "descripcion", "descrição", "descricao", "resultado",
    "关键结果", "描述", "metric",
)  # fmt: skip
# Values of a type column or key: which rows or nodes are objectives and which are key results.
OBJECTIVE_TYPES = _aliases(
    "obj", "objective", "objectives", "o", "goal", "objetivo", "objectif", "目标", "目標"
)
KR_TYPES = _aliases(
    "kr",
    "keyresult",
    "keyresults",
    "milestone",
    "krs",
    "resultado_chave",
    "resultado_clave",
    "关键结果",
    "关键成果",
)
# Numbered key-result columns of a one-row-per-objective table ("KR1", "Key Result 2"), as normalised keys.
NUMBERED_KR = re.compile(r"^(?:kr|keyresults?|krs|result)\d{1,2}$")
_PERIOD_SUFFIX = re.compile(r"(?:q[1-4])?(?:\d{4}|\d{2})?(?:q[1-4]|h[12])?$")


def is_objectives_key(key: object) -> bool:
    """``objectives``, ``okrs``, ``objetivos_q3``, ``okrs2024``: a key whose value holds the objectives."""
    norm = norm_key(key)
    return norm in OBJECTIVES_KEYS or _PERIOD_SUFFIX.sub("", norm) in OBJECTIVES_KEYS


ID = _aliases("id", "objective_id", "kr_id", "okr_id", "key_result_id", "objectiveid", "krid")
BASELINE = _aliases("baseline", "start", "start_value", "from", "initial", "metric_start_value")
TARGET = _aliases("target", "target_result", "target_value", "goal", "to", "metric_target_value")
CURRENT = _aliases("current", "current_result", "current_value", "actual", "value")
UNIT = _aliases("unit", "units", "metric_type")
OWNER = _aliases(
    "owner", "owner_id", "owner_email", "owners", "responsible", "assignee", "dri", "owner_title", "lead"
)
CONFIDENCE = _aliases("confidence", "conf", "confidence_%")
PROGRESS = _aliases("progress", "prog", "completion", "progress_%", "percent_complete")
SCORE = _aliases("score", "grade", "review_score")
DUE = _aliases("due", "due_date", "end", "end_date", "deadline", "period_end", "kr_measurement_deadline")
PERIOD = _aliases("period", "quarter", "cycle", "timeframe", "time_frame")
YEAR = _aliases("year")
PARENT = _aliases(
    "parent", "parent_id", "aligned_to", "alignedTo", "supports", "reference", "parentId", "aligns_to"
)
TEAM = _aliases("team", "team_name", "department", "group", "squad")
LEVEL = _aliases("level", "scope", "org_level", "orglevel", "objective_type_level")
TYPE = _aliases("type", "okr_type", "commitment", "kind", "tipo", "类型")
STATUS = _aliases("status", "state")
PRIORITY = _aliases("priority", "prio")
INITIATIVES = _aliases("initiatives", "tasks", "projects", "actions")

_NUMBER = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*(%?)\s*$")
_DONE = re.compile(r"^(?:done|complete[d]?|achieved|finished|shipped|met|yes|✅)\b", re.IGNORECASE)
_NOT_STARTED = re.compile(r"^(?:not started|no|todo|to do)\b", re.IGNORECASE)
_PERCENT_IN = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_LEADING_NUMBER = re.compile(r"^\s*(\d*\.\d+|\d+)(?!\s*[/:])")


def to_number(value: Any) -> tuple[float | str | None, str | None]:
    """Numbers and numeric strings -> float; ``"45%"`` -> ``(45.0, "%")``; other text stays text."""
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, int | float):
        number = float(value)
        return (number, None) if math.isfinite(number) else (str(value), None)
    text = str(value).strip()
    if not text:
        return None, None
    match = _NUMBER.match(text)
    if match:
        number = float(match.group(1).replace(",", "."))
        return number, ("%" if match.group(2) else None)
    return text, None


def to_fraction(value: Any) -> float | None:
    """Confidence/progress: 0–1 stays, 0–100 and ``"70 %"`` are divided by 100; anything else is None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _scale(float(value), percent=False)
    return parse_progress(str(value))


def parse_progress(raw: str) -> float | None:
    """``"60%"`` -> 0.6, ``"0.7"`` -> 0.7, ``"Done"`` -> 1.0, ``"20%: shipped beta"`` -> 0.2."""
    text = raw.strip()
    if not text:
        return None
    if _DONE.match(text):
        return 1.0
    if _NOT_STARTED.match(text):
        return 0.0
    match = _PERCENT_IN.match(text) or _PERCENT_IN.search(text[:12])
    if match:
        return _scale(float(match.group(1)), percent=True)
    match = _LEADING_NUMBER.match(text)
    if match:
        return _scale(float(match.group(1)), percent=False)
    return None


def _scale(number: float, *, percent: bool) -> float | None:
    if not math.isfinite(number) or number < 0:
        return None
    if percent or number > 1:
        number /= 100
    return number if number <= 1 else None


def plain(value: Any) -> Any:
    """A YAML/JSON value made safe for ``extra``: dates -> ISO strings, NaN -> its text."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    return value


def as_text(value: Any) -> str | None:
    """A scalar as a string (dates in ISO form); None for missing or empty values."""
    if value is None:
        return None
    value = plain(value)
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return text.strip() or None
