"""A small DOM reader for the HTML report tests (stdlib only), shared by the unit and the browser test."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Elements, text and the statement each finding sits under, as a browser would build them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.statement: str | None = None
        self.section: str | None = None
        self.placed: list[tuple[str | None, str | None, str | None]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        classes = (a.get("class") or "").split()
        if tag == "section":
            self.section, self.statement = a.get("id"), None
        if "data-statement" in a:
            self.statement = a["data-statement"]
        if "finding" in classes:
            self.placed.append((self.section, self.statement, a.get("data-code")))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def by_id(self, element_id: str) -> dict[str, str | None]:
        return next(a for _, a in self.tags if a.get("id") == element_id)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())
