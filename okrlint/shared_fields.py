"""One shared ``__pydantic_fields_set__`` per distinct set of field names.

Pydantic gives every instance its own set of the fields it was given: 200 to 700 bytes each, often more than the
values themselves. okrlint's value types are frozen, so nothing adds to an instance's set after validation
(``model_copy(update=…)`` copies it first); instances given the same fields can share one set. On a file of
100,000 key results that is hundreds of thousands of sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel

_SHARED: dict[frozenset[str], set[str]] = {}


def share_fields_set(model: BaseModel) -> None:
    """Replace ``model``'s own set of given field names by the shared set with the same names."""
    own = model.__pydantic_fields_set__
    key = frozenset(own)
    shared = _SHARED.get(key)
    if shared is None:
        shared = _SHARED.setdefault(key, own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


class SharesFieldsSet(BaseModel):
    """A frozen value type whose instances share their set of given field names (see the module's note)."""

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        share_fields_set(copied)
        return copied
