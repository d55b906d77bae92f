"""Value types share one set of given field names per distinct set, and behave as if each had its own."""

from okrlint.analysis.models import TextSpan
from okrlint.models import Position, Span, Statement, StatementKind


def _statement(text: str, approximate: bool | None = None) -> Statement:
    extra = {} if approximate is None else {"approximate": approximate}
    return Statement(
        id="O1",
        kind=StatementKind.OBJECTIVE,
        text=text,
        span=Span(start=0, end=len(text)),
        start=Position(line=1, column=1),
        end=Position(line=1, column=len(text) + 1),
        **extra,
    )


def test_instances_given_the_same_fields_share_one_set() -> None:
    a, b = _statement("Delight our users"), _statement("Grow revenue")
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert (
        TextSpan(text="x", start=0, end=1).__pydantic_fields_set__
        is TextSpan(text="y", start=1, end=2).__pydantic_fields_set__
    )


def test_a_shared_set_still_says_which_fields_each_was_given() -> None:
    plain, flagged = _statement("Grow revenue"), _statement("Grow revenue", approximate=True)
    assert "approximate" not in plain.model_fields_set
    assert "approximate" in flagged.model_fields_set
    assert "approximate" not in plain.model_dump(exclude_unset=True)


def test_a_copy_with_updates_leaves_the_shared_set_alone() -> None:
    plain = _statement("Grow revenue")
    other = _statement("Delight our users")
    changed = plain.model_copy(update={"approximate": True})
    assert "approximate" in changed.model_fields_set
    assert "approximate" not in plain.model_fields_set
    assert "approximate" not in other.model_fields_set
