"""What one statement says, computed once from its dependency parse; rules read this, never tokens.

Layout: ``quantities`` (numbers and time expressions, plain text), ``predicates`` (the only module that reads
spaCy tokens), ``roles`` (the role table), ``actor``, ``timebox``, ``language``, ``models`` (the records),
``classes`` (the enums) and ``analyzer`` (puts them together).
"""

from okrlint.analysis.analyzer import Analyzer
from okrlint.analysis.classes import NounClass, NumberPlace, Role, VerbClass
from okrlint.analysis.models import ChangeShape, Phrase, Predicate, Quantity, StatementAnalysis, TextSpan
from okrlint.analysis.predicates import MAX_PREDICATES
from okrlint.analysis.quantities import find_quantities
from okrlint.analysis.roles import DOING_ROLES, MEASURING_ROLES, ROLE_TABLE

__all__ = [
    "DOING_ROLES",
    "MAX_PREDICATES",
    "MEASURING_ROLES",
    "ROLE_TABLE",
    "Analyzer",
    "ChangeShape",
    "NounClass",
    "NumberPlace",
    "Phrase",
    "Predicate",
    "Quantity",
    "Role",
    "StatementAnalysis",
    "TextSpan",
    "VerbClass",
    "find_quantities",
]
