"""The guides by title (``corpus/bibliography.yaml``): what users read where a rule or rewrite cites a source.

Data cite guides by seed file and line; people recognise a title. Unknown files fall back to the file name.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from okrlint.resources import corpus_dir
from okrlint.yamlio import load_yaml


class Guide(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    link: str | None = None

    def reference(self) -> str:
        """``Title (author or publisher, year)``: the short form shown next to a line number."""
        who = ", ".join(str(p) for p in (self.author or self.publisher, self.year) if p)
        return f"{self.title} ({who})" if who else self.title


@cache
def bibliography() -> dict[str, Guide]:
    raw = load_yaml((corpus_dir() / "bibliography.yaml").read_text(encoding="utf-8")) or {}
    return {name: Guide.model_validate(entry) for name, entry in raw.items()}


def guide_title(file: str) -> str | None:
    guide = bibliography().get(file)
    return guide.reference() if guide else None
