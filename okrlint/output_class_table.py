"""The generated table of output classes (``rules/lexicons/output_classes.json``, built from WordNet by
``tools/build_output_classes.py``): which class of output a noun or verb names, the people nouns, and the -ing
forms lemminflect's rules get wrong. Loaded once, by the parse frame (its work verbs) and the suggester alike."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from okrlint.resources import rules_dir


@dataclass(frozen=True, slots=True)
class OutputClasses:
    """Generated data (tested as a whole), so not validated field by field on every start."""

    classes: tuple[str, ...]
    verbs: Mapping[str, str]
    nouns: Mapping[str, str]
    gerunds: Mapping[str, str]
    people: frozenset[str]


@cache
def output_classes() -> OutputClasses:
    raw = json.loads((rules_dir() / "lexicons" / "output_classes.json").read_text(encoding="utf-8"))
    return OutputClasses(
        classes=tuple(raw["classes"]),
        verbs=raw["verbs"],
        nouns=raw["nouns"],
        gerunds=raw["gerunds"],
        people=frozenset(raw["people"]),
    )
